// JSON forms of the domain records, used for the audit log's before/after
// snapshots, the drill's domain fields column and the JSON API. One function
// pair per record; stateless and thread-safe.
#pragma once

#include <string>

#include <Poco/JSON/Object.h>

#include "beacon/sdk/records.h"
#include "store/corrective_action.h"

namespace beacon::store {

Poco::JSON::Object::Ptr toJson(const sdk::Organisation&);
Poco::JSON::Object::Ptr toJson(const sdk::Plan&);
Poco::JSON::Object::Ptr toJson(const sdk::PlanVersion&, bool with_text);
Poco::JSON::Object::Ptr toJson(const sdk::Review&);
Poco::JSON::Object::Ptr toJson(const sdk::Filing&);
Poco::JSON::Object::Ptr toJson(const sdk::Drill&);
Poco::JSON::Object::Ptr toJson(const store::CorrectiveAction&);
Poco::JSON::Object::Ptr toJson(const sdk::FieldValues&);

std::string stringify(const Poco::JSON::Object::Ptr& object);
// Parses a flat JSON object of strings; throws Poco::Exception on bad JSON.
sdk::FieldValues fieldValuesFromJson(const std::string& json);

}  // namespace beacon::store
