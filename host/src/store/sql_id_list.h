// sqlIdList: record ids as an SQL list, "(1, 2, 3)" ("(NULL)" for none, which matches nothing),
// for the named queries limited to a set of organisations. Ids are integers, so the list is safe
// to splice into a statement. Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/records.h"

namespace beacon::store {

inline std::string sqlIdList(const std::vector<sdk::RecordId>& ids) {
  std::string out = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + std::to_string(ids[i]);
  return out + (ids.empty() ? "NULL)" : ")");
}

}  // namespace beacon::store
