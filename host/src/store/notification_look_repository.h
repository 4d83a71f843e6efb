// NotificationLookRepository: the notification_looks table (migration 45), the day each user last
// opened the notifications page. Recording a look is a bookkeeping write: its transaction is
// stamped kBookkeepingSubject (store/write_stamp.h), so it drops no cached data page of the web
// server. Not thread-safe (follows its Session).
#pragma once

#include <string>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

class NotificationLookRepository {
 public:
  explicit NotificationLookRepository(Poco::Data::Session& session) : session_(session) {}
  // The day of the user's last look; unset when they never looked.
  sdk::Date lastLook(sdk::RecordId user_id);
  // Makes `day` the user's last look.
  void record(sdk::RecordId user_id, const sdk::Date& day);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
