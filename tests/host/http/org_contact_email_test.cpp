// The organisation form's optional contact address (the daily digest's, migration 46): a bad
// address refused by its field in zh-CN with what was typed kept and nothing written, a good one
// stored, shown again on the edit form and audited.
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class OrgContactEmailTest : public WebFixture {};

TEST_F(OrgContactEmailTest, CheckedStoredAndShown) {
  const Login town = login("town");
  const std::string id = std::to_string(orgId("xinmi.chengguan.04"));
  const std::string path = "/organisations/" + id + "/edit";
  Reply form = get(town, path);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(has(form, "id=\"contact_email\""));
  const auto org = get(town, "/api/v1/organisations/" + id).json();
  std::map<std::string, std::string> fields = {
      {"name", org->getValue<std::string>("name")},
      {"kind", org->getValue<std::string>("kind")},
      {"parent_id", std::to_string(orgId("xinmi.chengguan"))}};
  fields["contact_email"] = "rentang at example";
  Reply bad = postForm(town, path, fields);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "id=\"error-contact_email\"")) << bad.body;
  EXPECT_TRUE(has(bad, "“联系邮箱”不是有效的电子邮箱地址")) << bad.body;
  EXPECT_TRUE(has(bad, "value=\"rentang at example\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE contact_email <> '' AND id = " + id),
            0);
  fields["contact_email"] = "rentang@xinmi.example.cn";
  Reply ok = postForm(town, path, fields);
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM organisations WHERE contact_email = 'rentang@xinmi.example.cn'"
            " AND id = " +
            id),
      1);
  EXPECT_TRUE(has(get(town, path), "value=\"rentang@xinmi.example.cn\""));
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'organisation' AND entity_id = " +
                  id + " AND after_json LIKE '%rentang@xinmi.example.cn%'"),
            1);
}

}  // namespace
}  // namespace beacon::http::testing
