// E-mail address check for the addresses Beacon mails to and from (organisations' contact
// addresses, mail.from): one local@domain, ASCII, no spaces or angle brackets, a dotted domain,
// at most 254 characters (RFC 5321's limit). Deliberately simple: it refuses typos and header
// injection, not every address RFC 5322 allows. Stateless; thread-safe.
#pragma once

#include <string>

namespace beacon::mail {

bool isEmailAddress(const std::string& text);

}  // namespace beacon::mail
