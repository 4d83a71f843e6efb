// The drills table's columns as the drill readers select them (DrillRepository::list, the rules'
// RecordReaderQueries::drills) and the sdk::Drill read from one such row. Plain functions;
// thread-safe.
#pragma once

#include "beacon/sdk/records.h"
#include "store/row_scanner.h"

namespace beacon::store {

// "id, domain, drill_type, …, findings": the columns drillOfRow reads, in its order.
extern const char* const kDrillRowColumns;

// The drill in a row selected with kDrillRowColumns (every text column NOT NULL; ids NULL as 0).
sdk::Drill drillOfRow(const ScannedRow& r);

}  // namespace beacon::store
