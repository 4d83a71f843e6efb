// The server side of HTTPS: a Poco::Net::Context (NetSSL) holding the
// certificate chain of web.tls_certificate and the unencrypted PEM private key
// of web.tls_key, TLS 1.2 or later. Made once at start-up; the context is then
// shared read-only by every connection. Thread-safe.
#pragma once

#include <string>

#include <Poco/Net/Context.h>

#include "beacon/sdk/status.h"

namespace beacon::http {

// Fails naming web.tls_certificate or web.tls_key: a file that cannot be
// read or parsed, or a key that does not belong to the certificate.
sdk::Result<Poco::Net::Context::Ptr> makeTlsContext(const std::string& certificate_file, const std::string& key_file);

}  // namespace beacon::http
