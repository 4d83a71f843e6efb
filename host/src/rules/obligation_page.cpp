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

// One status's rows in one chunk, in the order the page lists them (chunk order for the engine's
// order, else due order), cut at the query's last due date where that order allows.
struct Source {
  const ResultChunk* chunk;
  std::size_t chunk_index;
  const std::uint32_t* begin;
  const std::uint32_t* end;
  std::size_t count;  // the rows in [begin, end) that pass the Filter
};

// What the sources do not decide by themselves: the duty kind, the rule, and the last due date
// when the rows are in chunk order.
class Filter {
 public:
  explicit Filter(const ObligationPageQuery& q)
      : q_(q), due_(q.due_to.isSet() && q.order == ObligationOrder::Engine), due_to_(q.due_to) {}
  bool walks() const { return q_.kind || !q_.rule.empty() || due_; }
  // Whether the tally's count of a kind is the count that passes (no rule, no due-date walk).
  bool kindOnly() const { return q_.rule.empty() && !due_; }
  bool pass(const KeptRow& r) const {
    if (q_.kind && r.rule->kind != *q_.kind) return false;
    if (!q_.rule.empty() && r.rule->rule_id != q_.rule) return false;
    if (due_ && due_to_ < listedDue(r)) return false;
    return true;
  }

 private:
  const ObligationPageQuery& q_;
  bool due_;
  PackedDate due_to_;
};

