#include "app/record_printer.h"

#include "app/cli_text.h"
#include "http/label_language.h"

namespace beacon::app {

void RecordPrinter::organisationLine(const sdk::Organisation& o, const std::string& parent_code) {
  out_ << o.code << "\t" << o.name << "\t" << http::labelIn(o.kind, english_) << "\t"
       << parent_code;
  for (const auto& [k, v] : o.attributes) out_ << "\t" << k << "=" << v;
  out_ << "\n";
}

void RecordPrinter::planLine(const sdk::Plan& p, const std::string& owner_name) {
  out_ << p.code << "\t" << p.title << "\t" << p.domain << "\t" << p.category << "\t" << owner_name
       << "\t" << http::labelIn(p.status, english_) << "\tv" << p.current_version;
  if (p.revision_required)
    out_ << "\t" << cliWord("print_revision_required", english_, {p.revision_reason});
  out_ << "\n";
}

void RecordPrinter::versionLine(const sdk::PlanVersion& v) {
  out_ << "  v" << v.number << "\t" << http::labelIn(v.action, english_) << "\t"
       << cliWord(v.major ? "print_major" : "print_minor", english_) << "\t"
       << cliWord("print_issued", english_, {v.issued.toString()}) << "\t" << v.trigger << "\t"
       << v.author << "\n";
}

void RecordPrinter::reviewLine(const sdk::Review& r) {
  out_ << "  #" << r.id << "\t" << http::labelIn(r.kind, english_) << "\t" << r.date.toString()
       << "\t" << http::labelIn(r.conclusion, english_) << "\t" << r.reviewers << "\t" << r.findings
       << "\n";
}

void RecordPrinter::filingLine(const sdk::Filing& f) {
  out_ << "  #" << f.id << "\t" << f.target_body << "\t"
       << cliWord("print_submitted", english_, {f.submitted.toString()}) << "\t"
       << f.registration_no << "\t"
       << cliWord("print_published", english_, {f.published.isSet() ? f.published.toString() : "-"})
       << "\n";
}

void RecordPrinter::voidedLine(const std::string& reason) {
  out_ << cliWord("print_voided", english_, {reason}) << "\n";
}

void RecordPrinter::drillLine(const sdk::Drill& d, const std::string& org_name,
                              const std::string& type_label) {
  out_ << d.id << "\t" << d.date.toString() << "\t" << org_name << "\t" << type_label << "\t"
       << cliWord("print_people", english_, {std::to_string(d.participants)}) << "\t" << d.place
       << "\n";
}

void RecordPrinter::drillBlock(const sdk::Drill& d, const std::string& org_name,
                               const std::string& type_label, const std::string& plan_code) {
  out_ << cliWord("drill_block_drill", english_, {std::to_string(d.id)}) << "\n"
       << cliWord("drill_block_organisation", english_, {org_name}) << "\n"
       << cliWord("drill_block_type", english_, {type_label}) << "\n"
       << cliWord("drill_block_date", english_, {d.date.toString()}) << "\n"
       << cliWord("drill_block_place", english_, {d.place}) << "\n"
       << cliWord("drill_block_scenario", english_, {d.scenario}) << "\n"
       << cliWord("drill_block_participants", english_, {std::to_string(d.participants)}) << "\n"
       << cliWord("drill_block_evacuees", english_, {std::to_string(d.evacuees)}) << "\n"
       << cliWord("drill_block_plan", english_, {(plan_code.empty() ? "-" : plan_code)}) << "\n"
       << cliWord("drill_block_verdict", english_, {http::labelIn(d.verdict, english_)}) << "\n"
       << cliWord("drill_block_findings", english_, {d.findings}) << "\n";
  for (const auto& [k, v] : d.fields) out_ << "  " << k << ": " << v << "\n";
}

void RecordPrinter::auditLine(const store::AuditEntry& e) {
  out_ << e.id << "\t" << e.at << "\t" << e.username
       << (e.os_user.empty() ? "" : " (os: " + e.os_user + ")") << "\t" << e.action << "\t"
       << e.entity << "#" << e.entity_id << "\t" << e.after_json << "\n";
}

}  // namespace beacon::app
