// Every refusal reaches the user in their language (issue #14 §3, http/refusal_text.h): each
// English message the SDK, the plugins, the services and the host's own API checks write for a
// refusal a web user can meet (a representative text for each placeholder) is known to the
// catalogue: in Chinese it reads in Chinese with no English word left but the codes and names it
// quotes; in English it is the message itself. A new message without a wording fails here.
// (Messages the host writes in both languages, and the web's own phrases, are checked by
// page_text_catalogue_test.cpp; configuration and CLI messages and internal errors, which a web
// user does not read, are not listed.)
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <vector>

#include "http/refusal_text.h"

namespace beacon::http {
namespace {

struct Refusal {
  const char* where;               // the file that writes it
  std::string message;             // as written, with representative placeholder texts
  std::vector<std::string> codes;  // the codes and names it may keep in Chinese
};

// The codes a Chinese sentence keeps as they are in every message: formats and protocol words.
const std::vector<std::string> kCommonCodes = {"YYYY-MM-DD", "PDF",  "DOCX", "JPEG", "PNG",
                                               "HEIC",       "JSON", "API",  "CSV"};

const std::vector<Refusal>& refusals() {
  static const std::vector<Refusal> kRefusals = {
      // sdk/src/field_spec.cpp
      {"field_spec", "too long (max 4000 bytes)", {}},
      {"field_spec", "must be a whole number, got \"12a\"", {"12a"}},
      {"field_spec", "must be between 0 and 100", {}},
      {"field_spec", "must be yes/no (是/否), got \"maybe\"", {"maybe"}},
      {"field_spec", "\"flat\" is not one of: steep, gentle", {"flat", "steep, gentle"}},
      {"field_spec", "must be a date YYYY-MM-DD, got \"june\"", {"june"}},
      {"field_spec", "unknown field", {}},
      {"field_spec", "is required", {}},
      // sdk/src/drill_checks.cpp
      {"drill_checks", "must be flood, got \"forest_fire\"", {"flood", "forest_fire"}},
      {"drill_checks",
       "\"flood.swim\" is not a flood drill type (flood.evacuation, flood.tabletop)",
       {"flood.swim", "flood", "flood.evacuation, flood.tabletop"}},
      {"drill_checks", "must not be negative", {}},
      {"drill_checks",
       "must be 0 for a tabletop exercise (flood.tabletop), got 12",
       {"flood.tabletop"}},
      // plugins/enterprise_safety/drill_validator.cpp
      {"enterprise_safety",
       "is only recorded when reported_to_county is yes (1)",
       {"reported_to_county"}},
      {"enterprise_safety", "must not be before the drill date 2023-05-01", {}},
      // host/src/service/drill_validator.cpp
      {"drill_validator", "\"quake\" is not an enabled plugin's domain", {"quake"}},
      {"drill_validator",
       "\"flood.swim\" is not a drill type of domain flood",
       {"flood.swim", "flood"}},
      {"drill_validator", "no organisation with id 99", {}},
      {"drill_validator", "is required (YYYY-MM-DD)", {}},
      {"drill_validator", "2030-01-01 is in the future (latest allowed 2026-12-03)", {}},
      {"drill_validator", "no plan with id 99", {}},
      {"drill_validator",
       "plan XM-FX-01 belongs to domain flood, not forest_fire",
       {"XM-FX-01", "flood", "forest_fire"}},
      {"drill_validator",
       "plan XM-FX-01 is not owned by the organisation or one above it",
       {"XM-FX-01"}},
      {"drill_validator", "plan XM-FX-01 has no version yet", {"XM-FX-01"}},
      {"drill_validator", "plan XM-FX-01 has no current version", {"XM-FX-01"}},
      {"drill_validator", "version 7 is not a version of plan XM-FX-01", {"XM-FX-01"}},
      {"drill_validator", "given without a plan", {}},
      // host/src/service/plan_record_validation.cpp
      {"plan_record_validation", "is in the future: 2030-01-01", {}},
      {"plan_record_validation", "version 2 is not issued yet", {}},
      {"plan_record_validation", "is before the version's issue date 2023-04-01", {}},
      {"plan_record_validation", "is not a real date", {}},
      {"plan_record_validation", "is not a real date: 2023-02-30", {}},
      // host/src/service/organisation_service.cpp
      {"organisation_service", "must be 1-64 characters of A-Z a-z 0-9 . _ -, got \"城关\"", {}},
      {"organisation_service",
       "\"xinmi.chengguan\" is already used by another organisation",
       {"xinmi.chengguan"}},
      {"organisation_service", "the top organisation (市) has no parent", {}},
      {"organisation_service", "is required for a village", {"village"}},
      {"organisation_service", "a village (村) cannot be under a city (市)", {"village", "city"}},
      {"organisation_service", "must be named <domain>.<field>", {"<domain>.<field>"}},
      {"organisation_service", "no enabled plugin for domain \"quake\"", {"quake"}},
      // host/src/service/record_correction.cpp (its own wording is bilingual; these are not)
      {"record_correction", "no drill 12", {}},
      {"record_correction", "no review 12", {}},
      {"record_correction", "no filing 12", {}},
      {"record_correction", "no corrective_action 12", {}},
      {"record_correction", "no drill_evaluation 12", {}},
      {"record_correction", "no drill_plan 12", {}},
      {"record_correction", "no drill_plan_item 12", {}},
      {"record_correction", "no plan_transition 12", {}},
      {"record_correction", "no such record", {}},
      {"record_correction", "must be review or evaluation", {"review", "evaluation"}},
      {"record_correction", "is not a known conclusion", {}},
      {"record_correction", "must be a version id", {}},
      // host/src/auth/account_service.cpp, password_policy.cpp
      {"account_service", "no account \"wang\"", {"wang"}},
      {"account_service",
       "\"Wang!\" is not valid: use 2-64 lowercase letters, digits, . _ - @, starting with a "
       "letter "
       "or digit",
       {"Wang!"}},
      {"account_service", "\"wang\" already exists", {"wang"}},
      {"account_service", "is required (admin, org_staff, village_staff, viewer)", {}},
      {"account_service",
       "unknown role \"boss\" (admin, org_staff, village_staff, viewer)",
       {"boss"}},
      {"account_service", "no organisation with code \"xinmi.nowhere\"", {"xinmi.nowhere"}},
      {"account_service", "is required for role village_staff", {}},
      {"account_service", "is longer than 100 bytes", {}},
      {"password_policy", "is too weak: use at least 10 characters", {}},
      {"password_policy", "is longer than 256 bytes", {}},
      {"password_policy", "must not be the username", {}},
      // host/src/summary/summary_service.cpp, summary_archive.cpp,
      // plan_status/plan_status_scope.cpp
      {"summary_service", "a year is required for city-annual", {"city-annual"}},
      {"summary_service", "a drill id is required for drill-sheet", {"drill-sheet", "drill_id"}},
      {"summary_service", "no drill with id 12", {}},
      {"summary_service",
       "unknown format \"pdf\" (text, markdown, html, json, docx)",
       {"pdf", "text", "markdown", "html", "json", "docx"}},
      {"summary_service",
       "docx is available for city-annual and drill-plan only; township comes as text, markdown, "
       "html or json",
       {"docx", "city-annual", "drill-plan", "township", "text", "markdown", "html", "json"}},
      {"summary_service",
       "unknown summary \"yearly\" (city-annual, plan-status, township, domain, drill-sheet, "
       "drill-plan)",
       {"yearly", "city-annual", "plan-status", "township", "domain", "drill-sheet", "drill-plan"}},
      {"summary_archive", "no archived summary #12", {}},
      {"plan_status_scope", "a date (or a year) is required for plan-status", {"plan-status"}},
      {"plan_status_scope", "an organisation code is required", {}},
      {"plan_status_scope", "a domain is required", {}},
      {"plan_status_scope", "unknown or disabled domain \"quake\"", {"quake"}},
      // host/src/rules/compliance_engine.cpp
      {"compliance_engine", "a check needs an as-of date", {}},
      {"compliance_engine",
       "unknown domain \"quake\" (known: flood, forest_fire)",
       {"quake", "flood, forest_fire"}},
      // host/src/io/csv_importer.cpp, csv_exporter.cpp, xlsx_exporter.cpp
      {"csv_importer",
       "\"users\" is not one of organisations, plans, drills",
       {"users", "organisations, plans, drills"}},
      {"csv_exporter", "could not write the CSV output", {}},
      // host/src/http: the API's own checks
      {"corrective_action_intake", "must be drill or review", {"drill", "review"}},
      {"corrective_action_intake", "no corrective action 12", {}},
      {"corrective_action_intake", "must be open or done", {"open", "done"}},
      {"ledger_transfer", "could not spool the uploaded file", {}},
      {"json_body", "a JSON object body is required", {}},
      {"json_body", "the body must be a JSON object", {}},
      {"json_body", "malformed JSON: Syntax error", {"Syntax error"}},
      {"api_summaries", "no archived summary #12", {}},
      {"record_correction_request", "no review 12", {}},
      {"record_correction_request", "no filing 12", {}},
      {"record_correction_request", "no drill evaluation 12", {}},
      {"record_correction_request", "no drill plan 12", {}},
      {"record_correction_request", "no planned drill 12", {}},
      {"record_correction_request", "no plan step 12", {}},
      {"summary_request", "organisation xinmi.micun is outside your scope", {"xinmi.micun"}},
      {"summary_request", "drill outside your scope", {}},
      {"api_plugins", "no plugin \"quake\"", {"quake"}},
      {"api_drills", "unknown drill type \"flood.swim\"", {"flood.swim"}},
      {"api_drills", "must be none, excellent, good, fair or poor", {}},
      {"request_context", "\"abc\" is not a record id", {"abc"}},
      {"request_context", "\"2023-13-01\" is not a date (YYYY-MM-DD)", {}},
      {"request_context", "\"abc\" must be a whole number from 1 to 200", {"abc"}},
      {"request_context", "malformed form: bad boundary", {"bad boundary"}},
      {"api_plans", "plan XM-FX-01 has no version 3", {"XM-FX-01"}},
      {"attachment_store", "the file is empty", {}},
      {"attachment_store", "only PDF or DOCX documents are accepted (\"plan.txt\")", {"plan.txt"}},
      {"attachment_store",
       "only photos (JPEG, PNG, HEIC), PDF or DOCX are accepted (\"a.txt\")",
       {"a.txt"}},
      {"api_corrections", "must be an object of name: value", {}},
      {"api_corrections", "must be a single value", {}},
      {"api_drill_plans", "no drill plan #12", {}},
      {"api_drill_plans", "drill #12 has no evaluation", {}},
      {"api_obligations", "unknown status \"late\"", {"late"}},
      {"request_dispatcher",
       "Authorization must be \"Bearer <api token>\"",
       {"Authorization", "Bearer <api token>"}},
      {"request_dispatcher", "the API token is unknown, revoked or expired", {}},
      {"request_dispatcher",
       "this API token is read-only (scope read); POST needs scope write",
       {"scope read", "POST", "scope write"}},
      {"request_dispatcher", "PUT is not allowed here (allowed: GET, POST)", {"PUT", "GET, POST"}},
      {"request_dispatcher", "no such page or endpoint: /api/v1/nothing", {"/api/v1/nothing"}},
      {"request_dispatcher",
       "X-CSRF-Token header missing or wrong for a session-authenticated write",
       {"X-CSRF-Token"}},
      {"http_error", "login required", {}},
      {"org_admin_pages", "no organisation with id 12", {}},
      {"api_organisations", "no organisation 12", {}},
      {"api_organisations", "unknown kind \"county\"", {"county"}},
      {"user_admin_pages", "no account 12", {}},
      {"calendar_feed", "no calendar feed here for this key", {}},
      {"json_fields", "must be a string", {}},
      {"json_fields", "must be a whole number", {}},
      {"json_fields", "is out of range", {}},
      {"json_fields", "must be a record id", {}},
      {"json_fields", "must be true or false", {"true", "false"}},
      {"json_fields", "\"june\" is not a date (YYYY-MM-DD)", {"june"}},
      {"json_fields", "must be an object", {}},
      {"json_fields", "must be a string, number or boolean", {}},
      {"attachment_routes", "no attachment 12", {}},
      {"record_detail", "no plan 12", {}},
      // What a CLI user meets below the app, printed through translatedMessage (app/command.cpp,
      // app/beacon_application.cpp): the holiday file, a ledger file, the database, the logging
      // and busy-timeout configuration.
      {"rules/holiday_calendar", "cannot read holiday file /etc/x.csv", {"/etc/x.csv"}},
      {"io/csv_file_info", "cannot open /tmp/x.csv", {"/tmp/x.csv"}},
      {"app/app_context",
       "var/x.db has no Beacon schema; run `beacon init` first",
       {"var/x.db", "Beacon", "beacon init"}},
      {"app/logging_config",
       "\"loud\" is not a level (fatal, critical, error, warning, notice, information, debug or "
       "trace)",
       {"loud", "fatal", "critical", "error", "warning", "notice", "information", "debug",
        "trace"}},
      {"app/logging_config", "\"xml\" is not text or json", {"xml", "text", "json"}},
      {"app/logging_config", "must be stderr or a file path, not empty", {"stderr"}},
      {"app/logging_config", "\"0\" is not a whole number from 1 to 10000", {}},
      {"app/logging_config", "cannot expand the value: ${nope}", {"${nope}"}},
      {"app/app_context",
       "must be a whole number of milliseconds from 0 to 600000, got \"x\"",
       {"x"}},
  };
  return kRefusals;
}

bool holdsChinese(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0xE3 && c <= 0xEF) return true;  // the lead byte of CJK ideographs and marks
  }
  return false;
}

