// scanByIdList: one SELECT limited to a list of record ids ("... id IN ($1, ..., $n)"), run by
// RowScanner with the ids as parameters, so that a list's statement text depends on its length
// only, rounded up to a power of two (the last id repeats), and a list longer than kIdsPerScan
// runs in chunks of that many: at most 9 texts for every list, each compiled once per SQLite
// connection (SqliteStatementCache) where ids spliced into the text made each list a statement
// of its own. Stateless; not thread-safe (follows its Session).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "beacon/sdk/records.h"
#include "store/row_scanner.h"

namespace beacon::store {

inline constexpr std::size_t kIdsPerScan = 256;

// Runs `select_in` + "($1, ..., $n)" + `rest` over `ids` (duplicates allowed) and hands each row
// to `row`; a row may come once per chunk it matches (a duplicate id in two chunks). Nothing
// runs for no ids.
void scanByIdList(RowScanner& scanner, const std::string& select_in,
                  const std::vector<sdk::RecordId>& ids, const std::string& rest,
                  const RowCallback& row);

}  // namespace beacon::store
