// The ledger kinds of the CSV import (issue 11 part 4): plan version
// history, reviews, filings, corrective actions, next to organisations and
// drills. Per kind: the example file, every required column missing, a bad
// value named by line and column in zh-CN and English, GBK, all or nothing,
// duplicates refused, and the export/import round trip of every kind.
#include <fstream>
#include <sstream>

#include <Poco/File.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows936Encoding.h>

#include "build_paths.h"
#include "host/service/service_fixture.h"
#include "io/csv_exporter.h"
#include "io/csv_importer.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "io/import_kind.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_plan_repository.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/plan_transition_repository.h"
#include "store/review_repository.h"
#include "store/revision_triggers.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {
namespace {

const std::string kExamples = std::string(BEACON_SOURCE_DIR) + "/examples/csv/";

// Each kind's example file, in dependency order.
const std::vector<std::pair<std::string, std::string>> kFiles = {
    {"organisations", "organisations.csv"},
    {"plans", "plans.csv"},
    {"reviews", "reviews.csv"},
    {"filings", "filings.csv"},
    {"drills", "drills.csv"},
    {"corrective-actions", "corrective-actions.csv"},
    {"publications", "publications.csv"},
    {"drill-plans", "drill-plans.csv"},
    {"drill-evaluations", "drill-evaluations.csv"}};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<io::CsvRecord> parse(const std::string& text) {
  std::istringstream in(text);
  io::CsvReader reader(in);
  std::vector<io::CsvRecord> out;
  io::CsvRecord rec;
  while (reader.next(rec)) out.push_back(rec);
  return out;
}

std::string unparse(const std::vector<io::CsvRecord>& records) {
  std::ostringstream out;
  io::CsvWriter w(out);
  for (const auto& r : records) w.writeRecord(r.fields);
  return out.str();
}

std::string toGbk(const std::string& utf8) {
  Poco::UTF8Encoding from;
  Poco::Windows936Encoding to;
  Poco::TextConverter conv(from, to);
  std::string out;
  EXPECT_EQ(conv.convert(utf8, out), 0);
  return out;
}

// A row source that is not a CSV file (as an .xlsx sheet will be): rows in
// memory, places named by sheet.
class SheetSource : public io::RowSource {
 public:
  SheetSource(std::string sheet, std::vector<io::CsvRecord> rows)
      : sheet_(std::move(sheet)), rows_(std::move(rows)) {}
  bool next(io::CsvRecord& out) override {
    if (next_ >= rows_.size()) return false;
    out = rows_[next_++];
    return true;
  }
  std::size_t bytesRead() const override { return next_; }
  std::size_t totalBytes() const override { return rows_.size(); }
  std::string location(std::size_t line, const std::string& column, bool english) const override {
    return io::formatLocation(sheet_, line, column, english);
  }

 private:
  std::string sheet_;
  std::vector<io::CsvRecord> rows_;
  std::size_t next_ = 0;
};

class LedgerImportTest : public ServiceFixture {
 protected:
  LedgerImportTest() { seed_ = false; }

  sdk::Result<io::ImportReport> import(store::Database& db, const std::string& path,
                                       const std::string& kind, bool english = false) {
    io::ImportOptions o;
    o.kind = kind;
    o.english = english;
    return io::importFile(db, registry_, path, o, actor_);
  }

  // Imports the example files of every kind before `stop` (all of them by default).
  void importExamples(const std::string& stop = "") {
    for (const auto& [kind, file] : kFiles) {
      if (kind == stop) return;
      auto r = import(*db_, kExamples + file, kind);
      ASSERT_TRUE(r.isOk()) << r.status().describe();
      ASSERT_TRUE(r.value().errors.empty()) << file << ": " << r.value().errors.front();
    }
  }

  // Imports more drills (rows of organisation, domain, type, date, place, participants,
  // evacuees and hazard).
  void addDrills(const std::string& rows) {
    auto r = import(
        *db_,
        writeFile("more-drills.csv",
                  "组织编码,领域,演练类型,演练日期,地点,参演人数,转移人数,灾害类型\n" + rows),
        "drills");
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  }

