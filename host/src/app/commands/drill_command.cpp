#include <map>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_corrector.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/lookup.h"
#include "app/record_printer.h"
#include "http/label_language.h"
#include "service/drill_evaluation_service.h"
#include "service/drill_service.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"
#include "store/record_voids.h"

namespace beacon::app {
namespace {

class DrillCommand : public Command {
 public:
  std::string name() const override { return "drill"; }
  std::string summary() const override { return "log, list and show drills (演练)"; }
  std::string help() const override {
    return "usage: beacon drill add --org CODE --type DRILL_TYPE --date DATE [--plan CODE]\n"
           "                        [--place TEXT] [--scenario TEXT] [--participants N] [--evacuees N]\n"
           "                        [--verdict 优|良|中|差] [--findings TEXT] [--field name=value,...]\n"
           "       beacon drill list [--org CODE (and everything under it)] [--domain DOMAIN]\n"
           "                         [--type DRILL_TYPE] [--from DATE] [--to DATE] [--limit N (50)]\n"
           "       beacon drill show ID\n"
           "       beacon drill correct ID --field NAME=VALUE [--field NAME=VALUE ...] --reason TEXT\n"
           "                         (NAME: drill_type, org, plan, date, place, scenario, participants,\n"
           "                          evacuees, verdict, findings, fields.<domain field>)\n"
           "       beacon drill void ID --reason TEXT\n"
           "       beacon drill evaluate ID --verdict 优|良|中|差 --evaluator TEXT --date DATE\n"
           "                         [--findings TEXT] [--suggestions TEXT] [--document TEXT]\n"
           "       beacon drill evaluation correct EVALUATION_ID --field NAME=VALUE [...] --reason TEXT\n"
           "                         (NAME: verdict, evaluator, date, findings, suggestions, document)\n"
           "       beacon drill evaluation void EVALUATION_ID --reason TEXT\n"
           "A correction is validated as a new drill; a voided (作废) drill stays listed but is no longer\n"
           "counted. With --user naming an account, that account's correction rights apply\n"
           "(records.correction_days).\n"
           "evaluate records the drill's evaluation report (演练评估报告), one per drill, dated from the\n"
           "drill's day on. A drill logged without a verdict needs one within rules.drill_evaluation_days\n"
           "(local policy, default 30; duty core.drill_evaluation); a verdict given with the drill counts\n"
           "as its evaluation; a voided evaluation no longer does, and another may be recorded.\n"
           "DRILL_TYPE ids and domain fields: see `beacon plugins`.\n";
  }

  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args,
                                   {"org", "type", "date", "plan", "place", "scenario", "participants",
                                    "evacuees", "verdict", "findings", "field", "domain", "from", "to", "limit", "reason",
                                    "evaluator", "suggestions", "document"},
                                   {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    const auto& pos = a.positionals();
    const std::string verb = pos.empty() ? "" : pos[0];
    const std::string sub = pos.size() > 1 ? pos[1] : "";
    if ((verb != "add" && verb != "list" && verb != "show" && verb != "correct" && verb != "void" &&
         verb != "evaluate" && verb != "evaluation") ||
        (verb == "evaluation" && sub != "correct" && sub != "void")) {
      ctx.err << help();
      return 2;
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    store::DrillRepository drills(c.db().session());
    store::OrganisationRepository orgs(c.db().session());
    RecordPrinter print(ctx.out, ctx.english);
    auto typeLabel = [&](const std::string& id) {
      const sdk::DrillType* t = c.plugins().drillType(id);
      return t ? http::inLanguage(ctx.english, t->label_en, t->label_zh) : id;
    };

    if (verb == "add") {
      sdk::Drill d;
      auto org = organisationByCode(c, a.get("org"), "--org", ctx.english);
      if (!org.isOk()) return fail(ctx, org.status());
      d.org_id = org.value().id;
      auto type = a.required("type");
      if (!type.isOk()) return fail(ctx, type.status());
      d.drill_type = type.value();
      d.domain = d.drill_type.substr(0, d.drill_type.find('.'));
      auto date = a.date("date");
      if (!date.isOk()) return fail(ctx, date.status());
      if (!date.value().isSet())
        return fail(ctx, sdk::Status::invalid("--date", cliWord("refuse_required", ctx.english)));
      d.date = date.value();
      if (a.has("plan")) {
        auto plan = planByCode(c, a.get("plan"), "--plan", ctx.english);
        if (!plan.isOk()) return fail(ctx, plan.status());
        d.plan_id = plan.value().id;
      }
      d.place = a.get("place");
      d.scenario = a.get("scenario");
      auto participants = a.integer("participants", 0);
      if (!participants.isOk()) return fail(ctx, participants.status());
      d.participants = participants.value();
      auto evacuees = a.integer("evacuees", 0);
      if (!evacuees.isOk()) return fail(ctx, evacuees.status());
      d.evacuees = evacuees.value();
      if (a.has("verdict")) {
        auto verdict = store::parseDrillVerdict(a.get("verdict"));
        if (!verdict)
          return fail(ctx,
                      sdk::Status::invalid("--verdict", cliWord("refuse_verdict", ctx.english)));
        d.verdict = *verdict;
      }
      d.findings = a.get("findings");
      auto fields = keyValues(a.get("field"), "--field", ctx.english);
      if (!fields.isOk()) return fail(ctx, fields.status());
      d.fields = fields.value();
      auto id = service::DrillService(c.db(), c.plugins(), ctx.english).log(d, ctx.actor);
      if (!id.isOk()) return fail(ctx, id.status());
      ctx.out << cliWord("drill_logged", ctx.english, {std::to_string(id.value())}) << "\n";
      return 0;
    }

    if (verb == "correct" || verb == "void") return runCorrection(ctx, c, a, store::RecordKind::Drill, verb);
    if (verb == "evaluate") return evaluate(ctx, c, a);
    if (verb == "evaluation") return runCorrection(ctx, c, a, store::RecordKind::DrillEvaluation, sub, 2);

    std::map<sdk::RecordId, std::string> names;
    for (const auto& o : orgs.list()) names[o.id] = o.name;
    if (verb == "show") {
      if (pos.size() < 2)
        return fail(ctx,
                    sdk::Status::invalid("ID", cliWord("refuse_drill_show_needs_id", ctx.english)));
      sdk::RecordId id = 0;
      try {
        id = std::stoll(pos[1]);
      } catch (const std::exception&) {
        return fail(ctx, sdk::Status::invalid("ID", cliWord("refuse_not_a_number", ctx.english)));
      }
      auto d = drills.findById(id);
      if (!d)
        return fail(ctx,
                    sdk::Status::invalid("ID", cliWord("refuse_no_drill", ctx.english, {pos[1]})));
      std::string plan_code;
      if (d->plan_id) {
        auto plan = store::PlanRepository(c.db().session()).findById(d->plan_id);
        if (plan) plan_code = plan->code;
      }
      print.drillBlock(*d, names[d->org_id], typeLabel(d->drill_type), plan_code);
      if (const auto e = store::DrillEvaluationRepository(c.db().session()).findByDrill(d->id)) {
        const bool en = ctx.english;
        ctx.out << cliWord("drill_evaluation_line", en,
                           {std::to_string(e->id), http::labelIn(e->verdict, en),
                            e->date.toString(), e->evaluator})
                << "\n";
        if (!e->findings.empty())
          ctx.out << cliWord("drill_evaluation_findings", en, {e->findings}) << "\n";
        if (!e->suggestions.empty()) {
          ctx.out << cliWord("drill_evaluation_suggestions", en, {e->suggestions}) << "\n";
        }
      }
      return 0;
    }
    store::DrillFilter f;
    f.domain = a.get("domain");
    f.drill_type = a.get("type");
    auto from = a.date("from");
    if (!from.isOk()) return fail(ctx, from.status());
    f.from = from.value();
    auto to = a.date("to");
    if (!to.isOk()) return fail(ctx, to.status());
    f.to = to.value();
    auto limit = a.integer("limit", 50);
    if (!limit.isOk()) return fail(ctx, limit.status());
    f.limit = limit.value();
    if (a.has("org")) {
      auto org = organisationByCode(c, a.get("org"), "--org", ctx.english);
      if (!org.isOk()) return fail(ctx, org.status());
      auto tree = orgs.subtree(org.value().id);
      f.org_ids.assign(tree.begin(), tree.end());
    }
    f.include_voided = true;
    const auto listed = drills.list(f);
    const auto voided = voidMarksOf(c, store::RecordKind::Drill, listed);
    for (const auto& d : listed) {
      print.drillLine(d, names[d.org_id], typeLabel(d.drill_type));
      if (voided.count(d.id)) print.voidedLine(voided.at(d.id).reason);
    }
    return 0;
  }

 private:
  static int evaluate(CommandContext& ctx, AppContext& c, const Arguments& a) {
    const auto& pos = a.positionals();
    store::DrillEvaluation e;
    try {
      e.drill_id = pos.size() < 2 ? 0 : std::stoll(pos[1]);
    } catch (const std::exception&) {
      return fail(ctx, sdk::Status::invalid("ID", cliWord("refuse_not_a_number", ctx.english)));
    }
    if (e.drill_id <= 0)
      return fail(
          ctx, sdk::Status::invalid("ID", cliWord("refuse_drill_evaluate_needs_id", ctx.english)));
    if (a.has("verdict")) {
      auto verdict = store::parseDrillVerdict(a.get("verdict"));
      if (!verdict)
        return fail(ctx, sdk::Status::invalid("--verdict", cliWord("refuse_verdict", ctx.english)));
      e.verdict = *verdict;
    }
    e.evaluator = a.get("evaluator");
    auto date = a.date("date");
    if (!date.isOk()) return fail(ctx, date.status());
    e.date = date.value();
    e.findings = a.get("findings");
    e.suggestions = a.get("suggestions");
    e.document = a.get("document");
    auto id = service::DrillEvaluationService(c.db(), ctx.english).record(e, ctx.actor);
    if (!id.isOk()) return fail(ctx, id.status());
    ctx.out << cliWord("drill_evaluation_recorded", ctx.english, {std::to_string(id.value())})
            << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeDrillCommand() { return std::make_unique<DrillCommand>(); }

}  // namespace beacon::app
