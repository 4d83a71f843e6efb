// The SDK version a plugin was compiled against, and the host's rule for
// accepting it: same major, minor not newer than the host's (OBS/GStreamer).
// Bump minor for additions only (new interfaces, appended fields); bump major
// for anything that changes an existing layout. Constants only; thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace beacon::sdk {

// 1.1: drill_checks.h, interval_rule.h helpers; 1.2: RecordReader::latestDrills;
// 2.0: Obligation::met_due (a field appended to a struct plugins fill by value
// in std::vector, so a layout change), ObligationStatus::MetLate, daysLate,
// duty_period.h, ReviewConclusion's review values (Passed ... Failed).
inline constexpr std::uint16_t kSdkMajor = 2;
inline constexpr std::uint16_t kSdkMinor = 0;
inline constexpr std::uint32_t kSdkVersion = (std::uint32_t{kSdkMajor} << 16) | kSdkMinor;

constexpr std::uint16_t sdkMajor(std::uint32_t packed) { return static_cast<std::uint16_t>(packed >> 16); }
constexpr std::uint16_t sdkMinor(std::uint32_t packed) { return static_cast<std::uint16_t>(packed & 0xFFFF); }

// True when a plugin built against `plugin` may run in a host built against `host`.
constexpr bool isSdkCompatible(std::uint32_t plugin, std::uint32_t host = kSdkVersion) {
  return sdkMajor(plugin) == sdkMajor(host) && sdkMinor(plugin) <= sdkMinor(host);
}

inline std::string sdkVersionString(std::uint32_t packed) {
  return std::to_string(sdkMajor(packed)) + "." + std::to_string(sdkMinor(packed));
}

}  // namespace beacon::sdk
