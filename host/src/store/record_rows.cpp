#include "store/record_rows.h"

#include <string>

#include "store/record_json.h"

namespace beacon::store {

sdk::FieldValues storedFieldsFromJson(std::string_view json) {
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

}  // namespace beacon::store
