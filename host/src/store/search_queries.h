// SearchQueries: the named queries behind search (GET /search, GET /api/v1/search): plans by
// code or title, drills by place or scenario (voided drills left out), organisations by code or
// name, each limited to the organisations the caller may read and paged, with the total of
// every match. The text matches anywhere, case-insensitively for ASCII (LOWER on both sides),
// with LIKE's % and _ (and the escape character !) taken literally, on SQLite and PostgreSQL
// alike. Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

// Which organisations' records a search may return: all, or exactly `org_ids` (none: nothing).
struct SearchScope {
  bool all = false;
  std::vector<sdk::RecordId> org_ids;
};

struct SearchPage {
  int limit = 20;  // > 0
  int offset = 0;
};

struct PlanHit {
  sdk::RecordId id = 0;
  std::string code;
  std::string title;
  std::string domain;
  std::string status;
  sdk::RecordId owner_org_id = 0;
};

struct DrillHit {
  sdk::RecordId id = 0;
  std::string date;
  std::string domain;
  std::string drill_type;
  sdk::RecordId org_id = 0;
  std::string place;
  std::string scenario;
};

struct OrganisationHit {
  sdk::RecordId id = 0;
  std::string code;
  std::string name;
  std::string kind;
  sdk::RecordId parent_id = 0;
  std::string contact_email;  // empty when the organisation has none
};

template <typename Hit>
struct SearchHits {
  int total = 0;  // every match in scope, not only this page's
  std::vector<Hit> items;
};

// `text` as a LIKE pattern matching it anywhere: lowercased (ASCII), with ! % _ escaped by !.
std::string containsPattern(const std::string& text);

class SearchQueries {
 public:
  explicit SearchQueries(Poco::Data::Session& session) : session_(session) {}
  // Ordered by code.
  SearchHits<PlanHit> plans(const std::string& text, const SearchScope& scope,
                            const SearchPage& page);
  // Newest first (date, then id).
  SearchHits<DrillHit> drills(const std::string& text, const SearchScope& scope,
                              const SearchPage& page);
  // Ordered by code.
  SearchHits<OrganisationHit> organisations(const std::string& text, const SearchScope& scope,
                                            const SearchPage& page);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
