#include "service/drill_service.h"

#include <Poco/Exception.h>

#include "service/drill_validator.h"
#include "service/storage_message.h"
#include "store/drill_repository.h"
#include "store/drill_write_subject.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::service {

sdk::Status DrillService::validate(const sdk::Drill& drill) {
  sdk::Drill copy = drill;
  try {
    DrillValidator validator(db_, registry_);
    return validator.prepare(copy);
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "could not validate the drill");
    return store::failureStatus(e, "could not validate the drill: " + e.displayText());
  }
}

sdk::Result<sdk::RecordId> DrillService::log(sdk::Drill drill, const store::Actor& actor) {
  drill.id = 0;
  try {
    store::Transaction tx(db_.session());
    DrillValidator validator(db_, registry_);
    sdk::Status s = validator.prepare(drill);
    if (!s.isOk()) return s;
    store::DrillRepository drills(db_.session());
    const sdk::RecordId id = drills.add(drill, actor);
    // All this transaction wrote is one drill of drill.org_id and drill.domain (with its audit
    // entry, groups, flags, counts and rule_changes row), when it owns the transaction.
    tx.stampAs(store::drillWriteSubject(drill.domain), drill.org_id);
    tx.commit();
    return id;
  } catch (const Poco::Exception& e) {
    const std::string message = couldNotStore({"演练记录", "the drill"}, english_);
    store::throwIfStorageFailure(e, message);
    return store::failureStatus(e, withDetail(message, e.displayText(), english_));
  }
}

}  // namespace beacon::service
