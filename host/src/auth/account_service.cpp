#include "auth/account_service.h"

#include "auth/api_token_cache.h"
#include "auth/api_token_store.h"
#include "auth/password_policy.h"
#include "auth/session_store.h"
#include "auth/user_repository.h"
#include "store/organisation_repository.h"
#include "store/transaction.h"

namespace beacon::auth {

namespace {
constexpr std::size_t kMaxDisplayNameBytes = 200;
}

sdk::Result<User> AccountService::find(const std::string& username) {
  auto user = auth::UserRepository(db_.session()).findByUsername(username);
  if (!user) return sdk::Status::invalid("username", "no account \"" + username + "\"");
  return *user;
}

sdk::Result<User> AccountService::create(const NewAccount& account, const store::Actor& actor) {
  User user;
  user.username = account.username;
  if (!isValidUsername(user.username)) {
    return sdk::Status::invalid("username", "\"" + account.username +
                                                "\" is not valid: use 2-64 lowercase letters, digits, . _ - @,"
                                                " starting with a letter or digit");
  }
  auth::UserRepository users(db_.session());
  if (users.findByUsername(user.username)) {
    return sdk::Status::invalid("username", "\"" + user.username + "\" already exists");
  }
  if (account.role.empty()) return sdk::Status::invalid("role", "is required (admin, org_staff, village_staff, viewer)");
  auto role = parseRole(account.role);
  if (!role) {
    return sdk::Status::invalid("role", "unknown role \"" + account.role +
                                            "\" (admin, org_staff, village_staff, viewer)");
  }
  user.role = *role;
  if (!account.org_code.empty()) {
    auto org = store::OrganisationRepository(db_.session()).findByCode(account.org_code);
    if (!org) return sdk::Status::invalid("org", "no organisation with code \"" + account.org_code + "\"");
    user.org_id = org->id;
  } else if (requiresOrganisation(user.role)) {
    return sdk::Status::invalid("org", std::string("is required for role ") + toId(user.role));
  }
  if (account.display_name.size() > kMaxDisplayNameBytes) {
    return sdk::Status::invalid("display_name", "is longer than " + std::to_string(kMaxDisplayNameBytes) + " bytes");
  }
  user.display_name = account.display_name;
  sdk::Status strong = checkPassword(account.password, user.username);
  if (!strong.isOk()) return strong;
  user.password = hasher_.hash(account.password);
  users.add(user, actor);
  return user;
}

sdk::Result<PasswordChange> AccountService::changePassword(const std::string& username,
                                                           const std::string& password,
                                                           const store::Actor& actor,
                                                           TokenPolicy tokens) {
  auto user = find(username);
  if (!user.isOk()) return user.status();
  sdk::Status strong = checkPassword(password, username);
  if (!strong.isOk()) return strong;
  PasswordChange change;
  store::Transaction tx(db_.session());
  auth::UserRepository(db_.session()).setPassword(user.value().id, hasher_.hash(password), actor);
  SessionStore(db_.session()).destroyForUser(user.value().id);  // on every server process at once
  if (tokens == TokenPolicy::Revoke)
    change.tokens_revoked = ApiTokenStore(db_.session()).revokeAll(user.value().id, actor);
  tx.commit();
  ApiTokenCache::process()
      .clear();  // after the outer commit, so no verification re-caches a revoked token
  return change;
}

sdk::Status AccountService::setDisabled(const std::string& username, bool disabled, const store::Actor& actor) {
  auto user = find(username);
  if (!user.isOk()) return user.status();
  store::Transaction tx(db_.session());
  auth::UserRepository(db_.session()).setDisabled(user.value().id, disabled, actor);
  if (disabled) SessionStore(db_.session()).destroyForUser(user.value().id);
  tx.commit();
  return sdk::Status::ok();
}

sdk::Result<User> AccountService::changeRole(const std::string& username,
                                             const std::string& role_text,
                                             const std::string& org_code,
                                             const store::Actor& actor) {
  auto user = find(username);
  if (!user.isOk()) return user.status();
  if (role_text.empty())
    return sdk::Status::invalid("role", "is required (admin, org_staff, village_staff, viewer)");
  const auto role = parseRole(role_text);
  if (!role) {
    return sdk::Status::invalid(
        "role", "unknown role \"" + role_text + "\" (admin, org_staff, village_staff, viewer)");
  }
  sdk::RecordId org_id = 0;
  if (!org_code.empty()) {
    auto org = store::OrganisationRepository(db_.session()).findByCode(org_code);
    if (!org) return sdk::Status::invalid("org", "no organisation with code \"" + org_code + "\"");
    org_id = org->id;
  } else if (requiresOrganisation(*role)) {
    return sdk::Status::invalid("org", std::string("is required for role ") + toId(*role));
  }
  store::Transaction tx(db_.session());
  auth::UserRepository(db_.session()).setRole(user.value().id, *role, org_id, actor);
  SessionStore(db_.session()).destroyForUser(user.value().id);
  tx.commit();
  User changed = user.value();
  changed.role = *role;
  changed.org_id = org_id;
  return changed;
}

}  // namespace beacon::auth
