// writeDrillItem: the drill list's item written as text is, byte for byte, the Poco object the
// detail answers (store::toJson plus the list's labels) stringified as sendJson does, for a
// drill with Chinese text, escapes, domain fields and no plan.
#include "http/drill_item_json.h"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

#include "store/record_json.h"

namespace beacon::http {
namespace {

std::string stringified(const sdk::Drill& d, const std::string& name, const std::string& code,
                        const std::string& label, bool voided) {
  Poco::JSON::Object::Ptr o = store::toJson(d);
  o->set("org_name", name);
  o->set("org_code", code);
  o->set("drill_type_label", label);
  o->set("voided", voided);
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(o, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
  return out.str();
}

TEST(DrillItemJsonTest, WritesTheBytesOfThePocoObject) {
  sdk::Drill d;
  d.id = 4711;
  d.domain = "flood";
  d.drill_type = "flood.evacuation";
  d.org_id = 23;
  d.date = sdk::Date{2024, 6, 9};
  d.place = "城关镇 \"老街\" 村委会/广场";
  d.scenario = "暴雨引发山洪\n第二阶段\t转移";
  d.participants = 85;
  d.evacuees = 40;
  d.fields["hazard"] = "山洪";
  d.fields["warning_level"] = "橙色";
  d.verdict = sdk::DrillVerdict::Good;
  d.findings = "C:\\temp";
  for (const bool voided : {false, true}) {
    JsonText j;
    writeDrillItem(d, "城关镇五虎庙村", "xinmi.chengguan.04", "人员疏散演练", voided, j);
    EXPECT_EQ(j.str(),
              stringified(d, "城关镇五虎庙村", "xinmi.chengguan.04", "人员疏散演练", voided));
  }
  d.plan_id = 7;
  d.plan_version_id = 12;
  d.fields.clear();
  JsonText j;
  writeDrillItem(d, "", "", "flood.evacuation", false, j);
  EXPECT_EQ(j.str(), stringified(d, "", "", "flood.evacuation", false));
}

}  // namespace
}  // namespace beacon::http
