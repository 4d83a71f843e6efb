// HttpError: a request that cannot be answered normally, thrown inside a
// handler and turned by the dispatcher into the one error shape
// {"error": {"code", "message", "field"}} (API) or an error page (web):
// 400 bad_request, 401 unauthenticated, 403 forbidden/csrf_failed,
// 404 not_found, 405 method_not_allowed, 413 payload_too_large,
// 422 validation_failed (field named, nothing written). Immutable value;
// thread-safe.
#pragma once

#include <stdexcept>
#include <string>

#include "beacon/sdk/status.h"

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
  // 422 from a failed service Status (its field is named).
  static HttpError invalid(const sdk::Status& status) {
    return HttpError(422, "validation_failed", status.message(), status.field());
  }
  static HttpError invalid(const std::string& field, const std::string& message) {
    return HttpError(422, "validation_failed", message, field);
  }

 private:
  int status_;
  std::string code_;
  std::string field_;
};

}  // namespace beacon::http
