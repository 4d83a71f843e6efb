#include "store/drill_key.h"

namespace beacon::store {

std::string DrillKey::toString() const { return date.toString() + "_" + std::to_string(id); }

std::optional<DrillKey> DrillKey::parse(const std::string& text) {
  // YYYY-MM-DD, '_', then 1 to 18 digits (no sign, no blank).
  if (text.size() < 12 || text.size() > 29 || text[10] != '_') return std::nullopt;
  auto date = sdk::Date::parse(text.substr(0, 10));
  if (!date || date->toString() != text.substr(0, 10)) return std::nullopt;
  sdk::RecordId id = 0;
  for (std::size_t i = 11; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    id = id * 10 + (text[i] - '0');
  }
  if (id <= 0) return std::nullopt;
  return DrillKey{*date, id};
}

}  // namespace beacon::store
