// The password rule every entry path (CLI, web form) applies before hashing:
// at least 8 characters (counted as Unicode code points, so a Chinese
// passphrase counts per character), at most 256 bytes, and not the username.
// Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "beacon/sdk/status.h"

namespace beacon::auth {

inline constexpr std::size_t kMinPasswordChars = 8;
inline constexpr std::size_t kMaxPasswordBytes = 256;

// Fails naming the field "password".
sdk::Status checkPassword(const std::string& password, const std::string& username);

}  // namespace beacon::auth
