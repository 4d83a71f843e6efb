#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_corrector.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/lookup.h"
#include "app/record_printer.h"
#include "service/plan_service.h"
#include "store/record_parse.h"
#include "store/review_repository.h"

namespace beacon::app {
namespace {

class ReviewCommand : public Command {
 public:
  std::string name() const override { return "review"; }
  std::string summary() const override { return "record and list reviews (评审) and evaluations (评估)"; }
  std::string help() const override {
    return "usage: beacon review add --plan CODE --kind review|evaluation --date DATE\n"
           "                         --conclusion CONCLUSION [--reviewers NAMES] [--findings TEXT]\n"
           "       beacon review list [--plan CODE]\n"
           "CONCLUSION of a review (评审/论证 of the draft submitted with `plan submit-review`):\n"
           "  passed 通过, passed_with_changes 修改后通过, failed 不通过 (back to drafting).\n"
           "CONCLUSION of an evaluation (评估 of the issued version): keep 继续有效 (default), revise 需修订;\n"
           "  revise marks the plan as requiring revision.\n"
           "       beacon review correct ID --field NAME=VALUE [--field ...] --reason TEXT\n"
           "                         (NAME: kind, date, reviewers, conclusion, findings, plan_version_id)\n"
           "       beacon review void ID --reason TEXT   (作废: kept, no longer counted)\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"plan", "kind", "date", "conclusion", "reviewers", "findings", "field", "reason"}, {});
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
    if (verb == "correct" || verb == "void") return runCorrection(ctx, c, a, store::RecordKind::Review, verb);
    sdk::RecordId plan_id = 0;
    if (a.has("plan") || verb == "add") {
      auto plan = planByCode(c, a.get("plan"), "--plan", ctx.english);
      if (!plan.isOk()) return fail(ctx, plan.status());
      plan_id = plan.value().id;
    }
    if (verb == "list") {
      RecordPrinter print(ctx.out, ctx.english);
      const auto listed = store::ReviewRepository(c.db().session()).listForPlan(plan_id);
      const auto voided = voidMarksOf(c, store::RecordKind::Review, listed);
      for (const auto& r : listed) {
        print.reviewLine(r);
        if (voided.count(r.id)) print.voidedLine(voided.at(r.id).reason);
      }
      return 0;
    }
    sdk::Review r;
    r.plan_id = plan_id;
    auto kind = store::parseReviewKind(a.get("kind"));
    if (!kind) {
      return fail(ctx, sdk::Status::invalid("--kind", cliWord("refuse_review_kind", ctx.english)));
    }
    r.kind = *kind;
    auto date = a.date("date");
    if (!date.isOk()) return fail(ctx, date.status());
    if (!date.value().isSet()) {
      return fail(ctx, sdk::Status::invalid("--date", cliWord("refuse_required", ctx.english)));
    }
    r.date = date.value();
    if (r.kind == sdk::ReviewKind::Review && !a.has("conclusion")) {
      return fail(ctx,
                  sdk::Status::invalid("--conclusion",
                                       cliWord("refuse_review_conclusion_required", ctx.english)));
    }
    auto conclusion = store::parseReviewConclusion(a.get("conclusion", "keep"));
    if (!conclusion) {
      return fail(ctx, sdk::Status::invalid("--conclusion",
                                            cliWord("refuse_review_conclusion", ctx.english)));
    }
    r.conclusion = *conclusion;
    r.reviewers = a.get("reviewers");
    r.findings = a.get("findings");
    auto id = service::PlanService(c.db(), c.plugins(), ctx.english).addReview(r, ctx.actor);
    if (!id.isOk()) return fail(ctx, id.status());
    ctx.out << cliWord("review_recorded", ctx.english, {std::to_string(id.value())}) << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeReviewCommand() { return std::make_unique<ReviewCommand>(); }

}  // namespace beacon::app
