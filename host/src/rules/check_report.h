// The two renderings of a compliance check the CLI (`beacon check`) and the
// web use: a readable list grouped by status (overdue first) then domain,
// each line with its rule's citation as users read it (its note, if any, on a
// line of its own), 逾期N天 when met late, and a count per status at the end
// (zh-CN in full-width punctuation, or English when `english`); and a JSON array with one object per
// obligation. Stateless; thread-safe.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "rules/compliance_engine.h"

namespace beacon::rules {

std::string formatCheckText(const std::vector<ObligationResult>& results, const CheckQuery& query,
                            const std::map<sdk::RecordId, std::string>& org_names,
                            const std::map<sdk::RecordId, std::string>& plan_titles, bool english);

// Objects: rule_id, domain, kind, title, citation and citation_note (as users
// read them, rules/citation_text.h), basis, org_id, org_name, plan_id,
// plan_code (from `plan_codes`; null when unknown), plan_title, due, status,
// days_late (met_late only, else null),
// last_met {kind,id,date} (null if none), note.
std::string formatCheckJson(const std::vector<ObligationResult>& results, const CheckQuery& query,
                            const std::map<sdk::RecordId, std::string>& org_names,
                            const std::map<sdk::RecordId, std::string>& plan_titles, bool english,
                            const std::map<sdk::RecordId, std::string>& plan_codes = {});

// The same two renderings of the engine's kept results (checkShared), written to `out` as they
// go: `beacon check` on a city neither copies its results nor holds the whole text or JSON.
void writeCheckText(std::ostream& out, const ObligationSet& results, const CheckQuery& query,
                    const std::map<sdk::RecordId, std::string>& org_names,
                    const std::map<sdk::RecordId, std::string>& plan_titles, bool english);
void writeCheckJson(std::ostream& out, const ObligationSet& results,
                    const std::map<sdk::RecordId, std::string>& org_names,
                    const std::map<sdk::RecordId, std::string>& plan_titles, bool english,
                    const std::map<sdk::RecordId, std::string>& plan_codes = {});

}  // namespace beacon::rules
