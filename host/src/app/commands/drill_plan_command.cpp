// `beacon drill-plan`: annual drill plans (年度演练计划) and plan versus actual.
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_corrector.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/lookup.h"
#include "http/label_language.h"
#include "service/drill_plan_service.h"
#include "service/record_checks.h"
#include "store/drill_plan_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"

namespace beacon::app {
namespace {

// "DRILL_TYPE:MONTH[:PLAN_CODE]" of --item.
sdk::Result<store::DrillPlanItem> parseItem(AppContext& c, const std::string& text, bool english) {
  const auto first = text.find(':');
  const auto second = first == std::string::npos ? std::string::npos : text.find(':', first + 1);
  store::DrillPlanItem item;
  item.drill_type = text.substr(0, first);
  const std::string month = first == std::string::npos ? "" : text.substr(first + 1, second - first - 1);
  if (month.empty() || month.size() > 2 || month.find_first_not_of("0123456789") != std::string::npos) {
    return sdk::Status::invalid("--item", cliWord("refuse_drill_plan_item", english, {text}));
  }
  item.month = std::stoi(month);
  if (second != std::string::npos) {
    auto plan = planByCode(c, text.substr(second + 1), "--item", english);
    if (!plan.isOk()) return plan.status();
    item.plan_id = plan.value().id;
  }
  return item;
}

// An item's planned month: "03" (English) or "03月".
std::string monthColumn(int month, bool english) {
  return cliWord("drill_plan_month", english, {(month < 10 ? "0" : "") + std::to_string(month)});
}

class DrillPlanCommand : public Command {
 public:
  std::string name() const override { return "drill-plan"; }
  std::string summary() const override { return "annual drill plans (年度演练计划) and plan versus actual"; }
  std::string help() const override {
    return "usage: beacon drill-plan add --org CODE --year YYYY --item DRILL_TYPE:MONTH[:PLAN_CODE]\n"
           "                             [--item ...] [--made-on DATE (today)] [--note TEXT]\n"
           "       beacon drill-plan list [--org CODE (and everything under it)] [--year YYYY]\n"
           "       beacon drill-plan show --org CODE --year YYYY [--as-of DATE (today)]\n"
           "       beacon drill-plan correct PLAN_ID --field made_on|note=VALUE [...] --reason TEXT\n"
           "       beacon drill-plan item correct ITEM_ID --field NAME=VALUE [...] --reason TEXT\n"
           "                             (NAME: drill_type, month, plan (a code; empty: none), note)\n"
           "       beacon drill-plan item void ITEM_ID --reason TEXT\n"
           "One plan per organisation and year: add creates it (made on --made-on) or appends the\n"
           "items to the stored one. show matches the organisation's drills of the year to the items\n"
           "(same domain and type, and the plan if the item names one; the planned month first, then\n"
           "the nearest month; one drill per item) and counts planned, done, done in the planned\n"
           "month, missing (month over) and pending. An enterprise without the year's plan by\n"
           "rules.drill_plan_due (local policy, default 01-31) has an overdue duty core.drill_plan\n"
           "(生产安全事故应急预案管理办法 第三十三条; see `beacon check`).\n"
           "A corrected planned drill is validated as a new one; a voided one (作废) is listed as such by\n"
           "show (with the item ids) and left out of plan versus actual. A plan itself is only corrected.\n"
           "With --user naming an account, that account's correction rights apply (records.correction_days).\n"
           "DRILL_TYPE ids: see `beacon plugins`.\n";
  }

  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"org", "year", "item", "made-on", "note", "as-of", "field", "reason"}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    const auto& pos = a.positionals();
    const std::string verb = pos.empty() ? "" : pos[0];
    const std::string sub = pos.size() > 1 ? pos[1] : "";
    if ((verb != "add" && verb != "list" && verb != "show" && verb != "correct" && verb != "item") ||
        (verb == "item" && sub != "correct" && sub != "void")) {
      ctx.err << help();
      return 2;
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    if (verb == "correct") return runCorrection(ctx, c, a, store::RecordKind::DrillPlan, verb);
    if (verb == "item") return runCorrection(ctx, c, a, store::RecordKind::DrillPlanItem, sub, 2);
    service::DrillPlanService service(c.db(), c.plugins(), ctx.english);
    store::OrganisationRepository orgs(c.db().session());
    const bool en = ctx.english;
    auto year = a.integer("year", 0);
    if (!year.isOk()) return fail(ctx, year.status());

    if (verb == "list") {
      std::vector<sdk::RecordId> ids;
      if (a.has("org")) {
        auto org = organisationByCode(c, a.get("org"), "--org", ctx.english);
        if (!org.isOk()) return fail(ctx, org.status());
        auto tree = orgs.subtree(org.value().id);
        ids.assign(tree.begin(), tree.end());
      }
      for (const auto& p : store::DrillPlanRepository(c.db().session()).list(ids, year.value())) {
        const auto o = orgs.findById(p.org_id);
        ctx.out << p.id << "\t" << p.year << "\t"
                << (o ? o->code + "\t" + o->name : std::string("-")) << "\t" << p.made_on.toString()
                << "\t" << cliWord("drill_plan_items", en, {std::to_string(p.items.size())})
                << "\n";
      }
      return 0;
    }

    auto org = organisationByCode(c, a.get("org"), "--org", ctx.english);
    if (!org.isOk()) return fail(ctx, org.status());
    if (year.value() == 0)
      return fail(ctx,
                  sdk::Status::invalid("--year", cliWord("refuse_drill_plan_year_required", en)));

    if (verb == "add") {
      store::DrillPlan plan;
      plan.org_id = org.value().id;
      plan.year = year.value();
      auto made_on = a.date("made-on");
      if (!made_on.isOk()) return fail(ctx, made_on.status());
      plan.made_on = made_on.value().isSet() ? made_on.value() : service::today();
      plan.note = a.get("note");
      for (const auto& text : a.all("item")) {
        auto item = parseItem(c, text, en);
        if (!item.isOk()) return fail(ctx, item.status());
        plan.items.push_back(item.value());
      }
      auto id = service.add(plan, ctx.actor);
      if (!id.isOk()) return fail(ctx, id.status());
      ctx.out << cliWord("drill_plan_added", en,
                         {std::to_string(id.value()), std::to_string(plan.items.size())})
              << "\n";
      return 0;
    }

    const auto plan = store::DrillPlanRepository(c.db().session()).find(org.value().id, year.value());
    if (!plan) {
      return fail(ctx, sdk::Status::invalid("--year", cliWord("refuse_no_drill_plan", en,
                                                              {org.value().code, org.value().name,
                                                               std::to_string(year.value())})));
    }
    auto as_of = a.date("as-of");
    if (!as_of.isOk()) return fail(ctx, as_of.status());
    const sdk::Date day = as_of.value().isSet() ? as_of.value() : service::today();
    const auto progress = service.progress(*plan, day);
    store::PlanRepository plans(c.db().session());
    ctx.out << cliWord("drill_plan_heading", en,
                       {org.value().name, std::to_string(plan->year), std::to_string(plan->id),
                        plan->made_on.toString()})
            << "\n";
    for (const auto& m : progress.items) {
      const sdk::DrillType* t = c.plugins().drillType(m.item.drill_type);
      ctx.out << "#" << m.item.id << "\t" << monthColumn(m.item.month, en) << "\t"
              << (t ? http::inLanguage(en, t->label_en, t->label_zh) : m.item.drill_type);
      if (m.item.plan_id != 0) {
        const auto p = plans.findById(m.item.plan_id);
        ctx.out << "\t" << (p ? p->code : std::to_string(m.item.plan_id));
      }
      ctx.out << "\t";
      if (m.drill_id != 0) {
        ctx.out << cliWord(m.in_month ? "drill_plan_done_in_month" : "drill_plan_done_other_month",
                           en, {std::to_string(m.drill_id), m.drill_date.toString()});
      } else {
        ctx.out << cliWord(m.overdue ? "drill_plan_missing" : "drill_plan_pending", en);
      }
      ctx.out << "\n";
    }
    for (const auto& item : plan->voided_items) {
      const sdk::DrillType* t = c.plugins().drillType(item.drill_type);
      ctx.out << "#" << item.id << "\t" << monthColumn(item.month, en) << "\t"
              << (t ? http::inLanguage(en, t->label_en, t->label_zh) : item.drill_type) << "\t"
              << cliWord("drill_plan_item_voided", en,
                         {item.voided_by, item.voided_at, item.void_reason})
              << "\n";
    }
    ctx.out << cliWord("drill_plan_totals", en,
                       {std::to_string(progress.planned), std::to_string(progress.done),
                        std::to_string(progress.done_in_month), std::to_string(progress.missing),
                        std::to_string(progress.pending), std::to_string(progress.unplanned),
                        day.toString()})
            << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeDrillPlanCommand() { return std::make_unique<DrillPlanCommand>(); }

}  // namespace beacon::app
