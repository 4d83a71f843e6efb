#include "http/request_language.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>

namespace beacon::http {

bool answersInEnglish(const Poco::Net::HTTPServerRequest& request,
                      const RequestParameters& parameters,
                      Poco::Net::HTTPServerResponse& response) {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  bool english = cookies.get("beacon_lang", "zh") == "en";
  if (parameters.isApi() && !cookies.has("beacon_lang") && request.has("Accept-Language")) {
    std::string first = Poco::toLower(request.get("Accept-Language"));
    first = Poco::trim(first.substr(0, first.find_first_of(",;")));
    english = first == "en" || first.rfind("en-", 0) == 0;
  }
  for (const auto& [k, v] : parameters.queryParameters()) {
    if (k != "lang" || (v != "en" && v != "zh")) continue;
    english = v == "en";
    Poco::Net::HTTPCookie cookie("beacon_lang", v);
    cookie.setPath("/");
    cookie.setMaxAge(365 * 24 * 3600);
    cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
    response.addCookie(cookie);
  }
  return english;
}

}  // namespace beacon::http
