// Revisions and repeated submissions over a real socket: an incomplete
// revision is refused naming its field and writes nothing, the 修订预案 page
// shows the diff and writes only on 确认修订, a draft revision leaves the plan
// in force on its issued version, and a repeated page form or API POST
// (submission token, Idempotency-Key) stores one record.
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class RevisionPagesTest : public WebFixture {
 protected:
  static int issuedPlan() {
    return count("SELECT MIN(id) FROM plans WHERE status = 'issued' AND current_version > 0");
  }
  static int versions(int plan) {
    return count("SELECT COUNT(*) FROM plan_versions WHERE plan_id = " + std::to_string(plan));
  }
  static int current(int plan) {
    return count("SELECT current_version FROM plans WHERE id = " + std::to_string(plan));
  }
  static bool issued(int plan) {
    return count("SELECT COUNT(*) FROM plans WHERE status = 'issued' AND id = " +
                 std::to_string(plan)) == 1;
  }
  static std::string revisePath(int plan) { return "/plans/" + std::to_string(plan) + "/revise"; }
};

TEST_F(RevisionPagesTest, AnIncompleteRevisionIsRefusedNamingTheFieldAndWritesNothing) {
  Login admin = login("admin");
  const int plan = issuedPlan();
  ASSERT_GT(plan, 0);
  const int before = versions(plan), in_force = current(plan);
  Reply empty = postMultipart(admin, revisePath(plan),
                         {{"trigger", ""}, {"issued", ""}, {"effective", ""}, {"text", ""}});
  EXPECT_EQ(empty.status, 422) << "an empty 修订预案 form is not a revision";
  EXPECT_NE(empty.body.find("id=\"error-trigger\""), std::string::npos);
  Reply no_date =
      postMultipart(admin, revisePath(plan),
               {{"trigger", "risk_changed_major"}, {"text", "新正文"}, {"confirm", "1"}});
  EXPECT_EQ(no_date.status, 422);
  EXPECT_NE(no_date.body.find("id=\"error-issued\""), std::string::npos);
  Reply no_text =
      postMultipart(admin, revisePath(plan),
               {{"trigger", "risk_changed_major"}, {"issued", "2024-06-01"}, {"confirm", "1"}});
  EXPECT_EQ(no_text.status, 422);
  EXPECT_NE(no_text.body.find("id=\"error-text\""), std::string::npos);
  Reply dated_draft = postMultipart(admin, revisePath(plan),
                               {{"trigger", "risk_changed_major"},
                                {"issued", "2024-06-01"},
                                {"draft", "1"},
                                {"text", "x"},
                                {"confirm", "1"}});
  EXPECT_EQ(dated_draft.status, 422);
  EXPECT_NE(dated_draft.body.find("id=\"error-issued\""), std::string::npos);
  EXPECT_EQ(versions(plan), before);
  EXPECT_EQ(current(plan), in_force);
  EXPECT_TRUE(issued(plan)) << "the plan stays 现行有效";

  const std::string base = "/api/v1/plans/" + std::to_string(plan) + "/versions";
  EXPECT_EQ(
      send(admin, "POST", base, R"({"trigger":"risk_changed_major","text":"x"})").errorField(),
      "issued");
  EXPECT_EQ(send(admin, "POST", base, R"({"trigger":"risk_changed_major","issued":"2024-06-01"})")
                .errorField(),
            "text");
  EXPECT_EQ(send(admin, "POST", base, R"({"issued":"2024-06-01","text":"x"})").errorField(),
            "trigger");
  EXPECT_EQ(versions(plan), before);
}

TEST_F(RevisionPagesTest, ThePageShowsTheDiffAndOnlyTheConfirmedSubmitWrites) {
  Login admin = login("admin");
  const int plan = issuedPlan();
  const int before = versions(plan);
  const std::map<std::string, std::string> fields = {{"trigger", "command_structure_changed"},
                                                     {"issued", "2024-06-03"},
                                                     {"text", "第一章 总则\n新增第九章 附则\n"}};
  Reply preview = postMultipart(admin, revisePath(plan), fields);
  ASSERT_EQ(preview.status, 200) << preview.body.substr(0, 2000);
  EXPECT_NE(preview.body.find("id=\"revise-diff\""), std::string::npos);
  EXPECT_NE(preview.body.find("+新增第九章 附则"), std::string::npos)
      << "the diff against the version in force";
  EXPECT_NE(preview.body.find("id=\"confirm-revise\""), std::string::npos);
  EXPECT_NE(preview.body.find("name=\"confirm\" value=\"1\""), std::string::npos);
  EXPECT_EQ(versions(plan), before) << "the preview writes nothing";

  auto confirmed_fields = fields;
  confirmed_fields["confirm"] = "1";
  Reply confirmed = postMultipart(admin, revisePath(plan), confirmed_fields);
  ASSERT_EQ(confirmed.status, 303) << confirmed.body.substr(0, 2000);
  EXPECT_EQ(versions(plan), before + 1);
  EXPECT_EQ(current(plan),
            count("SELECT MAX(number) FROM plan_versions WHERE plan_id = " + std::to_string(plan)));
  EXPECT_TRUE(issued(plan));
}