  // The ids of the drills of organisation `code` on `date`, in the order recorded.
  std::vector<Poco::Int64> drillIds(const std::string& code, const std::string& date) {
    std::vector<Poco::Int64> ids;
    db_->session() << "SELECT d.id FROM drills d JOIN organisations o ON o.id = d.org_id"
                      " WHERE o.code = $1 AND d.drill_date = $2 ORDER BY d.id",
        bind(code), bind(date), into(ids), now;
    return ids;
  }

  int count(const std::string& table) {
    int n = 0;
    db_->session() << "SELECT COUNT(*) FROM " + table, into(n), now;
    return n;
  }

  std::string exportText(store::Database& db, const std::string& kind, bool english) {
    std::ostringstream out;
    sdk::Status s = io::exportCsv(db, registry_, kind, out, english);
    EXPECT_TRUE(s.isOk()) << s.describe();
    return out.str();
  }

  // Imports `bytes` as `kind` and expects its first error to contain `expected`
  // (and `expected_en` with english messages), with the database file unchanged.
  void expectRejected(const std::string& kind, const std::string& bytes,
                      const std::string& expected, const std::string& expected_en) {
    SCOPED_TRACE(kind + ": " + expected);
    const std::string before = closedFileHash();
    for (bool english : {false, true}) {
      auto r = import(*db_, writeFile("bad.csv", bytes), kind, english);
      ASSERT_TRUE(r.isOk()) << r.status().describe();
      ASSERT_FALSE(r.value().errors.empty());
      const std::string& want = english ? expected_en : expected;
      EXPECT_NE(r.value().errors.front().find(want), std::string::npos) << r.value().errors.front();
    }
    EXPECT_EQ(closedFileHash(), before) << "the database file changed";
  }
};

TEST_F(LedgerImportTest, ExamplesOfEveryKindImport) {
  importExamples();
  store::PlanRepository plans(db_->session());
  auto dz = plans.findByCode("XM-DZ-2021");
  ASSERT_TRUE(dz);
  auto versions = plans.versions(dz->id, true);
  ASSERT_EQ(versions.size(), 2u) << "v1 编制 2021 and v2 修订 2024 of one plan code";
  EXPECT_EQ(versions[0].action, sdk::VersionAction::Drafted);
  EXPECT_EQ(versions[0].issued, (sdk::Date{2021, 6, 15}));
  EXPECT_EQ(versions[1].action, sdk::VersionAction::Revised);
  EXPECT_EQ(versions[1].trigger, store::trigger::kLawOrParentPlanChanged);
  EXPECT_EQ(versions[1].issued, (sdk::Date{2024, 5, 20}));
  EXPECT_EQ(dz->current_version, 2);

  auto reviews = store::ReviewRepository(db_->session()).listForPlan(0);
  ASSERT_EQ(reviews.size(), 3u);
  EXPECT_EQ(reviews[2].plan_version_id, versions[1].id);
  auto jsx = plans.findByCode("JSX-FX-2023");
  EXPECT_TRUE(jsx->revision_required)
      << "an evaluation concluding 需修订 marks the plan, as from the CLI";
  EXPECT_EQ(reviews[1].findings, "山洪危险区人员名单需更新，\n转移路线需复核");

  auto filings = store::FilingRepository(db_->session()).listForPlan(0);
  ASSERT_EQ(filings.size(), 3u);
  EXPECT_EQ(filings[0].registration_no, "ZZ-2023-017");
  EXPECT_EQ(filings[0].published, (sdk::Date{2023, 5, 15}));

  auto actions = store::CorrectiveActionRepository(db_->session()).listForPlan(0, false);
  ASSERT_EQ(actions.size(), 3u);
  EXPECT_EQ(actions[0].source_kind, store::SourceKind::Drill);
  EXPECT_NE(actions[0].source_id, 0);
  EXPECT_EQ(actions[0].status, store::ActionStatus::Done);
  EXPECT_EQ(actions[2].source_kind, store::SourceKind::Review);
  EXPECT_EQ(actions[2].source_id, reviews[1].id);
  EXPECT_TRUE(actions[2].plan_defect);
}

TEST_F(LedgerImportTest, EveryRequiredColumnMissingIsNamed) {
  importExamples();
  for (const auto& [kind, file] : kFiles) {
    auto k = io::makeImportKind(kind);
    const auto records = parse(readFile(kExamples + file));
    for (const auto& column : k->columns()) {
      if (!column.required) continue;
      auto without = records;
      const auto& header = records.front().fields;
      auto at = std::find(header.begin(), header.end(), column.zh);
      ASSERT_NE(at, header.end()) << file << " lacks " << column.zh;
      const auto pos = static_cast<std::size_t>(at - header.begin());
      for (auto& r : without) r.fields.erase(r.fields.begin() + static_cast<long>(pos));
      expectRejected(
          kind, unparse(without), "第1行，“" + column.zh + "/" + column.id + "”列：缺少必填列",
          "line 1, column " + column.zh + "/" + column.id + ": required column is missing");
    }
  }
}

// The bad cell is in the last row, so the good rows before it test all or nothing.
TEST_F(LedgerImportTest, BadValuesNameLineAndColumnInBothLanguagesAndWriteNothing) {
  struct Case {
    std::string column, bad, zh, en;
  };
  // In kFiles order: each case runs on a database holding the kinds before it.
  const Case cases[] = {
      {"类型", "星球", "“星球”不是组织类型", "\"星球\" is not an organisation kind"},
      {"印发日期", "2023-13-01", "“2023-13-01”不是日期", "\"2023-13-01\" is not a date"},
      {"结论", "很好", "“很好”不是结论", "\"很好\" is not a conclusion"},
      {"报送日期", "去年", "“去年”不是日期", "\"去年\" is not a date"},
      {"参演人数", "二十", "“二十”不是整数", "\"二十\" is not a whole number"},
      {"预案缺陷", "也许", "“也许”应为“是”或“否”", "\"也许\" is not yes or no"},
      {"公开日期", "上月", "“上月”不是日期", "\"上月\" is not a date"},
      {"计划月份", "六月", "“六月”不是整数", "\"六月\" is not a whole number"},
      {"评估结论", "很好", "“很好”不是评估结论（优/良/中/差）", "\"很好\" is not a verdict"},
  };
  for (std::size_t i = 0; i < kFiles.size(); ++i) {
    const auto& [kind, file] = kFiles[i];
    const Case& c = cases[i];
    auto records = parse(readFile(kExamples + file));
    const auto& header = records.front().fields;
    const auto pos = static_cast<std::size_t>(std::find(header.begin(), header.end(), c.column) -
                                              header.begin());
    ASSERT_LT(pos, header.size()) << file;
    const std::size_t line = records.back().line;
    records.back().fields[pos] = c.bad;
    expectRejected(kind, unparse(records),
                   "第" + std::to_string(line) + "行，“" + c.column + "”列：" + c.zh,
                   "line " + std::to_string(line) + ", column " + c.column + ": " + c.en);
    auto good = import(*db_, kExamples + file, kind);
    ASSERT_TRUE(good.isOk());
    ASSERT_TRUE(good.value().errors.empty()) << good.value().errors.front();
  }
}

TEST_F(LedgerImportTest, GbkFilesImportLikeUtf8) {
  importExamples();
  std::vector<std::string> utf8_exports;
  for (const auto& [kind, file] : kFiles) utf8_exports.push_back(exportText(*db_, kind, false));
  Poco::File(dir_ + "/gbk").createDirectories();
  store::Database other(dir_ + "/gbk/gbk.db");
  other.migrate();
  for (std::size_t i = 0; i < kFiles.size(); ++i) {
    const auto& [kind, file] = kFiles[i];
    auto r = import(other, writeFile("gbk-" + file, toGbk(readFile(kExamples + file))), kind);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_TRUE(r.value().errors.empty()) << file << ": " << r.value().errors.front();
    EXPECT_EQ(exportText(other, kind, false), utf8_exports[i]) << kind;
  }
}

TEST_F(LedgerImportTest, ImportingAFileTwiceRefusesItsFirstRow) {
  importExamples();
  for (const auto& [kind, file] : kFiles) {
    SCOPED_TRACE(kind);
    const std::string before = closedFileHash();
    auto r = import(*db_, kExamples + file, kind);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_FALSE(r.value().errors.empty())
        << "a second import of the same file must not add records";
    EXPECT_EQ(r.value().errors.front().rfind("第2行", 0), 0u) << r.value().errors.front();
    EXPECT_NE(r.value().errors.front().find("是重复导入"), std::string::npos) << r.value().errors.front();
    EXPECT_EQ(closedFileHash(), before);
  }
}

TEST_F(LedgerImportTest, PlanHistoryRowsAreValidatedAsRevisions) {
  importExamples("plans");
  const std::string header =
      "预案编码,预案名称,领域,类别,编制单位编码,版本号,版本动作,修订原因,草稿,印发日期,正文\n";
  const std::string v1 = "P-1,某预案,general,special,XM,1,编制,,,2021-03-01,第一章\n";
  expectRejected("plans",
                 header + v1 + "P-1,某预案,general,special,XM,2,修订,,,2024-03-01,第一章 修订\n",
                 "第3行，“修订原因”列：", "line 3, column 修订原因: is required");
  expectRejected(
      "plans",
      header + v1 + "P-1,某预案,general,special,XM,2,修订,risk_changed_major,,,第一章 修订\n",
      "第3行，“印发日期”列：", "line 3, column 印发日期: is required");
  expectRejected(
      "plans",
      header + v1 + "P-1,某预案,general,special,XM,2,修订,risk_changed_major,,2024-03-01,\n",
      "第3行，“正文”列：", "line 3, column 正文: is required");
  expectRejected(
      "plans",
      header + v1 + "P-1,某预案,general,special,XM,3,修订,risk_changed_major,,2024-03-01,x\n",
      "第3行，“版本号”列：版本应按顺序导入", "line 3, column 版本号: versions must come in order");
  expectRejected(
      "plans",
      header + v1 + "P-1,另一个名称,general,special,XM,2,修订,risk_changed_major,,2024-03-01,x\n",
      "第3行，“预案名称”列：", "line 3, column 预案名称: differs");
  auto r = import(
      *db_,
      writeFile(
          "draft.csv",
          header + v1 +
              "P-1,某预案,general,special,XM,2,修订,面临的风险发生重大变化,,2024-03-01,第二版\n"
              "P-1,某预案,general,special,XM,3,修订,risk_changed_major,是,,第三版草稿\n"),
      "plans");
  ASSERT_TRUE(r.isOk());
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  store::PlanRepository plans(db_->session());
  auto p = plans.findByCode("P-1");
  auto versions = plans.versions(p->id, true);
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_FALSE(versions[2].issued.isSet()) << "a draft revision";
  EXPECT_EQ(p->current_version, 2) << "the issued version stays in force until the draft is issued";
  // A later file appends the next version of a stored plan when it numbers it.
  auto more = import(
      *db_,
      writeFile(
          "v4.csv",
          header + "P-1,某预案,general,special,XM,4,修订,risk_changed_major,,2025-01-01,第四版\n"),
      "plans");
  ASSERT_TRUE(more.isOk());
  EXPECT_TRUE(more.value().errors.empty()) << more.value().errors.front();
  EXPECT_EQ(plans.findByCode("P-1")->current_version, 4);
}

TEST_F(LedgerImportTest, AnActionSourceMatchingSeveralDrillsNeedsItsIndex) {
  importExamples();
  addDrills("XM-CHZ,flood,flood.comprehensive,2023-06-02,超化镇二组,40,0,河道\n");
  const std::string header = "整改事项,责任单位编码,来源,来源编码,来源日期,来源类型,来源序号\n";
  const std::string row = "疏通排水沟,XM-CHZ,演练,XM-CHZ,2023-06-02,flood.comprehensive,";
  expectRejected("corrective-actions", header + row + "\n", "第2行，“来源类型”列：有 2 条演练记录与之相符",
                 "line 2, column 来源类型: 2 drills match");
  auto r = import(*db_, writeFile("indexed.csv", header + row + "2\n"), "corrective-actions");
  ASSERT_TRUE(r.isOk());
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  const auto ids = drillIds("XM-CHZ", "2023-06-02");
  ASSERT_EQ(ids.size(), 2u);
  auto actions = store::CorrectiveActionRepository(db_->session()).listForPlan(0, false);
  EXPECT_EQ(actions.back().source_id, ids[1]) << "来源序号 2: the second drill recorded";
  EXPECT_NE(exportText(*db_, "corrective-actions", false).find("2023-06-02,flood.comprehensive,2\r\n"),
            std::string::npos)
      << "the export writes the index where the source has rivals";
}

TEST_F(LedgerImportTest, AnotherRowSourceNamesItsSheetAndUsesTheSameKinds) {
  importExamples("reviews");
  auto rows = parse(readFile(kExamples + "reviews.csv"));
  const std::size_t line = rows.back().line;
  rows.back().fields[3] = "2023-13-01";  // 日期
  const io::ImportOrigin origin{"ledger.xlsx", "", "xlsx"};
  for (bool english : {false, true}) {
    SheetSource bad("评审", rows);
    io::ImportOptions o;
    o.kind = "reviews";
    o.english = english;
    auto r = io::importRows(*db_, registry_, bad, origin, o, actor_);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_EQ(r.value().errors.size(), 1u);
    EXPECT_EQ(r.value().errors[0],
              english ? "sheet 评审, row " + std::to_string(line) +
                            ", column 日期: \"2023-13-01\" is not a date (YYYY-MM-DD)"
                      : "工作表 评审，第" + std::to_string(line) + "行，“日期”列：“2023-13-01”不是日期（YYYY-MM-DD）");
  }
  EXPECT_EQ(count("reviews"), 0);
  SheetSource good("评审", parse(readFile(kExamples + "reviews.csv")));
  io::ImportOptions o;
  o.kind = "reviews";
  std::size_t done = 0, total = 0;
  o.progress = [&](std::size_t d, std::size_t t) {
    done = d;
    total = t;
  };
  auto r = io::importRows(*db_, registry_, good, origin, o, actor_);
  ASSERT_TRUE(r.isOk());
  EXPECT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  EXPECT_EQ(count("reviews"), 3);
  EXPECT_EQ(done, total) << "the progress bar reaches the end";
}

TEST_F(LedgerImportTest, ExportOfEveryKindImportsBackIdentically) {
  importExamples();
  for (bool english : {false, true}) {
    SCOPED_TRACE(english ? "english" : "chinese");
    const std::string other_dir = dir_ + (english ? "/en" : "/zh");
    Poco::File(other_dir).createDirectories();
    store::Database other(other_dir + "/copy.db");
    other.migrate();
    for (const auto& [kind, file] : kFiles) {
      const std::string text = exportText(*db_, kind, english);
      EXPECT_GT(parse(text).size(), 2u) << kind << " has records to compare";
      auto r = import(other, writeFile(kind + (english ? "-en" : "-zh") + ".csv", text), kind);
      ASSERT_TRUE(r.isOk()) << r.status().describe();
      ASSERT_TRUE(r.value().errors.empty()) << kind << ": " << r.value().errors.front();
      EXPECT_EQ(exportText(other, kind, english), text) << kind;
    }
  }
}

// Publications go through the publish step's checks for a past day: the version
// named must be the one in force on that day.
TEST_F(LedgerImportTest, APublicationNamesTheVersionInForceOnItsDay) {
  importExamples("publications");
  const std::string header = "预案编码,预案版本,公开日期,公开渠道,链接\n";
  expectRejected(
      "publications", header + "XM-DZ-2021,1,2024-07-01,门户网站,\n",
      "第2行，“预案版本”列：公开日期 2024-07-01 时现行的是第2版（2024-05-20 印发），不是第1版",
      "line 2, column 预案版本: on 2024-07-01 version 2 (issued 2024-05-20) was in force, "
      "not version 1");
  expectRejected("publications", header + "XM-DZ-2021,2,2024-05-01,门户网站,\n",
                 "第2行，“公开日期”列：早于第2版的印发日期 2024-05-20",
                 "line 2, column 公开日期: is before the issue date of v2: 2024-05-20");
  expectRejected("publications", header + "XM-DZ-2021,,2021-01-01,门户网站,\n",
                 "第2行，“公开日期”列：早于第1版的印发日期 2021-06-15",
                 "line 2, column 公开日期: is before the issue date of v1: 2021-06-15");
  expectRejected("publications", header + "XM-DZ-2021,3,2024-07-01,门户网站,\n",
                 "第2行，“预案版本”列：预案 XM-DZ-2021 没有第3版",
                 "line 2, column 预案版本: plan XM-DZ-2021 has no version 3");
  expectRejected("publications", header + "XM-DZ-2021,2,2024-07-01, ,\n",
                 "第2行，“公开渠道”列：为必填项", "line 2, column 公开渠道: is required");
  expectRejected("publications", header + "XM-DZ-2021,2,2999-01-01,门户网站,\n",
                 "第2行，“公开日期”列：不能晚于今天", "line 2, column 公开日期: is in the future");
  auto r = import(*db_, writeFile("old.csv", header + "XM-DZ-2021,,2022-03-01,政务公开栏,\n"),
                  "publications");
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  const auto dz = store::PlanRepository(db_->session()).findByCode("XM-DZ-2021");
  std::vector<store::PlanTransition> published;
  for (const auto& t : store::PlanTransitionRepository(db_->session()).listForPlan(dz->id)) {
    if (t.step == "publish") published.push_back(t);
  }
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].version_number, 1) << "an empty 预案版本: the version in force that day";
  EXPECT_EQ(published[0].body, "政务公开栏");
}

