#include "http/demo_accounts.h"

#include "auth/account_service.h"
#include "auth/user_repository.h"
#include "store/demo_marker.h"
#include "store/organisation_repository.h"

namespace beacon::http {

sdk::Result<std::vector<DemoLogin>> ensureDemoAccounts(store::Database& db, const WebConfig& config,
                                                       const store::Actor& actor) {
  std::vector<DemoLogin> out;
  if (!config.demo_accounts || !store::isDemoData(db)) return out;
  if (auth::UserRepository(db.session()).count() > 0) return out;
  const sdk::Organisation* town = nullptr;
  const sdk::Organisation* village = nullptr;
  store::OrganisationRepository orgs(db.session());
  const auto all = orgs.list();
  for (const auto& o : all) {
    if (!town && o.kind == sdk::OrgKind::Township) town = &o;
  }
  for (const auto& o : all) {
    if (town && !village && o.kind == sdk::OrgKind::Village && o.parent_id == town->id) village = &o;
  }
  if (!town || !village) return out;
  auth::PasswordHasher hasher(config.password_iterations);
  auth::AccountService accounts(db, hasher);
  struct Wanted {
    std::string username, name, role, org, description;
  };
  const std::vector<Wanted> wanted = {
      {"admin", "市应急管理局管理员", "admin", "", "city office administrator 市应急管理局管理员"},
      {"town", town->name + "工作人员", "org_staff", town->code, town->name + " staff 乡镇工作人员"},
      {"village", village->name + "工作人员", "village_staff", village->code,
       town->name + village->name + " staff 村工作人员"},
  };
  for (const auto& w : wanted) {
    auto created = accounts.create({w.username, w.name, w.role, w.org, kDemoPassword}, actor);
    if (!created.isOk()) return created.status();
    out.push_back({w.username, kDemoPassword, w.description});
  }
  return out;
}

}  // namespace beacon::http
