#include "service/drill_plan_matcher.h"

#include <algorithm>
#include <cstdlib>

namespace beacon::service {

DrillPlanProgress matchDrillPlan(const store::DrillPlan& plan, const std::vector<sdk::Drill>& drills,
                                 const sdk::Date& as_of) {
  DrillPlanProgress out;
  std::vector<const sdk::Drill*> pool;
  for (const auto& d : drills) {
    if (d.org_id == plan.org_id && d.date.year == plan.year && d.date <= as_of) pool.push_back(&d);
  }
  std::sort(pool.begin(), pool.end(), [](const sdk::Drill* a, const sdk::Drill* b) {
    return a->date < b->date || (a->date == b->date && a->id < b->id);
  });
  std::vector<bool> used(pool.size(), false);
  out.items.resize(plan.items.size());
  std::vector<std::size_t> order(plan.items.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
    out.items[i].item = plan.items[i];
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = plan.items[a];
    const auto& y = plan.items[b];
    if (x.month != y.month) return x.month < y.month;
    if ((x.plan_id != 0) != (y.plan_id != 0)) return x.plan_id != 0;
    return x.id < y.id;
  });
  auto fits = [](const store::DrillPlanItem& item, const sdk::Drill& d) {
    return d.domain == item.domain && d.drill_type == item.drill_type &&
           (item.plan_id == 0 || d.plan_id == item.plan_id);
  };
  for (const bool same_month : {true, false}) {
    for (const std::size_t i : order) {
      PlannedDrillMatch& m = out.items[i];
      if (m.drill_id != 0) continue;
      std::size_t best = pool.size();
      int best_distance = 13;
      for (std::size_t k = 0; k < pool.size(); ++k) {
        if (used[k] || !fits(m.item, *pool[k])) continue;
        const int distance = std::abs(pool[k]->date.month - m.item.month);
        if (same_month ? distance == 0 : distance < best_distance) {
          best = k;
          best_distance = distance;
          if (same_month) break;
        }
      }
      if (best == pool.size()) continue;
      used[best] = true;
      m.drill_id = pool[best]->id;
      m.drill_date = pool[best]->date;
      m.in_month = best_distance == 0;
    }
  }
  // The planned month is over once the as-of day is past its last day.
  for (auto& m : out.items) {
    ++out.planned;
    if (m.drill_id != 0) {
      ++out.done;
      if (m.in_month) ++out.done_in_month;
      continue;
    }
    const sdk::Date month_end{plan.year, m.item.month, sdk::Date::daysInMonth(plan.year, m.item.month)};
    m.overdue = month_end < as_of;
    ++(m.overdue ? out.missing : out.pending);
  }
  out.unplanned = static_cast<int>(std::count(used.begin(), used.end(), false));
  return out;
}

}  // namespace beacon::service
