#include "http/status_http.h"

namespace beacon::http {

HttpStatus httpStatusOf(sdk::StatusCode code) {
  switch (code) {
    case sdk::StatusCode::Ok:
      return {200, "ok"};
    case sdk::StatusCode::InvalidArgument:
      return {422, "validation_failed"};
    case sdk::StatusCode::NotFound:
      return {404, "not_found"};
    case sdk::StatusCode::Conflict:
      return {409, "conflict"};
    case sdk::StatusCode::PermissionDenied:
      return {403, "forbidden"};
    case sdk::StatusCode::Unavailable:
      return {503, "storage_unavailable"};
    case sdk::StatusCode::Internal:
      return {500, "internal_error"};
  }
  return {500, "internal_error"};
}

}  // namespace beacon::http
