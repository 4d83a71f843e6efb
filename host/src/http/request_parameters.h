// RequestParameters: what a request asks for by its address: the path, whether it is the API's,
// the query's parameters and the route's path parameters ({id}, filled in by the dispatcher),
// with readers that refuse a malformed one (400 naming the parameter; 404 for a path id that is
// not a record id). Per request, on its worker thread; not shared.
#pragma once

#include <map>
#include <string>

#include <Poco/URI.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::http {

class RequestParameters {
 public:
  // From the request's URI (path "/" and no query when it does not parse).
  explicit RequestParameters(const std::string& uri);

  const std::string& path() const { return path_; }
  bool isApi() const { return is_api_; }

  // Path parameters captured by the route ({id}).
  std::map<std::string, std::string> params;
  std::string param(const std::string& name) const;
  // A positive record id from the path; 404 when it is not one.
  sdk::RecordId idParam(const std::string& name) const;

  const Poco::URI::QueryParameters& queryParameters() const { return query_; }
  bool hasQuery(const std::string& name) const;
  std::string query(const std::string& name, const std::string& fallback = "") const;
  // Query parameter as a date (400 naming it when malformed; unset when absent).
  sdk::Date queryDate(const std::string& name) const;
  // Query parameter as an integer in [min, max] (400 naming it otherwise).
  int queryInt(const std::string& name, int fallback, int min, int max) const;

 private:
  std::string path_;
  bool is_api_ = false;
  Poco::URI::QueryParameters query_;
};

}  // namespace beacon::http
