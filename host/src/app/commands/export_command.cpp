#include <fstream>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/command.h"
#include "io/csv_exporter.h"

namespace beacon::app {
namespace {

class ExportCommand : public Command {
 public:
  std::string name() const override { return "export"; }
  std::string summary() const override {
    return "export a ledger kind (organisations, plans, reviews, ...) as CSV";
  }
  std::string help() const override {
    return "usage: beacon export KIND [--out FILE] [--english-headers]\n"
           "KIND: organisations, plans (every version), reviews, filings, drills, "
           "corrective-actions.\n"
           "UTF-8 with BOM (opens in Excel), Chinese headers by default; `beacon import KIND` "
           "reads it back.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"out"}, {"english-headers"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const auto& pos = parsed.value().positionals();
    if (pos.size() != 1) {
      ctx.err << help();
      return 2;
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    const bool english = parsed.value().has("english-headers");
    if (!parsed.value().has("out")) {
      auto s = io::exportCsv(app.value()->db(), app.value()->plugins(), pos[0], ctx.out, english);
      return s.isOk() ? 0 : fail(ctx, s);
    }
    std::ofstream file(parsed.value().get("out"), std::ios::binary);
    if (!file) return fail(ctx, sdk::Status::invalid("--out", "cannot write " + parsed.value().get("out")));
    auto s = io::exportCsv(app.value()->db(), app.value()->plugins(), pos[0], file, english);
    return s.isOk() ? 0 : fail(ctx, s);
  }
};

}  // namespace

std::unique_ptr<Command> makeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace beacon::app
