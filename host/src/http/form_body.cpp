#include "http/form_body.h"

#include <sstream>

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include "http/http_error.h"

namespace beacon::http {

namespace {

class CollectingPartHandler : public Poco::Net::PartHandler {
 public:
  explicit CollectingPartHandler(std::vector<UploadedFile>& files) : files_(files) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    UploadedFile f;
    std::string disposition;
    Poco::Net::NameValueCollection params;
    if (header.has("Content-Disposition")) {
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition, params);
    }
    f.field = params.get("name", "");
    f.filename = params.get("filename", "");
    f.content_type = header.get("Content-Type", "application/octet-stream");
    Poco::StreamCopier::copyToString(stream, f.data);
    files_.push_back(std::move(f));
  }

 private:
  std::vector<UploadedFile>& files_;
};

}  // namespace

bool isMultipartForm(const std::string& content_type) {
  return content_type.rfind("multipart/form-data", 0) == 0;
}

void loadFormBody(const Poco::Net::HTTPRequest& request, const std::string& body, Poco::Net::HTMLForm& form,
                  std::vector<UploadedFile>& files) {
  form.setFieldLimit(kFormFieldLimit);
  std::istringstream in(body);
  try {
    if (isMultipartForm(request.getContentType())) {
      CollectingPartHandler handler(files);
      form.load(request, in, handler);
    } else {
      form.load(request, in);
    }
  } catch (const Poco::Exception& e) {
    throw HttpError::badRequest("malformed form: " + e.message());
  }
}

}  // namespace beacon::http
