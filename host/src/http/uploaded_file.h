// UploadedFile: one file part of a multipart form, read into memory (bounded
// by web.max_upload_bytes). Plain value; thread-safe.
#pragma once

#include <string>

namespace beacon::http {

struct UploadedFile {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string data;
};

}  // namespace beacon::http
