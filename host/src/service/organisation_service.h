// OrganisationService: the one place organisations are validated and stored,
// whatever the entry path (CLI, CSV import, web form). Checks the code,
// name, parent and hierarchy, and the per-domain attributes against the
// enabled plugins' organisation fields. Not thread-safe (follows its
// Database); the registry must outlive it.
#pragma once

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace beacon::service {

class OrganisationService {
 public:
  // `english`: a storage failure's message in English, else zh-CN (service/storage_message.h).
  OrganisationService(store::Database& db, const plugins::PluginRegistry& registry,
                      bool english = false)
      : db_(db), registry_(registry), english_(english) {}
  // The first problem, naming its field ("code", "parent_id",
  // "attributes.fire.key_fire_unit", ...).
  sdk::Status validate(const sdk::Organisation& org);
  // Normalises the attributes, validates and stores `org` with its audit entry.
  sdk::Result<sdk::RecordId> add(sdk::Organisation org, const store::Actor& actor);
  // Changes the stored organisation `org.id`: its name, kind, attributes and parent (a move; the
  // code stays). Refused, naming the field, when the new parent is the organisation itself or
  // below it ("parent_id"), or when a direct child could no longer be under the new kind ("kind").
  // One transaction with its audit entry.
  sdk::Status update(sdk::Organisation org, const store::Actor& actor);
  // Canonical attribute values (choice labels to ids, booleans to 1/0).
  sdk::FieldValues normalizeAttributes(const sdk::FieldValues& attributes) const;

 private:
  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  bool english_;
};

}  // namespace beacon::service
