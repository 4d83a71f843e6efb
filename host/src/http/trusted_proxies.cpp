#include "http/trusted_proxies.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace beacon::http {

namespace {

// IPv4-mapped IPv6 (::ffff:a.b.c.d) as IPv4, everything else unchanged.
Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& a) {
  if (a.family() == Poco::Net::IPAddress::IPv6 && a.isIPv4Mapped()) {
    const std::string text = a.toString();
    Poco::Net::IPAddress v4;
    if (Poco::Net::IPAddress::tryParse(text.substr(text.rfind(':') + 1), v4)) return v4;
  }
  return a;
}

bool parseAddress(std::string text, Poco::Net::IPAddress& out) {
  text = Poco::trim(text);
  if (text.size() > 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  if (!Poco::Net::IPAddress::tryParse(text, out)) return false;
  out = unmapped(out);
  return true;
}

}  // namespace

sdk::Result<TrustedProxies> TrustedProxies::parse(const std::string& list, const std::string& key) {
  TrustedProxies out;
  Poco::StringTokenizer items(
      list, ", \t", Poco::StringTokenizer::TOK_IGNORE_EMPTY | Poco::StringTokenizer::TOK_TRIM);
  for (const std::string& item : items) {
    const auto slash = item.find('/');
    Net net;
    if (!parseAddress(item.substr(0, slash), net.address)) {
      return sdk::Status::invalid(
          key, "\"" + item + "\" is not an IP address or CIDR block (e.g. 10.0.0.0/8)");
    }
    const unsigned bits = net.address.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
    net.prefix = bits;
    if (slash != std::string::npos) {
      unsigned prefix = 0;
      if (!Poco::NumberParser::tryParseUnsigned(item.substr(slash + 1), prefix) || prefix > bits) {
        return sdk::Status::invalid(
            key, "\"" + item + "\": the prefix length must be 0.." + std::to_string(bits));
      }
      net.prefix = prefix;
    }
    out.nets_.push_back(net);
  }
  return out;
}

bool TrustedProxies::trusts(const Poco::Net::IPAddress& address_in) const {
  const Poco::Net::IPAddress address = unmapped(address_in);
  for (const Net& net : nets_) {
    if (net.address.family() != address.family()) continue;
    const Poco::Net::IPAddress mask(net.prefix, address.family());
    if ((address & mask) == (net.address & mask)) return true;
  }
  return false;
}

std::string TrustedProxies::clientAddress(const Poco::Net::IPAddress& peer,
                                          const std::string& forwarded_for) const {
  Poco::Net::IPAddress client = unmapped(peer);
  if (!trusts(client)) return client.toString();
  // Walk from the right: each trusted hop vouches for the entry to its left.
  Poco::StringTokenizer hops(
      forwarded_for, ",",
      Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (std::size_t i = hops.count(); i-- > 0;) {
    Poco::Net::IPAddress hop;
    if (!parseAddress(hops[i], hop))
      break;  // garbage: keep the last address a trusted hop vouched for
    client = hop;
    if (!trusts(hop)) break;
  }
  return client.toString();
}

std::string TrustedProxies::clientAddress(const Poco::Net::HTTPServerRequest& request) const {
  std::string forwarded_for;
  if (!empty()) {
    for (const auto& [name, value] : request) {
      if (Poco::icompare(name, "X-Forwarded-For") == 0)
        forwarded_for += (forwarded_for.empty() ? "" : ",") + value;
    }
  }
  return clientAddress(request.clientAddress().host(), forwarded_for);
}

}  // namespace beacon::http
