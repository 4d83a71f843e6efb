// PackedDate: a calendar day in 32 bits (year << 9 | month << 5 | day; 0 = unset), for the kept
// compliance rows (rules/obligation_row.h), where three sdk::Date of 12 bytes each were a third
// of the row. Integer order is calendar order. Years 1..8,388,607 (sdk::Date::parse reads four
// digits). Plain value type; thread-safe.
#pragma once

#include <cstdint>

#include "beacon/sdk/date.h"

namespace beacon::rules {

class PackedDate {
 public:
  PackedDate() = default;
  explicit PackedDate(const sdk::Date& d)
      : bits_(d.isSet()
                  ? static_cast<std::uint32_t>(d.year) << 9 |
                        static_cast<std::uint32_t>(d.month) << 5 | static_cast<std::uint32_t>(d.day)
                  : 0) {}

  bool isSet() const { return bits_ != 0; }
  sdk::Date date() const {
    if (bits_ == 0) return {};
    return sdk::Date{static_cast<int>(bits_ >> 9), static_cast<int>(bits_ >> 5 & 0xF),
                     static_cast<int>(bits_ & 0x1F)};
  }

  friend bool operator==(PackedDate a, PackedDate b) { return a.bits_ == b.bits_; }
  friend bool operator!=(PackedDate a, PackedDate b) { return a.bits_ != b.bits_; }
  friend bool operator<(PackedDate a, PackedDate b) { return a.bits_ < b.bits_; }

 private:
  std::uint32_t bits_ = 0;
};

}  // namespace beacon::rules
