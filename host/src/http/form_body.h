// loadFormBody: how the server reads a POST body as a form: urlencoded, or
// multipart/form-data whose file parts are streamed to temporary files
// (UploadSpool) as UploadedFiles, the other parts becoming form fields. Only
// the body is read, never the query string (RequestContext adds the query's
// fields itself, without a csrf_token). At most kFormFieldLimit fields.
// Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>

#include "http/uploaded_file.h"

namespace beacon::http {

inline constexpr int kFormFieldLimit = 1000;

// True for a multipart/form-data Content-Type.
bool isMultipartForm(const std::string& content_type);

// Loads the body of the POST `request`, read from `body`, into `form` and
// appends its file parts to `files` (spooled under `spool_dir`/incoming; the
// caller removes their temporary files). A multipart body is read up to
// `max_bytes` and a field may be that long (a revision's confirmation carries
// its document). Throws HttpError 400 ("malformed form: ...") when Poco cannot
// parse it and 413 past `max_bytes`.
void loadFormBody(const Poco::Net::HTTPRequest& request, std::istream& body, std::size_t max_bytes,
                  const std::string& spool_dir, Poco::Net::HTMLForm& form, std::vector<UploadedFile>& files);

}  // namespace beacon::http
