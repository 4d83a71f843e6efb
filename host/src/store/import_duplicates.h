// Import duplicates: the importers' checks whether a row repeats a record
// already stored (and not voided): same drill in every compared column, same
// review or filing of a plan version, same corrective action. drillKeys reads
// the compared columns of every stored drill once, so the drill import can
// hash them and ask countSameDrill only on a hash match. Named queries; not
// thread-safe (follows its Session).
#pragma once

#include <functional>
#include <string>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/corrective_action.h"

namespace beacon::store {

// The columns a drill duplicate is judged by.
struct DrillDuplicateKey {
  sdk::RecordId org_id = 0;
  std::string domain;
  std::string drill_type;
  std::string date;  // YYYY-MM-DD
  std::string place;
  std::string scenario;
  int participants = 0;
  int evacuees = 0;
};

// Every non-voided drill's key, in no particular order.
void forEachDrillDuplicateKey(Poco::Data::Session& session, const std::function<void(const DrillDuplicateKey&)>& each);
int countSameDrill(Poco::Data::Session& session, const DrillDuplicateKey& key);
int countSameReview(Poco::Data::Session& session, const sdk::Review& r);
int countSameFiling(Poco::Data::Session& session, const sdk::Filing& f);
// Same source, plan (0: none), responsible organisation and description.
int countSameCorrectiveAction(Poco::Data::Session& session, const store::CorrectiveAction& a);

}  // namespace beacon::store
