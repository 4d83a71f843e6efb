// `beacon restore --from FILE [--replace]`: checks a `beacon backup` file and restores it
// (app/backup_archive.h).
#include <ostream>

#include "app/arguments.h"
#include "app/backup_archive.h"
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
      return fail(ctx, sdk::Status::invalid("--from", ctx.english ? "required (a file `beacon backup` wrote)"
                                                                  : "必须给出（beacon backup 生成的备份文件）"));
    }
    auto web = http::WebConfig::load(ctx.config);
    if (!web.isOk()) return fail(ctx, web.status());
    const std::string database = ctx.config.getString("beacon.database", "var/beacon.db");
    auto restored = restoreBackup(parsed.value().get("from"), database, web.value().attachments_dir,
                                  parsed.value().has("replace"), ctx.english);
    if (!restored.isOk()) return fail(ctx, restored.status());
    const BackupManifest& m = restored.value();
    if (ctx.english) {
      ctx.out << "restored " << database << " from the backup of " << m.created_at << ": schema version "
              << m.schema_version << ", audit chain verified (" << m.audit_entries << " entries), "
              << m.attachments << " attachments\n";
    } else {
      ctx.out << "已从 " << m.created_at << " 的备份恢复 " << database << "：结构版本 " << m.schema_version
              << "，审计链校验通过（" << m.audit_entries << " 条），附件 " << m.attachments << " 个\n";
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeRestoreCommand() { return std::make_unique<RestoreCommand>(); }

}  // namespace beacon::app
