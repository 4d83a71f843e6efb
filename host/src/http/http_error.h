// HttpError: a request that cannot be answered normally, thrown inside a
// handler and turned by the dispatcher into the one error shape
// {"error": {"code", "message", "field"}} (API) or an error page (web):
// 400 bad_request, 401 unauthenticated, 403 forbidden/csrf_failed,
// 404 not_found, 405 method_not_allowed, 413 payload_too_large,
// 422 validation_failed (field named, nothing written), 409 conflict, 503
// storage_unavailable, 500 internal_error. A failed service Status becomes
// an HttpError through of(), by the one map in http/status_http.h.
// Immutable value; thread-safe.
#pragma once

#include <stdexcept>
#include <string>

#include "beacon/sdk/status.h"
#include "http/status_http.h"

namespace beacon::http {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, const std::string& message, std::string field = "")
      : std::runtime_error(message), status_(status), code_(std::move(code)), field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& field() const { return field_; }

  static HttpError badRequest(const std::string& message, const std::string& field = "") {
    return HttpError(400, "bad_request", message, field);
  }
  static HttpError unauthenticated() { return HttpError(401, "unauthenticated", "login required"); }
  static HttpError forbidden(const std::string& message) { return HttpError(403, "forbidden", message); }
  static HttpError notFound(const std::string& message) { return HttpError(404, "not_found", message); }
  static HttpError tooLarge(const std::string& message) {
    return HttpError(413, "payload_too_large", message);
  }
  // A failed service Status, answered by its code (httpStatusOf); `code` overrides
  // the body's error code (e.g. "already_voided"), never the HTTP status.
  static HttpError of(const sdk::Status& status, const std::string& code = "") {
    const HttpStatus mapped = httpStatusOf(status.code());
    return HttpError(mapped.status, code.empty() ? mapped.code : code, status.message(),
                     status.field());
  }
  // The earlier spelling of of(): also answered by the status's code.
  static HttpError invalid(const sdk::Status& status) { return of(status); }
  static HttpError invalid(const std::string& field, const std::string& message) {
    return HttpError(422, "validation_failed", message, field);
  }

 private:
  int status_;
  std::string code_;
  std::string field_;
};

}  // namespace beacon::http
