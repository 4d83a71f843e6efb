#include "auth/password_hasher.h"

#include <Poco/Exception.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>

#include "auth/constant_time.h"
#include "auth/secure_random.h"
#include "auth/sha256.h"

namespace beacon::auth {

PasswordHasher::PasswordHasher(int iterations) : iterations_(iterations) {
  if (iterations < 1) throw Poco::InvalidArgumentException("PBKDF2 iterations must be positive");
}

std::string PasswordHasher::derive(const std::string& password, const std::string& salt,
                                   int iterations, std::size_t key_bytes) {
  Poco::PBKDF2Engine<Poco::HMACEngine<Sha256Engine>> kdf(salt, static_cast<unsigned>(iterations),
                                                          static_cast<Poco::UInt32>(key_bytes));
  kdf.update(password);
  return Poco::DigestEngine::digestToHex(kdf.digest());
}

PasswordHash PasswordHasher::hash(const std::string& password) const {
  PasswordHash h;
  const std::string salt = randomBytes(kSaltBytes);
  h.salt_hex = toHex(salt);
  h.iterations = iterations_;
  h.hash_hex = derive(password, salt, iterations_);
  return h;
}

bool PasswordHasher::verify(const std::string& password, const PasswordHash& stored) const {
  std::string salt;
  if (stored.iterations < 1 || !fromHex(stored.salt_hex, salt) || salt.empty()) return false;
  if (stored.hash_hex.size() != kKeyBytes * 2) return false;
  return constantTimeEquals(derive(password, salt, stored.iterations), stored.hash_hex);
}

}  // namespace beacon::auth
