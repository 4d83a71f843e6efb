// CacheVersionFeed: reads cache_versions (store/cache_version_triggers.h): the (table,
// organisation) pairs written since a given clock number, with their numbers. One indexed
// statement; nothing when nothing was written since. Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct CacheVersionRow {
  Poco::Int64 seq = 0;       // the clock number of the last write to the pair
  std::string table;
  sdk::RecordId org_id = 0;  // 0: a table whose rows belong to no organisation
};

class CacheVersionFeed {
 public:
  explicit CacheVersionFeed(Poco::Data::Session& session) : session_(session) {}
  // The pairs stamped after `seq`, in no particular order.
  std::vector<CacheVersionRow> after(Poco::Int64 seq) const;

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
