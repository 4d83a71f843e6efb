// SummaryContext: what every summary builder is handed (the database, the
// plugins, the templates, the compliance engine or null, the output language
// and the SVG charts collected for the page), and the small helpers they
// share: the JSON object that keeps its keys in order, a domain's label, a
// share as a percentage and the demo-data footnote. Not thread-safe (uses
// the Database's Session); one per render.
#pragma once

#include <map>
#include <string>

#include <Poco/JSON/Object.h>

#include "plugins/plugin_registry.h"
#include "render/template_registry.h"
#include "store/database.h"

namespace beacon::rules {
class ComplianceEngine;
}

namespace beacon::summary {

// Picks the Chinese or the English text.
struct Lang {
  bool en;
  std::string operator()(const std::string& zh, const std::string& english) const {
    return en ? english : zh;
  }
};

struct SummaryContext {
  store::Database& db;
  const plugins::PluginRegistry& registry;
  const render::TemplateRegistry& templates;
  rules::ComplianceEngine* engine;
  Lang t;
  std::map<std::string, std::string> svgs;  // inserted unescaped after conversion
};

// An object whose keys stringify in the order they were set.
Poco::JSON::Object::Ptr orderedObject();
// 综合 / General, or the plugin's name for the domain, or the domain id when no plugin has it.
std::string domainLabel(const plugins::PluginRegistry& registry, const std::string& domain,
                        const Lang& t);
// "42%"; "-" when `whole` is 0.
std::string percent(int part, int whole);
// The chart series colours, taken in turn.
const std::vector<std::string>& chartPalette();
// Sets "demo" and "footnote" (the demo-data note, or empty).
void addFootnote(SummaryContext& c, Poco::JSON::Object::Ptr& data);

}  // namespace beacon::summary
