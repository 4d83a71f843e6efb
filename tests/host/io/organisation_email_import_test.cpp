// The organisations ledger's optional 联系邮箱 / contact_email column: checked like the web
// form's (a bad address names line and column, nothing written), stored and audited, exported,
// and carried through a CSV and an .xlsx round trip.
#include <fstream>
#include <sstream>

#include <Poco/Data/Session.h>
#include <Poco/File.h>

#include "host/service/service_fixture.h"
#include "io/csv_exporter.h"
#include "io/csv_importer.h"
#include "io/xlsx_exporter.h"
#include "store/organisation_contacts.h"
#include "store/organisation_repository.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {
namespace {

const std::string kHeader = "组织编码,组织名称,类型,上级编码,联系邮箱\n";

class OrganisationEmailImportTest : public ServiceFixture {
 protected:
  OrganisationEmailImportTest() { seed_ = false; }

  sdk::Result<io::ImportReport> import(store::Database& db, const std::string& path, bool english) {
    io::ImportOptions o;
    o.kind = "organisations";
    o.english = english;
    return io::importFile(db, registry_, path, o, actor_);
  }

  std::string exportText(store::Database& db, bool english) {
    std::ostringstream out;
    sdk::Status s = io::exportCsv(db, registry_, "organisations", out, english);
    EXPECT_TRUE(s.isOk()) << s.describe();
    return out.str();
  }

  std::string emailOf(store::Database& db, const std::string& code) {
    auto org = store::OrganisationRepository(db.session()).findByCode(code);
    EXPECT_TRUE(org) << code;
    return org ? store::organisationContactEmail(db.session(), org->id) : std::string();
  }

  std::unique_ptr<store::Database> otherDatabase(const std::string& name) {
    const std::string other_dir = dir_ + "/" + name;
    Poco::File(other_dir).createDirectories();
    auto other = std::make_unique<store::Database>(other_dir + "/copy.db");
    other->migrate();
    return other;
  }
};

TEST_F(OrganisationEmailImportTest, ABadAddressNamesLineAndColumnAndWritesNothing) {
  const std::string before = closedFileHash();
  const std::string bytes = kHeader +
                            "A,甲市,市,,office@a.example.cn\n"
                            "B,乙镇,乡镇,A,b at example\n";
  for (bool english : {false, true}) {
    auto r = import(*db_, writeFile("bad.csv", bytes), english);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_EQ(r.value().errors.size(), 1u);
    const std::string want =
        english ? "line 3, column 联系邮箱: \"b at example\" is not an e-mail address"
                : "“b at example”不是有效的电子邮箱地址";
    EXPECT_NE(r.value().errors[0].find(want), std::string::npos) << r.value().errors[0];
    if (!english) {
      EXPECT_NE(r.value().errors[0].find("联系邮箱"), std::string::npos) << r.value().errors[0];
    }
  }
  EXPECT_EQ(closedFileHash(), before) << "the database file changed";
}

TEST_F(OrganisationEmailImportTest, AGoodAddressIsStoredAuditedAndExported) {
  auto r = import(*db_,
                  writeFile("good.csv", kHeader + "A,甲市,市,,office@a.example.cn\n"
                                                  "B,乙镇,乡镇,A,\n"),
                  false);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  EXPECT_EQ(emailOf(*db_, "A"), "office@a.example.cn");
  EXPECT_EQ(emailOf(*db_, "B"), "");
  const auto a = store::OrganisationRepository(db_->session()).findByCode("A");
  int audited = 0;
  db_->session()
      << "SELECT COUNT(*) FROM audit_log WHERE entity = 'organisation' AND entity_id = $1"
         " AND action = 'update' AND after_json LIKE '%office@a.example.cn%'",
      bind(static_cast<Poco::Int64>(a->id)), into(audited), now;
  EXPECT_EQ(audited, 1);

  const std::string zh = exportText(*db_, false);
  EXPECT_NE(zh.find("上级编码,联系邮箱"), std::string::npos) << zh;
  EXPECT_NE(zh.find("office@a.example.cn"), std::string::npos) << zh;
  EXPECT_NE(exportText(*db_, true).find("parent_code,contact_email"), std::string::npos);
}

TEST_F(OrganisationEmailImportTest, CsvAndXlsxRoundTripsKeepTheAddress) {
  ASSERT_TRUE(import(*db_,
                     writeFile("orgs.csv", kHeader + "A,甲市,市,,office@a.example.cn\n"
                                                     "B,乙镇,乡镇,A,b@b.example.cn\n"
                                                     "C,丙村,村,B,\n"),
                     false)
                  .value()
                  .errors.empty());
  for (bool english : {false, true}) {
    SCOPED_TRACE(english ? "english" : "chinese");
    const std::string text = exportText(*db_, english);
    auto other = otherDatabase(english ? "csv-en" : "csv-zh");
    auto r = import(*other, writeFile(english ? "en.csv" : "zh.csv", text), false);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
    EXPECT_EQ(emailOf(*other, "B"), "b@b.example.cn");
    EXPECT_EQ(exportText(*other, english), text);
  }
  const std::string xlsx = dir_ + "/organisations.xlsx";
  {
    std::ofstream out(xlsx, std::ios::binary);
    ASSERT_TRUE(io::exportXlsx(*db_, registry_, "organisations", out, false, false).isOk());
  }
  auto other = otherDatabase("xlsx");
  auto r = import(*other, xlsx, false);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  ASSERT_TRUE(r.value().errors.empty()) << r.value().errors.front();
  EXPECT_EQ(emailOf(*other, "A"), "office@a.example.cn");
  EXPECT_EQ(exportText(*other, false), exportText(*db_, false));
}

}  // namespace
}  // namespace beacon::testing
