// CliCityFixture: a GoogleTest fixture for CLI tests on a fresh database in a
// temporary folder (SQLite) or its own PostgreSQL schema (BEACON_TEST_DB_URI, see
// TestDatabase) with the city 新密市 (xinmi) and its township 曲梁镇
// (quliang), made through `beacon init` and `beacon org add`; beacon() runs
// the command line on it as `user` (and in `lang` when given). Subclasses add
// their own records in SetUp after calling CliCityFixture::SetUp(). One per
// test; not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "support/cli_runner.h"
#include "support/test_database.h"

namespace beacon::testing {

class CliCityFixture : public ::testing::Test {
 protected:
  explicit CliCityFixture(std::string user = "tester") : user_(std::move(user)) {}
  void SetUp() override;
  // `beacon --db <db> --user <user> [--lang <lang>] <args...>`.
  CliRun beacon(const std::vector<std::string>& args, const std::string& lang = "") const;

  Poco::TemporaryFile dir_;
  std::unique_ptr<TestDatabase> database_;
  std::string db_;  // database_->uri()

 private:
  std::string user_;
};

}  // namespace beacon::testing
