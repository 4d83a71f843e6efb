#include "rules/check_report.h"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "rules/met_late_text.h"
#include "rules/citation_text.h"
#include "rules/provisional_deadline.h"

namespace beacon::rules {

namespace {
const sdk::ObligationStatus kStatusOrder[] = {
    sdk::ObligationStatus::Overdue, sdk::ObligationStatus::DueSoon, sdk::ObligationStatus::Upcoming,
    sdk::ObligationStatus::MetLate, sdk::ObligationStatus::Met, sdk::ObligationStatus::NotApplicable};

std::string nameOr(const std::map<sdk::RecordId, std::string>& names, sdk::RecordId id) {
  if (id == 0) return std::string();
  const auto it = names.find(id);
  return it != names.end() ? it->second : "#" + std::to_string(id);
}

std::string kindLabel(sdk::ObligationKind k, bool english) {
  if (!english) return sdk::labelZh(k);
  std::string id = sdk::toId(k);
  if (!id.empty()) id[0] = static_cast<char>(id[0] - 'a' + 'A');
  return id;
}

std::string statusLabel(sdk::ObligationStatus s, bool english) {
  return english ? sdk::labelEn(s) : sdk::labelZh(s);
}

// The obligation's note in the output's language: the notes are Chinese; in
// English the provisional-deadline mark reads as provisionalLabel(true).
std::string noteText(const ObligationRow& r, bool english) {
  std::string note = r.note();
  const std::string mark = kProvisionalNote;
  const auto at = note.find(mark);
  if (english && at != std::string::npos) note.replace(at, mark.size(), provisionalLabel(true));
  return note;
}

// The record that last met a duty: "filing #3 2024-03-01", or 备案（第3号，2024-03-01）.
std::string lastMetText(const ObligationRow& r, bool english) {
  if (english)
    return r.lastMetKind() + " #" + std::to_string(r.lastMetId()) + " " + r.lastMetDate().toString();
  static const std::map<std::string, std::string> kKinds = {
      {"drill", "演练"}, {"review", "评审评估"}, {"filing", "备案"}, {"version", "预案版本"}};
  const auto it = kKinds.find(r.lastMetKind());
  return (it == kKinds.end() ? std::string("记录") : it->second) + "（第" +
         std::to_string(r.lastMetId()) + "号，" + r.lastMetDate().toString() + "）";
}

// The text rendering, written as it goes (a city's check is tens of MB of text).
void writeText(std::ostream& out, const ObligationSet& results, const CheckQuery& query,
               const std::map<sdk::RecordId, std::string>& org_names,
               const std::map<sdk::RecordId, std::string>& plan_titles, bool english) {
  std::string orgs;
  for (auto id : query.org_ids) orgs += (orgs.empty() ? "" : english ? ", " : "、") + nameOr(org_names, id);
  const std::string all = english ? "all" : "全部";
  if (english) {
    out << "Compliance check as of " << query.as_of.toString() << " (organisations: "
        << (orgs.empty() ? all : orgs) << "; domain: " << (query.domain.empty() ? all : query.domain)
        << ")\n";
  } else {
    out << "应急预案合规检查　截至" << query.as_of.toString() << "（单位：" << (orgs.empty() ? all : orgs)
        << "；领域：" << (query.domain.empty() ? all : query.domain) << "）\n";
  }
  std::map<sdk::ObligationStatus, int> counts;
  for (const auto status : kStatusOrder) {
    std::map<std::string, std::vector<ObligationRow>> by_domain;
    for (const ObligationRow r : results) {
      if (r.status() == status) by_domain[r.domain()].push_back(r);
    }
    int n = 0;
    for (const auto& [domain, list] : by_domain) n += static_cast<int>(list.size());
    counts[status] = n;
    if (n == 0) continue;
    out << "\n== " << statusLabel(status, english) << (english ? " (" : "（") << n << (english ? ")" : "）")
        << " ==\n";
    for (const auto& [domain, list] : by_domain) {
      out << "[" << domain << "]\n";
      for (const ObligationRow& r : list) {
        out << "  - " << kindLabel(r.kind(), english) << " | " << r.title(english) << " | "
            << nameOr(org_names, r.orgId());
        if (r.planId() != 0) out << " | " << nameOr(plan_titles, r.planId());
        out << " | " << (english ? "due " : "期限 ") << r.due().toString();
        if (r.hasLastMet()) out << " | " << (english ? "last: " : "上次：") << lastMetText(r, english);
        if (r.status() == sdk::ObligationStatus::MetLate) out << " | " << daysLateText(r.daysLate(), english);
        const CitationText citation = userCitation(r.citation());
        if (english) {
          out << "\n    basis: " << citation.text << " (" << sdk::toId(r.basis()) << ")\n";
        } else {
          out << "\n    依据：" << citation.text << "（" << sdk::labelZh(r.basis()) << "）\n";
        }
        if (!citation.note.empty()) out << "    " << (english ? "※ " : "注※：") << citation.note << "\n";
        if (!r.note().empty()) out << "    " << (english ? "note: " : "说明：") << noteText(r, english) << "\n";
      }
    }
  }
  out << "\n" << (english ? "Total: " : "合计：");
  bool first = true;
  for (const auto status : kStatusOrder) {
    out << (first ? "" : english ? ", " : "，") << statusLabel(status, english) << " " << counts[status];
    first = false;
  }
  out << "\n";
}

// The JSON array, one object stringified at a time: the same bytes as a Poco::JSON::Array of them
// all (no indent: "[a,b]"), without holding every object at once.
void writeJson(std::ostream& out, const ObligationSet& results,
               const std::map<sdk::RecordId, std::string>& org_names,
               const std::map<sdk::RecordId, std::string>& plan_titles, bool english,
               const std::map<sdk::RecordId, std::string>& plan_codes) {
  out << '[';
  bool first = true;
  for (const ObligationRow r : results) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("rule_id", r.ruleId());
    item->set("domain", r.domain());
    item->set("kind", std::string(sdk::toId(r.kind())));
    item->set("title", r.title(english));
    const CitationText citation = userCitation(r.citation());
    item->set("citation", citation.text);
    item->set("citation_note", citation.note);
    item->set("basis", std::string(sdk::toId(r.basis())));
    item->set("org_id", static_cast<Poco::Int64>(r.orgId()));
    item->set("org_name", nameOr(org_names, r.orgId()));
    if (r.planId() != 0) {
      item->set("plan_id", static_cast<Poco::Int64>(r.planId()));
      const auto code = plan_codes.find(r.planId());
      item->set("plan_code", code == plan_codes.end() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(code->second));
      item->set("plan_title", nameOr(plan_titles, r.planId()));
    } else {
      item->set("plan_id", Poco::Dynamic::Var());
      item->set("plan_code", Poco::Dynamic::Var());
      item->set("plan_title", Poco::Dynamic::Var());
    }
    item->set("due", r.due().toString());
    item->set("status", std::string(sdk::toId(r.status())));
    if (r.status() == sdk::ObligationStatus::MetLate) {
      item->set("days_late", static_cast<Poco::Int64>(r.daysLate()));
    } else {
      item->set("days_late", Poco::Dynamic::Var());
    }
    if (r.hasLastMet()) {
      Poco::JSON::Object::Ptr last = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      last->set("kind", r.lastMetKind());
      last->set("id", static_cast<Poco::Int64>(r.lastMetId()));
      last->set("date", r.lastMetDate().toString());
      item->set("last_met", last);
    } else {
      item->set("last_met", Poco::Dynamic::Var());
    }
    item->set("note", noteText(r, english));
    if (!first) out << ',';
    first = false;
    item->stringify(out);
  }
  out << ']';
}

}  // namespace

