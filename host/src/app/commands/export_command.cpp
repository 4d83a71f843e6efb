#include <fstream>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "io/csv_exporter.h"
#include "io/xlsx_exporter.h"

namespace beacon::app {
namespace {

class ExportCommand : public Command {
 public:
  std::string name() const override { return "export"; }
  std::string summary() const override {
    return "export a ledger kind (organisations, plans, reviews, ...) as CSV or .xlsx";
  }
  std::string help() const override {
    return "usage: beacon export KIND [--format csv|xlsx] [--out FILE] [--english-headers]\n"
           "KIND: organisations, plans (every version), reviews, filings, drills, "
           "corrective-actions,\n"
           "publications, drill-plans, drill-evaluations.\n"
           "CSV: UTF-8 with BOM (opens in Excel), Chinese headers by default; xlsx: an Excel\n"
           "workbook with one sheet (the default when --out ends in .xlsx). `beacon import KIND`\n"
           "reads either back.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"out", "format"}, {"english-headers"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const auto& pos = parsed.value().positionals();
    if (pos.size() != 1) {
      ctx.err << help();
      return 2;
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    const bool english = parsed.value().has("english-headers");
    const std::string out_path = parsed.value().get("out", "");
    const bool xlsx_name = out_path.size() > 5 && out_path.compare(out_path.size() - 5, 5, ".xlsx") == 0;
    const std::string format = parsed.value().get("format", xlsx_name ? "xlsx" : "csv");
    if (format != "csv" && format != "xlsx") {
      return fail(ctx,
                  sdk::Status::invalid("--format", cliWord("refuse_export_format", ctx.english)));
    }
    if (format == "xlsx") {
      if (out_path.empty() && ctx.out_terminal) {
        return fail(ctx,
                    sdk::Status::invalid("--out", cliWord("refuse_xlsx_to_terminal", ctx.english)));
      }
      if (out_path.empty()) {
        auto s =
            io::exportXlsx(app.value()->db(), app.value()->plugins(), pos[0], ctx.out, english, ctx.english);
        return s.isOk() ? 0 : fail(ctx, s);
      }
      std::ofstream file(out_path, std::ios::binary);
      if (!file)
        return fail(ctx, sdk::Status::invalid(
                             "--out", cliWord("refuse_cannot_write", ctx.english, {out_path})));
      auto s = io::exportXlsx(app.value()->db(), app.value()->plugins(), pos[0], file, english, ctx.english);
      return s.isOk() ? 0 : fail(ctx, s);
    }
    if (!parsed.value().has("out")) {
      auto s = io::exportCsv(app.value()->db(), app.value()->plugins(), pos[0], ctx.out, english);
      return s.isOk() ? 0 : fail(ctx, s);
    }
    std::ofstream file(parsed.value().get("out"), std::ios::binary);
    if (!file) {
      return fail(ctx, sdk::Status::invalid("--out", cliWord("refuse_cannot_write", ctx.english,
                                                             {parsed.value().get("out")})));
    }
    auto s = io::exportCsv(app.value()->db(), app.value()->plugins(), pos[0], file, english);
    return s.isOk() ? 0 : fail(ctx, s);
  }
};

}  // namespace

std::unique_ptr<Command> makeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace beacon::app
