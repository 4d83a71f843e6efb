// `beacon restore --from FILE [--replace]`: checks a `beacon backup` file and restores it
// (app/backup_archive.h).
#include <ostream>

#include "app/arguments.h"
#include "app/backup_archive.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "http/web_config.h"

namespace beacon::app {
namespace {

class RestoreCommand : public Command {
 public:
  std::string name() const override { return "restore"; }
  std::string summary() const override { return "check a backup file and restore it"; }
  std::string help() const override {
    return "usage: beacon restore --from FILE [--replace]\n"
           "Checks FILE (a `beacon backup` zip: manifest, schema version no newer than this binary's,\n"
           "the audit chain up to the head the manifest records, each attachment's SHA-256), then\n"
           "restores it as beacon.database and its attachments into web.attachments_dir. A database\n"
           "that already holds records is refused unless --replace (stop the server first). Nothing\n"
           "is changed when a check fails. On PostgreSQL use pg_restore.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"from"}, {"replace"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    if (!parsed.value().has("from")) {
      return fail(ctx, sdk::Status::invalid("--from",
                                            cliWord("refuse_restore_from_required", ctx.english)));
    }
    auto web = http::WebConfig::load(ctx.config);
    if (!web.isOk()) return fail(ctx, web.status());
    const std::string database = ctx.config.getString("beacon.database", "var/beacon.db");
    auto restored = restoreBackup(parsed.value().get("from"), database, web.value().attachments_dir,
                                  parsed.value().has("replace"), ctx.english);
    if (!restored.isOk()) return fail(ctx, restored.status());
    const BackupManifest& m = restored.value();
    ctx.out << cliWord("restored", ctx.english,
                       {database, m.created_at, std::to_string(m.schema_version),
                        std::to_string(m.audit_entries), std::to_string(m.attachments)})
            << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeRestoreCommand() { return std::make_unique<RestoreCommand>(); }

}  // namespace beacon::app
