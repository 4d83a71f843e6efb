#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/command.h"

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
      ctx.out << p.id << "\t" << (ctx.english ? p.name_en : p.name_zh) << "\t" << p.version << "\tSDK "
              << sdk::sdkVersionString(p.sdk_version) << "\t"
              << (on ? (ctx.english ? "enabled" : "已启用") : (ctx.english ? "disabled: " : "已停用: ") + p.reason)
              << "\n";
      for (const auto& t : p.drill_types) {
        ctx.out << "  " << t.id << "\t" << (ctx.english ? t.label_en : t.label_zh) << "\t"
                << (t.content == sdk::DrillContent::Comprehensive ? "综合" : "单项") << "/"
                << (t.form == sdk::DrillForm::Live ? "实战" : "桌面")
                << (t.on_site_disposal ? "/现场处置方案" : "") << "\t→ " << t.report_label_zh << "\n";
      }
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makePluginsCommand() { return std::make_unique<PluginsCommand>(); }

}  // namespace beacon::app
