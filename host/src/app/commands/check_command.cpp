#include <algorithm>
#include <map>
#include <ostream>
#include <vector>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/lookup.h"
#include "http/label_language.h"
#include "plugins/domain_services.h"
#include "rules/check_report.h"
#include "rules/core_rules.h"
#include "store/organisation_repository.h"
#include "store/plan_labels.h"

namespace beacon::app {
namespace {

constexpr int kCalendarWarningDays = 90;

// One warning when the holiday data ends within 90 days of the as-of date (or of today, if later):
// deadlines after it count weekends only until the next year's schedule is imported.
void warnIfCalendarEndsSoon(CommandContext& ctx, const rules::HolidayCalendar& calendar, const sdk::Date& as_of) {
  const sdk::Date today = plugins::DomainServices::systemToday();
  const sdk::Date from = today < as_of ? as_of : today;
  const int year = from.year < calendar.firstYear() ? from.year : calendar.lastYear() + 1;
  const sdk::Date end = sdk::Date{year, 1, 1}.addDays(-1);
  if (from.addDays(kCalendarWarningDays) < end) return;
  const bool ended = end < from;
  ctx.err << "beacon: "
          << cliWord(ended ? "calendar_ended" : "calendar_ends", ctx.english,
                     {end.toString(), std::to_string(year)})
          << "\n";
}

class CheckCommand : public Command {
 public:
  std::string name() const override { return "check"; }
  std::string summary() const override { return "obligations (evaluations, drills, filings) as of a date"; }
  std::string help() const override {
    return "usage: beacon check [--as-of DATE (today)] [--org CODE (and everything under it)]\n"
           "                    [--domain DOMAIN] [--format text|json] [--rules]\n"
           "Every obligation of every plan and organisation with its due date, status (已落实 met,\n"
           "即将到期 due soon, 已逾期 overdue, 未到期 upcoming, 不适用 not applicable), the record that\n"
           "met it and the rule's citation (a ※ marks a citation with a note, printed below it).\n"
           "--rules lists the encoded rules instead: id, title, citation with its note, basis,\n"
           "scope (whose records it reads: 本单位, 本单位及下级单位 or 全市) and, for a rule whose\n"
           "source was replaced, the former citation (历史).\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"as-of", "org", "domain", "format"}, {"rules"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    const std::string format = a.get("format", "text");
    if (format != "text" && format != "json") {
      return fail(ctx,
                  sdk::Status::invalid("--format", cliWord("refuse_check_format", ctx.english)));
    }
    auto as_of = a.date("as-of");
    if (!as_of.isOk()) return fail(ctx, as_of.status());
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    if (a.has("rules")) {
      for (const auto& r : c.engine().rules()) {
        // The citation whole, with its note after ※ (条号待核 ...) and any superseded citation.
        ctx.out << r.id << "\t" << http::inLanguage(ctx.english, r.title_en, r.title_zh) << "\t"
                << r.citation << "\t" << sdk::labelZh(r.basis) << "\t"
                << http::labelIn(r.scope, ctx.english);
        const std::string history = rules::CoreRules::history(r.id);
        if (!history.empty()) ctx.out << "\t" << cliWord("rule_history", ctx.english, {history});
        ctx.out << "\n";
      }
      return 0;
    }
    rules::CheckQuery q;
    q.as_of = as_of.value().isSet() ? as_of.value() : plugins::DomainServices::systemToday();
    q.domain = a.get("domain");
    if (!q.domain.empty() && q.domain != sdk::kGeneralDomain && !c.plugins().byDomain(q.domain)) {
      return fail(ctx, sdk::Status::invalid("--domain", cliWord("refuse_no_plugin_for_domain",
                                                                ctx.english, {q.domain})));
    }
    store::OrganisationRepository orgs(c.db().session());
    if (a.has("org")) {
      auto org = organisationByCode(c, a.get("org"), "--org", ctx.english);
      if (!org.isOk()) return fail(ctx, org.status());
      auto tree = orgs.subtree(org.value().id);
      q.org_ids.assign(tree.begin(), tree.end());
    }
    warnIfCalendarEndsSoon(ctx, c.calendar(), q.as_of);
    // One check and exit: with --org only that subtree is evaluated (the rules' declared scopes
    // say what else it reads). The results are not copied; written out as they are rendered.
    c.engine().evaluateOnlyWhatIsAsked();
    auto results = c.engine().checkShared(q);
    if (!results.isOk()) return fail(ctx, results.status());
    const rules::ObligationSet& checked = *results.value();
    for (const auto& e : c.engine().pluginErrors())
      ctx.err << "beacon: " << cliWord("check_plugin_skipped", ctx.english, {e}) << "\n";
    std::map<sdk::RecordId, std::string> org_names, plan_titles, plan_codes;
    for (const auto& o : orgs.list()) org_names[o.id] = o.name;
    // The code and title of the plans the results name (not every plan's whole row).
    std::vector<sdk::RecordId> plan_ids;
    for (const auto& r : checked) {
      if (r.planId() != 0) plan_ids.push_back(r.planId());
    }
    std::sort(plan_ids.begin(), plan_ids.end());
    plan_ids.erase(std::unique(plan_ids.begin(), plan_ids.end()), plan_ids.end());
    for (auto& [id, label] : store::readPlanLabels(c.db().session(), std::move(plan_ids))) {
      plan_titles[id] = std::move(label.title);
      plan_codes[id] = std::move(label.code);
    }
    if (format == "json") {
      rules::writeCheckJson(ctx.out, checked, org_names, plan_titles, ctx.english, plan_codes);
    } else {
      rules::writeCheckText(ctx.out, checked, q, org_names, plan_titles, ctx.english);
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeCheckCommand() { return std::make_unique<CheckCommand>(); }

}  // namespace beacon::app
