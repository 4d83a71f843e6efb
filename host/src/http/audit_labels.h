// AuditLabels: the 审计记录 page's words for what the audit log stores as codes: the kind of
// record (entity: plan → 预案), the action (create → 新增, set_role → 修改角色), each field
// of a record's before and after (owner_org_id → 责任单位; a plugin's drill field by its
// FieldSpec label, through refusal_text.h's fieldLabel) and the coded values of those fields
// (a domain, status, role, kind, conclusion, verdict, trigger, life-cycle step, drill type,
// an organisation id as its name, true/false as 是/否), in zh-CN or English. A code the
// catalogue does not know is shown as it is. Immutable tables; thread-safe (valueLabel reads
// the request's organisations and plugins).
#pragma once

#include <string>

#include "http/request_context.h"

namespace beacon::http {

std::string auditEntityLabel(const std::string& entity, bool english);
std::string auditActionLabel(const std::string& action, bool english);
std::string auditFieldLabel(RequestContext& ctx, const std::string& field);
// Whether `field` holds what someone typed or a file held (a title, a note, a place, a name):
// data, shown as it is, in whatever language it was written.
bool auditFieldIsTyped(const std::string& field);
// `value` of `field` as a user reads it.
std::string auditValueLabel(RequestContext& ctx, const std::string& field,
                            const std::string& value);

}  // namespace beacon::http
