#include "store/notification_look_repository.h"

#include <optional>
#include <string>

#include "store/row_scanner.h"
#include "store/transaction.h"
#include "store/write_stamp.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::Date NotificationLookRepository::lastLook(sdk::RecordId user_id) {
  std::optional<std::string> day;
  RowScanner(session_).scan("SELECT looked_on FROM notification_looks WHERE user_id = $1",
                            {std::to_string(user_id)}, [&](const ScannedRow& r) {
                              if (!day) day = r.text(0);
                            });
  if (!day) return {};
  auto parsed = sdk::Date::parse(*day);
  return parsed ? *parsed : sdk::Date{};
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
