// `beacon summary --format docx`: the Word document of the annual text goes to
// --out (or to a redirected standard output); other kinds are refused naming
// format; a terminal gets no binary.
#include <fstream>
#include <memory>
#include <sstream>

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>

#include "app/app_context.h"
#include "app/cli.h"
#include "app/command.h"
#include "plugins/domain_services.h"
#include "support/cli_runner.h"
#include "support/docx_reader.h"
#include "support/test_database.h"

namespace beacon::app {
namespace {

using testing::CliRun;

class SummaryCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/beacon.db");
    db_ = database_->uri();
    ASSERT_EQ(beacon({"init"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"}).code, 0);
  }
  CliRun beacon(const std::vector<std::string>& args) { return testing::runBeacon({"--db", db_}, args); }
  static std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  Poco::TemporaryFile dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::string db_;
};

TEST_F(SummaryCommandTest, DocxGoesToOutAsAWordDocument) {
  const std::string file = dir_.path() + "/report.docx";
  CliRun r = beacon({"summary", "--kind", "city-annual", "--year", "2023", "--format", "docx", "--out", file});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(file), std::string::npos);
  const std::string docx = readFile(file);
  EXPECT_EQ(testing::firstZipEntry(docx), "[Content_Types].xml");
  const auto parts = testing::unzipParts(docx);
  ASSERT_EQ(parts.count("word/document.xml"), 1u);
  const auto paragraphs = testing::docxParagraphs(parts.at("word/document.xml"));
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs.front(), "新密市2023年应急预案和应急演练工作情况");

  // Standard output that is not a terminal (a pipe, a file) gets the same bytes.
  CliRun piped = beacon({"summary", "--kind", "city-annual", "--year", "2023", "--format", "docx"});
  ASSERT_EQ(piped.code, 0) << piped.err;
  EXPECT_EQ(piped.out, docx);
}

TEST_F(SummaryCommandTest, DocxForAnotherKindIsRefusedNamingFormat) {
  const std::string file = dir_.path() + "/status.docx";
  CliRun r = beacon({"summary", "--kind", "plan-status", "--as-of", "2023-12-31", "--format", "docx", "--out", file});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("format"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("text、markdown、html 或 json"), std::string::npos) << r.err;
  EXPECT_FALSE(Poco::File(file).exists());
}

TEST_F(SummaryCommandTest, DocxToATerminalIsRefusedNamingOut) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  config->setString("beacon.database", db_);
  std::ostringstream out, err;
  std::istringstream in;
  CommandContext ctx{*config, out, err, in, store::Actor{"tester"}, false, false, true, nullptr, nullptr};
  std::unique_ptr<Command> summary;
  for (auto& c : allCommands())
    if (c->name() == "summary") summary = std::move(c);
  ASSERT_TRUE(summary);
  const int code = summary->run(ctx, {"--kind", "city-annual", "--year", "2023", "--format", "docx"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(err.str().find("--out"), std::string::npos) << err.str();
  EXPECT_TRUE(out.str().empty());
}

// As GET /api/v1/summaries?kind=drill-plan&year=Y (http/drill_plan_overview_pages_test.cpp): without
// --as-of the year's 31 December, the current year's too, not today.
TEST_F(SummaryCommandTest, DrillPlanWithoutAsOfCountsAsOfTheYearsEndAsTheApiDoes) {
  const int this_year = plugins::DomainServices::systemToday().year;
  for (const int year : {2023, this_year}) {
    const std::string y = std::to_string(year);
    CliRun r = beacon({"summary", "--kind", "drill-plan", "--year", y, "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    auto json = Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(json->getValue<std::string>("as_of"), y + "-12-31") << r.out;
    CliRun dated =
        beacon({"summary", "--kind", "drill-plan", "--year", y, "--as-of", y + "-12-31", "--format", "json"});
    ASSERT_EQ(dated.code, 0) << dated.err;
    EXPECT_EQ(r.out, dated.out);
  }
  // An explicit --as-of still wins.
  CliRun mid = beacon({"summary", "--kind", "drill-plan", "--year", "2023", "--as-of", "2023-06-30", "--format", "json"});
  ASSERT_EQ(mid.code, 0) << mid.err;
  EXPECT_EQ(Poco::JSON::Parser().parse(mid.out).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("as_of"),
            "2023-06-30");
}

}  // namespace
}  // namespace beacon::app
