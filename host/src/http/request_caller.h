// RequestCaller: who sent a request: the signed-in user and their session (or the API token
// that authenticated them, `via_token`), filled in by the dispatcher; their access policy and
// the organisations it reads (on the worker's own Database, made on first use), the actor the
// audit log records, the 401/403 refusals and the session's CSRF token. Per request, on its
// worker thread; not shared.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "auth/access_policy.h"
#include "auth/session_store.h"
#include "auth/user.h"
#include "http/web_state.h"
#include "store/audit_log.h"
#include "store/organisation_repository.h"

namespace beacon::http {

class RequestCaller {
 public:
  // `english`: the language of the refusals.
  RequestCaller(WebState& state, bool english) : state_(state), english_(english) {}
  RequestCaller(const RequestCaller&) = delete;
  RequestCaller& operator=(const RequestCaller&) = delete;

  std::optional<auth::User> user;
  std::optional<auth::Session> session;
  bool via_token = false;

  // The user, or 401.
  const auth::User& requireUser();
  auth::AccessPolicy& policy();
  store::OrganisationRepository& organisations();
  store::Actor actor() const { return store::Actor{user ? user->username : "anonymous"}; }
  // 403 unless the user may read / write records of `org_id`.
  void requireRead(sdk::RecordId org_id);
  void requireWrite(sdk::RecordId org_id);
  std::string csrfToken() const { return session ? session->csrf_token : ""; }

 private:
  WebState& state_;
  bool english_;
  std::unique_ptr<auth::AccessPolicy> policy_;
  std::unique_ptr<store::OrganisationRepository> orgs_;
};

}  // namespace beacon::http
