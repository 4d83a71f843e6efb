// OrgLabels: the names and codes of the organisations a list response
// mentions, read in one query instead of one lookup per row (a page of 50
// drills cost 50 statement compilations). Per request; not thread-safe.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::http {

class OrgLabels {
 public:
  OrgLabels(Poco::Data::Session& session, std::vector<sdk::RecordId> ids);
  // "" for an id that was not asked for or does not exist.
  const std::string& name(sdk::RecordId id) const;
  const std::string& code(sdk::RecordId id) const;

 private:
  struct Label {
    std::string name, code;
  };
  const Label* find(sdk::RecordId id) const;
  std::unordered_map<sdk::RecordId, Label> labels_;
};

}  // namespace beacon::http
