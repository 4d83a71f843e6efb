#include "http/audit_labels.h"

#include <limits>
#include <set>

#include "auth/role.h"
#include "http/label_language.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/refusal_text.h"
#include "http/strict_number.h"
#include "service/lifecycle_step.h"
#include "service/plan_category_catalog.h"
#include "store/corrective_action.h"
#include "store/record_parse.h"
#include "store/revision_triggers.h"

namespace beacon::http {

namespace {

// The catalogue's phrase `prefix` + `code` (page_text.cpp); the code itself when it has none.
std::string lookUp(const std::string& prefix, const std::string& code, bool english) {
  const std::string word = pageWord(prefix + code, english);
  return word.empty() ? code : word;
}

bool known(const std::string& prefix, const std::string& code) {
  return !pageWord(prefix + code, false).empty();
}

constexpr const char* kEntities = "audit_entity_of_";
constexpr const char* kActions = "audit_action_of_";
constexpr const char* kFields = "audit_field_of_";
constexpr const char* kVias = "audit_via_of_";

std::string categoryLabel(RequestContext& ctx, const std::string& id, bool en) {
  std::vector<std::string> domains = {sdk::kGeneralDomain};
  for (const auto* p : ctx.state.app.plugins().enabled()) domains.push_back(p->id);
  for (const auto& d : domains) {
    for (const auto& c : service::allowedCategories(ctx.state.app.plugins(), d)) {
      if (c.id == id) return inLanguage(en, c.label_en, c.label_zh);
    }
  }
  return id;
}

std::string organisationName(RequestContext& ctx, const std::string& value) {
  const auto id = parseWholeNumber(value, 1, std::numeric_limits<sdk::RecordId>::max());
  if (!id) return value;
  const auto org = ctx.organisations().findById(*id);
  return org ? org->name : value;
}

}  // namespace

std::string auditEntityLabel(const std::string& entity, bool english) {
  return lookUp(kEntities, entity, english);
}

std::string auditActionLabel(const std::string& action, bool english) {
  if (known(kActions, action)) return lookUp(kActions, action, english);
  if (const auto step = service::parseLifecycleStep(action)) {
    return labelIn(*step, english);
  }
  return action;
}

std::string auditFieldLabel(RequestContext& ctx, const std::string& field) {
  const bool en = ctx.english();
  if (known(kFields, field)) return lookUp(kFields, field, en);
  const std::string label = fieldLabel(ctx.state.app.plugins(), field, en);
  return label.empty() ? field : label;
}

bool auditFieldIsTyped(const std::string& field) {
  static const std::set<std::string> kTyped = {"title",
                                               "name",
                                               "note",
                                               "text",
                                               "place",
                                               "scenario",
                                               "findings",
                                               "description",
                                               "reviewers",
                                               "revision_reason",
                                               "display_name",
                                               "address",
                                               "document",
                                               "document_no",
                                               "registration_no",
                                               "target_body",
                                               "approved_by",
                                               "evaluator",
                                               "suggestions",
                                               "plan_defect",
                                               "correction_reason",
                                               "void_reason",
                                               "body",
                                               "username",
                                               "author",
                                               "voided_by",
                                               "file"};
  const auto dot = field.rfind('.');
  return kTyped.count(dot == std::string::npos ? field : field.substr(dot + 1)) > 0 ||
         field.rfind("fields.", 0) == 0;
}

std::string auditValueLabel(RequestContext& ctx, const std::string& field,
                            const std::string& value) {
  const bool en = ctx.english();
  if (value.empty()) return value;
  if (value == "true" || value == "false") {
    return pageWord(value == "true" ? "yes" : "no", en);
  }
  if (field == "domain") return domainLabel(ctx, value);
  if (field == "owner_org_id" || field == "org_id" || field == "responsible_org_id" ||
      field == "parent_id") {
    return organisationName(ctx, value);
  }
  if (field == "status" || field == "from_status" || field == "to_status") {
    if (const auto s = store::parsePlanStatus(value)) return labelIn(*s, en);
    if (const auto s = store::parseActionStatus(value)) return labelIn(*s, en);
  }
  if (field == "role") {
    if (const auto r = auth::parseRole(value)) return labelIn(*r, en);
  }
  if (field == "kind") {
    if (const auto k = store::parseOrgKind(value)) return labelIn(*k, en);
    if (const auto k = store::parseReviewKind(value)) return labelIn(*k, en);
    if (const auto s = service::parseLifecycleStep(value)) return labelIn(*s, en);
  }
  if (field == "conclusion") {
    if (const auto c = store::parseReviewConclusion(value)) return labelIn(*c, en);
  }
  if (field == "verdict") {
    if (const auto v = store::parseDrillVerdict(value)) return labelIn(*v, en);
  }
  if (field == "action") {
    if (const auto a = store::parseVersionAction(value)) return labelIn(*a, en);
  }
  if (field == "step") {
    if (const auto s = service::parseLifecycleStep(value)) return labelIn(*s, en);
  }
  if (field == "trigger") {
    for (const auto& t : store::revisionTriggers()) {
      if (t.id == value) return inLanguage(en, t.label_en, t.label_zh);
    }
  }
  if (field == "source_kind") return lookUp(kEntities, value, en);
  if (field == "via") return lookUp(kVias, value, en);
  if (field == "drill_type") {
    if (const sdk::DrillType* type = ctx.state.app.plugins().drillType(value))
      return inLanguage(en, type->label_en, type->label_zh);
  }
  if (field == "category") return categoryLabel(ctx, value, en);
  return value;
}

}  // namespace beacon::http
