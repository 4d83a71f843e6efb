// UploadedFile: a file part of a multipart form, spooled to a temporary file
// in the attachments folder while it arrived (UploadSpool), hashed on the
// way, with only its first bytes kept in memory for sniffing its type. The
// RequestContext that read it removes the temporary file at the end of the
// request unless AttachmentStore::addUpload moved it into place. Plain value.
#pragma once

#include <cstdint>
#include <string>

namespace beacon::http {

struct UploadedFile {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string head;       // the first bytes (at most kHeadBytes), for sniffMediaType
  std::string temp_path;  // the whole content; empty when size is 0
  std::string sha256;     // hex, of the whole content
  std::int64_t size = 0;
  static constexpr std::size_t kHeadBytes = 256 * 1024;
};

}  // namespace beacon::http
