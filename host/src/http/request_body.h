// RequestBody: what a request carries: its raw body, read once and at most web.max_body_bytes
// (web.max_upload_bytes on an upload route; 413 beyond), the body as a JSON object, and the
// form: the fields of a urlencoded or multipart body, then the query's (never its csrf_token),
// with the CSRF check of a session-authenticated POST, and the multipart form's file parts
// spooled to temporary files that are removed when the request ends (unless
// AttachmentStore::addUpload took them). Per request, on its worker thread; not shared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>

#include "http/request_caller.h"
#include "http/uploaded_file.h"
#include "http/web_state.h"

namespace beacon::http {

class RequestBody {
 public:
  // `path`: the request's (its route says whether it is an upload); `caller`: whose session's
  // CSRF token a form must carry; `english`: the language of the CSRF refusal.
  RequestBody(WebState& state, Poco::Net::HTTPServerRequest& request, const std::string& path,
              const RequestCaller& caller, bool english)
      : state_(state), request_(request), path_(path), caller_(caller), english_(english) {}
  RequestBody(const RequestBody&) = delete;
  RequestBody& operator=(const RequestBody&) = delete;
  ~RequestBody();

  // The raw body (413 beyond the limit).
  const std::string& body();
  // The body as a JSON object; 400 when it is not one.
  Poco::JSON::Object::Ptr jsonBody();
  // The form fields of a urlencoded or multipart body (and the query).
  // Checks the CSRF token of a session-authenticated POST (403 on mismatch).
  const Poco::Net::HTMLForm& form();
  std::string formValue(const std::string& name, const std::string& fallback = "") {
    return form().get(name, fallback);
  }
  // The file parts of a multipart form.
  const std::vector<UploadedFile>& files() {
    form();
    return files_;
  }

 private:
  void readForm();
  WebState& state_;
  Poco::Net::HTTPServerRequest& request_;
  const std::string& path_;
  const RequestCaller& caller_;
  bool english_;
  std::optional<std::string> body_;
  std::unique_ptr<Poco::Net::HTMLForm> form_;
  std::vector<UploadedFile> files_;
};

}  // namespace beacon::http
