#include <fstream>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/command.h"
#include "plugins/domain_services.h"
#include "summary/summary_service.h"

namespace beacon::app {
namespace {

class SummaryCommand : public Command {
 public:
  std::string name() const override { return "summary"; }
  std::string summary() const override { return "annual report text and plan-status summaries"; }
  std::string help() const override {
    return "usage: beacon summary --kind KIND [--year YEAR | --as-of DATE] [--org CODE] [--domain DOMAIN]\n"
           "                      [--drill ID] [--format text|markdown|html|json|docx] [--out FILE]\n"
           "KIND: city-annual (年度报告文字, needs --year), plan-status (as of a date),\n"
           "      township (--org), domain (--domain), drill-sheet (演练记录, --drill).\n"
           "docx (Word) is for city-annual and needs --out FILE (or a redirected standard output).\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"kind", "year", "as-of", "org", "domain", "drill", "format", "out"}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    summary::SummaryRequest req;
    auto kind = a.required("kind");
    if (!kind.isOk()) return fail(ctx, kind.status());
    req.kind = kind.value();
    auto year = a.integer("year", 0);
    if (!year.isOk()) return fail(ctx, year.status());
    req.year = year.value();
    auto as_of = a.date("as-of");
    if (!as_of.isOk()) return fail(ctx, as_of.status());
    req.as_of = as_of.value().isSet() ? as_of.value() : plugins::DomainServices::systemToday();
    req.org_code = a.get("org");
    req.domain = a.get("domain");
    auto drill = a.integer("drill", 0);
    if (!drill.isOk()) return fail(ctx, drill.status());
    req.drill_id = drill.value();
    req.format = a.get("format", "text");
    req.english = ctx.english;
    if (req.format == "docx" && !a.has("out") && ctx.out_terminal) {
      return fail(ctx, sdk::Status::invalid("--out", "a Word document is binary; write it to a file with --out FILE"));
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    summary::SummaryService service(c.db(), c.plugins(), c.templates(), &c.engine());
    auto text = service.render(req);
    if (!text.isOk()) return fail(ctx, text.status());
    if (!a.has("out")) {
      ctx.out << text.value();
      return 0;
    }
    std::ofstream file(a.get("out"), std::ios::binary);
    if (!file) return fail(ctx, sdk::Status::invalid("--out", "cannot write " + a.get("out")));
    file << text.value();
    ctx.out << (ctx.english ? "written " : "已写入 ") << a.get("out") << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeSummaryCommand() { return std::make_unique<SummaryCommand>(); }

}  // namespace beacon::app
