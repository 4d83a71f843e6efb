#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "http/label_language.h"

namespace beacon::app {
namespace {

class PluginsCommand : public Command {
 public:
  std::string name() const override { return "plugins"; }
  std::string summary() const override { return "list domain plugins, their state and drill types"; }
  std::string help() const override {
    return "usage: beacon plugins\n"
           "Lists every plugin found: id, version, SDK version, state (enabled, or disabled and why)\n"
           "and the drill types it provides with their report labels.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    for (const auto& p : app.value()->plugins().all()) {
      const bool on = p.state == plugins::PluginState::Enabled;
      ctx.out << p.id << "\t" << http::inLanguage(ctx.english, p.name_en, p.name_zh) << "\t"
              << p.version << "\tSDK " << sdk::sdkVersionString(p.sdk_version) << "\t"
              << (on ? cliWord("plugin_enabled", ctx.english)
                     : cliWord("plugin_disabled", ctx.english, {p.reason}))
              << "\n";
      for (const auto& t : p.drill_types) {
        ctx.out << "  " << t.id << "\t" << http::inLanguage(ctx.english, t.label_en, t.label_zh)
                << "\t"
                << cliWord(t.content == sdk::DrillContent::Comprehensive ? "drill_comprehensive"
                                                                         : "drill_single",
                           ctx.english)
                << "/"
                << cliWord(t.form == sdk::DrillForm::Live ? "drill_live" : "drill_tabletop",
                           ctx.english)
                << (t.on_site_disposal ? "/" + cliWord("drill_on_site_disposal", ctx.english) : "")
                << "\t→ " << t.report_label_zh << "\n";
      }
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makePluginsCommand() { return std::make_unique<PluginsCommand>(); }

}  // namespace beacon::app
