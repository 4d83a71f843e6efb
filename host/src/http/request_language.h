// The language a request is answered in: English when the beacon_lang cookie says "en"; an API
// client with no cookie may ask by its Accept-Language header (its first tag); a ?lang=en|zh in
// the query wins and is remembered in the beacon_lang cookie set on `response`. Chinese otherwise.
// Stateless; thread-safe.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "http/request_parameters.h"

namespace beacon::http {

bool answersInEnglish(const Poco::Net::HTTPServerRequest& request,
                      const RequestParameters& parameters, Poco::Net::HTTPServerResponse& response);

}  // namespace beacon::http
