// multipart_form_fuzzer: the server's form reader (http::loadFormBody:
// Poco::Net::HTMLForm with the part handler that spools uploaded files to
// temporary files) on arbitrary requests. The input is: line 1, the Content-Type header;
// line 2, the request target (path and query string); the rest, the body.
// The contract checked: bad input is HttpError 400 (413 past the limit) and nothing else; the
// fields stay within the limit and the files within the body.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>

#include "http/form_body.h"
#include "http/http_error.h"

using namespace beacon;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "multipart_form_fuzzer: %s\n", what.c_str());
  std::abort();
}

// Takes the text up to the next LF (or the end) off the front of `rest`.
std::string takeLine(std::string& rest) {
  const auto lf = rest.find('\n');
  std::string line = rest.substr(0, lf);
  rest = lf == std::string::npos ? std::string() : rest.substr(lf + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string body(reinterpret_cast<const char*>(data), size);
  const std::string content_type = takeLine(body);
  std::string target = takeLine(body);
  if (target.empty()) target = "/drills/new";

  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/", Poco::Net::HTTPMessage::HTTP_1_1);
  try {
    request.setURI(target);
    request.setContentType(content_type);
  } catch (const Poco::Exception&) {
    return 0;  // not a request a client could send (the server's parser would refuse it)
  }
  request.setContentLength(static_cast<std::streamsize>(body.size()));

  // Temporary files of the spooled parts go under the system's temporary folder.
  static const std::string spool_dir = Poco::Path::temp() + "beacon-multipart-fuzzer";
  Poco::Net::HTMLForm form;
  std::vector<http::UploadedFile> files;
  struct RemoveSpooled {
    std::vector<http::UploadedFile>& files;
    ~RemoveSpooled() {
      for (const auto& f : files) {
        if (!f.temp_path.empty()) std::remove(f.temp_path.c_str());
      }
    }
  } remove_spooled{files};
  std::istringstream in(body);
  try {
    http::loadFormBody(request, in, body.size() + 1, spool_dir, form, files);
  } catch (const http::HttpError& e) {
    if (e.status() != 400 && e.status() != 413) fail("loadFormBody threw HttpError " + std::to_string(e.status()));
    return 0;
  } catch (const Poco::Exception& e) {
    fail("loadFormBody threw " + e.displayText());
  } catch (const std::exception& e) {
    fail(std::string("loadFormBody threw ") + typeid(e).name() + ": " + e.what());
  }

  if (form.size() > static_cast<std::size_t>(http::kFormFieldLimit)) {
    fail("the form has " + std::to_string(form.size()) + " fields, above the limit");
  }
  std::size_t file_bytes = 0;
  for (const auto& f : files) file_bytes += static_cast<std::size_t>(f.size);
  if (file_bytes > body.size()) fail("the files hold more bytes than the body");
  // What the handlers read next.
  (void)form.get("csrf_token", "");
  for (const auto& [name, value] : form) (void)form.get(name, value);
  return 0;
}
