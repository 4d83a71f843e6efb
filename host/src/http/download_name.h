// DownloadName: how a file the web app hands out is named: after its scope
// (the organisation asked for, else the user's own, or the city for a
// city-wide account), what it holds and its day, e.g.
// 新密市-预案状态-2023-12-31.html, sent as an RFC 6266 Content-Disposition with
// an ASCII fallback (codes: xinmi-plan-status-2023-12-31.html) and the UTF-8
// name in RFC 5987 filename*=. Per request; not shared.
#pragma once

#include <string>

#include "http/request_context.h"

namespace beacon::http {

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct DownloadName {
  std::string name;   // UTF-8, as the user reads it
  std::string ascii;  // codes only, for clients without filename*

  // `attachment; filename="<ascii>"; filename*=UTF-8''<name, percent-encoded>`.
  std::string disposition() const;
};

// The scope's name and code: the organisation `org_ref` names (id, code or picker label, as
// organisationByRef reads it), else the user's own organisation, or the city (the root) when
// the user's read scope is the whole city.
struct DownloadScope {
  std::string name;
  std::string code;
};
DownloadScope downloadScope(RequestContext& ctx, const std::string& org_ref = "");

// "<scope>-<label>-<day>.<extension>" and its ASCII twin "<code>-<label_ascii>-<day>.<extension>".
DownloadName downloadName(const DownloadScope& scope, const std::string& label,
                          const std::string& label_ascii, const std::string& day,
                          const std::string& extension);

// RFC 5987 value characters (attr-char) stay, every other byte is %XX.
std::string percentEncoded(const std::string& text);

}  // namespace beacon::http
