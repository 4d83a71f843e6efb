// ServiceFixture: a migrated SQLite file in a fresh temporary directory (or, when
// BEACON_TEST_DB_URI names PostgreSQL, a schema of its own per file name: TestDatabase), a
// registry with the fake flood and fire plugins, and a small organisation
// tree (city XM > township TS1 > village V1, enterprise E1 under TS1) with an
// issued flood plan P-FLOOD-TS1 owned by TS1. Shared by the service and CSV
// tests (seed_ = false leaves the database empty); also hashes the database file for "nothing
// was written" checks (on PostgreSQL: every table's rows).
#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "plugins/plugin_registry.h"
#include "service/organisation_service.h"
#include "service/plan_service.h"
#include <map>

#include <Poco/Data/Session.h>

#include "store/database.h"
#include "support/fake_plugin.h"
#include "support/test_database.h"

namespace beacon::testing {

class ServiceFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    db_path_ = dir_ + "/beacon.db";
    flood_ = addFakeFloodPlugin(registry_);
    fire_ = addFakeFirePlugin(registry_);
    open();
    db_->migrate();
    if (!seed_) return;
    service::OrganisationService orgs(*db_, registry_);
    city_ = mustAdd(orgs, "XM", "新密市", sdk::OrgKind::City, 0);
    township_ = mustAdd(orgs, "TS1", "城关镇", sdk::OrgKind::Township, city_);
    village_ = mustAdd(orgs, "V1", "东街村", sdk::OrgKind::Village, township_);
    enterprise_ = mustAdd(orgs, "E1", "某煤矿", sdk::OrgKind::Enterprise, township_);
    service::PlanService plans(*db_, registry_);
    sdk::Plan plan;
    plan.code = "P-FLOOD-TS1";
    plan.title = "城关镇防汛应急预案";
    plan.domain = "flood";
    plan.category = sdk::category::kGrassroots;
    plan.owner_org_id = township_;
    sdk::PlanVersion v;
    v.issued = sdk::Date{2023, 3, 1};
    v.text = "第一章 总则\n第二章 组织机构\n";
    auto r = plans.addPlan(plan, v, actor_);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    plan_ = r.value();
  }

  void TearDown() override {
    db_.reset();
    Poco::File(dir_).remove(true);
  }

  // Opens db_path_: that SQLite file, or the PostgreSQL schema that stands for it.
  void open() { db_ = std::make_unique<store::Database>(testDatabase(db_path_).uri()); }
  testing::TestDatabase& testDatabase(const std::string& path) {
    auto& t = test_dbs_[path];
    if (!t) t = std::make_unique<testing::TestDatabase>(path);
    return *t;
  }
  bool postgres() { return testDatabase(db_path_).postgres(); }
  // Closes the connection (SQLite checkpoints and removes the WAL on the
  // last close) and returns the SHA-256 of the database file; reopens.
  std::string closedFileHash() {
    if (postgres()) return tablesHash();
    db_.reset();
    EXPECT_FALSE(Poco::File(db_path_ + "-wal").exists()) << "WAL not checkpointed on close";
    std::ifstream in(db_path_, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(ss.str());
    open();
    return Poco::DigestEngine::digestToHex(sha.digest());
  }

  // PostgreSQL: the SHA-256 of every table's rows (as record text, sorted).
  std::string tablesHash() {
    std::vector<std::string> tables;
    db_->session() << "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                      " current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
        Poco::Data::Keywords::into(tables), Poco::Data::Keywords::now;
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    for (const auto& table : tables) {
      std::vector<std::string> rows;  // each row as PostgreSQL's record text
      db_->session() << "SELECT r::text FROM " + table + " r ORDER BY 1",
          Poco::Data::Keywords::into(rows), Poco::Data::Keywords::now;
      sha.update(table + "\n");
      for (const auto& row : rows) sha.update(row + "\n");
    }
    return Poco::DigestEngine::digestToHex(sha.digest());
  }

  sdk::RecordId mustAdd(service::OrganisationService& orgs, const std::string& code,
                        const std::string& name, sdk::OrgKind kind, sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = name;
    o.kind = kind;
    o.parent_id = parent;
    auto r = orgs.add(o, actor_);
    EXPECT_TRUE(r.isOk()) << r.status().describe();
    return r.isOk() ? r.value() : 0;
  }

  std::string writeFile(const std::string& name, const std::string& bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return path;
  }

  bool seed_ = true;  // a derived constructor may turn the sample records off
  std::string dir_;
  std::string db_path_;
  std::map<std::string, std::unique_ptr<testing::TestDatabase>> test_dbs_;  // by db_path_
  plugins::PluginRegistry registry_;
  FakePlugin* flood_ = nullptr;
  FakePlugin* fire_ = nullptr;
  std::unique_ptr<store::Database> db_;
  store::Actor actor_{"tester"};
  sdk::RecordId city_ = 0, township_ = 0, village_ = 0, enterprise_ = 0, plan_ = 0;
};

}  // namespace beacon::testing
