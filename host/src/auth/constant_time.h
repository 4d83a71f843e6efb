// Constant-time comparison of secrets (password hashes, CSRF tokens): the
// time taken depends only on the lengths, never on where the first
// difference is. Lengths are not secret here (hashes and tokens have fixed
// sizes). Thread-safe.
#pragma once

#include <string>

namespace beacon::auth {

bool constantTimeEquals(const std::string& a, const std::string& b);

}  // namespace beacon::auth
