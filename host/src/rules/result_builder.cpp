#include "rules/result_builder.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace beacon::rules {

ResultBuilder::ResultBuilder(RuleTable& rules) : rules_(rules) { texts_.emplace_back(); }

void ResultBuilder::reset() {
  held_.clear();
  rows_ = {};
  text_index_.clear();
  texts_.clear();
  texts_.emplace_back();
}

std::uint32_t ResultBuilder::textOf(const std::string& s) {
  if (s.empty()) return 0;
  const auto it = text_index_.find(s);
  if (it != text_index_.end()) return it->second;
  if (texts_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("compliance results: more than 2^32 distinct notes");
  const auto at = static_cast<std::uint32_t>(texts_.size());
  texts_.push_back(s);
  text_index_.emplace(texts_.back(), at);
  return at;
}

void ResultBuilder::add(const sdk::Obligation& o, sdk::ObligationStatus status, long days_late) {
  const RuleTable::Ref& rule = rules_.intern(o);
  if (held_.find(rule.get()) == held_.end()) held_.emplace(rule.get(), rule);
  KeptRow row;
  row.rule = rule.get();
  row.org_id = o.org_id;
  row.plan_id = o.plan_id;
  row.last_met_id = o.last_met.id;
  row.days_late = static_cast<std::int32_t>(days_late);
  row.due = PackedDate(o.due);
  row.met_due = PackedDate(o.met_due);
  row.last_met_date = PackedDate(o.last_met.date);
  row.note = textOf(o.note);
  row.last_met_kind = textOf(o.last_met.kind);
  row.status = status;
  row.period_satisfied = o.period_satisfied;
  row.applicable = o.applicable;
  rows_.push_back(row);
}

void ResultBuilder::keepOrganisations(const std::vector<sdk::RecordId>& sorted_ids) {
  rows_.erase(std::remove_if(rows_.begin(), rows_.end(),
                             [&](const KeptRow& r) {
                               return !std::binary_search(sorted_ids.begin(), sorted_ids.end(),
                                                          r.org_id);
                             }),
              rows_.end());
}

ResultChunk::Parts ResultBuilder::partsOf(const std::vector<std::size_t>& order, std::size_t begin,
                                          std::size_t end) {
  ResultChunk::Parts parts;
  parts.texts.emplace_back();
  parts.rows.reserve(end - begin);
  std::unordered_map<std::uint32_t, std::uint32_t> text_at{{0, 0}};
  std::unordered_map<const RuleText*, bool> ruled;
  auto local = [&](std::uint32_t t) {
    auto it = text_at.find(t);
    if (it == text_at.end()) {
      it = text_at.emplace(t, static_cast<std::uint32_t>(parts.texts.size())).first;
      parts.texts.push_back(texts_[t]);
    }
    return it->second;
  };
  for (std::size_t i = begin; i < end; ++i) {
    KeptRow row = rows_[order[i]];
    row.note = local(row.note);
    row.last_met_kind = local(row.last_met_kind);
    if (ruled.emplace(row.rule, true).second) parts.rules.push_back(held_.at(row.rule));
    parts.rows.push_back(row);
  }
  return parts;
}

void ResultBuilder::chunksInto(std::map<ChunkKey, ObligationChunk>& chunks) {
  std::vector<std::size_t> order(rows_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [this](std::size_t x, std::size_t y) {
    const KeptRow& a = rows_[x];
    const KeptRow& b = rows_[y];
    return std::tie(a.org_id, a.rule->domain, a.plan_id, a.rule->rule_id) <
           std::tie(b.org_id, b.rule->domain, b.plan_id, b.rule->rule_id);
  });
  std::size_t i = 0;
  while (i < order.size()) {
    const KeptRow& first = rows_[order[i]];
    std::size_t j = i + 1;
    while (j < order.size() && rows_[order[j]].org_id == first.org_id &&
           rows_[order[j]].rule->domain == first.rule->domain) {
      ++j;
    }
    chunks[ChunkKey{first.org_id, first.rule->domain}] =
        std::make_shared<const ResultChunk>(partsOf(order, i, j));
    i = j;
  }
  reset();
}

ResultChunk::Parts ResultBuilder::allInOrder() {
  std::vector<std::size_t> order(rows_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  ResultChunk::Parts parts = partsOf(order, 0, order.size());
  reset();
  return parts;
}

ResultChunk::Parts ResultBuilder::compact(const std::vector<ObligationResult>& rows) {
  RuleTable table;
  ResultBuilder builder(table);
  for (const auto& r : rows) builder.add(r.obligation, r.status, r.days_late);
  return builder.allInOrder();
}

}  // namespace beacon::rules
