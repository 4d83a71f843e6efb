#include "http/drill_item_json.h"

namespace beacon::http {

void writeDrillItem(const sdk::Drill& d, const std::string& org_name, const std::string& org_code,
                    const std::string& drill_type_label, bool voided, JsonText& j) {
  j.raw("{").key("id").number(d.id);
  j.raw(",").key("domain").string(d.domain);
  j.raw(",").key("drill_type").string(d.drill_type);
  j.raw(",").key("org_id").number(d.org_id);
  j.raw(",").key("plan_id").number(d.plan_id);
  j.raw(",").key("plan_version_id").number(d.plan_version_id);
  j.raw(",").key("date").string(d.date.toString());
  j.raw(",").key("place").string(d.place);
  j.raw(",").key("scenario").string(d.scenario);
  j.raw(",").key("participants").number(d.participants);
  j.raw(",").key("evacuees").number(d.evacuees);
  j.raw(",").key("fields").raw("{");
  bool first = true;
  for (const auto& [name, value] : d.fields) {
    if (!first) j.raw(",");
    first = false;
    j.string(name).raw(":").string(value);
  }
  j.raw("}");
  j.raw(",").key("verdict").string(sdk::toId(d.verdict));
  j.raw(",").key("findings").string(d.findings);
  j.raw(",").key("org_name").string(org_name);
  j.raw(",").key("org_code").string(org_code);
  j.raw(",").key("drill_type_label").string(drill_type_label);
  j.raw(",").key("voided").boolean(voided);
  j.raw("}");
}

}  // namespace beacon::http
