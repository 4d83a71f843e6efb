#include "store/notification_look_repository.h"

#include <vector>

#include "store/transaction.h"
#include "store/write_stamp.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::Date NotificationLookRepository::lastLook(sdk::RecordId user_id) {
  std::vector<std::string> days;
  session_ << "SELECT looked_on FROM notification_looks WHERE user_id = $1",
      bind(static_cast<Poco::Int64>(user_id)), into(days), now;
  if (days.empty()) return {};
  auto day = sdk::Date::parse(days.front());
  return day ? *day : sdk::Date{};
}

void NotificationLookRepository::record(sdk::RecordId user_id, const sdk::Date& day) {
  Transaction tx(session_);
  tx.stampAs(kBookkeepingSubject, 0);
  session_ << "INSERT INTO notification_looks(user_id, looked_on) VALUES($1, $2)"
              " ON CONFLICT(user_id) DO UPDATE SET looked_on = excluded.looked_on",
      bind(static_cast<Poco::Int64>(user_id)), bind(day.toString()), now;
  tx.commit();
}

}  // namespace beacon::store
