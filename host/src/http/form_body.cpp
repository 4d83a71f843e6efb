#include "http/form_body.h"

#include <algorithm>
#include <climits>

#include <Poco/Exception.h>

#include "http/http_error.h"
#include "http/upload_spool.h"

namespace beacon::http {

bool isMultipartForm(const std::string& content_type) {
  return content_type.rfind("multipart/form-data", 0) == 0;
}

void loadFormBody(const Poco::Net::HTTPRequest& request, std::istream& body, std::size_t max_bytes,
                  const std::string& spool_dir, Poco::Net::HTMLForm& form, std::vector<UploadedFile>& files) {
  form.setFieldLimit(kFormFieldLimit);
  // Read as if the URI had no query: the fields are the body's alone.
  Poco::Net::HTTPRequest body_only(request.getMethod(), "/", request.getVersion());
  body_only.setContentType(request.getContentType());
  try {
    if (isMultipartForm(request.getContentType())) {
      form.setValueLengthLimit(static_cast<int>(std::min<std::size_t>(max_bytes, INT_MAX)));
      LimitedInputBuf limited(body, max_bytes);
      std::istream in(&limited);
      UploadSpool spool(files, spool_dir);
      try {
        form.load(body_only, in, spool);
      } catch (const Poco::Exception&) {
        if (!limited.exceeded()) throw;
      }
      if (limited.exceeded()) {
        throw HttpError::tooLarge("the request body is larger than " + std::to_string(max_bytes) + " bytes");
      }
    } else {
      form.load(body_only, body);
    }
  } catch (const HttpError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw HttpError::badRequest("malformed form: " + e.message());
  }
}

}  // namespace beacon::http
