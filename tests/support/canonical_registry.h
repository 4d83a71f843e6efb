// A PluginRegistry holding fake, enabled records for the four canonical
// domains (flood, fire, forest_fire, enterprise_safety): their drill types
// with report labels and order, drill fields and organisation fields as the
// project conventions fix them, and no plugin code. For tests of host parts
// (summaries, demo data, importers) that must not depend on the real plugins.
// Fill once, then read-only; safe to share between threads afterwards.
#pragma once

#include "plugins/plugin_registry.h"

namespace beacon::testing {

// Adds the four canonical domain records to `registry`.
void fillCanonicalRegistry(plugins::PluginRegistry& registry);

}  // namespace beacon::testing
