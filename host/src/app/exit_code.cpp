#include "app/exit_code.h"

#include "store/storage_error.h"

namespace beacon::app {

static_assert(store::kStorageFailureExitCode == exit_code::kUnavailable);

int exitCodeOf(sdk::StatusCode code) {
  switch (code) {
    case sdk::StatusCode::Ok:
      return exit_code::kOk;
    case sdk::StatusCode::InvalidArgument:
      return exit_code::kInvalid;
    case sdk::StatusCode::NotFound:
      return exit_code::kNotFound;
    case sdk::StatusCode::Conflict:
      return exit_code::kConflict;
    case sdk::StatusCode::PermissionDenied:
      return exit_code::kDenied;
    case sdk::StatusCode::Unavailable:
      return exit_code::kUnavailable;
    case sdk::StatusCode::Internal:
      return exit_code::kInternal;
  }
  return exit_code::kInternal;
}

}  // namespace beacon::app