TEST_F(RevisionPagesTest, ADraftRevisionLeavesThePlanInForceOnItsIssuedVersion) {
  Login admin = login("admin");
  const int plan = issuedPlan();
  const int before = versions(plan), in_force = current(plan);
  Reply draft = postMultipart(
      admin, revisePath(plan),
      {{"trigger", "risk_changed_major"}, {"draft", "1"}, {"text", "修订稿\n"}, {"confirm", "1"}});
  ASSERT_EQ(draft.status, 303) << draft.body.substr(0, 2000);
  EXPECT_EQ(versions(plan), before + 1) << "the draft is kept";
  EXPECT_EQ(current(plan), in_force) << "but does not replace the version in force";
  EXPECT_TRUE(issued(plan)) << "and the plan does not turn 编制中";
  Reply page = get(admin, "/plans/" + std::to_string(plan));
  EXPECT_NE(page.body.find("已印发"), std::string::npos);

  // Issuing a later revision makes it the version in force.
  Reply api = send(admin, "POST", "/api/v1/plans/" + std::to_string(plan) + "/versions",
                   R"({"trigger":"risk_changed_major","issued":"2024-07-01","text":"印发稿"})");
  ASSERT_EQ(api.status, 201) << api.body;
  EXPECT_EQ(current(plan), api.json()->getValue<int>("number"));
  EXPECT_EQ(current(plan), before + 2);
}

TEST_F(RevisionPagesTest, EveryPageFormCarriesItsOwnSubmissionToken) {
  Login admin = login("admin");
  Reply page = get(admin, "/plans/" + std::to_string(issuedPlan()));
  ASSERT_EQ(page.status, 200);
  std::regex token("name=\"submit_token\" value=\"([0-9a-f]{32})\"");
  std::set<std::string> seen;
  int forms = 0;
  for (std::sregex_iterator it(page.body.begin(), page.body.end(), token), end; it != end;
       ++it, ++forms) {
    seen.insert((*it)[1]);
  }
  // The forms an issued plan shows (PlanLifecycle::allowedSteps): filing, publish, evaluation,
  // revise and abolish.
  EXPECT_EQ(forms, 5) << "every form of the plan page";
  EXPECT_EQ(seen.size(), 5u) << "one token per form";
}

TEST_F(RevisionPagesTest, ADoubleSubmittedFormStoresOneRecord) {
  Login admin = login("admin");
  const int plan = issuedPlan();
  const std::string reviews =
      "SELECT COUNT(*) FROM reviews WHERE plan_id = " + std::to_string(plan);
  const int before = count(reviews);
  const std::map<std::string, std::string> fields = {
      {"submit_token", "0123456789abcdef0123456789abcdef"},
      {"kind", "evaluation"},  // 继续有效 is an evaluation's conclusion (a 评审 of an issued version is refused)
      {"date", "2024-05-06"},
      {"conclusion", "keep"}};
  const std::string path = "/plans/" + std::to_string(plan) + "/reviews";
  Reply first = postMultipart(admin, path, fields);
  ASSERT_EQ(first.status, 303) << first.body.substr(0, 2000);
  Reply second = postMultipart(admin, path, fields);
  EXPECT_EQ(second.status, 303);
  EXPECT_EQ(second.headers["Location"], first.headers["Location"]);
  EXPECT_EQ(second.headers["Idempotent-Replayed"], "true");
  EXPECT_EQ(count(reviews), before + 1) << "a double click stores one review";

  auto changed = fields;
  changed["date"] = "2024-05-07";
  Reply other = postMultipart(admin, path, changed);
  EXPECT_EQ(other.status, 409);
  EXPECT_EQ(count(reviews), before + 1);
  EXPECT_NE(other.body.find("submit_token"), std::string::npos);
}

