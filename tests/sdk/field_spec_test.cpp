#include "beacon/sdk/field_spec.h"

#include <gtest/gtest.h>

namespace beacon::sdk {
namespace {

FieldSpec spec(const char* name, FieldType type, bool required) {
  FieldSpec s;
  s.name = name;
  s.type = type;
  s.required = required;
  return s;
}

std::vector<FieldSpec> specs() {
  FieldSpec hazard = spec("hazard", FieldType::Choice, true);
  hazard.allowed_values = {"flash_flood", "river"};
  hazard.allowed_labels_zh = {"山洪", "河道"};
  FieldSpec count = spec("evacuees", FieldType::Integer, false);
  count.max_value = 100;
  return {hazard, count, spec("reported", FieldType::Boolean, false)};
}

TEST(FieldSpecTest, NamesTheFirstBadField) {
  EXPECT_TRUE(validateFields(specs(), {{"hazard", "river"}}).isOk());
  auto missing = validateFields(specs(), {});
  EXPECT_EQ(missing.field(), "hazard");
  auto bad = validateFields(specs(), {{"hazard", "sea"}});
  EXPECT_EQ(bad.field(), "hazard");
  EXPECT_NE(bad.message().find("flash_flood"), std::string::npos);
  EXPECT_EQ(validateFields(specs(), {{"hazard", "river"}, {"evacuees", "101"}}).field(), "evacuees");
  EXPECT_EQ(validateFields(specs(), {{"hazard", "river"}, {"evacuees", "1x"}}).field(), "evacuees");
  EXPECT_EQ(validateFields(specs(), {{"hazard", "river"}, {"colour", "red"}}).field(), "colour");
}

TEST(FieldSpecTest, NormalisesChineseLabelsAndBooleans) {
  auto v = normalizeFields(specs(), {{"hazard", " 山洪 "}, {"reported", "是"}});
  EXPECT_EQ(v["hazard"], "flash_flood");
  EXPECT_EQ(v["reported"], "1");
  EXPECT_TRUE(validateFields(specs(), v).isOk());
}

}  // namespace
}  // namespace beacon::sdk
