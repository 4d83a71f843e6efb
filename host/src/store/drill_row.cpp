#include "store/drill_row.h"

#include <string>
#include <string_view>

#include "store/record_json.h"
#include "store/record_parse.h"

namespace beacon::store {

const char* const kDrillRowColumns =
    "id, domain, drill_type, org_id, plan_id, plan_version_id, drill_date, place, scenario, "
    "participants, evacuees, fields, verdict, findings";

namespace {

// The stored form of Drill::fields, {"name":"value",...} as toJson writes it,
// read without Poco's parser when no string has an escape; otherwise
// fieldValuesFromJson.
sdk::FieldValues parseFields(std::string_view json) {
  sdk::FieldValues out;
  std::size_t i = 0;
  const std::size_t n = json.size();
  auto quoted = [&](std::string& into) {
    if (i >= n || json[i] != '"') return false;
    const std::size_t end = json.find_first_of("\"\\", i + 1);
    if (end == std::string_view::npos || json[end] != '"') return false;
    into.assign(json.data() + i + 1, end - i - 1);
    i = end + 1;
    return true;
  };
  const auto parsed = [&]() { return fieldValuesFromJson(std::string(json)); };
  if (n < 2 || json[0] != '{') return parsed();
  i = 1;
  if (json[i] == '}' && i + 1 == n) return out;
  std::string name, value;
  while (true) {
    if (!quoted(name) || i >= n || json[i++] != ':' || !quoted(value)) return parsed();
    out[name] = value;
    if (i < n && json[i] == ',') {
      ++i;
      continue;
    }
    if (i + 1 == n && json[i] == '}') return out;
    return parsed();
  }
}

}  // namespace

sdk::Drill drillOfRow(const ScannedRow& r) {
  sdk::Drill d;
  d.id = r.int64(0);
  d.domain = r.text(1);
  d.drill_type = r.text(2);
  d.org_id = r.int64(3);
  d.plan_id = r.int64(4);
  d.plan_version_id = r.int64(5);
  d.date = r.date(6);
  d.place = r.text(7);
  d.scenario = r.text(8);
  d.participants = r.integer(9);
  d.evacuees = r.integer(10);
  d.fields = parseFields(r.view(11));
  d.verdict = parseDrillVerdict(r.text(12)).value_or(sdk::DrillVerdict::None);
  d.findings = r.text(13);
  return d;
}

}  // namespace beacon::store
