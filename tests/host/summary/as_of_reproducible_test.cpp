// A report as of a date gives the same answer whenever it is run: on the demo
// city with the real plugins, every summary kind in every format and the
// compliance check as of 2023-12-31 are rendered, records dated 2024 and
// later are added through the services (drills, evaluations concluding
// 需修订, revisions issued and drafted, filings, plan-defect corrective
// actions), and everything is rendered again: byte for byte the same.
#include <gtest/gtest.h>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>

#include "app/app_context.h"
#include "build_paths.h"
#include "demo/xinmi_demo.h"
#include "rules/check_report.h"
#include "service/drill_service.h"
#include "service/plan_service.h"
#include "store/corrective_action.h"
#include "store/drill_repository.h"
#include "store/plan_repository.h"
#include "store/revision_triggers.h"
#include "summary/summary_archive.h"
#include "summary/summary_service.h"

namespace beacon::summary {
namespace {

using namespace Poco::Data::Keywords;

class AsOfReproducibleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString("beacon.database", Poco::Path(dir_).append("asof.db").toString());
    config->setString("beacon.plugins", BEACON_DEFAULT_PLUGIN_DIR);
    auto opened = app::AppContext::open(*config, true);
    ASSERT_TRUE(opened.isOk()) << opened.status().describe();
    app_ = std::move(opened.value());
    ASSERT_TRUE(demo::loadDemo(app_->db(), app_->plugins(), "xinmi-2023", actor_).isOk());
  }
  void TearDown() override {
    app_.reset();
    Poco::File(dir_).remove(true);
  }

  // Every kind × format × language as of 2023-12-31, and the check, concatenated with labels.
  std::string renderEverything() {
    std::string all;
    std::vector<SummaryRequest> requests;
    for (const char* kind : {"city-annual", "plan-status", "township", "domain", "drill-sheet"}) {
      for (const std::string& domain :
           std::string(kind) == "domain"
               ? std::vector<std::string>{"flood", "enterprise_safety", "general"}
               : std::vector<std::string>{""}) {
        SummaryRequest r;
        r.kind = kind;
        r.year = 2023;
        r.as_of = {2023, 12, 31};
        r.org_code = "xinmi.chengguan";
        r.domain = domain;
        r.drill_id = 1;
        requests.push_back(r);
      }
    }
    SummaryService service(app_->db(), app_->plugins(), app_->templates(), &app_->engine());
    for (auto r : requests) {
      for (const char* format : {"text", "markdown", "html", "json"}) {
        for (bool english : {false, true}) {
          r.format = format;
          r.english = english;
          auto out = service.render(r);
          EXPECT_TRUE(out.isOk()) << r.kind << " " << format << ": " << out.status().describe();
          all += "=== " + r.kind + " " + r.domain + " " + format + (english ? " en" : " zh") +
                 "\n" + (out.isOk() ? out.value() : out.status().describe()) + "\n";
        }
      }
    }
    rules::CheckQuery q;
    q.as_of = {2023, 12, 31};
    auto checked = app_->engine().check(q);
    EXPECT_TRUE(checked.isOk()) << checked.status().describe();
    if (checked.isOk())
      all += "=== check\n" + rules::formatCheckJson(checked.value(), q, {}, {}, false);
    return all;
  }

  sdk::RecordId firstPlan(const std::string& where) {
    Poco::Int64 id = 0;
    app_->db().session() << "SELECT COALESCE(MIN(id), 0) FROM plans WHERE " + std::string(where),
        into(id), now;
    return id;
  }

  std::unique_ptr<app::AppContext> app_;
  std::string dir_;
  store::Actor actor_{"tester"};
};

