#include "http/response_writer.h"

#include <Poco/Exception.h>

namespace beacon::http {

void writeResponse(Poco::Net::HTTPServerRequest& /*request*/,
                   Poco::Net::HTTPServerResponse& response, const std::string& body) {
  try {
    response.sendBuffer(body.data(), body.size());
  } catch (const Poco::Exception&) {
    response.setKeepAlive(false);
  }
}

}  // namespace beacon::http
