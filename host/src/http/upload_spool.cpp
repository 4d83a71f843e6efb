#include "http/upload_spool.h"

#include <fstream>
#include <stdexcept>

#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/UUIDGenerator.h>

namespace beacon::http {

void UploadSpool::handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) {
  UploadedFile f;
  std::string disposition;
  Poco::Net::NameValueCollection params;
  if (header.has("Content-Disposition")) {
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition, params);
  }
  f.field = params.get("name", "");
  f.filename = params.get("filename", "");
  f.content_type = header.get("Content-Type", "application/octet-stream");
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  std::ofstream out;
  std::vector<char> buffer(64 * 1024);
  // Recorded before the first write, so the request's clean-up finds a partial file too.
  files_.push_back(f);
  UploadedFile& spooled = files_.back();
  while (stream) {
    stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<std::size_t>(stream.gcount());
    if (n == 0) break;
    if (!out.is_open()) {
      const Poco::Path incoming = Poco::Path(directory_).append("incoming");
      Poco::File(incoming).createDirectories();
      spooled.temp_path =
          Poco::Path(incoming).append(Poco::UUIDGenerator::defaultGenerator().createRandom().toString()).toString();
      out.open(spooled.temp_path, std::ios::binary | std::ios::trunc);
      if (!out) throw std::runtime_error("cannot create " + spooled.temp_path);
    }
    out.write(buffer.data(), static_cast<std::streamsize>(n));
    if (!out) throw std::runtime_error("cannot write " + spooled.temp_path);
    sha.update(buffer.data(), n);
    if (spooled.head.size() < UploadedFile::kHeadBytes) {
      spooled.head.append(buffer.data(), std::min(n, UploadedFile::kHeadBytes - spooled.head.size()));
    }
    spooled.size += static_cast<std::int64_t>(n);
  }
  if (out.is_open()) {
    out.close();
    if (!out) throw std::runtime_error("cannot write " + spooled.temp_path);
  }
  spooled.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
}

LimitedInputBuf::int_type LimitedInputBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (left_ == 0) {
    if (!exceeded_ && source_.peek() != traits_type::eof()) exceeded_ = true;
    return traits_type::eof();
  }
  source_.read(buffer_, static_cast<std::streamsize>(std::min(left_, sizeof buffer_)));
  const auto n = static_cast<std::size_t>(source_.gcount());
  if (n == 0) return traits_type::eof();
  left_ -= n;
  setg(buffer_, buffer_, buffer_ + n);
  return traits_type::to_int_type(*gptr());
}

}  // namespace beacon::http
