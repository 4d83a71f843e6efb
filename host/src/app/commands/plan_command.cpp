#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_corrector.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/commands/plan_lifecycle_verbs.h"
#include "app/lookup.h"
#include "app/record_printer.h"
#include "service/plan_service.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/review_repository.h"

namespace beacon::app {
namespace {

class PlanCommand : public Command {
 public:
  std::string name() const override { return "plan"; }
  std::string summary() const override {
    return "add, list, show, revise and diff emergency plans; move them through their life cycle";
  }
  std::string help() const override {
    return "usage: beacon plan add --code CODE --title TITLE --domain DOMAIN --category CATEGORY\n"
           "                       --owner ORG_CODE [--issued DATE] [--author NAME]\n"
           "                       [--text TEXT | --text-file FILE]\n"
           "       beacon plan list [--domain DOMAIN] [--owner ORG_CODE] [--status STATUS]\n"
           "       beacon plan show CODE\n"
           "       beacon plan revise CODE --trigger TRIGGER (--issued DATE | --draft) [--minor] [--author NAME]\n"
           "                       (--text TEXT | --text-file FILE) [--addresses ACTION_ID]\n"
           "       (--draft stores the revision unissued; the version in force stays until one is issued;\n"
           "        a --minor revision answers a plan-defect finding only when --addresses names its\n"
           "        corrective action)\n"
           "       beacon plan diff CODE FROM_VERSION TO_VERSION\n" +
           std::string(kLifecycleUsage) +
           "DOMAIN: general, flood, fire, forest_fire, enterprise_safety.\n"
           "CATEGORY: master 总体, special 专项, department 部门, grassroots 基层, comprehensive 综合,\n"
           "          on_site 现场处置方案, major_event, joint, work_manual.\n"
           "TRIGGER: law_or_parent_plan_changed, command_structure_changed, risk_changed_major,\n"
           "         key_resources_changed, drill_or_incident_found_major_issue,\n"
           "         other_important_info_changed, owner_discretion.\n";
  }

  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(
        args,
        {"code", "title", "domain", "category", "owner", "issued", "author", "text", "text-file", "trigger", "status",
         "addresses", "date", "by", "document", "note", "kind", "channel", "link", "replaced-by", "document-no",
         "effective", "field", "reason"},
        {"minor", "draft"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    const auto& pos = a.positionals();
    const std::string verb = pos.empty() ? "" : pos[0];
    if (verb != "add" && verb != "list" && verb != "show" && verb != "revise" && verb != "diff" &&
        verb != "step" && !isLifecycleVerb(verb)) {
      ctx.err << help();
      return 2;
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    service::PlanService plans(c.db(), c.plugins(), ctx.english);
    store::PlanRepository repo(c.db().session());
    RecordPrinter print(ctx.out, ctx.english);

    if (verb == "add") {
      sdk::Plan p;
      auto code = a.required("code");
      if (!code.isOk()) return fail(ctx, code.status());
      p.code = code.value();
      p.title = a.get("title");
      p.domain = a.get("domain");
      p.category = a.get("category");
      auto owner = organisationByCode(c, a.get("owner"), "--owner", ctx.english);
      if (!owner.isOk()) return fail(ctx, owner.status());
      p.owner_org_id = owner.value().id;
      auto issued = a.date("issued");
      if (!issued.isOk()) return fail(ctx, issued.status());
      auto text = readPlanText(a, ctx.english);
      if (!text.isOk()) return fail(ctx, text.status());
      std::optional<sdk::PlanVersion> first;
      if (issued.value().isSet() || !text.value().empty()) {
        sdk::PlanVersion v;
        v.action = sdk::VersionAction::Drafted;
        v.issued = issued.value();
        v.effective = issued.value();
        v.text = text.value();
        v.author = a.get("author", ctx.actor.username);
        first = v;
      }
      auto id = plans.addPlan(p, first, ctx.actor);
      if (!id.isOk()) return fail(ctx, id.status());
      ctx.out << cliWord("plan_added", ctx.english, {p.code, std::to_string(id.value())}) << "\n";
      return 0;
    }
    if (verb == "list") {
      store::PlanFilter f;
      f.domain = a.get("domain");
      f.status = a.get("status");
      if (a.has("owner")) {
        auto owner = organisationByCode(c, a.get("owner"), "--owner", ctx.english);
        if (!owner.isOk()) return fail(ctx, owner.status());
        f.owner_ids = {owner.value().id};
      }
      std::map<sdk::RecordId, std::string> names;
      for (const auto& o : store::OrganisationRepository(c.db().session()).list()) names[o.id] = o.name;
      for (const auto& p : repo.list(f)) print.planLine(p, names[p.owner_org_id]);
      return 0;
    }
    if (verb == "step") {  // plan step correct|void ID: a life-cycle step (cli_corrector.h)
      const std::string step_verb = pos.size() > 1 ? pos[1] : "";
      if (step_verb != "correct" && step_verb != "void") {
        ctx.err << help();
        return 2;
      }
      return runCorrection(ctx, c, a, store::RecordKind::PlanTransition, step_verb, 2);
    }
    if (pos.size() < 2) {
      return fail(ctx, sdk::Status::invalid(
                           "CODE", cliWord("refuse_plan_needs_code", ctx.english, {verb})));
    }
    auto plan = planByCode(c, pos[1], "CODE", ctx.english);
    if (!plan.isOk()) return fail(ctx, plan.status());
    const sdk::Plan& p = plan.value();
    if (isLifecycleVerb(verb)) return runLifecycleVerb(ctx, c, a, p, verb);
    if (verb == "show") {
      auto owner = store::OrganisationRepository(c.db().session()).findById(p.owner_org_id);
      print.planLine(p, owner ? owner->name : "");
      ctx.out << cliWord("plan_show_versions", ctx.english) << "\n";
      for (const auto& v : repo.versions(p.id, false)) print.versionLine(v);
      ctx.out << cliWord("plan_show_reviews", ctx.english) << "\n";
      for (const auto& r : store::ReviewRepository(c.db().session()).listForPlan(p.id)) print.reviewLine(r);
      ctx.out << cliWord("plan_show_filings", ctx.english) << "\n";
      for (const auto& f : store::FilingRepository(c.db().session()).listForPlan(p.id)) print.filingLine(f);
      return 0;
    }
    if (verb == "revise") {
      sdk::PlanVersion v;
      v.action = sdk::VersionAction::Revised;
      auto trigger = a.required("trigger");
      if (!trigger.isOk()) return fail(ctx, trigger.status());
      v.trigger = trigger.value();
      auto issued = a.date("issued");
      if (!issued.isOk()) return fail(ctx, issued.status());
      v.issued = issued.value();
      v.effective = issued.value();
      v.major = !a.has("minor");
      service::RevisionOptions options;
      options.draft = a.has("draft");
      auto addresses = a.integer("addresses", 0);
      if (!addresses.isOk()) return fail(ctx, addresses.status());
      options.addresses_action_id = addresses.value();
      auto text = readPlanText(a, ctx.english);
      if (!text.isOk()) return fail(ctx, text.status());
      v.text = text.value();
      v.author = a.get("author", ctx.actor.username);
      auto id = plans.revise(p.id, v, ctx.actor, options);
      if (!id.isOk()) return fail(ctx, id.status());
      auto stored = store::PlanRepository(c.db().session()).versionById(id.value());
      const std::string number = stored ? std::to_string(stored->number) : "?";
      if (options.draft) {
        ctx.out << cliWord("plan_draft_revision_stored", ctx.english, {number, p.code}) << "\n";
      } else {
        ctx.out << cliWord("plan_revised", ctx.english, {p.code, number}) << "\n";
      }
      return 0;
    }
    if (pos.size() < 4) {
      return fail(
          ctx, sdk::Status::invalid("VERSION", cliWord("refuse_diff_needs_versions", ctx.english)));
    }
    int from = 0, to = 0;
    try {
      from = std::stoi(pos[2]);
      to = std::stoi(pos[3]);
    } catch (const std::exception&) {
      return fail(
          ctx, sdk::Status::invalid("VERSION", cliWord("refuse_version_not_whole", ctx.english)));
    }
    auto diff = plans.diff(p.id, from, to);
    if (!diff.isOk()) return fail(ctx, diff.status());
    ctx.out << diff.value().toText();
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makePlanCommand() { return std::make_unique<PlanCommand>(); }

}  // namespace beacon::app
