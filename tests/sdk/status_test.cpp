#include "beacon/sdk/status.h"

#include <gtest/gtest.h>

#include <string>

namespace beacon::sdk {
namespace {

TEST(StatusTest, EachFactoryCarriesItsCode) {
  struct Case {
    Status status;
    StatusCode code;
    const char* id;
  };
  const Case cases[] = {
      {Status::ok(), StatusCode::Ok, "ok"},
      {Status::invalid("date", "is required"), StatusCode::InvalidArgument, "invalid_argument"},
      {Status::notFound("no plan 7"), StatusCode::NotFound, "not_found"},
      {Status::conflict("status", "is issued"), StatusCode::Conflict, "conflict"},
      {Status::permissionDenied("outside your scope"), StatusCode::PermissionDenied,
       "permission_denied"},
      {Status::unavailable("database is locked"), StatusCode::Unavailable, "unavailable"},
      {Status::internal("plugin threw"), StatusCode::Internal, "internal"},
      {Status::error("the SDK 3 spelling"), StatusCode::Internal, "internal"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.status.code(), c.code) << c.id;
    EXPECT_STREQ(toId(c.status.code()), c.id);
    EXPECT_EQ(c.status.isOk(), c.code == StatusCode::Ok) << c.id;
  }
}

TEST(StatusTest, KeepsTheFieldAndTheMessage) {
  const Status s = Status::conflict("status", "plan P1 is issued");
  EXPECT_EQ(s.field(), "status");
  EXPECT_EQ(s.describe(), "status: plan P1 is issued");
  EXPECT_EQ(Status::notFound("no plan 7").describe(), "no plan 7");
}

TEST(ResultTest, AResultFromAnOkStatusIsAFailure) {
  const Result<int> r = Status::ok();
  EXPECT_FALSE(r.isOk());
  EXPECT_EQ(r.status().code(), StatusCode::Internal);
}

TEST(ResultDeathTest, ValueOfAFailedResultAbortsNamingTheStatus) {
  const Result<std::string> failed = Status::notFound("plan_id", "no plan 7");
  EXPECT_DEATH({ (void)failed.value().size(); },
               "Result::value\\(\\) called on an error \\(not_found\\): plan_id: no plan 7");
  const Result<std::string> fine = std::string("ok");
  EXPECT_EQ(fine.value(), "ok");
}

}  // namespace
}  // namespace beacon::sdk
