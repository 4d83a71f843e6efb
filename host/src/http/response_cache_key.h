// responseCacheKey: the ResponseCache key of a read-only API GET: what the
// answer may depend on besides the stored data. That is the caller's read
// scope as the role and organisation that determine it (AccessPolicy::scope;
// an administrator's organisation does not matter, and the user id is not
// part of it, so two township staff of the same township share entries, while
// a village user and an administrator never do), the language, the path and
// the query parameters (sorted by name, duplicates kept in their order, as
// handlers read the first). Fields are length-prefixed, so no two requests
// share a key by accident. Pure function; thread-safe.
#pragma once

#include <string>

#include <Poco/URI.h>

#include "auth/user.h"

namespace beacon::http {

// Appends `value` to `key` as one length-prefixed field ("5:hello"), the form of every field of
// a cache key here and of the kept layouts' keys (http/kept_layouts.h).
void appendKeyField(std::string& key, const std::string& value);

std::string responseCacheKey(const auth::User& user, bool english, const std::string& path,
                             const Poco::URI::QueryParameters& query);

}  // namespace beacon::http
