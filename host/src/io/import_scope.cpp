#include "io/import_scope.h"

#include <utility>

#include "io/export_scope.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"

namespace beacon::io {

ImportScopeCheck::ImportScopeCheck(ImportSession& session, const std::string& kind,
                                   ImportScope scope)
    : session_(session), organisations_(kind == "organisations"), scope_(std::move(scope)) {
  const ScopeColumn owner = scopeColumn(kind);
  plan_owned_ = owner.plan;
  column_ = organisations_ ? "parent_code" : owner.id;
}

bool ImportScopeCheck::admits(const ImportRow& row) {
  if (scope_.all) return true;
  const std::string code = session_.get(row, column_);
  if (code.empty()) {
    if (!organisations_) return true;  // a required owner: the kind names the empty cell
    session_.fail(row.line, column_,
                  "只能导入本单位下级的组织，须填写上级组织编码（本单位或其下级组织）",
                  "only organisations under your own can be imported: give the parent's code "
                  "(your organisation or one under it)");
    return false;
  }
  const sdk::RecordId owner = ownerOf(code);
  if (owner == 0 || scope_.org_ids.count(owner) > 0) return true;
  auto org = store::OrganisationRepository(session_.db().session()).findById(owner);
  refuse(row, column_, org ? *org : sdk::Organisation{}, plan_owned_ ? code : std::string());
  return false;
}

sdk::RecordId ImportScopeCheck::ownerOf(const std::string& code) {
  const auto known = owners_.find(code);
  if (known != owners_.end()) return known->second;
  sdk::RecordId owner = 0;
  if (plan_owned_) {
    auto plan = store::PlanRepository(session_.db().session()).findByCode(code);
    if (plan) owner = plan->owner_org_id;
  } else {
    auto org = store::OrganisationRepository(session_.db().session()).findByCode(code);
    if (org) owner = org->id;
  }
  // A code that names nothing yet may be added by a later row (organisations): not kept.
  if (owner != 0) owners_[code] = owner;
  return owner;
}

void ImportScopeCheck::refuse(const ImportRow& row, const std::string& column,
                              const sdk::Organisation& org, const std::string& plan_code) {
  const std::string zh_org = quoteZh(org.code) + "（" + org.name + "）";
  const std::string en_org = quoteEn(org.code) + " (" + org.name + ")";
  const std::string zh_what = plan_code.empty() ? "组织" + zh_org
                                                : "预案" + quoteZh(plan_code) + "的编制单位" + zh_org;
  const std::string en_what = plan_code.empty()
                                  ? "organisation " + en_org
                                  : "plan " + quoteEn(plan_code) + " belongs to " + en_org + ", which";
  session_.fail(row.line, column,
                zh_what + "不在本账号的导入范围内：只能导入本单位及其下级组织的记录",
                en_what + " is outside your import scope: only records of your organisation and "
                          "the organisations under it");
}

void ImportScopeCheck::imported(const ImportRow& row) {
  if (scope_.all || !organisations_) return;
  auto org = store::OrganisationRepository(session_.db().session()).findByCode(session_.get(row, "code"));
  if (org && scope_.org_ids.count(org->parent_id) > 0) scope_.org_ids.insert(org->id);
}

}  // namespace beacon::io
