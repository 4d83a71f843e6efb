#include "beacon/sdk/status.h"

namespace beacon::sdk {

const char* toId(StatusCode code) {
  switch (code) {
    case StatusCode::Ok:
      return "ok";
    case StatusCode::InvalidArgument:
      return "invalid_argument";
    case StatusCode::NotFound:
      return "not_found";
    case StatusCode::Conflict:
      return "conflict";
    case StatusCode::PermissionDenied:
      return "permission_denied";
    case StatusCode::Unavailable:
      return "unavailable";
    case StatusCode::Internal:
      return "internal";
  }
  return "internal";
}

}  // namespace beacon::sdk