std::vector<sdk::ObligationStatus> statusesOf(const ObligationPageQuery& q) {
  if (q.statuses.empty()) return {std::begin(kStatuses), std::end(kStatuses)};
  std::vector<sdk::ObligationStatus> out;
  for (auto s : q.statuses) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

// Every chunk's sources for the query, in chunk order, with their counts (from the tally unless a
// rule, or a kind together with a due-date cut, makes a walk necessary).
std::vector<Source> sourcesOf(const ObligationSet& set, const ObligationPageQuery& q,
                              const Filter& filter) {
  const std::vector<sdk::ObligationStatus> statuses = statusesOf(q);
  const bool in_order = q.order == ObligationOrder::Engine;
  std::vector<Source> out;
  for (std::size_t i = 0; i < set.chunks().size(); ++i) {
    const ResultChunk& chunk = *set.chunks()[i];
    const ChunkTally& tally = chunk.tally();
    for (auto s : statuses) {
      const ChunkTally::Positions& list = in_order ? tally.inOrder(s) : tally.byDue(s);
      if (list.empty()) continue;
      const std::uint32_t* begin = list.data();
      const std::uint32_t* end = begin + list.size();
      bool cut = false;
      if (q.due_to.isSet() && !in_order) {
        end = std::upper_bound(
            begin, end, PackedDate(q.due_to),
            [&chunk](PackedDate d, std::uint32_t at) { return d < listedDue(chunk.kept(at)); });
        cut = end != begin + list.size();
      }
      std::size_t count = static_cast<std::size_t>(end - begin);
      if (filter.walks() && (!filter.kindOnly() || cut)) {
        count = static_cast<std::size_t>(
            std::count_if(begin, end, [&](std::uint32_t at) { return filter.pass(chunk.kept(at)); }));
      } else if (q.kind) {
        const auto k = static_cast<std::size_t>(*q.kind);
        count = k < kObligationKindCount
                    ? static_cast<std::size_t>(tally.counts[k][static_cast<std::size_t>(s)])
                    : 0;
      }
      if (count > 0) out.push_back({&chunk, i, begin, end, count});
    }
  }
  return out;
}

// Appends the rows of `group` (sources of one chunk, one organisation or all) to the page in the
// page's order (by due date then engine order, or engine order alone), first dropping `skip` of
// them, until the page holds `limit`: a merge of the sources' sorted positions, so it costs the
// rows taken and skipped, not the rows matched.
void mergeInto(const std::vector<const Source*>& group, bool by_due, const Filter& filter,
               std::size_t& skip, std::size_t limit, ObligationPage& page) {
  struct Head {
    const Source* source;
    const std::uint32_t* at;
    const KeptRow& row() const { return source->chunk->kept(*at); }
  };
  const bool walks = filter.walks();
  auto settle = [&](Head& h) {  // to the next row that passes; false at the end
    if (walks) {
      while (h.at != h.source->end && !filter.pass(h.row())) ++h.at;
    }
    return h.at != h.source->end;
  };
  auto later = [by_due](const Head& a, const Head& b) {  // a min-heap on the page's order
    if (by_due) {
      const PackedDate da = listedDue(a.row());
      const PackedDate db = listedDue(b.row());
      if (da < db) return false;
      if (db < da) return true;
    }
    if (a.source->chunk_index != b.source->chunk_index)
      return a.source->chunk_index > b.source->chunk_index;
    return *a.at > *b.at;
  };
  std::vector<Head> heap;
  heap.reserve(group.size());
  for (const Source* s : group) {
    Head h{s, s->begin};
    if (group.size() == 1 && !walks) {  // one sorted run: skip by arithmetic
      const std::size_t jump = std::min(skip, s->count);
      h.at += jump;
      skip -= jump;
    }
    if (settle(h)) heap.push_back(h);
  }
  std::make_heap(heap.begin(), heap.end(), later);
  while (!heap.empty() && page.rows.size() < limit) {
    std::pop_heap(heap.begin(), heap.end(), later);
    Head& h = heap.back();
    if (skip > 0) {
      --skip;
    } else {
      page.rows.push_back((*h.source->chunk)[*h.at]);
    }
    ++h.at;
    if (settle(h)) {
      std::push_heap(heap.begin(), heap.end(), later);
    } else {
      heap.pop_back();
    }
  }
}

// The page from `groups` (each a run of sources merged together, in the page's order): groups
// wholly before the offset are skipped by their counts.
void pageGroups(const std::vector<std::vector<const Source*>>& groups, bool by_due,
                const Filter& filter, const ObligationPageQuery& q, ObligationPage& page) {
  std::size_t skip = q.offset;
  for (const auto& group : groups) {
    if (page.rows.size() >= q.limit) break;
    std::size_t n = 0;
    for (const Source* s : group) n += s->count;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    mergeInto(group, by_due, filter, skip, q.limit, page);
  }
}

}  // namespace

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
        page.rows.push_back((*chunk)[i]);
      }
      skip = 0;
    }
    return page;
  }
  const Filter filter(q);
  const std::vector<Source> sources = sourcesOf(set, q, filter);
  for (const auto& s : sources) page.total += s.count;
  if (q.offset >= page.total || q.limit == 0) return page;
  std::vector<std::vector<const Source*>> groups;
  if (q.order == ObligationOrder::Engine) {  // one group per chunk
    for (const auto& s : sources) {
      if (groups.empty() || groups.back().front()->chunk_index != s.chunk_index)
        groups.emplace_back();
      groups.back().push_back(&s);
    }
  } else if (q.order == ObligationOrder::Due || !org_name) {
    groups.emplace_back();
    for (const auto& s : sources) groups.back().push_back(&s);
  } else {  // one group per organisation name, in name order (ties: engine order)
    std::unordered_map<sdk::RecordId, std::string> names;
    std::vector<std::pair<const std::string*, const Source*>> named;
    named.reserve(sources.size());
    for (const auto& s : sources) {
      const sdk::RecordId id = s.chunk->kept(0).org_id;
      auto it = names.find(id);
      if (it == names.end()) it = names.emplace(id, org_name(id)).first;
      named.emplace_back(&it->second, &s);
    }
    std::stable_sort(named.begin(), named.end(),
                     [](const auto& a, const auto& b) { return *a.first < *b.first; });
    for (std::size_t i = 0; i < named.size(); ++i) {
      if (i == 0 || *named[i].first != *named[i - 1].first) groups.emplace_back();
      groups.back().push_back(named[i].second);
    }
  }
  pageGroups(groups, q.order != ObligationOrder::Engine, filter, q, page);
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
