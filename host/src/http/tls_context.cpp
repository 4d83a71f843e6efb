#include "http/tls_context.h"

#include <fstream>

#include <Poco/Exception.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

namespace beacon::http {

namespace {

constexpr const char* kCertificateKey = "web.tls_certificate";
constexpr const char* kKeyKey = "web.tls_key";

std::string lastSslError() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown OpenSSL error";
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

bool readable(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return in.good();
}

}  // namespace

sdk::Result<Poco::Net::Context::Ptr> makeTlsContext(const std::string& certificate_file, const std::string& key_file) {
  if (!readable(certificate_file)) {
    return sdk::Status::invalid(kCertificateKey, "cannot read the certificate file \"" + certificate_file + "\"");
  }
  if (!readable(key_file)) return sdk::Status::invalid(kKeyKey, "cannot read the key file \"" + key_file + "\"");
  Poco::Net::Context::Ptr context;
  try {
    // Certificate and key are loaded below, each failure named by its setting.
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // clients are not asked for certificates
    params.loadDefaultCAs = false;
    params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
    context = new Poco::Net::Context(Poco::Net::Context::SERVER_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  } catch (const Poco::Exception& e) {
    return sdk::Status::invalid(kCertificateKey, "cannot set up TLS: " + e.displayText());
  }
  SSL_CTX* ssl = context->sslContext();
  // An encrypted key fails here rather than asking for a passphrase on the terminal.
  SSL_CTX_set_default_passwd_cb(ssl, [](char*, int, int, void*) { return 0; });
  ERR_clear_error();
  if (SSL_CTX_use_certificate_chain_file(ssl, certificate_file.c_str()) != 1) {
    return sdk::Status::invalid(kCertificateKey,
                                "\"" + certificate_file + "\" is not a PEM certificate (chain): " + lastSslError());
  }
  if (SSL_CTX_use_PrivateKey_file(ssl, key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
    return sdk::Status::invalid(kKeyKey,
                                "\"" + key_file + "\" is not an unencrypted PEM private key: " + lastSslError());
  }
  if (SSL_CTX_check_private_key(ssl) != 1) {
    return sdk::Status::invalid(kKeyKey, "\"" + key_file + "\" is not the key of the certificate \"" +
                                             certificate_file + "\": " + lastSslError());
  }
  return context;
}

}  // namespace beacon::http
