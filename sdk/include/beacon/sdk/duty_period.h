// DutyPeriod and PeriodCalendar: the seasons and periods a domain's duties
// are tied to (汛期, 森林防火期), so the host can say on a drill's page and
// record sheet that the drill took place inside one (森林防火期内). A plugin
// with such periods also derives from PeriodCalendar; the host finds it with
// dynamic_cast on the Plugin and guards every call, so a plugin without
// periods needs nothing. Added for issue #11 (SDK version bumped at merge).
// DutyPeriod is a plain value; implementations must be safe to call from
// several threads at once.
#pragma once

#include <exception>
#include <string>
#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/export.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

struct DutyPeriod {
  std::string id;       // "flood.season", "forest_fire.period"
  std::string name_zh;  // 汛期
  std::string name_en;  // flood season
  Date start;           // first day
  Date end;             // last day (may fall in the next year)
  std::string citation;
};

class BEACON_SDK_API PeriodCalendar {
 public:
  virtual ~PeriodCalendar();
  // Appends to `out` every period of the domain that contains `day`, as the
  // deployment's `parameters` set them. A bad parameter comes back as a
  // Status naming its key, with nothing appended; never throws.
  virtual Status periodsContaining(const Date& day, const RuleParameters& parameters,
                                   std::vector<DutyPeriod>& out) const = 0;
};

// "汛期内" / "inside the flood season": how a page marks a day inside `period`.
BEACON_SDK_API std::string insideLabel(const DutyPeriod& period, bool english);

// How a PeriodCalendar keeps its contract: `find(std::vector<DutyPeriod>&) ->
// Status` fills a list that is appended to `out` only on success, and no
// exception leaves the plugin (it becomes an error Status naming the domain).
template <typename Find>
Status periodsAllOrNothing(const std::string& domain, std::vector<DutyPeriod>& out, Find&& find) {
  try {
    std::vector<DutyPeriod> found;
    Status s = find(found);
    if (!s.isOk()) return s;
    out.insert(out.end(), found.begin(), found.end());
    return Status::ok();
  } catch (const std::exception& e) {
    return Status::internal(domain + " periods failed: " + e.what());
  } catch (...) {
    return Status::internal(domain + " periods failed with an unknown error");
  }
}

}  // namespace beacon::sdk
