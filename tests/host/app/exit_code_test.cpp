// The one map from a Status's code to the CLI's exit code (README, "Exit codes").
#include "app/exit_code.h"

#include <gtest/gtest.h>

namespace beacon::app {
namespace {

using sdk::StatusCode;

TEST(ExitCodeTest, MapsEveryCodeToItsExitCode) {
  struct Case {
    StatusCode code;
    int exit;
  };
  const Case cases[] = {
      {StatusCode::Ok, 0},          {StatusCode::InvalidArgument, 1},
      {StatusCode::Unavailable, 3}, {StatusCode::NotFound, 4},
      {StatusCode::Conflict, 5},    {StatusCode::PermissionDenied, 6},
      {StatusCode::Internal, 7},
  };
  for (const auto& c : cases) EXPECT_EQ(exitCodeOf(c.code), c.exit) << sdk::toId(c.code);
  EXPECT_EQ(exit_code::kUsage, 2);
}

}  // namespace
}  // namespace beacon::app