TEST_F(RevisionPagesTest, AnIdempotencyKeyReplaysTheFirstAnswer) {
  const std::string token = apiToken("admin");
  const int plan = issuedPlan();
  const std::string path = "/api/v1/plans/" + std::to_string(plan) + "/reviews";
  const std::string reviews =
      "SELECT COUNT(*) FROM reviews WHERE plan_id = " + std::to_string(plan);
  const int before = count(reviews);
  const std::string body = R"({"kind":"evaluation","date":"2024-05-08","conclusion":"keep"})";
  auto post = [&](const std::string& key, const std::string& json, const std::string& bearer) {
    return request("POST", path, json, "application/json",
                   {{"Authorization", "Bearer " + bearer}, {"Idempotency-Key", key}});
  };
  Reply first = post("retry-1", body, token);
  ASSERT_EQ(first.status, 201) << first.body;
  Reply again = post("retry-1", body, token);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body) << "the same stored answer";
  EXPECT_EQ(again.headers["Idempotent-Replayed"], "true");
  EXPECT_EQ(count(reviews), before + 1);

  Reply different =
      post("retry-1", R"({"kind":"evaluation","date":"2024-05-09","conclusion":"keep"})", token);
  EXPECT_EQ(different.status, 422);
  EXPECT_EQ(different.errorField(), "Idempotency-Key");
  EXPECT_EQ(count(reviews), before + 1);

  Reply other_user = post("retry-1", body, apiToken("town"));
  EXPECT_NE(other_user.body, first.body) << "keys belong to one user";
  EXPECT_EQ(post(std::string(300, 'k'), body, token).errorField(), "Idempotency-Key");

  // A refused request is replayed as refused, and still writes nothing.
  Reply bad = post("retry-2", R"({"kind":"evaluation"})", token);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(post("retry-2", R"({"kind":"evaluation"})", token).body, bad.body);
}

TEST_F(RevisionPagesTest, ASecondFilingWithTheSameRegistrationNumberIsRefused) {
  Login admin = login("admin");
  const int plan = issuedPlan();
  const std::string path = "/api/v1/plans/" + std::to_string(plan) + "/filings";
  const std::string filings =
      "SELECT COUNT(*) FROM filings WHERE plan_id = " + std::to_string(plan);
  const std::string body =
      R"({"target_body":"郑州市应急管理局","submitted":"2024-08-01","registration_no":"ZZ-2024-77"})";
  Reply first = send(admin, "POST", path, body);
  ASSERT_EQ(first.status, 201) << first.body;
  const int after_first = count(filings);
  Reply second = send(admin, "POST", path, body);
  EXPECT_EQ(second.status, 422);
  EXPECT_EQ(second.errorField(), "registration_no");
  EXPECT_EQ(count(filings), after_first);
}

TEST_F(RevisionPagesTest, SummariesAreArchivedListedDownloadedAndChecked) {
  Login admin = login("admin");
  const std::string query = "kind=city-annual&year=2023&format=text";
  Reply archived = send(admin, "POST", "/api/v1/summaries/archive?" + query, "");
  ASSERT_EQ(archived.status, 201) << archived.body;
  const auto id = archived.json()->getValue<Poco::Int64>("id");
  EXPECT_EQ(archived.json()->getValue<std::string>("created_by"), "admin");
  const std::string href = "/api/v1/summaries/archive/" + std::to_string(id);
  Reply content = get(admin, href);
  ASSERT_EQ(content.status, 200);
  EXPECT_EQ(content.body, get(admin, "/api/v1/summaries?" + query).body)
      << "the output as it was rendered";
  EXPECT_EQ(content.headers["X-Beacon-Sha256"], archived.json()->getValue<std::string>("sha256"));
  Reply list = get(admin, "/api/v1/summaries/archive");
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(list.json()->getArray("items")->size(), 1u);
  Reply check = get(admin, href + "/check");
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_TRUE(check.json()->getValue<bool>("same_text"));
  EXPECT_EQ(get(admin, "/api/v1/summaries/archive/99999").status, 404);

  Login viewer = login("viewer");
  EXPECT_EQ(send(viewer, "POST", "/api/v1/summaries/archive?" + query, "").status, 403);
  Login village = login("village");
  EXPECT_EQ(get(village, href).status, 403) << "a city-wide archive needs a city-wide account";

  Reply page = get(admin, "/summaries?" + query);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"summary-archive\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"archive-" + std::to_string(id) + "\""), std::string::npos);
  const int before = count("SELECT COUNT(*) FROM summary_archives");
  Reply button = postMultipart(admin, "/summaries/archive?" + query, {});
  EXPECT_EQ(button.status, 303) << button.body.substr(0, 2000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM summary_archives"), before + 1);
}

}  // namespace
}  // namespace beacon::http::testing
