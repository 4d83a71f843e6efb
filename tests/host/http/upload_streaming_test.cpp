// Multipart uploads are streamed to a temporary file under
// web.attachments_dir/incoming and hashed on the way (bench/bench_uploads
// measures the memory): a multi-megabyte file comes back byte for byte under
// its SHA-256, a file larger than the sniffing head is typed from its head,
// and neither a stored nor a refused (wrong type, too large) upload leaves a
// temporary file behind.
#include <chrono>
#include <thread>

#include <Poco/DigestEngine.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/SHA2Engine.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class UploadStreamingTest : public WebFixture {
 protected:
  // Temporary files are removed when the request ends, just after the answer
  // went out: waits up to 2 s for the folder to empty.
  static int incomingFiles() {
    for (int i = 0; i < 100 && countIncoming() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return countIncoming();
  }
  static int countIncoming() {
    const Poco::File incoming(Poco::Path(dir_).append("attachments").append("incoming"));
    if (!incoming.exists()) return 0;
    int n = 0;
    for (Poco::DirectoryIterator it(incoming), end; it != end; ++it) ++n;
    return n;
  }
  static std::string firstDrillOf(const Login& who) {
    Reply list = get(who, "/api/v1/drills?limit=1");
    return std::to_string(list.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id"));
  }
};

TEST_F(UploadStreamingTest, LargeUploadIsStoredByteForByteUnderItsHash) {
  Login village = login("village");
  const std::string drill = firstDrillOf(village);
  std::string pdf = "%PDF-1.4\n";
  for (int i = 0; pdf.size() < 3 * 1024 * 1024; ++i) pdf += "line " + std::to_string(i * 7919 % 100003) + "\n";
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(pdf);
  const std::string hash = Poco::DigestEngine::digestToHex(sha.digest());
  std::string body;
  const std::string type = multipartBody({{"csrf_token", village.csrf}}, "evidence", "big.pdf", "application/pdf", pdf, body);
  Reply r = request("POST", "/drills/" + drill + "/attachments", body, type,
                    {{"Cookie", "beacon_session=" + village.cookie}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 300);
  ASSERT_EQ(count("SELECT COUNT(*) FROM attachments WHERE sha256 = '" + hash + "' AND size = " +
                  std::to_string(pdf.size())),
            1);
  const int id = count("SELECT id FROM attachments WHERE sha256 = '" + hash + "'");
  Reply download = get(village, "/attachments/" + std::to_string(id));
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.content_type, "application/pdf");
  EXPECT_TRUE(download.body == pdf);
  EXPECT_EQ(incomingFiles(), 0);
}

TEST_F(UploadStreamingTest, RefusedUploadsLeaveNoTemporaryFile) {
  Login village = login("village");
  const std::string drill = firstDrillOf(village);
  const int before = count("SELECT COUNT(*) FROM attachments");
  std::string body;
  std::string type = multipartBody({{"csrf_token", village.csrf}}, "evidence", "tool.exe", "image/jpeg",
                                   std::string("MZ\x90\x00", 4) + std::string(300 * 1024, 'x'), body);
  Reply wrong = request("POST", "/drills/" + drill + "/attachments", body, type,
                        {{"Cookie", "beacon_session=" + village.cookie}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(incomingFiles(), 0);
  // Past web.max_upload_bytes without a Content-Length to refuse it up front (chunked): 413 while streaming.
  Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
  session.setTimeout(Poco::Timespan(20, 0));
  Poco::Net::HTTPRequest req("POST", "/drills/" + drill + "/attachments", Poco::Net::HTTPMessage::HTTP_1_1);
  req.set("Cookie", "beacon_session=" + village.cookie);
  type = multipartBody({{"csrf_token", village.csrf}}, "evidence", "huge.pdf", "application/pdf",
                       "%PDF-1.4\n" + std::string(20 * 1024 * 1024 + 100 * 1024, 'x'), body);
  req.setContentType(type);
  req.setChunkedTransferEncoding(true);
  session.sendRequest(req) << body;
  Poco::Net::HTTPResponse resp;
  Reply big = receiveReply(session, resp);
  EXPECT_EQ(big.status, 413) << big.body.substr(0, 300);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attachments"), before);
  EXPECT_EQ(incomingFiles(), 0);
}

}  // namespace
}  // namespace beacon::http::testing
