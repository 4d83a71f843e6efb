// The one mapping from a service Status's code to the HTTP answer: its status
// and the error code of the {"error": {...}} body (docs/api.md, "Errors").
// Stateless; thread-safe.
#pragma once

#include "beacon/sdk/status.h"

namespace beacon::http {

struct HttpStatus {
  int status;        // 422, 404, 409, 403, 503, 500 (200 for Ok)
  const char* code;  // "validation_failed", "not_found", "conflict", ...
};

HttpStatus httpStatusOf(sdk::StatusCode code);

}  // namespace beacon::http
