// SHA-256 for Poco 1.11, whose SHA2Engine lacks the BLOCK_SIZE/DIGEST_SIZE
// that HMACEngine needs (see engineering-notes §4.5), plus a hex helper for
// hashing API tokens. One engine per thread; sha256Hex is thread-safe.
#pragma once

#include <string>

#include <Poco/SHA2Engine.h>

namespace beacon::auth {

struct Sha256Engine : Poco::SHA2Engine {
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(SHA_256) {}
};

std::string sha256Hex(const std::string& data);

}  // namespace beacon::auth
