#include "auth/role.h"

namespace beacon::auth {

const char* toId(Role r) {
  switch (r) {
    case Role::Admin: return "admin";
    case Role::OrgStaff: return "org_staff";
    case Role::VillageStaff: return "village_staff";
    case Role::Viewer: return "viewer";
  }
  return "viewer";
}

const char* labelZh(Role r) {
  switch (r) {
    case Role::Admin: return "市应急管理局管理员";
    case Role::OrgStaff: return "部门/乡镇/街道工作人员";
    case Role::VillageStaff: return "村/社区工作人员";
    case Role::Viewer: return "只读用户";
  }
  return "只读用户";
}

const char* labelEn(Role r) {
  switch (r) {
    case Role::Admin: return "administrator";
    case Role::OrgStaff: return "department/township staff";
    case Role::VillageStaff: return "village/community staff";
    case Role::Viewer: return "viewer";
  }
  return "viewer";
}

const std::vector<Role>& allRoles() {
  static const std::vector<Role> kAll = {Role::Admin, Role::OrgStaff, Role::VillageStaff, Role::Viewer};
  return kAll;
}

std::optional<Role> parseRole(const std::string& text) {
  for (Role r : allRoles()) {
    if (text == toId(r) || text == labelZh(r) || text == labelEn(r)) return r;
  }
  return std::nullopt;
}

bool requiresOrganisation(Role r) { return r == Role::OrgStaff || r == Role::VillageStaff; }

}  // namespace beacon::auth
