// The SDK version a plugin was compiled against, and the host's rule for
// accepting it: same major, minor not newer than the host's (OBS/GStreamer).
// Constants only; thread-safe.
//
// ABI policy (C++ across a shared-library boundary). Records cross it by
// value inside std::vector and std::string, and plugins implement the SDK's
// interfaces, so the layout of every boundary type is part of the contract:
//  - bump MAJOR for ANY change to a struct or enum the boundary carries
//    (records.h, obligation.h, drill_type.h, field_spec.h, plugin.h,
//    host_services.h, duty_period.h ...): a field added (appended too),
//    removed, reordered or retyped, an enumerator added or renumbered; and
//    for any change to the virtual functions of an interface a plugin
//    implements (Plugin, DomainRules, PeriodCalendar ...);
//  - bump MINOR only for what an older-minor plugin never lays out: new free
//    functions in libbeacon_sdk, new headers and types, new interfaces a
//    plugin opts into by deriving from them (the host finds them with
//    dynamic_cast), virtual functions appended to an interface only the host
//    implements (RecordReader, WorkingCalendar, RuleParameters, HostServices).
// The version cannot see the toolchain: plugins MUST be built with the host's
// compiler and standard library (same libstdc++ ABI) and against the same
// Poco (Poco::ClassLoader, Poco::Manifest), e.g. from the SDK the host's build
// installs (cmake --install; docs/writing-a-plugin.md). The loader refuses a
// plugin whose major differs or whose minor is newer, with one log line, and
// the host carries on without it.
#pragma once

#include <cstdint>
#include <string>

namespace beacon::sdk {

// 1.1: drill_checks.h, interval_rule.h helpers; 1.2: RecordReader::latestDrills;
// 2.0: Obligation::met_due (a field appended to a struct plugins fill by value
// in std::vector, so a layout change), ObligationStatus::MetLate, daysLate,
// duty_period.h, ReviewConclusion's review values (Passed ... Failed);
// 3.0: RuleInfo::scope (RuleScope, issue #15: the engine re-evaluates by each rule's declared
// scope); HostServices without today() and render() (unused, and a clock a pure rule must not
// read); rule_inputs.h (isTrue, yearlyDay: each plugin had its own copy); 4.0: Status carries a
// StatusCode (invalid, not found, conflict, denied, unavailable, internal) and Result::value() on
// an error aborts; DomainParts' members renamed (list_drill_types ..., check_drill); host-only
// records and helpers left the SDK (CorrectiveAction, ActionStatus, SourceKind, the parse*
// functions, isReviewConclusion, revision triggers: host store/).
inline constexpr std::uint16_t kSdkMajor = 4;
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
