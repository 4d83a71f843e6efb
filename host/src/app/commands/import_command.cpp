#include <cstdint>
#include <ostream>
#include <utility>

#include <Poco/NumberParser.h>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "auth/access_policy.h"
#include "io/csv_importer.h"
#include "io/import_kind.h"

namespace beacon::app {
namespace {

// import.xlsx_max_* from the configuration (etc/beacon.properties); each must be a positive whole number.
sdk::Result<io::XlsxLimits> readXlsxLimits(const CommandContext& ctx) {
  io::XlsxLimits limits;
  const std::pair<const char*, std::uint64_t*> keys[] = {
      {"import.xlsx_max_sheet_bytes", &limits.max_sheet_bytes},
      {"import.xlsx_max_shared_strings_bytes", &limits.max_shared_strings_bytes}};
  std::uint64_t rows = limits.max_rows;
  const std::pair<const char*, std::uint64_t*> row_key = {"import.xlsx_max_rows", &rows};
  for (const auto& [key, target] : {keys[0], keys[1], row_key}) {
    if (!ctx.config.hasProperty(key)) continue;
    const std::string text = ctx.config.getString(key);
    Poco::UInt64 v = 0;
    if (!Poco::NumberParser::tryParseUnsigned64(text, v) || v == 0) {
      return sdk::Status::invalid(key,
                                  cliWord("refuse_positive_whole_number", ctx.english, {text}));
    }
    *target = v;
  }
  limits.max_rows = static_cast<std::size_t>(rows);
  return limits;
}

class ImportCommand : public Command {
 public:
  std::string name() const override { return "import"; }
  std::string summary() const override {
    return "import a ledger file (organisations, plans, reviews, ...) from CSV (all or nothing)";
  }
  std::string help() const override {
    return "usage: beacon import KIND FILE.csv|FILE.xlsx [--sheet NAME] [--within ORG_CODE]\n"
           "KIND, in dependency order: organisations, plans (one row per version), reviews, "
           "filings,\n"
           "drills, corrective-actions, publications, drill-plans (年度演练计划),\n"
           "drill-evaluations (演练评估报告).\n"
           "UTF-8 (with or without BOM) or GBK (Excel on Chinese Windows); headers in Chinese or\n"
           "English (docs/csv-format.md, examples in examples/csv/). An Excel workbook (.xlsx,\n"
           "recognised by its content) is read from its first sheet or --sheet NAME. Every row is\n"
           "validated first; any bad row, or one that repeats a stored record, is reported with\n"
           "its line (sheet and row) and column (in English with --lang en); nothing is written.\n"
           "The CLI imports as the city administrator (every organisation); --within ORG_CODE holds\n"
           "the file to that organisation's subtree as a township or department user's upload is:\n"
           "a row of another organisation is refused naming line, column and organisation.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"sheet", "within"}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const auto& pos = parsed.value().positionals();
    if (pos.size() != 2) {
      ctx.err << help();
      return 2;
    }
    if (!io::makeImportKind(pos[0])) {
      std::string kinds;
      for (const auto& k : io::importKindIds())
        kinds += (kinds.empty() ? "" : cliWord("list_separator", ctx.english)) + k;
      return fail(
          ctx, sdk::Status::invalid("KIND", cliWord("refuse_import_kind", ctx.english, {kinds})));
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    io::ImportOptions options;
    options.kind = pos[0];
    options.english = ctx.english;
    options.sheet = parsed.value().get("sheet", "");
    auto limits = readXlsxLimits(ctx);
    if (!limits.isOk()) return fail(ctx, limits.status());
    options.xlsx_limits = limits.value();
    if (parsed.value().has("within")) {
      // The subtree a township or department user of that organisation may write.
      const std::string code = parsed.value().get("within");
      store::OrganisationRepository orgs(app.value()->db().session());
      auto org = orgs.findByCode(code);
      if (!org) {
        return fail(ctx, sdk::Status::invalid("--within",
                                              cliWord("refuse_no_org_code", ctx.english, {code})));
      }
      auth::User staff;
      staff.role = auth::Role::OrgStaff;
      staff.org_id = org->id;
      const auth::Scope scope = auth::AccessPolicy(orgs).writeScope(staff);
      options.scope.all = false;
      options.scope.org_ids = scope.org_ids;
    }
    int last_percent = -1;
    if (ctx.terminal) {
      options.progress = [&](std::size_t done, std::size_t total) {
        const int percent = total ? static_cast<int>(done * 100 / total) : 100;
        if (percent == last_percent) return;
        last_percent = percent;
        ctx.err << "\r[" << std::string(percent / 5, '#') << std::string(20 - percent / 5, ' ') << "] "
                << percent << "%" << std::flush;
      };
    }
    auto report = io::importFile(app.value()->db(), app.value()->plugins(), pos[1], options, ctx.actor);
    if (ctx.terminal && last_percent >= 0) ctx.err << "\n";
    if (!report.isOk()) return fail(ctx, report.status());
    if (!report.value().errors.empty()) {
      for (const auto& e : report.value().errors) ctx.err << "beacon: " << pos[1] << ": " << e << "\n";
      ctx.err << cliWord("import_nothing_imported", ctx.english) << "\n";
      return 1;
    }
    ctx.out << cliWord("import_rows_imported", ctx.english, {std::to_string(report.value().rows)})
            << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeImportCommand() { return std::make_unique<ImportCommand>(); }

}  // namespace beacon::app
