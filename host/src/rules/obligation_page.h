// ObligationPage: one page of a compliance check's results (an
// ObligationSet), filtered by status, duty kind, rule and a last due date,
// in the engine's order or by due date or by organisation, with the number
// that matched. The page's rows are views into the set (which the caller keeps
// alive, rules/obligation_row.h): a renderer reads only the fields it shows. Nothing is
// sorted per request: each chunk's tally (rules/obligation_tally.h) keeps
// every status's positions in chunk order and in due order, the number that
// matched comes from the tally counts (walked only for a rule filter), and a
// page merges the chunks' sorted positions, taking only the first
// offset + limit rows (whole chunks, or whole organisations, skipped by
// count). Stateless; thread-safe over an immutable set.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rules/obligation_set.h"

namespace beacon::rules {

enum class ObligationOrder { Engine, Due, Organisation };

struct ObligationPageQuery {
  std::vector<sdk::ObligationStatus> statuses;  // empty: every status
  std::optional<sdk::ObligationKind> kind;      // unset: every duty kind
  std::string rule;                             // empty: every rule
  sdk::Date due_to;                             // set: only rows due on or before it
  ObligationOrder order = ObligationOrder::Engine;
  std::size_t offset = 0;
  std::size_t limit = 50;
};

struct ObligationPage {
  std::size_t total = 0;                      // rows that matched, before offset and limit
  std::vector<ObligationRow> rows;  // at most `limit`; views into the set's chunks
};

// listedDue (rules/obligation_tally.h): the date a listed row is shown and sorted by.

// `org_name` orders ObligationOrder::Organisation (by name, then due date); ties keep the engine's
// order.
ObligationPage pageOf(const ObligationSet& set, const ObligationPageQuery& q,
                      const std::function<std::string(sdk::RecordId)>& org_name = {});

// Counts per status of the rows of `kind` (unset: all), from the chunk tallies.
struct StatusCounts {
  int met = 0, met_late = 0, due_soon = 0, overdue = 0, upcoming = 0, not_applicable = 0;
  void add(sdk::ObligationStatus s, int n);
};
StatusCounts countOf(const ObligationChunk& chunk, std::optional<sdk::ObligationKind> kind);

// The duty kind or status named by its id (sdk::toId); nullopt when unknown.
std::optional<sdk::ObligationKind> obligationKindFromId(const std::string& id);
std::optional<sdk::ObligationStatus> obligationStatusFromId(const std::string& id);

}  // namespace beacon::rules
