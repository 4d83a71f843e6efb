// RecordCodes: what stands for internal ids in a ledger file, read in three
// statements for a whole export (io::ExportSession): every organisation's
// code, every plan's code and current version number, and every plan
// version's number and issue date. A named query; plain data; not
// thread-safe (follows its Session).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct PlanCode {
  std::string code;
  int current_version = 0;
};

struct VersionCode {
  sdk::RecordId id = 0;
  sdk::RecordId plan_id = 0;
  int number = 0;
  std::string issued;  // YYYY-MM-DD; empty: not issued
};

struct RecordCodes {
  std::map<sdk::RecordId, std::string> organisations;  // id -> code
  std::map<sdk::RecordId, PlanCode> plans;
  std::vector<VersionCode> versions;  // by plan id, then number
};

RecordCodes readRecordCodes(Poco::Data::Session& session);

}  // namespace beacon::store
