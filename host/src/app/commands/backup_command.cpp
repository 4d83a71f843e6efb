// `beacon backup --out FILE`: an online backup of the SQLite database and its attachments
// (app/backup_archive.h), taken while the server keeps writing.
#include <ostream>

#include "app/arguments.h"
#include "app/backup_archive.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "http/web_config.h"

namespace beacon::app {
namespace {

class BackupCommand : public Command {
 public:
  std::string name() const override { return "backup"; }
  std::string summary() const override { return "back up the database and attachments to one file, online"; }
  std::string help() const override {
    return "usage: beacon backup --out FILE\n"
           "Writes the SQLite database (beacon.database) and the attachment content it names\n"
           "(web.attachments_dir) to FILE, a zip with a manifest (schema version, audit-chain head).\n"
           "Consistent while `beacon serve` or another command writes: the copy holds every\n"
           "transaction committed before it began. FILE must not exist. On PostgreSQL use pg_dump.\n"
           "`beacon restore --from FILE` checks and restores it.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"out"}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    if (!parsed.value().has("out")) {
      return fail(
          ctx, sdk::Status::invalid("--out", cliWord("refuse_backup_out_required", ctx.english)));
    }
    auto web = http::WebConfig::load(ctx.config);
    if (!web.isOk()) return fail(ctx, web.status());
    const std::string out = parsed.value().get("out");
    auto written = writeBackup(ctx.config.getString("beacon.database", "var/beacon.db"), web.value().attachments_dir,
                               out, ctx.english);
    if (!written.isOk()) return fail(ctx, written.status());
    const BackupManifest& m = written.value();
    ctx.out << cliWord("backed_up", ctx.english,
                       {out, std::to_string(m.schema_version), std::to_string(m.audit_entries),
                        std::to_string(m.audit_head_id), std::to_string(m.attachments)})
            << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeBackupCommand() { return std::make_unique<BackupCommand>(); }

}  // namespace beacon::app
