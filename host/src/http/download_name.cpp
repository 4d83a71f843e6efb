#include "http/download_name.h"

#include <cctype>

#include "http/org_scope.h"
#include "http/page_text.h"

namespace beacon::http {

std::string percentEncoded(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) ||
        std::string("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string DownloadName::disposition() const {
  std::string safe;
  for (char c : ascii) {
    const auto u = static_cast<unsigned char>(c);
    safe += (c == '"' || c == '\\' || u < 0x20 || u >= 0x7f) ? '_' : c;
  }
  return "attachment; filename=\"" + safe + "\"; filename*=UTF-8''" + percentEncoded(name);
}

DownloadScope downloadScope(RequestContext& ctx, const std::string& org_ref) {
  if (!org_ref.empty()) {
    const sdk::Organisation org = organisationByRef(ctx, org_ref, "org");
    return {org.name, org.code};
  }
  const auth::User& user = ctx.requireUser();
  const bool city_wide = ctx.policy().scope(user).all;
  for (const auto& o : ctx.organisations().list()) {
    if ((city_wide && o.parent_id == 0) || (!city_wide && o.id == user.org_id))
      return {o.name, o.code};
  }
  return {pageWord("download_all", ctx.english()), "all"};
}

DownloadName downloadName(const DownloadScope& scope, const std::string& label,
                          const std::string& label_ascii, const std::string& day,
                          const std::string& extension) {
  return {scope.name + "-" + label + "-" + day + "." + extension,
          scope.code + "-" + label_ascii + "-" + day + "." + extension};
}

}  // namespace beacon::http
