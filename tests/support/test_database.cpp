#include "support/test_database.h"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include <Poco/Data/Session.h>
#include <gtest/gtest.h>

#include "store/dialect.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {

namespace {

constexpr const char* kVariable = "BEACON_TEST_DB_URI";

std::string requestedText() {
  const char* text = std::getenv(kVariable);
  return text ? std::string(text) : std::string();
}

// beacon_t_<test name, lower case>_<pid>_<n>: unique across parallel CTest processes.
std::string schemaName() {
  static std::atomic<int> counter{0};
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = test ? std::string(test->test_suite_name()) + "_" + test->name() : "suite";
  std::string clean;
  for (unsigned char c : name) clean += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
  const std::string tail = "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  const std::size_t room = 63 - std::string("beacon_t_").size() - tail.size();
  return "beacon_t_" + clean.substr(0, room) + tail;
}

void run(const store::DatabaseUri& uri, const std::string& sql) {
  Poco::Data::Session admin = store::dialectFor(uri.backend).open(uri);
  // DROP SCHEMA ... CASCADE sends a NOTICE per object it drops, which libpq prints on stderr.
  admin << "SET client_min_messages = warning", now;
  admin << sql, now;
}

}  // namespace

sdk::Result<store::DatabaseUri> TestDatabase::requested() {
  const std::string text = requestedText();
  if (text.empty()) return store::DatabaseUri::parse(":memory:");
  auto uri = store::DatabaseUri::parse(text, true);
  if (!uri.isOk()) return sdk::Status::invalid(kVariable, uri.status().message());
  return uri;
}

bool TestDatabase::postgresRequested() {
  auto uri = requested();
  return uri.isOk() && uri.value().postgres();
}

bool TestDatabase::postgresRequired() { return std::getenv("CI") != nullptr; }

TestDatabase::TestDatabase(const std::string& sqlite_path) : uri_(sqlite_path) {
  auto uri = requested();
  if (!uri.isOk()) throw std::invalid_argument(uri.status().describe());
  if (!uri.value().postgres()) return;
  base_ = uri.value();
  base_.schema.clear();
  schema_ = schemaName();
  run(base_, "CREATE SCHEMA " + schema_);
  store::DatabaseUri mine = base_;
  mine.schema = schema_;
  uri_ = mine.display();
}

TestDatabase::~TestDatabase() {
  if (schema_.empty()) return;
  try {
    run(base_, "DROP SCHEMA " + schema_ + " CASCADE");
  } catch (...) {
    // A throwaway cluster: a schema left behind is removed with it.
  }
}

}  // namespace beacon::testing
