#include "store/database_uri.h"

#include <gtest/gtest.h>

#include <Poco/Exception.h>

#include "store/database.h"
#include "store/migrations.h"

namespace beacon::store {
namespace {

DatabaseUri ok(const std::string& text) {
  auto uri = DatabaseUri::parse(text);
  EXPECT_TRUE(uri.isOk()) << text << ": " << uri.status().describe();
  return uri.isOk() ? uri.value() : DatabaseUri();
}

std::string error(const std::string& text, bool english = false) {
  auto uri = DatabaseUri::parse(text, english);
  EXPECT_FALSE(uri.isOk()) << text << " was accepted";
  if (uri.isOk()) return std::string();
  EXPECT_EQ(uri.status().field(), "beacon.database");
  return uri.status().message();
}

TEST(DatabaseUriTest, ABarePathIsSqliteAsBefore) {
  for (const std::string text :
       {"var/beacon.db", "/srv/beacon/beacon.db", "beacon.db", ":memory:"}) {
    const DatabaseUri uri = ok(text);
    EXPECT_FALSE(uri.postgres()) << text;
    EXPECT_EQ(uri.path, text);
    EXPECT_EQ(uri.display(), text);
  }
}

TEST(DatabaseUriTest, SqliteSchemeNamesTheFile) {
  EXPECT_EQ(ok("sqlite:var/beacon.db").path, "var/beacon.db");
  EXPECT_EQ(ok("sqlite:/srv/beacon.db").path, "/srv/beacon.db");
  EXPECT_EQ(ok("sqlite::memory:").path, ":memory:");
  EXPECT_FALSE(ok("sqlite:var/beacon.db").postgres());
}

TEST(DatabaseUriTest, PostgresOverTcp) {
  const DatabaseUri uri = ok("postgresql://beacon@db.example.org:5433/beacon_prod");
  EXPECT_TRUE(uri.postgres());
  EXPECT_EQ(uri.user, "beacon");
  EXPECT_EQ(uri.host, "db.example.org");
  EXPECT_EQ(uri.port, 5433);
  EXPECT_EQ(uri.dbname, "beacon_prod");
  EXPECT_EQ(uri.display(), "postgresql://beacon@db.example.org:5433/beacon_prod");
  EXPECT_EQ(uri.connectionString(),
            "dbname=beacon_prod client_encoding=UTF8 user=beacon host=db.example.org port=5433");
  EXPECT_EQ(ok("postgres://beacon@127.0.0.1:5432/beacon").display(),
            "postgresql://beacon@127.0.0.1:5432/beacon");
}

TEST(DatabaseUriTest, PostgresDefaultsAreLeftToLibpq) {
  const DatabaseUri uri = ok("postgresql:///beacon");
  EXPECT_EQ(uri.user, "");
  EXPECT_EQ(uri.host, "");
  EXPECT_EQ(uri.port, 0);
  EXPECT_EQ(uri.connectionString(), "dbname=beacon client_encoding=UTF8");
}

TEST(DatabaseUriTest, PostgresOverAUnixSocketWithSchema) {
  EXPECT_EQ(ok("postgresql://postgres@/beacon?host=%2Ftmp%2Fpg").host, "/tmp/pg")
      << "percent-decoded";
  DatabaseUri plain =
      ok("postgresql://postgres@/beacon?host=/run/postgresql&port=6543&schema=office_2");
  EXPECT_EQ(plain.host, "/run/postgresql");
  EXPECT_EQ(plain.port, 6543);
  EXPECT_EQ(plain.schema, "office_2");
  EXPECT_EQ(plain.display(),
            "postgresql://postgres@/beacon?host=/run/postgresql&port=6543&schema=office_2");
  EXPECT_EQ(plain.connectionString(),
            "dbname=beacon client_encoding=UTF8 user=postgres host=/run/postgresql port=6543"
            " options=-csearch_path=office_2");
  EXPECT_EQ(ok("postgresql://u@[::1]:5432/b").host, "::1");
  EXPECT_EQ(ok("postgresql://u@[::1]:5432/b").display(), "postgresql://u@[::1]:5432/b");
  EXPECT_EQ(ok("postgresql://u@h/b?sslmode=require&connect_timeout=5").connectionString(),
            "dbname=b client_encoding=UTF8 user=u host=h sslmode=require connect_timeout=5");
}

TEST(DatabaseUriTest, APasswordIsRefusedAndNotEchoed) {
  for (const std::string text : {"postgresql://beacon:s3cret@127.0.0.1:5432/beacon",
                                 "postgresql://beacon@127.0.0.1:5432/beacon?password=s3cret"}) {
    const std::string zh = error(text);
    EXPECT_NE(zh.find("PGPASSWORD"), std::string::npos) << zh;
    EXPECT_NE(zh.find("--db"), std::string::npos) << zh;
    EXPECT_EQ(zh.find("s3cret"), std::string::npos) << zh;
    const std::string en = error(text, true);
    EXPECT_NE(en.find("must not contain a password"), std::string::npos) << en;
    EXPECT_EQ(en.find("s3cret"), std::string::npos) << en;
  }
}

TEST(DatabaseUriTest, BadUrisNameTheSettingAndThePart) {
  EXPECT_NE(error("").find("为空"), std::string::npos);
  EXPECT_NE(error("", true).find("(--db or beacon.database) is empty"), std::string::npos);
  EXPECT_NE(error("mysql://root@localhost/beacon", true).find("unsupported scheme \"mysql://\""),
            std::string::npos);
  EXPECT_NE(error("sqlite:", true).find("names no file"), std::string::npos);
  EXPECT_NE(error("postgresql://beacon@127.0.0.1:5432", true).find("must name the database"),
            std::string::npos);
  EXPECT_NE(error("postgresql://beacon@127.0.0.1:5432/", true).find("must name the database"),
            std::string::npos);
  EXPECT_NE(error("postgresql://beacon@127.0.0.1:70000/b", true).find("port \"70000\""),
            std::string::npos);
  EXPECT_NE(error("postgresql://beacon@127.0.0.1:/b", true).find("port \"\""), std::string::npos);
  EXPECT_NE(error("postgresql://beacon@127.0.0.1:54x/b").find("端口“54x”"), std::string::npos);
  EXPECT_NE(error("postgresql://b@h/b?port=0", true).find("port \"0\""), std::string::npos);
  EXPECT_NE(error("postgresql://b@h/b?options=-cwork_mem%3D1GB", true)
                .find("parameter \"options\" is not supported"),
            std::string::npos);
  EXPECT_NE(error("postgresql://b@h/b?schema=Office", true).find("schema \"Office\""),
            std::string::npos);
  EXPECT_NE(error("postgresql://b@h/b?schema=a;drop", true).find("schema \"a;drop\""),
            std::string::npos);
  EXPECT_NE(error("postgresql://b@h/b?host=", true).find("parameter \"host\" needs a value"),
            std::string::npos);
  EXPECT_NE(error("postgresql://b@/b?host=/tmp/pg%20x", true)
                .find("parameter \"host\" needs a value (without spaces"),
            std::string::npos);
  EXPECT_NE(error("postgresql://b@h/my%20db", true).find("must name the database"),
            std::string::npos)
      << "a space would split Poco's connection string";
  EXPECT_NE(error("postgresql://b@h/b%2", true).find("must name the database"), std::string::npos);
  EXPECT_NE(error("postgresql://b@[::1/b", true).find("without \"]\""), std::string::npos);
}

TEST(DatabaseUriTest, DatabaseRefusesABadUriBeforeOpeningAnything) {
  try {
    Database db("postgresql://beacon:pw@127.0.0.1:1/beacon");
    FAIL() << "opened";
  } catch (const Poco::InvalidArgumentException& e) {
    EXPECT_NE(e.message().find("beacon.database"), std::string::npos) << e.message();
    EXPECT_EQ(e.message().find("pw@"), std::string::npos) << e.message();
  }
}

TEST(DatabaseUriTest, DatabaseOpensSqliteSchemeAndKeepsThePath) {
  Database db("sqlite::memory:");
  EXPECT_EQ(db.path(), ":memory:");
  EXPECT_GT(db.migrate(), 0);
  EXPECT_EQ(db.schemaVersion(), latestSchemaVersion());
}

}  // namespace
}  // namespace beacon::store
