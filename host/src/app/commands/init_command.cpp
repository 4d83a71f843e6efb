#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "demo/xinmi_demo.h"
#include "store/migrations.h"
#include "store/organisation_repository.h"

namespace beacon::app {
namespace {

class InitCommand : public Command {
 public:
  std::string name() const override { return "init"; }
  std::string summary() const override { return "create or migrate the database; --demo loads demo data"; }
  std::string help() const override {
    return "usage: beacon init [--demo xinmi-2023]\n"
           "Creates the database named by beacon.database (or --db) or applies pending migrations.\n"
           "--demo xinmi-2023 loads the illustrative Xinmi 2023 dataset (示例数据) into an empty database.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"demo"}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const std::string demo = parsed.value().get("demo");
    if (parsed.value().has("demo") && demo != "xinmi-2023") {
      return fail(
          ctx, sdk::Status::invalid("--demo", cliWord("refuse_demo_unknown", ctx.english, {demo})));
    }
    auto app = ctx.app(/*migrate=*/true);
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    ctx.out << cliWord("init_database", ctx.english,
                       {c.databasePath(), std::to_string(c.db().schemaVersion())})
            << "\n";
    if (demo.empty()) return 0;
    if (store::OrganisationRepository(c.db().session()).count() > 0) {
      return fail(ctx,
                  sdk::Status::invalid("--demo", cliWord("refuse_demo_not_empty", ctx.english)));
    }
    sdk::Status s = demo::loadDemo(c.db(), c.plugins(), demo, ctx.actor);
    if (!s.isOk()) return fail(ctx, s);
    ctx.out << cliWord("init_demo_loaded", ctx.english, {demo}) << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeInitCommand() { return std::make_unique<InitCommand>(); }

}  // namespace beacon::app
