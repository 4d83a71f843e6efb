// The one map from a Status's code to the HTTP answer, and HttpError::of using it.
#include "http/status_http.h"

#include <gtest/gtest.h>

#include "http/http_error.h"

namespace beacon::http {
namespace {

using sdk::Status;
using sdk::StatusCode;

TEST(StatusHttpTest, MapsEveryCodeToOneStatusAndErrorCode) {
  struct Case {
    StatusCode code;
    int status;
    const char* error;
  };
  const Case cases[] = {
      {StatusCode::Ok, 200, "ok"},
      {StatusCode::InvalidArgument, 422, "validation_failed"},
      {StatusCode::NotFound, 404, "not_found"},
      {StatusCode::Conflict, 409, "conflict"},
      {StatusCode::PermissionDenied, 403, "forbidden"},
      {StatusCode::Unavailable, 503, "storage_unavailable"},
      {StatusCode::Internal, 500, "internal_error"},
  };
  for (const auto& c : cases) {
    const HttpStatus mapped = httpStatusOf(c.code);
    EXPECT_EQ(mapped.status, c.status) << sdk::toId(c.code);
    EXPECT_STREQ(mapped.code, c.error) << sdk::toId(c.code);
  }
}

TEST(StatusHttpTest, AnHttpErrorFromAStatusIsAnsweredByItsCode) {
  const HttpError refused = HttpError::of(Status::conflict("status", "plan P1 is issued"));
  EXPECT_EQ(refused.status(), 409);
  EXPECT_EQ(refused.code(), "conflict");
  EXPECT_EQ(refused.field(), "status");
  EXPECT_STREQ(refused.what(), "plan P1 is issued");
  EXPECT_EQ(HttpError::of(Status::notFound("no plan 7")).status(), 404);
  EXPECT_EQ(HttpError::of(Status::unavailable("database is locked")).status(), 503);
  EXPECT_EQ(HttpError::of(Status::internal("plugin threw")).status(), 500);
  // The override names the body's code, never the status.
  const HttpError voided = HttpError::of(Status::conflict("voided"), "already_voided");
  EXPECT_EQ(voided.status(), 409);
  EXPECT_EQ(voided.code(), "already_voided");
  // The earlier spelling answers by the code too: a storage failure is never a 422.
  EXPECT_EQ(HttpError::invalid(Status::unavailable("database is locked")).status(), 503);
  EXPECT_EQ(HttpError::invalid(Status::invalid("date", "is required")).status(), 422);
}

}  // namespace
}  // namespace beacon::http
