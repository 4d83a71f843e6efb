#include "summary/summary_context.h"

#include <cstdio>

#include "store/demo_marker.h"

namespace beacon::summary {

Poco::JSON::Object::Ptr orderedObject() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

std::string domainLabel(const plugins::PluginRegistry& registry, const std::string& domain,
                        const Lang& t) {
  if (domain == sdk::kGeneralDomain) return t("综合", "General");
  if (const auto* r = registry.byDomain(domain))
    return t(r->name_zh, r->name_en.empty() ? r->name_zh : r->name_en);
  return domain;
}

std::string percent(int part, int whole) {
  if (whole == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * part / whole);
  return buf;
}

const std::vector<std::string>& chartPalette() {
  static const std::vector<std::string> kPalette = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                                    "#9467bd", "#8c564b", "#17becf", "#7f7f7f"};
  return kPalette;
}

void addFootnote(SummaryContext& c, Poco::JSON::Object::Ptr& data) {
  const bool demo = store::isDemoData(c.db);
  data->set("demo", demo);
  data->set("footnote", demo ? c.t("注：本文数据为示例数据（演示数据集），不是真实台账。",
                                   "Note: illustrative demo data, not real records.")
                             : "");
}

}  // namespace beacon::summary