// The rows of one organisation and year form one plan, checked by
// DrillPlanService::validatePlan at its first row and validateItem per row.
TEST_F(LedgerImportTest, DrillPlanRowsOfOneOrganisationAndYearFormOnePlan) {
  importExamples("drill-plans");
  auto r = import(*db_, kExamples + "drill-plans.csv", "drill-plans");
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  const std::string header = "组织编码,年度,制定日期,领域,演练类型,计划月份,预案编码\n";
  const std::string first = "XM-CHZ,2025,2025-01-10,flood,flood.comprehensive,5,\n";
  expectRejected("drill-plans",
                 header + first + "XM-CHZ,2025,2025-01-11,flood,flood.evacuation,6,\n",
                 "第3行，“制定日期”列：与XM-CHZ 2025年度演练计划首行的制定日期 2025-01-10 不同",
                 "line 3, column 制定日期: differs from the date 2025-01-10");
  expectRejected(
      "drill-plans", header + "XM-CHZ,2025,2023-12-31,flood,flood.comprehensive,5,\n",
      "第2行，“制定日期”列：2025 年度演练计划的制定日期应在 2024-01-01 – 2025-12-31 之间",
      "line 2, column 制定日期: a drill plan for 2025 is made within 2024-01-01 – 2025-12-31");
  expectRejected("drill-plans", header + "XM-CHZ,2025,,flood,flood.comprehensive,5,\n",
                 "第2行，“制定日期”列：每个年度演练计划的首行必填",
                 "line 2, column 制定日期: is required on the first row of each drill plan");
  expectRejected(
      "drill-plans", header + first + "XM-CHZ,2025,,fire,flood.evacuation,6,\n",
      "第3行，“演练类型”列：演练类型 flood.evacuation 不属于领域 fire",
      "line 3, column 演练类型: \"flood.evacuation\" is not a drill type of domain fire");
  expectRejected("drill-plans", header + first + "XM-CHZ,2025,,flood,flood.evacuation,13,\n",
                 "第3行，“计划月份”列：计划月份应为 1 至 12",
                 "line 3, column 计划月份: must be a month from 1 to 12");
  expectRejected(
      "drill-plans", header + "XM-CHZ,2025,2025-01-10,flood,flood.comprehensive,5,JSX-FX-2023\n",
      "第2行，“预案编码”列：本单位及其上级单位没有编号为", "line 2, column 预案编码: no plan");
  expectRejected("drill-plans", header + "XM-JSX,2024,2024-02-01,flood,flood.comprehensive,7,\n",
                 "第2行：XM-JSX 的 2024 年度演练计划已存在（制定日期 2024-01-15），是重复导入",
                 "line 2: the 2024 drill plan of XM-JSX is already stored (made on 2024-01-15)");

  const auto jsx = store::OrganisationRepository(db_->session()).findByCode("XM-JSX");
  const auto plan = store::DrillPlanRepository(db_->session()).find(jsx->id, 2024);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->made_on, (sdk::Date{2024, 1, 15}));
  EXPECT_EQ(plan->note, "尖山乡2024年度应急演练计划");
  ASSERT_EQ(plan->items.size(), 3u) << "rows 2, 3 and 5 of the example, not contiguous";
  EXPECT_EQ(plan->items[2].drill_type, "flood.evacuation") << "given by its zh label";
  EXPECT_EQ(plan->items[2].month, 8);
  EXPECT_EQ(plan->items[1].note, "山洪危险区人员转移，各村参加");
  EXPECT_NE(plan->items[0].plan_id, 0);
  EXPECT_EQ(count("drill_plans"), 2);
}

