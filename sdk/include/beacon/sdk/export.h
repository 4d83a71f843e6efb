// BEACON_SDK_API marks the symbols that cross the host/plugin boundary: SDK
// types (so RTTI and exceptions resolve to one typeinfo under any toolchain)
// and each plugin's entry points. Everything else in a plugin stays hidden.
#pragma once

#define BEACON_SDK_API __attribute__((visibility("default")))
