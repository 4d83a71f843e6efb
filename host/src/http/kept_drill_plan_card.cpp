#include "http/kept_drill_plan_card.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <tuple>

#include "http/cache_scope.h"
#include "http/web_state.h"

namespace beacon::http {

namespace {

// What the kept figures were read under: the same for all of them.
struct DataKey {
  std::shared_ptr<const OrgTree> tree;  // held, so a later server's tree is never taken for it
  std::uint64_t version = 0;
  std::uint64_t generation = 0;
  bool operator==(const DataKey& o) const {
    return tree == o.tree && version == o.version && generation == o.generation;
  }
};

using CardKey = std::tuple<int, int, int, std::vector<sdk::RecordId>>;  // as-of day, scope

std::mutex kept_mutex;
DataKey kept_key;                                                     // guarded by kept_mutex
std::map<CardKey, std::shared_ptr<const DrillPlanCardFigures>> kept;  // guarded by kept_mutex

}  // namespace

std::shared_ptr<const DrillPlanCardFigures> keptDrillPlanCard(
    RequestContext& ctx, const sdk::Date& as_of, const std::vector<sdk::RecordId>& org_ids) {
  // The versions are read before the data, so figures are never kept under a newer key than
  // the data they were read from.
  DataKey key;
  key.tree = ctx.state.versions.tree(ctx.db().session(), ctx.state.cache);
  key.generation = ctx.state.cache.generation();
  key.version = ctx.state.versions.stamp(CacheScope{}, 0);
  std::vector<sdk::RecordId> ids = org_ids;
  std::sort(ids.begin(), ids.end());
  CardKey card{as_of.year, as_of.month, as_of.day, ids};
  {
    std::lock_guard<std::mutex> lock(kept_mutex);
    if (kept_key == key) {
      if (const auto it = kept.find(card); it != kept.end()) return it->second;
    }
  }
  const std::set<sdk::RecordId> scope(ids.begin(), ids.end());
  const summary::DrillPlanExecution tally = summary::tallyDrillPlanExecution(
      ctx.db().session(), as_of.year, as_of, scope.empty() ? nullptr : &scope, "");
  auto fresh = std::make_shared<DrillPlanCardFigures>();
  fresh->total = tally.total;
  for (const auto& r : tally.rows) fresh->by_org[r.org_id].add(r.counts);
  std::shared_ptr<const DrillPlanCardFigures> out = std::move(fresh);
  std::lock_guard<std::mutex> lock(kept_mutex);
  if (!(kept_key == key)) {
    kept.clear();
    kept_key = key;
  }
  if (kept.size() >= kKeptCards) kept.clear();
  kept[std::move(card)] = out;
  return out;
}

}  // namespace beacon::http
