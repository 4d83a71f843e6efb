// UploadSpool: the PartHandler that streams each file part of a multipart
// form to its own temporary file under <attachments dir>/incoming, computing
// its SHA-256 as it goes, so an upload costs a 64 KiB buffer and the first
// UploadedFile::kHeadBytes of each file in memory, not the whole body.
// LimitedInputBuf caps the request body read through it (web.max_upload_bytes);
// exceeded() tells that the cap was hit. One per request; not shared.
#pragma once

#include <istream>
#include <streambuf>
#include <string>
#include <vector>

#include <Poco/Net/PartHandler.h>

#include "http/uploaded_file.h"

namespace beacon::http {

class UploadSpool : public Poco::Net::PartHandler {
 public:
  // Appends each file part to `files`; temporary files go under `directory`/incoming.
  UploadSpool(std::vector<UploadedFile>& files, std::string directory)
      : files_(files), directory_(std::move(directory)) {}
  // Throws std::runtime_error when the temporary file cannot be written.
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override;

 private:
  std::vector<UploadedFile>& files_;
  std::string directory_;
};

// A stream buffer over `source` that ends (as if at end of file) after
// `limit` bytes and then reports exceeded() if more were there.
class LimitedInputBuf : public std::streambuf {
 public:
  LimitedInputBuf(std::istream& source, std::size_t limit) : source_(source), left_(limit) {}
  bool exceeded() const { return exceeded_; }

 private:
  int_type underflow() override;
  std::istream& source_;
  std::size_t left_;
  bool exceeded_ = false;
  char buffer_[8192];
};

}  // namespace beacon::http
