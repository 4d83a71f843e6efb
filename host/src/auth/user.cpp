#include "auth/user.h"

namespace beacon::auth {

bool isValidUsername(const std::string& username) {
  if (username.size() < 2 || username.size() > 64) return false;
  for (std::size_t i = 0; i < username.size(); ++i) {
    const char c = username[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-' && c != '@'))) return false;
  }
  return true;
}

Poco::JSON::Object::Ptr toJson(const User& user) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", user.id);
  o->set("username", user.username);
  o->set("display_name", user.display_name);
  o->set("role", std::string(toId(user.role)));
  o->set("org_id", user.org_id);
  o->set("disabled", user.disabled);
  return o;
}

}  // namespace beacon::auth
