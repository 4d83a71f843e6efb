// JSON forms of a loaded plugin (state, drill types, plan categories, drill
// and organisation fields) and of one FieldSpec, for the API and the drill
// form. Stateless; thread-safe.
#pragma once

#include <Poco/JSON/Object.h>

#include "beacon/sdk/field_spec.h"
#include "plugins/plugin_registry.h"

namespace beacon::http {

Poco::JSON::Object::Ptr pluginJson(const plugins::PluginRecord& plugin);
Poco::JSON::Object::Ptr fieldSpecJson(const sdk::FieldSpec& spec);

}  // namespace beacon::http
