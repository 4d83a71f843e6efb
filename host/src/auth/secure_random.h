// Secure random bytes from the kernel (getrandom(2), the same pool as
// /dev/urandom) for salts, session ids, CSRF tokens and API tokens. Throws
// Poco::SystemException rather than ever falling back to a weaker source.
// Thread-safe.
#pragma once

#include <cstddef>
#include <string>

namespace beacon::auth {

std::string randomBytes(std::size_t count);
// `count` random bytes as 2 * count lowercase hex digits.
std::string randomHex(std::size_t count);

std::string toHex(const std::string& bytes);
// Decodes lowercase or uppercase hex; false for an odd length or a non-hex digit.
bool fromHex(const std::string& hex, std::string& bytes);

}  // namespace beacon::auth
