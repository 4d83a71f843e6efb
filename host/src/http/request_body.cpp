#include "http/request_body.h"

#include <sstream>

#include <Poco/File.h>
#include <Poco/Net/HTTPRequest.h>

#include "auth/session_store.h"
#include "http/form_body.h"
#include "http/http_error.h"
#include "http/json_body.h"
#include "http/page_text.h"

namespace beacon::http {

namespace {

std::string readBounded(std::istream& in, std::size_t limit) {
  std::string out;
  char buffer[8192];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    if (out.size() + n > limit) {
      throw HttpError::tooLarge("the request body is larger than " + std::to_string(limit) +
                                " bytes");
    }
    out.append(buffer, n);
  }
  return out;
}

}  // namespace

RequestBody::~RequestBody() {
  for (const auto& f : files_) {
    if (f.temp_path.empty()) continue;
    try {
      Poco::File file(f.temp_path);
      if (file.exists()) file.remove();  // not taken by AttachmentStore::addUpload
    } catch (...) {
    }
  }
}

const std::string& RequestBody::body() {
  if (!body_) {
    // An upload route (a ledger file sent as the raw body) takes web.max_upload_bytes, as the
    // dispatcher's Content-Length check does.
    const RouteMatch match = state_.router.match(request_.getMethod(), path_);
    const bool upload = match.route && match.route->upload;
    body_ = readBounded(request_.stream(),
                        upload ? state_.config.max_upload_bytes : state_.config.max_body_bytes);
  }
  return *body_;
}

Poco::JSON::Object::Ptr RequestBody::jsonBody() { return parseJsonObjectBody(body()); }

void RequestBody::readForm() {
  form_ = std::make_unique<Poco::Net::HTMLForm>();
  try {
    if (request_.getMethod() == "POST" && isMultipartForm(request_.getContentType())) {
      loadFormBody(request_, request_.stream(), state_.config.max_upload_bytes,
                   state_.config.attachments_dir, *form_, files_);
    } else if (request_.getMethod() == "POST") {
      std::istringstream in(body());
      loadFormBody(request_, in, state_.config.max_body_bytes, state_.config.attachments_dir,
                   *form_, files_);
    }
    // Then the query's fields, except a csrf_token: the CSRF token below comes
    // from the body (or the X-CSRF-Token header), never from the query string,
    // which leaks into logs and Referer headers.
    Poco::Net::HTMLForm query_fields;
    query_fields.setFieldLimit(kFormFieldLimit);
    query_fields.load(Poco::Net::HTTPRequest(Poco::Net::HTTPRequest::HTTP_GET, request_.getURI()));
    for (const auto& [name, value] : query_fields) {
      if (name != "csrf_token") form_->add(name, value);
    }
  } catch (const HttpError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw HttpError::badRequest("malformed form: " + e.message());
  }
  const std::string token = request_.get("X-CSRF-Token", form_->get("csrf_token", ""));
  if (request_.getMethod() == "POST" && caller_.session && !caller_.via_token &&
      !auth::SessionStore::verifyCsrf(*caller_.session, token)) {
    throw HttpError(403, "csrf_failed", pageWord("refuse_form_token_stale", english_));
  }
}

const Poco::Net::HTMLForm& RequestBody::form() {
  if (!form_) readForm();
  return *form_;
}

}  // namespace beacon::http
