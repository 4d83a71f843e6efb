// OrgPicker: organisations picked by the name people know, not by their
// internal code: each organisation's picker label is its name, or
// "name（parent's name）" when another organisation has the same name, and a
// label (or, as before, a code) typed into the dashboard's search box finds
// it. The options go to an <input list> with a <datalist>, so the browser
// searches them as the user types. Built per request from the organisations
// read for it; not shared.
#pragma once

#include <map>
#include <string>

#include <kainjow/mustache.hpp>

#include "auth/access_policy.h"
#include "beacon/sdk/records.h"

namespace beacon::http {

class OrgPicker {
 public:
  explicit OrgPicker(const std::map<sdk::RecordId, sdk::Organisation>& orgs);

  std::string label(const sdk::Organisation& o) const;
  // The organisation with this label or code; null when there is none.
  const sdk::Organisation* find(const std::string& text) const;
  // The organisations in `scope`, in the tree's id order, as the datalist's HTML:
  // <option value="label">kind</option> each, escaped as mustache escapes, `english` for the
  // kind's label (kept per organisation set by http/kept_org_options.h).
  std::string optionsHtml(const auth::Scope& scope, bool english) const;

 private:
  const std::map<sdk::RecordId, sdk::Organisation>& orgs_;
  std::map<std::string, int> name_uses_;
};

}  // namespace beacon::http
