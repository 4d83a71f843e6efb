#include "service/organisation_service.h"

#include <map>

#include <Poco/Exception.h>

#include "service/record_checks.h"
#include "service/storage_message.h"
#include "service/text_limits.h"
#include "store/organisation_repository.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::service {

namespace {

bool parentAllowed(sdk::OrgKind child, sdk::OrgKind parent) {
  using K = sdk::OrgKind;
  const bool top = sdk::levelOf(parent) == sdk::PlanLevel::City;  // 市, 县, 县级市, 区
  switch (child) {
    case K::City:
    case K::County:
    case K::CountyCity:
    case K::District: return false;  // the top of the tree has no parent
    case K::Department:
    case K::Township:
    case K::SubDistrict: return top;
    case K::Village:
    case K::Community: return parent == K::Township || parent == K::SubDistrict;
    case K::Enterprise:
    case K::Institution: return true;
  }
  return false;
}

// "<domain>.<field>" -> (domain, field); false when there is no dot.
bool splitKey(const std::string& key, std::string& domain, std::string& field) {
  const auto dot = key.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == key.size()) return false;
  domain = key.substr(0, dot);
  field = key.substr(dot + 1);
  return true;
}

}  // namespace

sdk::FieldValues OrganisationService::normalizeAttributes(const sdk::FieldValues& attributes) const {
  std::map<std::string, sdk::FieldValues> by_domain;
  sdk::FieldValues out;
  for (const auto& [key, value] : attributes) {
    std::string domain, field;
    if (splitKey(key, domain, field) && registry_.byDomain(domain)) {
      by_domain[domain][field] = value;
    } else {
      out[key] = value;
    }
  }
  for (const auto& [domain, values] : by_domain) {
    const auto* rec = registry_.byDomain(domain);
    for (const auto& [field, value] : sdk::normalizeFields(rec->organisation_fields, values)) {
      out[domain + "." + field] = value;
    }
  }
  return out;
}

sdk::Status OrganisationService::validate(const sdk::Organisation& org) {
  if (!isValidCode(org.code)) {
    return sdk::Status::invalid("code", "must be 1-64 characters of A-Z a-z 0-9 . _ -, got \"" +
                                            org.code + "\"");
  }
  if (org.name.empty()) return sdk::Status::invalid("name", "is required");
  if (sdk::Status s = checkText("organisation", "name", org.name); !s.isOk()) return s;
  store::OrganisationRepository repo(db_.session());
  if (org.id == 0 && repo.findByCode(org.code)) {
    return sdk::Status::invalid("code", "\"" + org.code + "\" is already used by another organisation");
  }
  if (sdk::levelOf(org.kind) == sdk::PlanLevel::City) {
    if (org.parent_id != 0) {
      return sdk::Status::invalid("parent_id", std::string("the top organisation (") + sdk::labelZh(org.kind) +
                                                   ") has no parent");
    }
  } else {
    if (org.parent_id == 0) {
      return sdk::Status::invalid("parent_id", std::string("is required for a ") + sdk::labelEn(org.kind));
    }
    auto parent = repo.findById(org.parent_id);
    if (!parent) {
      return sdk::Status::invalid("parent_id", "no organisation with id " + std::to_string(org.parent_id));
    }
    if (!parentAllowed(org.kind, parent->kind)) {
      return sdk::Status::invalid("parent_id", std::string("a ") + sdk::labelEn(org.kind) + " (" +
                                                   sdk::labelZh(org.kind) + ") cannot be under a " +
                                                   sdk::labelEn(parent->kind) + " (" +
                                                   sdk::labelZh(parent->kind) + ")");
    }
  }
  std::map<std::string, sdk::FieldValues> by_domain;
  for (const auto& [key, value] : org.attributes) {
    if (sdk::Status s = checkText("organisation", "attributes." + key, value); !s.isOk()) return s;
    std::string domain, field;
    if (!splitKey(key, domain, field)) {
      return sdk::Status::invalid("attributes." + key, "must be named <domain>.<field>");
    }
    if (!registry_.byDomain(domain)) {
      return sdk::Status::invalid("attributes." + key, "no enabled plugin for domain \"" + domain + "\"");
    }
    by_domain[domain][field] = value;
  }
  for (const auto& [domain, values] : by_domain) {
    const auto* rec = registry_.byDomain(domain);
    sdk::Status s = sdk::validateFields(rec->organisation_fields,
                                        sdk::normalizeFields(rec->organisation_fields, values));
    if (!s.isOk()) return sdk::Status::invalid("attributes." + domain + "." + s.field(), s.message());
  }
  return sdk::Status::ok();
}

sdk::Result<sdk::RecordId> OrganisationService::add(sdk::Organisation org, const store::Actor& actor) {
  org.id = 0;
  org.attributes = normalizeAttributes(org.attributes);
  try {
    store::Transaction tx(db_.session());
    sdk::Status s = validate(org);
    if (!s.isOk()) return s;
    store::OrganisationRepository repo(db_.session());
    const sdk::RecordId id = repo.add(org, actor);
    tx.commit();
    return id;
  } catch (const Poco::Exception& e) {
    const std::string message =
        couldNotStore({"单位 " + org.code, "organisation " + org.code}, english_);
    store::throwIfStorageFailure(e, message);
    return store::failureStatus(e, withDetail(message, e.displayText(), english_));
  }
}

sdk::Status OrganisationService::update(sdk::Organisation org, const store::Actor& actor) {
  try {
    store::Transaction tx(db_.session());
    store::OrganisationRepository repo(db_.session());
    const auto stored = repo.findById(org.id);
    if (!stored) {
      return sdk::Status::notFound("id", english_
                                             ? "no organisation with id " + std::to_string(org.id)
                                             : "没有编号为 " + std::to_string(org.id) + " 的单位");
    }
    org.code = stored->code;
    org.attributes = normalizeAttributes(org.attributes);
    if (org.parent_id != 0 && repo.subtree(org.id).count(org.parent_id) > 0) {
      return sdk::Status::invalid("parent_id", english_ ? "cannot be the organisation itself or one below it"
                                                        : "不能是本单位或其下级单位");
    }
    sdk::Status s = validate(org);
    if (!s.isOk()) return s;
    for (const auto& child : repo.list()) {
      if (child.parent_id == org.id && !parentAllowed(child.kind, org.kind)) {
        return sdk::Status::invalid(
            "kind", english_ ? std::string("a ") + sdk::labelEn(child.kind) + " under it (" + child.name +
                                   ") cannot be under a " + sdk::labelEn(org.kind)
                             : std::string("其下级") + sdk::labelZh(child.kind) + "“" + child.name + "”不能隶属于" +
                                   sdk::labelZh(org.kind));
      }
    }
    repo.update(org, actor);
    tx.commit();
    return sdk::Status::ok();
  } catch (const Poco::Exception& e) {
    const std::string message =
        couldNotStore({"单位 " + org.code, "organisation " + org.code}, english_);
    store::throwIfStorageFailure(e, message);
    return store::failureStatus(e, withDetail(message, e.displayText(), english_));
  }
}

}  // namespace beacon::service
