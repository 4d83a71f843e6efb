// TokenGrant: what a verified API token lets its bearer act as: the token's
// user (as stored now) and the token's scope. Plain value; thread-safe.
#pragma once

#include "auth/token_scope.h"
#include "auth/user.h"

namespace beacon::auth {

struct TokenGrant {
  User user;
  TokenScope scope = TokenScope::Read;
};

}  // namespace beacon::auth
