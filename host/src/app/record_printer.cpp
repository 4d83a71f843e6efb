#include "app/record_printer.h"

namespace beacon::app {

void RecordPrinter::organisationLine(const sdk::Organisation& o, const std::string& parent_code) {
  out_ << o.code << "\t" << o.name << "\t" << (english_ ? sdk::labelEn(o.kind) : sdk::labelZh(o.kind))
       << "\t" << parent_code;
  for (const auto& [k, v] : o.attributes) out_ << "\t" << k << "=" << v;
  out_ << "\n";
}

void RecordPrinter::planLine(const sdk::Plan& p, const std::string& owner_name) {
  out_ << p.code << "\t" << p.title << "\t" << p.domain << "\t" << p.category << "\t" << owner_name
       << "\t" << (english_ ? sdk::labelEn(p.status) : sdk::labelZh(p.status)) << "\tv"
       << p.current_version;
  if (p.revision_required) out_ << "\t" << label("需修订", "revision required") << ": " << p.revision_reason;
  out_ << "\n";
}

void RecordPrinter::versionLine(const sdk::PlanVersion& v) {
  out_ << "  v" << v.number << "\t" << (english_ ? sdk::labelEn(v.action) : sdk::labelZh(v.action))
       << "\t" << (v.major ? label("重大", "major") : label("一般", "minor")) << "\t"
       << label("印发", "issued") << " " << v.issued.toString() << "\t" << v.trigger << "\t"
       << v.author << "\n";
}

void RecordPrinter::reviewLine(const sdk::Review& r) {
  out_ << "  #" << r.id << "\t" << (english_ ? sdk::labelEn(r.kind) : sdk::labelZh(r.kind)) << "\t"
       << r.date.toString() << "\t"
       << (english_ ? sdk::labelEn(r.conclusion) : sdk::labelZh(r.conclusion)) << "\t" << r.reviewers
       << "\t" << r.findings << "\n";
}

void RecordPrinter::filingLine(const sdk::Filing& f) {
  out_ << "  #" << f.id << "\t" << f.target_body << "\t" << label("报送", "submitted") << " "
       << f.submitted.toString() << "\t" << f.registration_no << "\t" << label("公开", "published")
       << " " << (f.published.isSet() ? f.published.toString() : "-") << "\n";
}

void RecordPrinter::voidedLine(const std::string& reason) {
  out_ << (english_ ? "  (voided: " : "  （已作废：") << reason << (english_ ? ")\n" : "）\n");
}

void RecordPrinter::drillLine(const sdk::Drill& d, const std::string& org_name,
                              const std::string& type_label) {
  out_ << d.id << "\t" << d.date.toString() << "\t" << org_name << "\t" << type_label << "\t"
       << d.participants << label("人", " people") << "\t" << d.place << "\n";
}

void RecordPrinter::drillBlock(const sdk::Drill& d, const std::string& org_name,
                               const std::string& type_label, const std::string& plan_code) {
  out_ << label("演练编号", "Drill") << ": " << d.id << "\n"
       << label("组织单位", "Organisation") << ": " << org_name << "\n"
       << label("演练类型", "Type") << ": " << type_label << "\n"
       << label("日期", "Date") << ": " << d.date.toString() << "\n"
       << label("地点", "Place") << ": " << d.place << "\n"
       << label("情景", "Scenario") << ": " << d.scenario << "\n"
       << label("参演人数", "Participants") << ": " << d.participants << "\n"
       << label("转移人数", "Evacuees") << ": " << d.evacuees << "\n"
       << label("演练预案", "Plan") << ": " << (plan_code.empty() ? "-" : plan_code) << "\n"
       << label("评估结论", "Verdict") << ": "
       << (english_ ? sdk::labelEn(d.verdict) : sdk::labelZh(d.verdict)) << "\n"
       << label("发现问题", "Findings") << ": " << d.findings << "\n";
  for (const auto& [k, v] : d.fields) out_ << "  " << k << ": " << v << "\n";
}

void RecordPrinter::auditLine(const store::AuditEntry& e) {
  out_ << e.id << "\t" << e.at << "\t" << e.username
       << (e.os_user.empty() ? "" : " (os: " + e.os_user + ")") << "\t" << e.action << "\t"
       << e.entity << "#" << e.entity_id << "\t" << e.after_json << "\n";
}

}  // namespace beacon::app
