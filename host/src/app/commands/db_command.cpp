#include <ostream>

#include <Poco/Exception.h>
#include <Poco/File.h>

#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "store/database.h"
#include "store/database_copy.h"
#include "store/database_uri.h"
#include "store/storage_error.h"

namespace beacon::app {
namespace {

class DbCommand : public Command {
 public:
  std::string name() const override { return "db"; }
  std::string summary() const override {
    return "copy the whole database to another one (SQLite to PostgreSQL or back)";
  }
  std::string help() const override {
    return "usage: beacon db copy --from URI --to URI\n"
           "Copies every table, with the same ids, from one Beacon database into an empty one, in "
           "one\n"
           "transaction on the target: sqlite:PATH (or PATH) and "
           "postgresql://USER@HOST:PORT/DBNAME\n"
           "(password from PGPASSWORD or ~/.pgpass), either way. A target with no tables is "
           "migrated\n"
           "first. Refused, nothing written, when the target has rows or the two schema versions\n"
           "differ. After the copy each table's row count and the audit hash chain are checked on "
           "the\n"
           "target before the commit.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    if (args.empty() || args.front() != "copy") {
      ctx.err << help();
      return 2;
    }
    auto a = Arguments::parse(std::vector<std::string>(args.begin() + 1, args.end()),
                              {"from", "to"}, {});
    if (!a.isOk()) return fail(ctx, a.status());
    if (!a.value().positionals().empty()) {
      return fail(ctx,
                  sdk::Status::invalid("copy", cliWord("refuse_unexpected_argument", ctx.english,
                                                       {a.value().positionals().front()})));
    }
    std::string uris[2];
    const char* options[2] = {"from", "to"};
    for (int i = 0; i < 2; ++i) {
      if (!a.value().has(options[i]) || a.value().get(options[i]).empty()) {
        return fail(ctx,
                    sdk::Status::invalid(std::string("--") + options[i],
                                         cliWord("refuse_database_uri_required", ctx.english)));
      }
      auto uri = store::DatabaseUri::parse(a.value().get(options[i]), ctx.english);
      if (!uri.isOk())
        return fail(ctx,
                    sdk::Status::invalid(std::string("--") + options[i], uri.status().message()));
      uris[i] = a.value().get(options[i]);
      // Opening a SQLite path creates the file: a source that is not there is a typo.
      if (i == 0 && !uri.value().postgres() && uri.value().path != ":memory:" &&
          !Poco::File(uri.value().path).exists()) {
        return fail(ctx, sdk::Status::invalid("--from", cliWord("refuse_no_database_file",
                                                                ctx.english, {uri.value().path})));
      }
    }
    try {
      store::Database from(uris[0]);
      store::Database to(uris[1]);
      auto copied = store::copyDatabase(from, to, ctx.english);
      if (!copied.isOk()) return fail(ctx, copied.status());
      const auto& report = copied.value();
      for (const auto& [table, rows] : report.tables)
        ctx.out << "  " << table << "\t" << rows << "\n";
      ctx.out << cliWord("db_copied", ctx.english,
                         {std::to_string(report.rows), std::to_string(report.tables.size()),
                          from.path(), to.path()})
              << "\n";
      ctx.out << report.audit.describe(ctx.english) << "\n";
      return 0;
    } catch (const Poco::Exception& e) {
      return fail(ctx, store::failureStatus(
                           e, cliWord("refuse_copy_failed", ctx.english, {e.displayText()})));
    }
  }
};

}  // namespace

std::unique_ptr<Command> makeDbCommand() { return std::make_unique<DbCommand>(); }

}  // namespace beacon::app
