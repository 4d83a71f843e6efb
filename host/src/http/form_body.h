// loadFormBody: how the server reads a POST body as a form: urlencoded, or
// multipart/form-data whose file parts are collected as UploadedFiles (the
// other parts become form fields), with the query string's fields first.
// At most kFormFieldLimit fields. Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>

#include "http/uploaded_file.h"

namespace beacon::http {

inline constexpr int kFormFieldLimit = 1000;

// True for a multipart/form-data Content-Type.
bool isMultipartForm(const std::string& content_type);

// Loads `body` (already read and size-checked) of the POST `request` into
// `form` and appends its file parts to `files`. Throws HttpError 400
// ("malformed form: ...") when Poco cannot parse it.
void loadFormBody(const Poco::Net::HTTPRequest& request, const std::string& body, Poco::Net::HTMLForm& form,
                  std::vector<UploadedFile>& files);

}  // namespace beacon::http
