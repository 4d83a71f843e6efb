// The organisations kind: one row per organisation, parents before their
// children (a parent is named by its code, stored or earlier in the file),
// an optional contact e-mail (checked by mail::isEmailAddress, stored and
// audited by store::setOrganisationContactEmail like the web form's), plus
// the enabled plugins' organisation attributes. Rows go through
// service::OrganisationService::add; a code already stored is refused as a
// duplicate.
#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/import_session.h"
#include "io/import_values.h"
#include "mail/email_address.h"
#include "service/organisation_service.h"
#include "store/organisation_contacts.h"
#include "store/organisation_repository.h"
#include "store/record_parse.h"

namespace beacon::io {

namespace {

class OrganisationImport : public ImportKind {
 public:
  std::vector<CsvColumn> columns() const override {
    return {
        {"code", "组织编码", {"编码"}, true},
        {"name", "组织名称", {"名称"}, true},
        {"kind", "类型", {"组织类型"}, true},
        {"parent_code", "上级编码", {"上级组织编码"}, false},
        {"contact_email", "联系邮箱", {"电子邮箱"}, false},
    };
  }
  PluginColumns pluginColumns() const override { return PluginColumns::OrganisationAttributes; }

  void begin(ImportSession& session) override {
    service_ = std::make_unique<service::OrganisationService>(session.db(), session.registry());
    session.mapField("parent_id", "parent_code");
  }

  void importRow(ImportSession& s, const ImportRow& row) override {
    sdk::Organisation org;
    org.code = s.get(row, "code");
    org.name = s.get(row, "name");
    const std::string kind = s.get(row, "kind");
    auto k = store::parseOrgKind(kind);
    if (!k) {
      s.fail(row.line, "kind",
             quoteZh(kind) + "不是组织类型（市/部门/乡镇/街道/村/社区/企业/单位）",
             quoteEn(kind) +
                 " is not an organisation kind (市/部门/乡镇/街道/村/社区/企业/单位 or "
                 "city/department/"
                 "township/subdistrict/village/community/enterprise/institution)");
      return;
    }
    org.kind = *k;
    if (!s.get(row, "parent_code").empty()) {
      auto parent = s.orgByCode(row, "parent_code");
      if (!parent) return;
      org.parent_id = *parent;
    }
    const std::string email = s.get(row, "contact_email");
    if (!email.empty() && !mail::isEmailAddress(email)) {
      s.fail(row.line, "contact_email", quoteZh(email) + "不是有效的电子邮箱地址",
             quoteEn(email) + " is not an e-mail address");
      return;
    }
    for (std::size_t i = 0; i < s.resolved().size(); ++i) {
      if (!s.resolved()[i].id.empty()) continue;
      const std::string v = trim(row.values[i]);
      if (!v.empty()) org.attributes[s.resolved()[i].field_key] = v;
    }
    if (store::OrganisationRepository(s.db().session()).findByCode(org.code)) {
      s.fail(row.line, "code", "组织编码" + quoteZh(org.code) + "已存在，是重复导入",
             "organisation " + quoteEn(org.code) + " is already stored (a duplicate)");
      return;
    }
    auto r = service_->add(org, s.actor());
    if (!r.isOk()) {
      s.failStatus(row.line, r.status());
      return;
    }
    if (!email.empty()) {
      store::setOrganisationContactEmail(s.db().session(), r.value(), email, s.actor());
    }
  }

  void exportRows(ExportSession& s, const RowSink& sink) override {
    const auto emails = store::organisationContactEmails(s.db().session());
    for (const auto& o : store::OrganisationRepository(s.db().session()).list()) {
      auto email = emails.find(o.id);
      std::vector<std::string> rec = {
          o.code, o.name, s.choice(sdk::toId(o.kind), sdk::labelZh(o.kind)), s.orgCode(o.parent_id),
          email == emails.end() ? std::string() : email->second};
      for (const auto& key : s.columns().fieldKeys()) {
        auto it = o.attributes.find(key);
        rec.push_back(it == o.attributes.end() ? std::string() : it->second);
      }
      sink(std::move(rec));
    }
  }

 private:
  std::unique_ptr<service::OrganisationService> service_;
};

}  // namespace

std::unique_ptr<ImportKind> makeOrganisationImport() {
  return std::make_unique<OrganisationImport>();
}

}  // namespace beacon::io
