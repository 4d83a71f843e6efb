// The dashboard's organisation picker options (OrgPicker::optionsHtml), kept per (organisations
// as kept, read scope, language) while the kept organisations are the same set
// (http/kept_organisations.h: a new set after any organisation write): building them as mustache
// data per request was 8 % of the demo city's dashboard. At most kKeptOrgOptions scopes are kept.
// keptOrgOptions is thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "auth/access_policy.h"
#include "http/kept_organisations.h"
#include "http/org_picker.h"

namespace beacon::http {

inline constexpr std::size_t kKeptOrgOptions = 64;

// `picker` is built over `orgs->orgs`.
std::string keptOrgOptions(const std::shared_ptr<const KeptOrganisations>& orgs,
                           const OrgPicker& picker, const auth::Scope& scope, bool english);

}  // namespace beacon::http