TEST_F(AsOfReproducibleTest, RecordsDatedLaterNeverChangeAReportAsOfADate) {
  const std::string before = renderEverything();
  ASSERT_FALSE(before.empty());

  service::PlanService plans(app_->db(), app_->plugins());
  store::PlanRepository repo(app_->db().session());
  // An evaluation dated 2026 concluding 需修订 on every kind of plan the rules look at.
  for (const char* where :
       {"domain = 'general' AND status = 'issued'", "domain = 'flood' AND status = 'issued'",
        "domain = 'enterprise_safety' AND status = 'issued'",
        "domain = 'fire' AND status = 'issued'", "domain = 'forest_fire' AND status = 'issued'"}) {
    const sdk::RecordId plan = firstPlan(where);
    if (plan == 0) continue;
    sdk::Review r;
    r.plan_id = plan;
    r.kind = sdk::ReviewKind::Evaluation;
    r.date = {2026, 11, 25};
    r.conclusion = sdk::ReviewConclusion::Revise;
    r.findings = "后来的评估";
    ASSERT_TRUE(plans.addReview(r, actor_).isOk());
  }
  // Revisions issued in 2024 and a draft, filings of them, and a plan-defect corrective action.
  int revised = 0;
  for (const auto& p : repo.list({})) {
    if (p.status != sdk::PlanStatus::Issued || revised >= 40) continue;
    sdk::PlanVersion v;
    v.trigger = store::trigger::kRiskChangedMajor;
    v.text = "2024年修订文本";
    service::RevisionOptions options;
    if (revised % 4 == 3) {
      options.draft = true;
    } else {
      v.issued = {2024, 3, 1 + revised % 20};
    }
    auto id = plans.revise(p.id, v, actor_, options);
    ASSERT_TRUE(id.isOk()) << p.code << ": " << id.status().describe();
    if (!options.draft) {
      sdk::Filing f;
      f.plan_id = p.id;
      f.plan_version_id = id.value();
      f.target_body = "新密市应急管理局";
      f.submitted = {2024, 4, 8};
      f.published = {2024, 4, 9};
      ASSERT_TRUE(plans.addFiling(f, actor_).isOk());
    }
    store::CorrectiveAction a;
    a.plan_id = p.id;
    a.description = "2025年发现预案缺陷";
    a.responsible_org_id = p.owner_org_id;
    a.plan_defect = true;
    ASSERT_TRUE(plans.addCorrectiveAction(a, actor_).isOk());
    ++revised;
  }
  // A late filing of a 2023 version, dated 2024 (the 2023 report still counts it as not filed).
  const sdk::RecordId unfiled =
      firstPlan("status = 'issued' AND id NOT IN (SELECT plan_id FROM filings)");
  if (unfiled != 0) {
    sdk::Filing f;
    f.plan_id = unfiled;
    f.target_body = "新密市应急管理局";
    f.submitted = {2024, 1, 15};
    ASSERT_TRUE(plans.addFiling(f, actor_).isOk());
  }
  // Drills dated 2024 and later, of every plan-linked kind the demo holds.
  std::vector<sdk::Drill> later;
  for (auto d : store::DrillRepository(app_->db().session()).list({})) {
    if (later.size() >= 300) break;
    d.id = 0;
    d.plan_version_id = 0;
    d.date = {2024 + static_cast<int>(later.size() % 3), 5, 10};
    for (auto& field : d.fields) {
      if (sdk::Date::parse(field.second)) field.second = d.date.toString();  // e.g. reported_date
    }
    later.push_back(d);
  }
  service::DrillService drills(app_->db(), app_->plugins());
  for (auto& d : later) {
    auto id = drills.log(d, actor_);
    ASSERT_TRUE(id.isOk()) << id.status().describe();
  }

  const std::string after = renderEverything();
  EXPECT_EQ(after.size(), before.size());
  if (after != before) {
    std::size_t at = 0;
    while (at < after.size() && at < before.size() && after[at] == before[at]) ++at;
    const std::size_t from = at > 300 ? at - 300 : 0;
    ADD_FAILURE() << "first difference at byte " << at << "\nbefore: " << before.substr(from, 600)
                  << "\nafter:  " << after.substr(from, 600);
  }
}

TEST_F(AsOfReproducibleTest, AnArchivedSummaryNeverChangesAndCheckSaysWhetherTodaysDataAgrees) {
  SummaryService service(app_->db(), app_->plugins(), app_->templates(), &app_->engine());
  SummaryArchive archive(app_->db(), service);
  SummaryRequest req;
  req.kind = "plan-status";
  req.as_of = {2023, 12, 31};
  req.format = "markdown";
  auto archived = archive.archive(req, actor_);
  ASSERT_TRUE(archived.isOk()) << archived.status().describe();
  EXPECT_EQ(archived.value().body, service.render(req).value());
  EXPECT_EQ(archived.value().created_by, "tester");
  EXPECT_EQ(archived.value().body_sha256.size(), 64u);
  ASSERT_EQ(archive.list().size(), 1u);
  EXPECT_EQ(archive.list()[0].id, archived.value().id);
  auto same = archive.check(archived.value().id);
  ASSERT_TRUE(same.isOk()) << same.status().describe();
  EXPECT_TRUE(same.value().same_text);
  EXPECT_TRUE(same.value().same_inputs);

  // The archive is append-only.
  auto& session = app_->db().session();
  EXPECT_THROW((session << "UPDATE summary_archives SET body = x'00'", now), Poco::Exception);
  EXPECT_THROW((session << "DELETE FROM summary_archives", now), Poco::Exception);
  EXPECT_EQ(archive.find(archived.value().id)->body, archived.value().body);

  // A record dated on or before the date (a late entry for 2023) changes today's answer, not the
  // archive.
  const sdk::RecordId plan = firstPlan("status = 'issued'");
  sdk::Review r;
  r.plan_id = plan;
  r.kind = sdk::ReviewKind::Evaluation;
  r.date = {2023, 12, 30};
  r.conclusion = sdk::ReviewConclusion::Revise;
  service::PlanService plans(app_->db(), app_->plugins());
  ASSERT_TRUE(plans.addReview(r, actor_).isOk());
  auto differs = archive.check(archived.value().id);
  ASSERT_TRUE(differs.isOk());
  EXPECT_FALSE(differs.value().same_text);
  EXPECT_FALSE(differs.value().same_inputs);
  EXPECT_EQ(archive.find(archived.value().id)->body, archived.value().body)
      << "the archive is as it was sent";
  EXPECT_EQ(archive.check(9999).status().field(), "id");
}

}  // namespace
}  // namespace beacon::summary
