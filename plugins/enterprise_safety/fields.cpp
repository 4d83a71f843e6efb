#include "fields.h"

namespace beacon::plugins::enterprise_safety {

namespace {
sdk::FieldSpec field(const char* name, sdk::FieldType type, const char* zh, const char* en) {
  sdk::FieldSpec f;
  f.name = name;
  f.type = type;
  f.label_zh = zh;
  f.label_en = en;
  return f;
}
}  // namespace

std::vector<sdk::FieldSpec> drillFields() {
  using sdk::FieldType;
  return {field(kReportedToCountyField, FieldType::Boolean, "已向县级主管部门报告演练情况",
                "Drill reported to the county-level department"),
          field(kReportedDateField, FieldType::Date, "报告日期", "Date reported")};
}

std::vector<sdk::FieldSpec> organisationFields() {
  using sdk::FieldType;
  return {
      field("key_unit_cond8", FieldType::Boolean,
            "条例第八条重点单位(危化品、矿山、金属冶炼、城市轨道交通、建筑施工、人员密集场所经营单位)",
            "Key unit under Regulation art. 8 (hazardous chemicals, mining, smelting, rail, construction, crowded "
            "places)"),
      field("major_hazard_source", FieldType::Boolean, "有重大危险源", "Has a major hazard source"),
      field("review_required", FieldType::Boolean, "应急预案须评审(部令2号 第二十一条)",
            "Plans need a formal review (MEM order 2 art. 21)"),
      field("eval_3yr", FieldType::Boolean, "应急预案每三年评估(部令2号 第三十五条)",
            "Plans evaluated every 3 years (MEM order 2 art. 35)"),
      field("filing_required", FieldType::Boolean, "应急预案须备案(部令2号 第二十六条)",
            "Plans must be filed (MEM order 2 art. 26)"),
  };
}

}  // namespace beacon::plugins::enterprise_safety
