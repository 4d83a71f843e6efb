#include "auth/token_scope.h"

namespace beacon::auth {

const char* toId(TokenScope scope) { return scope == TokenScope::Read ? "read" : "write"; }

std::optional<TokenScope> parseTokenScope(const std::string& id) {
  if (id == "read") return TokenScope::Read;
  if (id == "write") return TokenScope::Write;
  return std::nullopt;
}

bool scopeAllows(TokenScope scope, const std::string& method) {
  return scope == TokenScope::Write || method == "GET" || method == "HEAD";
}

}  // namespace beacon::auth
