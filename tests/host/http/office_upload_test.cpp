// A .docx upload must be a Word package (issue 9, item 8): a ZIP of HTML
// named .docx, or a ZIP whose [Content_Types].xml declares no Word main
// document, is refused 422 naming the file field with nothing stored; a real
// DOCX (Beacon's own annual report) is accepted.
#include <sstream>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>

#include "http/office_package.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

std::string zipOf(const std::map<std::string, std::string>& parts) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, content] : parts) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
  return out.str();
}

std::string contentTypes(const std::string& part, const std::string& type) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
         R"(<Default Extension="xml" ContentType="application/xml"/><Override PartName=")" +
         part + R"(" ContentType=")" + type + R"("/></Types>)";
}

const std::string kHtml = "<html><body><script>alert(document.cookie)</script></body></html>";

TEST(OfficePackageTest, OnlyAPackageDeclaringAPresentWordMainDocumentIsWord) {
  EXPECT_TRUE(isWordPackage(
      zipOf({{"[Content_Types].xml", contentTypes("/word/document.xml", kWordMainDocumentType)},
             {"word/document.xml", "<w:document/>"}})));
  EXPECT_FALSE(isWordPackage(zipOf({{"word/index.html", kHtml}})));
  EXPECT_FALSE(
      isWordPackage(zipOf({{"[Content_Types].xml", contentTypes("/word/index.html", "text/html")},
                           {"word/index.html", kHtml}})));
  // Declared, but the part is not there.
  EXPECT_FALSE(isWordPackage(
      zipOf({{"[Content_Types].xml", contentTypes("/word/document.xml", kWordMainDocumentType)},
             {"word/index.html", kHtml}})));
  // The right words in the wrong namespace, or not XML at all.
  EXPECT_FALSE(isWordPackage(zipOf(
      {{"[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\"" +
                                   std::string(kWordMainDocumentType) + "\"/></Types>"},
       {"word/document.xml", "<w:document/>"}})));
  EXPECT_FALSE(isWordPackage(zipOf({{"[Content_Types].xml", kHtml}, {"word/document.xml", "x"}})));
  EXPECT_FALSE(isWordPackage("PK\x03\x04 not really a zip"));
  EXPECT_FALSE(isWordPackage(""));
}

class OfficeUploadTest : public WebFixture {
 protected:
  static Reply upload(const Login& who, const std::string& drill, const std::string& filename,
                      const std::string& data) {
    std::string body;
    const std::string type = multipartBody(
        {{"csrf_token", who.csrf}}, "evidence", filename,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", data, body);
    return request("POST", "/drills/" + drill + "/attachments", body, type,
                   {{"Cookie", "beacon_session=" + who.cookie}, {"Accept", "application/json"}});
  }
};

TEST_F(OfficeUploadTest, AZipOfHtmlNamedDocxIsRefusedNamingTheField) {
  Login village = login("village");
  Reply drill = send(
      village, "POST", "/api/v1/drills",
      R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-03","fields":{"hazard":"river"}})");
  ASSERT_EQ(drill.status, 201) << drill.body;
  const std::string id = drill.json()->getValue<std::string>("id");
  const int before = count("SELECT COUNT(*) FROM attachments");
  for (const std::string& fake :
       {zipOf({{"word/index.html", kHtml}}),
        zipOf({{"[Content_Types].xml", contentTypes("/word/index.html", "text/html")},
               {"word/index.html", kHtml}})}) {
    Reply refused = upload(village, id, "评估报告.docx", fake);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.errorField(), "evidence");
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM attachments"), before);

  Reply docx = get(login("admin"), "/api/v1/summaries?kind=city-annual&year=2023&format=docx");
  ASSERT_EQ(docx.status, 200);
  Reply accepted = upload(village, id, "年度报告.docx", docx.body);
  EXPECT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM attachments WHERE owner_kind = 'drill' AND owner_id = " + id +
            " AND media_type = "
            "'application/vnd.openxmlformats-officedocument.wordprocessingml.document'"),
      1);
}

}  // namespace
}  // namespace beacon::http::testing
