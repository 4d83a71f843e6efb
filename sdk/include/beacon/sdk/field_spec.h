// FieldSpec: one domain-specific field a plugin adds to drills or to
// organisations (for example fire.key_fire_unit, flood.evacuees), with the
// validation every entry path (CLI, CSV, web form, API) applies the same way.
// Plain values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/export.h"
#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

enum class FieldType { Text, Integer, Boolean, Choice, Date };

struct FieldSpec {
  std::string name;  // snake_case, unique within the plugin
  std::string label_zh;
  std::string label_en;
  FieldType type = FieldType::Text;
  bool required = false;
  std::vector<std::string> allowed_values;  // for Choice
  std::vector<std::string> allowed_labels_zh;  // same order as allowed_values, optional
  int min_value = 0;                         // for Integer
  int max_value = 1000000;
};

BEACON_SDK_API const char* toId(FieldType);

// Checks `values` against `specs`: required fields present, types parse,
// choices allowed, no unknown names. The first problem names its field.
BEACON_SDK_API Status validateFields(const std::vector<FieldSpec>& specs, const FieldValues& values);

// Canonical form of user-entered values: a Choice given by its zh-CN label
// becomes its id, a Boolean becomes "1"/"0", surrounding blanks are trimmed.
// Values it cannot map are left as they are for validateFields to report.
BEACON_SDK_API FieldValues normalizeFields(const std::vector<FieldSpec>& specs, const FieldValues& values);

// Booleans are stored as "1"/"0"; accepts 1/0, true/false, yes/no, 是/否.
BEACON_SDK_API bool parseBoolean(const std::string& text, bool& out);

}  // namespace beacon::sdk
