// RecordReaderQueries: the bulk reads behind the rules' record reader (rules::StoreRecordReader),
// each one statement for a whole domain: organisations with their attributes, plans, versions,
// reviews and filings in force, drills in a window, each drill group's newest drills, and the
// day each plan was last flagged "revision required". The empty domain reads every domain;
// with a scope, only what the obligations of those organisations are computed from (the
// organisations and their parents, the plans they own and those plans' records, the drills they
// held or that name their plans). A drill window holding a large share of all drills is read,
// where the dialect can say so (SQLite's NOT INDEXED), by one table pass sorted in memory
// instead of a row lookup per drill. Not thread-safe (follows its Session).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/host_services.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

class RecordReaderQueries {
 public:
  // `scope`: the organisations to limit to (sorted, unique), or null for all of them.
  RecordReaderQueries(Poco::Data::Session& session, std::string domain,
                      std::shared_ptr<const std::vector<sdk::RecordId>> scope = nullptr);

  // By id, with attributes.
  std::vector<sdk::Organisation> organisations() const;
  // By id.
  std::vector<sdk::Plan> plans() const;
  // By plan, then number (no text).
  std::vector<sdk::PlanVersion> versions() const;
  // Not voided, by date, then id.
  std::vector<sdk::Review> reviews() const;
  std::vector<sdk::Filing> filings() const;
  // Not voided, dated in [from, to] (unset: open), by date, then id.
  std::vector<sdk::Drill> drills(const sdk::Date& from, const sdk::Date& to) const;
  // Each group's newest drill in [from, to] and the newest dated before that one's day, one
  // seek each (drill_groups; drill_flags when `flag_field` names a Boolean field).
  std::vector<sdk::LatestDrill> latestDrills(const sdk::Date& from, const sdk::Date& to,
                                             const std::string& flag_field) const;
  // The day each plan was last flagged "revision required" (from the audit log).
  std::map<sdk::RecordId, sdk::Date> revisionFlaggedOn() const;

 private:
  std::vector<std::string> domainParams() const;
  // " JOIN plans p ON p.id = <alias>.plan_id AND ..." limiting rows to the domain's and scope's
  // plans.
  std::string planJoin(const std::string& alias) const;
  // " AND (<alias>.org_id IN scope OR <alias>.plan_id IN the scope's plans)", or "" without a
  // scope.
  std::string drillScope(const std::string& alias) const;
  // Whether [from, to] holds enough of all drills that a table scan beats the date index.
  bool largeWindow(const sdk::Date& from, const sdk::Date& to) const;

  Poco::Data::Session& session_;
  std::string domain_;
  std::shared_ptr<const std::vector<sdk::RecordId>> scope_;
  std::string scope_list_;  // the scope as "(1, 2, 3)"
};

// Every organisation without attributes (id, name, kind, parent only), by id: the tree the
// filing-target rule walks.
std::vector<sdk::Organisation> organisationTree(Poco::Data::Session& session);

}  // namespace beacon::store
