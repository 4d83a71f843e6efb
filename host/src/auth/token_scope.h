// TokenScope: what an API token may do. `read` tokens may only read (GET and
// HEAD; anything else is refused with 403); `write` tokens may also change
// records, within their user's role and organisation as always. Stable ids
// are stored in api_tokens.scope. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>

namespace beacon::auth {

enum class TokenScope { Read, Write };

const char* toId(TokenScope);
// "read" or "write"; nullopt otherwise.
std::optional<TokenScope> parseTokenScope(const std::string& id);
// Whether a token of `scope` may make a request with `method`.
bool scopeAllows(TokenScope scope, const std::string& method);

}  // namespace beacon::auth
