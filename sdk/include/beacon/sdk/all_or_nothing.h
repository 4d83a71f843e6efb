// evaluateAllOrNothing: how a plugin's DomainRules::evaluate keeps its
// contract: obligations are appended only when every rule succeeded, and no
// exception leaves the plugin (it becomes an error Status naming the domain).
// Stateless; thread-safe as far as `evaluate` is. Added in SDK 1.1.
#pragma once

#include <exception>
#include <string>
#include <vector>

#include "beacon/sdk/obligation.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

// `evaluate(std::vector<Obligation>& found) -> Status` fills `found`.
template <typename Evaluate>
Status evaluateAllOrNothing(const std::string& domain, std::vector<Obligation>& out,
                            Evaluate&& evaluate) {
  try {
    std::vector<Obligation> found;
    Status s = evaluate(found);
    if (!s.isOk()) return s;
    out.insert(out.end(), found.begin(), found.end());
    return Status::ok();
  } catch (const std::exception& e) {
    return Status::internal(domain + " rules failed: " + e.what());
  } catch (...) {
    return Status::internal(domain + " rules failed with an unknown error");
  }
}

}  // namespace beacon::sdk
