#include "http/kept_org_options.h"

#include <map>
#include <mutex>
#include <tuple>
#include <vector>

namespace beacon::http {

namespace {

using OptionsKey = std::tuple<bool, std::vector<sdk::RecordId>, bool>;  // all, ids, english

std::mutex kept_mutex;
std::shared_ptr<const KeptOrganisations> kept_for;  // held: the set the options were built from
std::map<OptionsKey, std::string> kept;             // guarded by kept_mutex, with kept_for

}  // namespace

std::string keptOrgOptions(const std::shared_ptr<const KeptOrganisations>& orgs,
                           const OrgPicker& picker, const auth::Scope& scope, bool english) {
  OptionsKey key{scope.all, scope.all ? std::vector<sdk::RecordId>() : scope.list(), english};
  {
    std::lock_guard<std::mutex> lock(kept_mutex);
    if (kept_for == orgs) {
      if (const auto it = kept.find(key); it != kept.end()) return it->second;
    }
  }
  std::string html = picker.optionsHtml(scope, english);
  std::lock_guard<std::mutex> lock(kept_mutex);
  if (kept_for != orgs || kept.size() >= kKeptOrgOptions) {
    kept.clear();
    kept_for = orgs;
  }
  kept.emplace(std::move(key), html);
  return html;
}

}  // namespace beacon::http