std::string formatCheckText(const std::vector<ObligationResult>& results, const CheckQuery& query,
                            const std::map<sdk::RecordId, std::string>& org_names,
                            const std::map<sdk::RecordId, std::string>& plan_titles, bool english) {
  std::ostringstream out;
  writeText(out, ObligationSet({std::make_shared<const ResultChunk>(results)}), query, org_names,
            plan_titles, english);
  return out.str();
}

std::string formatCheckJson(const std::vector<ObligationResult>& results, const CheckQuery&,
                            const std::map<sdk::RecordId, std::string>& org_names,
                            const std::map<sdk::RecordId, std::string>& plan_titles, bool english,
                            const std::map<sdk::RecordId, std::string>& plan_codes) {
  std::ostringstream out;
  writeJson(out, ObligationSet({std::make_shared<const ResultChunk>(results)}), org_names,
            plan_titles, english, plan_codes);
  return out.str();
}

void writeCheckText(std::ostream& out, const ObligationSet& results, const CheckQuery& query,
                    const std::map<sdk::RecordId, std::string>& org_names,
                    const std::map<sdk::RecordId, std::string>& plan_titles, bool english) {
  writeText(out, results, query, org_names, plan_titles, english);
}

void writeCheckJson(std::ostream& out, const ObligationSet& results,
                    const std::map<sdk::RecordId, std::string>& org_names,
                    const std::map<sdk::RecordId, std::string>& plan_titles, bool english,
                    const std::map<sdk::RecordId, std::string>& plan_codes) {
  writeJson(out, results, org_names, plan_titles, english, plan_codes);
}

}  // namespace beacon::rules
