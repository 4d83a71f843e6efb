#include <map>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/lookup.h"
#include "app/record_printer.h"
#include "mail/email_address.h"
#include "service/organisation_service.h"
#include "store/organisation_contacts.h"
#include "store/organisation_repository.h"
#include "store/record_parse.h"

namespace beacon::app {
namespace {

class OrgCommand : public Command {
 public:
  std::string name() const override { return "org"; }
  std::string summary() const override { return "add, list and show organisations"; }
  std::string help() const override {
    return "usage: beacon org add --code CODE --name NAME --kind KIND [--parent CODE]\n"
           "                      [--attr domain.field=value,...]\n"
           "       beacon org list [--under CODE] [--kind KIND]\n"
           "       beacon org show CODE\n"
           "       beacon org set-email CODE [ADDRESS (none: clear it)]\n"
           "KIND: city 市, department 部门, township 乡镇, subdistrict 街道, village 村, community "
           "社区,\n"
           "      enterprise 企业, institution 单位. Attributes come from the plugins, e.g.\n"
           "      fire.key_fire_unit=1, flood.flash_flood_zone=1 (see `beacon plugins`).\n"
           "set-email: the address the organisation's daily digest goes to (beacon notify).\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto a = Arguments::parse(args, {"code", "name", "kind", "parent", "attr", "under"}, {});
    if (!a.isOk()) return fail(ctx, a.status());
    const auto& pos = a.value().positionals();
    const std::string verb = pos.empty() ? "" : pos[0];
    if (verb != "add" && verb != "list" && verb != "show" && verb != "set-email") {
      ctx.err << help();
      return 2;
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    store::OrganisationRepository repo(c.db().session());
    RecordPrinter print(ctx.out, ctx.english);
    if (verb == "add") {
      sdk::Organisation org;
      auto code = a.value().required("code");
      if (!code.isOk()) return fail(ctx, code.status());
      org.code = code.value();
      org.name = a.value().get("name");
      auto kind = store::parseOrgKind(a.value().get("kind"));
      if (!kind)
        return fail(ctx, sdk::Status::invalid("--kind", cliWord("refuse_org_kind", ctx.english,
                                                                {a.value().get("kind")})));
      org.kind = *kind;
      if (a.value().has("parent")) {
        auto parent = organisationByCode(c, a.value().get("parent"), "--parent", ctx.english);
        if (!parent.isOk()) return fail(ctx, parent.status());
        org.parent_id = parent.value().id;
      }
      auto attrs = keyValues(a.value().get("attr"), "--attr", ctx.english);
      if (!attrs.isOk()) return fail(ctx, attrs.status());
      org.attributes = attrs.value();
      auto id = service::OrganisationService(c.db(), c.plugins(), ctx.english).add(org, ctx.actor);
      if (!id.isOk()) return fail(ctx, id.status());
      ctx.out << cliWord("org_added", ctx.english, {org.code, std::to_string(id.value())}) << "\n";
      return 0;
    }
    if (verb == "set-email") {
      if (pos.size() < 2 || pos.size() > 3) {
        return fail(ctx,
                    sdk::Status::invalid("CODE", cliWord("refuse_set_email_usage", ctx.english)));
      }
      auto org = organisationByCode(c, pos[1], "CODE", ctx.english);
      if (!org.isOk()) return fail(ctx, org.status());
      const std::string email = pos.size() == 3 ? pos[2] : "";
      if (!email.empty() && !mail::isEmailAddress(email)) {
        return fail(ctx, sdk::Status::invalid("ADDRESS",
                                              cliWord("refuse_not_email", ctx.english, {email})));
      }
      store::setOrganisationContactEmail(c.db().session(), org.value().id, email, ctx.actor);
      ctx.out << org.value().code << "\t" << (email.empty() ? "-" : email) << "\n";
      return 0;
    }
    auto all = repo.list();
    std::map<sdk::RecordId, std::string> codes;
    for (const auto& o : all) codes[o.id] = o.code;
    if (verb == "show") {
      if (pos.size() < 2)
        return fail(
            ctx, sdk::Status::invalid("CODE", cliWord("refuse_org_show_needs_code", ctx.english)));
      auto org = organisationByCode(c, pos[1], "CODE", ctx.english);
      if (!org.isOk()) return fail(ctx, org.status());
      print.organisationLine(org.value(), codes[org.value().parent_id]);
      for (const auto& o : all) {
        if (o.parent_id == org.value().id) print.organisationLine(o, org.value().code);
      }
      return 0;
    }
    std::set<sdk::RecordId> scope;
    if (a.value().has("under")) {
      auto root = organisationByCode(c, a.value().get("under"), "--under", ctx.english);
      if (!root.isOk()) return fail(ctx, root.status());
      scope = repo.subtree(root.value().id);
    }
    std::optional<sdk::OrgKind> kind;
    if (a.value().has("kind")) {
      kind = store::parseOrgKind(a.value().get("kind"));
      if (!kind)
        return fail(ctx, sdk::Status::invalid("--kind", cliWord("refuse_org_kind", ctx.english,
                                                                {a.value().get("kind")})));
    }
    for (const auto& o : all) {
      if (!scope.empty() && !scope.count(o.id)) continue;
      if (kind && o.kind != *kind) continue;
      print.organisationLine(o, codes[o.parent_id]);
    }
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeOrgCommand() { return std::make_unique<OrgCommand>(); }

}  // namespace beacon::app