// `text` without `codes`, the longest first (flood.tabletop before flood).
std::string withoutCodes(std::string text, std::vector<std::string> codes) {
  std::sort(codes.begin(), codes.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const auto& code : codes) {
    for (auto at = text.find(code); at != std::string::npos; at = text.find(code, at)) {
      text.erase(at, code.size());
    }
  }
  return text;
}

std::string asciiWordsIn(const std::string& text) {
  std::string out;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) out += c;
  }
  return out;
}

TEST(RefusalCatalogueTest, EveryListedMessageReadsInChineseKeepingOnlyItsCodes) {
  for (const auto& r : refusals()) {
    const std::string zh = translatedMessage(r.message, false);
    EXPECT_TRUE(holdsChinese(zh)) << r.where << ": “" << r.message << "” has no Chinese wording";
    std::vector<std::string> codes = r.codes;
    codes.insert(codes.end(), kCommonCodes.begin(), kCommonCodes.end());
    EXPECT_EQ(asciiWordsIn(withoutCodes(zh, codes)), "")
        << r.where << ": “" << r.message << "” reads “" << zh << "”";
  }
}

TEST(RefusalCatalogueTest, EveryListedMessageReadsAsWrittenInEnglish) {
  for (const auto& r : refusals()) {
    EXPECT_EQ(translatedMessage(r.message, true), r.message) << r.where;
  }
}

TEST(RefusalCatalogueTest, TheCheckFindsAnEnglishWordLeftInAChineseSentence) {
  EXPECT_EQ(asciiWordsIn(withoutCodes("预案 XM-1 属于领域 flood, not fire", {"XM-1", "flood"})),
            "notfire");
  EXPECT_FALSE(holdsChinese("no such thing"));
}

}  // namespace
}  // namespace beacon::http
