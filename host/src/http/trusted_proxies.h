// TrustedProxies: the reverse proxies (addresses and CIDR blocks, from
// web.trusted_proxies) whose X-Forwarded-For header Beacon believes. The
// client address of a request is the peer's address, unless the peer is a
// trusted proxy: then it is the right-most X-Forwarded-For entry that is not
// itself a trusted proxy (entries to its left were written by the client and
// prove nothing). With no trusted proxies the header is ignored. IPv4 and
// IPv6; an IPv4-mapped IPv6 peer counts as its IPv4 address. Immutable after
// parse(); thread-safe.
#pragma once

#include <string>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/IPAddress.h>

#include "beacon/sdk/status.h"

namespace beacon::http {

class TrustedProxies {
 public:
  // A comma- or space-separated list of addresses and CIDR blocks
  // ("10.0.0.5, 192.168.1.0/24, ::1"); empty for none. Fails naming `key`.
  static sdk::Result<TrustedProxies> parse(const std::string& list, const std::string& key);

  bool empty() const { return nets_.empty(); }
  bool trusts(const Poco::Net::IPAddress& address) const;
  // The client address of a peer that sent `forwarded_for` (every
  // X-Forwarded-For value, joined with commas), as text.
  std::string clientAddress(const Poco::Net::IPAddress& peer,
                            const std::string& forwarded_for) const;
  // The same for a request (its peer and all its X-Forwarded-For headers).
  std::string clientAddress(const Poco::Net::HTTPServerRequest& request) const;

 private:
  struct Net {
    Poco::Net::IPAddress address;
    unsigned prefix = 0;
  };
  std::vector<Net> nets_;
};

}  // namespace beacon::http
