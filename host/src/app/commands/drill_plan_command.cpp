// `beacon drill-plan`: annual drill plans (年度演练计划) and plan versus actual.
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_corrector.h"
#include "app/command.h"
#include "app/lookup.h"
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
    return sdk::Status::invalid("--item", english ? "\"" + text + "\": expected DRILL_TYPE:MONTH[:PLAN_CODE]"
                                                  : "“" + text + "”：应为 演练类型:月份[:预案编码]");
  }
  item.month = std::stoi(month);
  if (second != std::string::npos) {
    auto plan = planByCode(c, text.substr(second + 1), "--item", english);
    if (!plan.isOk()) return plan.status();
    item.plan_id = plan.value().id;
  }
  return item;
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
        ctx.out << p.id << "\t" << p.year << "\t" << (o ? o->code + "\t" + o->name : std::string("-")) << "\t"
                << p.made_on.toString() << "\t" << p.items.size() << (en ? " planned drills" : " 项") << "\n";
      }
      return 0;
    }

    auto org = organisationByCode(c, a.get("org"), "--org", ctx.english);
    if (!org.isOk()) return fail(ctx, org.status());
    if (year.value() == 0) return fail(ctx, sdk::Status::invalid("--year", en ? "is required" : "必填"));

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
      ctx.out << (en ? "drill plan #" : "已登记年度演练计划 #") << id.value() << (en ? " stored, " : "，新增 ")
              << plan.items.size() << (en ? " planned drills added\n" : " 项计划演练\n");
      return 0;
    }

    const auto plan = store::DrillPlanRepository(c.db().session()).find(org.value().id, year.value());
    if (!plan) {
      return fail(ctx, sdk::Status::invalid("--year", en ? org.value().code + " has no drill plan for " +
                                                               std::to_string(year.value())
                                                         : org.value().name + "没有 " +
                                                               std::to_string(year.value()) + " 年度演练计划"));
    }
    auto as_of = a.date("as-of");
    if (!as_of.isOk()) return fail(ctx, as_of.status());
    const sdk::Date day = as_of.value().isSet() ? as_of.value() : service::today();
    const auto progress = service.progress(*plan, day);
    store::PlanRepository plans(c.db().session());
    ctx.out << org.value().name << " " << plan->year << (en ? " drill plan #" : " 年度演练计划 #") << plan->id
            << (en ? " (made " : "（制定日期 ") << plan->made_on.toString() << (en ? ")" : "）") << "\n";
    for (const auto& m : progress.items) {
      const sdk::DrillType* t = c.plugins().drillType(m.item.drill_type);
      ctx.out << "#" << m.item.id << "\t" << (m.item.month < 10 ? "0" : "") << m.item.month << (en ? "\t" : "月\t")
              << (t ? (en ? t->label_en : t->label_zh) : m.item.drill_type);
      if (m.item.plan_id != 0) {
        const auto p = plans.findById(m.item.plan_id);
        ctx.out << "\t" << (p ? p->code : std::to_string(m.item.plan_id));
      }
      ctx.out << "\t";
      if (m.drill_id != 0) {
        ctx.out << (en ? "done: drill #" : "已完成：演练 #") << m.drill_id << " " << m.drill_date.toString()
                << (m.in_month ? (en ? " (in the planned month)" : "（计划月份内）")
                               : (en ? " (another month)" : "（非计划月份）"));
      } else {
        ctx.out << (m.overdue ? (en ? "missing" : "未完成（计划月份已过）") : (en ? "pending" : "未到计划月份"));
      }
      ctx.out << "\n";
    }
    for (const auto& item : plan->voided_items) {
      const sdk::DrillType* t = c.plugins().drillType(item.drill_type);
      ctx.out << "#" << item.id << "\t" << (item.month < 10 ? "0" : "") << item.month << (en ? "\t" : "月\t")
              << (t ? (en ? t->label_en : t->label_zh) : item.drill_type) << "\t"
              << (en ? "(voided by " + item.voided_by + " at " + item.voided_at + ": " + item.void_reason + ")"
                     : "（已作废：" + item.void_reason + "；" + item.voided_by + "，" + item.voided_at + "）")
              << "\n";
    }
    if (en) {
      ctx.out << "planned " << progress.planned << ", done " << progress.done << " (" << progress.done_in_month
              << " in the planned month), missing " << progress.missing << ", pending " << progress.pending
              << "; unplanned drills " << progress.unplanned << " (as of " << day.toString() << ")\n";
    } else {
      ctx.out << "计划 " << progress.planned << " 项，已完成 " << progress.done << " 项（按计划月份完成 "
              << progress.done_in_month << " 项），缺项 " << progress.missing << " 项，未到计划月份 "
              << progress.pending << " 项；计划外演练 " << progress.unplanned << " 次（截至 " << day.toString()
              << "）\n";
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeDrillPlanCommand() { return std::make_unique<DrillPlanCommand>(); }

}  // namespace beacon::app
