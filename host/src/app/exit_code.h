// The CLI's exit codes, and the one mapping from a failed Status's code to
// them (README, "Exit codes"; `beacon --help`). Constants and a pure
// function; thread-safe.
#pragma once

#include "beacon/sdk/status.h"

namespace beacon::app {

namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kInvalid = 1;      // bad input; the message names the field
inline constexpr int kUsage = 2;        // unknown command or option
inline constexpr int kUnavailable = 3;  // the database busy or failing; nothing written, try again
inline constexpr int kNotFound = 4;     // the record named does not exist
inline constexpr int kConflict = 5;     // refused by the record's state (plan stage, voided record)
inline constexpr int kDenied = 6;       // outside the account's scope or rights
inline constexpr int kInternal = 7;     // a failure that is not the input's fault; see the log
}  // namespace exit_code

int exitCodeOf(sdk::StatusCode code);

}  // namespace beacon::app
