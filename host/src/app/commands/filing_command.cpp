#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_corrector.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/lookup.h"
#include "app/record_printer.h"
#include "service/plan_service.h"
#include "store/filing_repository.h"

namespace beacon::app {
namespace {

class FilingCommand : public Command {
 public:
  std::string name() const override { return "filing"; }
  std::string summary() const override { return "record and list filings (备案) and publication"; }
  std::string help() const override {
    return "usage: beacon filing add --plan CODE --target BODY --submitted DATE\n"
           "                         [--registration NO] [--published DATE]\n"
           "       beacon filing list [--plan CODE]\n"
           "The filing is for the plan's current (issued) version. --published is kept for older\n"
           "records; record a publication (公开) with `beacon plan publish`.\n"
           "       beacon filing correct ID --field NAME=VALUE [--field ...] --reason TEXT\n"
           "                         (NAME: target_body, submitted, registration_no, published, plan_version_id)\n"
           "       beacon filing void ID --reason TEXT   (作废: kept, no longer counted)\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"plan", "target", "submitted", "registration", "published", "field", "reason"}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    const std::string verb = a.positionals().empty() ? "" : a.positionals()[0];
    if (verb != "add" && verb != "list" && verb != "correct" && verb != "void") {
      ctx.err << help();
      return 2;
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    if (verb == "correct" || verb == "void") return runCorrection(ctx, c, a, store::RecordKind::Filing, verb);
    sdk::Plan plan;
    if (a.has("plan") || verb == "add") {
      auto found = planByCode(c, a.get("plan"), "--plan", ctx.english);
      if (!found.isOk()) return fail(ctx, found.status());
      plan = found.value();
    }
    if (verb == "list") {
      RecordPrinter print(ctx.out, ctx.english);
      const auto listed = store::FilingRepository(c.db().session()).listForPlan(plan.id);
      const auto voided = voidMarksOf(c, store::RecordKind::Filing, listed);
      for (const auto& f : listed) {
        print.filingLine(f);
        if (voided.count(f.id)) print.voidedLine(voided.at(f.id).reason);
      }
      return 0;
    }
    sdk::Filing f;
    f.plan_id = plan.id;
    auto target = a.required("target");
    if (!target.isOk()) return fail(ctx, target.status());
    f.target_body = target.value();
    auto submitted = a.date("submitted");
    if (!submitted.isOk()) return fail(ctx, submitted.status());
    if (!submitted.value().isSet()) {
      return fail(ctx,
                  sdk::Status::invalid("--submitted", cliWord("refuse_required", ctx.english)));
    }
    f.submitted = submitted.value();
    auto published = a.date("published");
    if (!published.isOk()) return fail(ctx, published.status());
    f.published = published.value();
    f.registration_no = a.get("registration");
    auto id = service::PlanService(c.db(), c.plugins(), ctx.english).addFiling(f, ctx.actor);
    if (!id.isOk()) return fail(ctx, id.status());
    ctx.out << cliWord("filing_recorded", ctx.english, {std::to_string(id.value())}) << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeFilingCommand() { return std::make_unique<FilingCommand>(); }

}  // namespace beacon::app
