#include "rules/obligation_page.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>


namespace beacon::rules {

namespace {

constexpr sdk::ObligationStatus kStatuses[] = {
    sdk::ObligationStatus::Met,           sdk::ObligationStatus::DueSoon,
    sdk::ObligationStatus::Overdue,       sdk::ObligationStatus::Upcoming,
    sdk::ObligationStatus::NotApplicable, sdk::ObligationStatus::MetLate};
constexpr sdk::ObligationKind kKinds[] = {
    sdk::ObligationKind::Evaluation,  sdk::ObligationKind::Drill,    sdk::ObligationKind::Filing,
    sdk::ObligationKind::Publication, sdk::ObligationKind::Revision, sdk::ObligationKind::Review,
    sdk::ObligationKind::Report};

bool listed(sdk::ObligationStatus s) {
  return s == sdk::ObligationStatus::Overdue || s == sdk::ObligationStatus::DueSoon ||
         s == sdk::ObligationStatus::MetLate;
}

bool wanted(const ObligationResult& r, const ObligationPageQuery& q) {
  if (!q.statuses.empty() &&
      std::find(q.statuses.begin(), q.statuses.end(), r.status) == q.statuses.end()) {
    return false;
  }
  if (q.kind && r.obligation.kind != *q.kind) return false;
  if (!q.rule.empty() && r.obligation.rule_id != q.rule) return false;
  if (q.due_to.isSet() && !(listedDue(r) <= q.due_to)) return false;
  return true;
}

// Every matching row, in the engine's order (chunk by chunk; within a chunk, by position).
std::vector<const ObligationResult*> matching(const ObligationSet& set,
                                              const ObligationPageQuery& q) {
  const bool by_tally =
      !q.statuses.empty() && std::all_of(q.statuses.begin(), q.statuses.end(), listed);
  std::vector<const ObligationResult*> out;
  std::vector<std::uint32_t> positions;
  for (const auto& chunk : set.chunks()) {
    const auto& rows = *chunk;
    if (!by_tally) {
      for (const auto& r : rows) {
        if (wanted(r, q)) out.push_back(&r);
      }
      continue;
    }
    const ChunkTally& tally = chunk->tally();
    positions.clear();
    for (auto s : q.statuses) {
      const auto* p = tally.positions(s);
      positions.insert(positions.end(), p->begin(), p->end());
    }
    if (q.statuses.size() > 1) std::sort(positions.begin(), positions.end());
    for (auto at : positions) {
      if (wanted(rows[at], q)) out.push_back(&rows[at]);
    }
  }
  return out;
}

}  // namespace

sdk::Date listedDue(const ObligationResult& r) {
  const auto& o = r.obligation;
  return r.status == sdk::ObligationStatus::MetLate && o.met_due.isSet() ? o.met_due : o.due;
}

ObligationPage pageOf(const ObligationSet& set, const ObligationPageQuery& q,
                      const std::function<std::string(sdk::RecordId)>& org_name) {
  ObligationPage page;
  const bool unfiltered = q.statuses.empty() && !q.kind && q.rule.empty() && !q.due_to.isSet();
  if (unfiltered && q.order == ObligationOrder::Engine) {
    // Skip whole chunks up to the offset.
    page.total = set.size();
    std::size_t skip = q.offset;
    for (const auto& chunk : set.chunks()) {
      if (page.rows.size() >= q.limit) break;
      if (skip >= chunk->size()) {
        skip -= chunk->size();
        continue;
      }
      for (std::size_t i = skip; i < chunk->size() && page.rows.size() < q.limit; ++i) {
        page.rows.push_back(&(*chunk)[i]);
      }
      skip = 0;
    }
    return page;
  }
  std::vector<const ObligationResult*> rows = matching(set, q);
  page.total = rows.size();
  if (q.offset >= rows.size()) return page;
  const std::size_t end = q.offset + std::min(q.limit, rows.size() - q.offset);  // no overflow
  if (q.order == ObligationOrder::Due) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ObligationResult* a, const ObligationResult* b) {
                       return listedDue(*a) < listedDue(*b);
                     });
  } else if (q.order == ObligationOrder::Organisation) {
    std::unordered_map<sdk::RecordId, std::string> names;
    auto nameOf = [&](sdk::RecordId id) -> const std::string& {
      auto it = names.find(id);
      if (it == names.end()) it = names.emplace(id, org_name ? org_name(id) : std::string()).first;
      return it->second;
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const ObligationResult* a, const ObligationResult* b) {
                       const std::string& na = nameOf(a->obligation.org_id);
                       const std::string& nb = nameOf(b->obligation.org_id);
                       if (na != nb) return na < nb;
                       return listedDue(*a) < listedDue(*b);
                     });
  }
  page.rows.assign(rows.begin() + static_cast<std::ptrdiff_t>(q.offset),
                   rows.begin() + static_cast<std::ptrdiff_t>(end));
  return page;
}

void StatusCounts::add(sdk::ObligationStatus s, int n) {
  switch (s) {
    case sdk::ObligationStatus::Met:
      met += n;
      break;
    case sdk::ObligationStatus::MetLate:
      met_late += n;
      break;
    case sdk::ObligationStatus::DueSoon:
      due_soon += n;
      break;
    case sdk::ObligationStatus::Overdue:
      overdue += n;
      break;
    case sdk::ObligationStatus::Upcoming:
      upcoming += n;
      break;
    case sdk::ObligationStatus::NotApplicable:
      not_applicable += n;
      break;
  }
}

StatusCounts countOf(const ObligationChunk& chunk, std::optional<sdk::ObligationKind> kind) {
  StatusCounts out;
  const ChunkTally& tally = chunk->tally();
  for (auto s : kStatuses) {
    const auto si = static_cast<std::size_t>(s);
    if (kind) {
      out.add(s, tally.counts[static_cast<std::size_t>(*kind)][si]);
    } else {
      out.add(s, tally.count(s));
    }
  }
  return out;
}

std::optional<sdk::ObligationKind> obligationKindFromId(const std::string& id) {
  for (auto k : kKinds) {
    if (id == sdk::toId(k)) return k;
  }
  return std::nullopt;
}

std::optional<sdk::ObligationStatus> obligationStatusFromId(const std::string& id) {
  for (auto s : kStatuses) {
    if (id == sdk::toId(s)) return s;
  }
  return std::nullopt;
}

}  // namespace beacon::rules
