// Role: what kind of account a user has, and so which organisations' records
// it may read and write (AccessPolicy applies it):
//   admin          市应急管理局管理员  everything, and user management;
//   org_staff      部门/乡镇/街道工作人员  its organisation and everything below, read and write;
//   village_staff  村/社区工作人员  its own organisation's records only, read and write;
//   viewer         只读用户  read only: everything, or its organisation's subtree when it has one.
// Stable string ids are stored in users.role. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace beacon::auth {

enum class Role { Admin, OrgStaff, VillageStaff, Viewer };

const char* toId(Role);
const char* labelZh(Role);
const char* labelEn(Role);
// Accepts the id or either label; nullopt if unknown.
std::optional<Role> parseRole(const std::string&);
const std::vector<Role>& allRoles();
// Whether an account of this role must belong to an organisation.
bool requiresOrganisation(Role);

}  // namespace beacon::auth
