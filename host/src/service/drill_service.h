// DrillService: the one place a single drill is validated and logged,
// whatever the entry path (CLI, web form). Bulk import uses DrillValidator
// directly with its caches preloaded. Not thread-safe (follows its
// Database); the registry must outlive it.
#pragma once

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace beacon::service {

class DrillService {
 public:
  // `english`: a storage failure's message in English, else zh-CN (service/storage_message.h).
  DrillService(store::Database& db, const plugins::PluginRegistry& registry, bool english = false)
      : db_(db), registry_(registry), english_(english) {}
  // The first problem, naming its field (see DrillValidator::prepare).
  sdk::Status validate(const sdk::Drill& drill);
  // Normalises, validates and stores the drill with its audit entry.
  sdk::Result<sdk::RecordId> log(sdk::Drill drill, const store::Actor& actor);

 private:
  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  bool english_;
};

}  // namespace beacon::service
