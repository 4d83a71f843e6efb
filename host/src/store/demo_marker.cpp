#include "store/demo_marker.h"

#include "store/demo_queries.h"

namespace beacon::store {

bool isDemoData(Database& db) { return countAuditEntries(db.session(), kDemoAuditEntity) > 0; }

}  // namespace beacon::store
