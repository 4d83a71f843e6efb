// Where a response may send the browser next (the login form's `next`):
// only a path on this site. Browsers drop tab and newline from a URL and
// read a backslash as a slash, so "/\t/evil.example" or "/\evil.example"
// become "//evil.example", another site; anything that is not a plain
// same-site path becomes "/". Pure function; thread-safe.
#pragma once

#include <string>

namespace beacon::http {

// `next` when it starts with exactly one '/' and holds no backslash and no
// control character (C0, DEL); "/" otherwise.
std::string sameSiteRedirect(const std::string& next);

}  // namespace beacon::http
