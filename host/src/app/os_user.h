// The operating-system account running the process, as the audit log records
// it next to the name given with --user: the name from the password database
// for the effective uid (not $USER, which the caller sets), or "uid N" when
// the uid has no entry. Thread-safe.
#pragma once

#include <string>

namespace beacon::app {

std::string osUserName();

}  // namespace beacon::app