// An evaluation names its drill by organisation, date, type and, among
// several of that type, its index; DrillEvaluationService checks the rest.
TEST_F(LedgerImportTest, AnEvaluationNamesItsDrillAsAFileKnowsIt) {
  importExamples();
  addDrills(
      "XM-CHZ,flood,flood.comprehensive,2023-06-02,超化镇二组,40,0,河道\n"
      "XM-CHZ,flood,flood.evacuation,2023-06-02,超化镇三组,30,10,河道\n");
  const std::string header = "组织编码,演练日期,演练类型,演练序号,评估结论,评估人,评估日期\n";
  expectRejected("drill-evaluations", header + "XM-CHZ,2023-06-01,,,良,超化镇应急办,2023-06-10\n",
                 "第2行，“演练日期”列：XM-CHZ 在 2023-06-01 没有演练记录",
                 "line 2, column 演练日期: no drill of XM-CHZ on 2023-06-01");
  expectRejected("drill-evaluations", header + "XM-CHZ,2023-06-02,,,良,超化镇应急办,2023-06-10\n",
                 "第2行，“演练类型”列：有 3 条演练记录与之相符，请填写演练类型",
                 "line 2, column 演练类型: 3 drills match");
  expectRejected("drill-evaluations",
                 header + "XM-CHZ,2023-06-02,flood.comprehensive,3,良,超化镇应急办,2023-06-10\n",
                 "第2行，“演练序号”列：有 2 条演练记录与之相符",
                 "line 2, column 演练序号: 2 drills match");
  expectRejected("drill-evaluations",
                 header + "XM-CHZ,2023-06-02,flood.evacuation,,良,超化镇应急办,2023-06-01\n",
                 "第2行，“评估日期”列：评估日期 2023-06-01 早于演练日期 2023-06-02",
                 "line 2, column 评估日期: 2023-06-01 is before the drill's date 2023-06-02");
  expectRejected(
      "drill-evaluations", header + "XM-CHZ,2023-06-02,flood.evacuation,,良, ,2023-06-10\n",
      "第2行，“评估人”列：评估人（或评估单位）必填", "line 2, column 评估人: is required");
  expectRejected("drill-evaluations", header + "XM-JSX,2023-05-25,,,中,尖山乡应急办,2023-06-02\n",
                 "第2行：该演练已有评估报告（评估日期 2023-06-01），是重复导入",
                 "line 2: the drill already has an evaluation report (dated 2023-06-01)");
  auto r = import(
      *db_,
      writeFile("indexed.csv",
                header + "XM-CHZ,2023-06-02,flood.comprehensive,2,中,超化镇应急办,2023-06-10\n"
                         "XM-CHZ,2023-06-02,防汛人员疏散演练,,良,超化镇应急办,2023-06-11\n"),
      "drill-evaluations");
  ASSERT_TRUE(r.isOk());
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  const auto ids = drillIds("XM-CHZ", "2023-06-02");
  ASSERT_EQ(ids.size(), 3u);
  store::DrillEvaluationRepository evaluations(db_->session());
  EXPECT_FALSE(evaluations.findByDrill(ids[0])) << "演练序号 2: not the first comprehensive drill";
  ASSERT_TRUE(evaluations.findByDrill(ids[1]));
  EXPECT_EQ(evaluations.findByDrill(ids[1])->verdict, sdk::DrillVerdict::Fair);
  ASSERT_TRUE(evaluations.findByDrill(ids[2]));
  EXPECT_EQ(evaluations.findByDrill(ids[2])->date, (sdk::Date{2023, 6, 11}));
  EXPECT_NE(exportText(*db_, "drill-evaluations", false)
                .find("XM-CHZ,2023-06-02,flood.comprehensive,2,中,超化镇应急办,2023-06-10"),
            std::string::npos)
      << "the export writes the index where the drill has rivals";
}

}  // namespace
}  // namespace beacon::testing
