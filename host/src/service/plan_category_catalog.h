// PlanCategoryCatalog: the zh-CN and English wording of the shared plan
// category ids (sdk::category), and which ids a domain may use: `general`
// takes every category, a plugin domain the ones its planCategories() lists.
// Stateless functions over the registry; thread-safe for concurrent reads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "beacon/sdk/drill_type.h"
#include "plugins/plugin_registry.h"

namespace beacon::service {

const std::vector<sdk::PlanCategory>& sharedPlanCategories();
// The categories `domain` allows; empty when the domain is neither general nor enabled.
std::vector<sdk::PlanCategory> allowedCategories(const plugins::PluginRegistry& registry,
                                                 const std::string& domain);
// A category id from its id, zh-CN or English label; nullopt when unknown.
std::optional<std::string> parseCategory(const std::string& text);
std::string categoryLabelZh(const std::string& id);

}  // namespace beacon::service
