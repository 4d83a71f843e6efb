#include "store/bulk_load.h"

#include "store/dialect.h"

namespace beacon::store {

BulkLoad::BulkLoad(Poco::Data::Session& session) : session_(session) { dialectOf(session_).beginBulkLoad(session_); }

BulkLoad::~BulkLoad() {
  try {
    dialectOf(session_).endBulkLoad(session_);
  } catch (...) {
    // A session that cannot take the setting back is failing anyway; its owner sees that next.
  }
}

}  // namespace beacon::store
