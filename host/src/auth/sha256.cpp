#include "auth/sha256.h"

namespace beacon::auth {

std::string sha256Hex(const std::string& data) {
  Sha256Engine engine;
  engine.update(data);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace beacon::auth
