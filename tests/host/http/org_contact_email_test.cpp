// The organisation form's optional contact address (the daily digest's, migration 46): a bad
// address refused by its field in zh-CN with what was typed kept and nothing written, a good one
// stored, shown again on the edit form and audited; and the address in every organisation the
// API reads (list, tree, one).
#include "host/http/web_fixture.h"
#include "store/organisation_contacts.h"

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

// The first organisation object with `code` in an API array (tree nodes searched depth-first).
Poco::JSON::Object::Ptr findByCode(const Poco::JSON::Array::Ptr& items, const std::string& code) {
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto item = items->getObject(static_cast<unsigned>(i));
    if (item->getValue<std::string>("code") == code) return item;
    if (item->has("children")) {
      if (auto found = findByCode(item->getArray("children"), code)) return found;
    }
  }
  return nullptr;
}

TEST_F(OrgContactEmailTest, EveryApiReadOfAnOrganisationCarriesTheAddress) {
  const Login town = login("town");
  const sdk::RecordId id = orgId("xinmi.chengguan.05");
  store::setOrganisationContactEmail(app_->db().session(), id, "wucun@xinmi.example.cn",
                                     store::Actor{"test"});
  auto one = get(town, "/api/v1/organisations/" + std::to_string(id));
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json()->getValue<std::string>("contact_email"), "wucun@xinmi.example.cn");

  auto list = get(town, "/api/v1/organisations");
  ASSERT_EQ(list.status, 200) << list.body;
  auto listed = findByCode(list.json()->getArray("items"), "xinmi.chengguan.05");
  ASSERT_TRUE(listed) << list.body;
  EXPECT_EQ(listed->getValue<std::string>("contact_email"), "wucun@xinmi.example.cn");
  auto without = findByCode(list.json()->getArray("items"), "xinmi.chengguan.06");
  ASSERT_TRUE(without);
  ASSERT_TRUE(without->has("contact_email"));
  EXPECT_EQ(without->getValue<std::string>("contact_email"), "");

  auto tree = get(town, "/api/v1/organisations/tree");
  ASSERT_EQ(tree.status, 200) << tree.body;
  auto node = findByCode(tree.json()->getArray("roots"), "xinmi.chengguan.05");
  ASSERT_TRUE(node) << tree.body;
  EXPECT_EQ(node->getValue<std::string>("contact_email"), "wucun@xinmi.example.cn");

  store::setOrganisationContactEmail(app_->db().session(), id, "", store::Actor{"test"});
  EXPECT_EQ(get(town, "/api/v1/organisations/" + std::to_string(id))
                .json()
                ->getValue<std::string>("contact_email"),
            "")
      << "a cached answer is not kept past the change";
}

}  // namespace
}  // namespace beacon::http::testing
