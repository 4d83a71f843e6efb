#include "http/request_caller.h"

#include <set>

#include "http/http_error.h"
#include "http/page_text.h"

namespace beacon::http {

const auth::User& RequestCaller::requireUser() {
  if (!user) throw HttpError::unauthenticated();
  return *user;
}

store::OrganisationRepository& RequestCaller::organisations() {
  if (!orgs_)
    orgs_ = std::make_unique<store::OrganisationRepository>(state_.pool.forThisThread().session());
  return *orgs_;
}

auth::AccessPolicy& RequestCaller::policy() {
  if (!policy_) {
    // Subtrees from the organisation tree the server keeps (WriteVersions), brought up to date
    // first.
    policy_ = std::make_unique<auth::AccessPolicy>(
        organisations(), [this](sdk::RecordId root) -> std::optional<std::set<sdk::RecordId>> {
          const auto tree =
              state_.versions.tree(state_.pool.forThisThread().session(), state_.cache);
          if (!tree->find(root)) return std::nullopt;
          const auto ids = tree->subtree(root);
          return std::set<sdk::RecordId>(ids.begin(), ids.end());
        });
  }
  return *policy_;
}

void RequestCaller::requireRead(sdk::RecordId org_id) {
  if (!policy().canRead(requireUser(), org_id)) {
    throw HttpError::forbidden(pageWord("refuse_record_outside_scope", english_));
  }
}

void RequestCaller::requireWrite(sdk::RecordId org_id) {
  if (!policy().canWrite(requireUser(), org_id)) {
    throw HttpError::forbidden(pageWord("refuse_may_not_change_records", english_));
  }
}

}  // namespace beacon::http
