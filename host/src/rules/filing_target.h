// FilingTarget: the body a government or grassroots plan is filed with
// (备案), by the owner's level (2024 办法 第二十六条), derived from the
// organisation tree and the configured parent authority
// (city.parent_authority), never from a particular city:
//  - the top organisation's 总体预案: the parent authority's
//    人民政府 via its 应急管理局, copied to its departments; its 专项预案: the
//    parent authority's matching lead department, copied to its 应急管理局;
//  - department and township (sub-district) plans: the top organisation's
//    人民政府 via its 应急管理局 (the department of that name in the tree, or
//    the place's 应急管理部门 when there is none);
//  - village (community) plans: their township (sub-district);
//  - enterprise plans: the county's 应急管理局 and the departments with
//    work-safety duties (部令2号 第二十六条).
// Without a parent authority the upper level reads 上一级. Immutable after
// load; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::rules {

// The configuration key of the place above the county (郑州市), read and
// checked by RulesConfig (a place name, not its 人民政府 or 应急管理局).
inline constexpr const char* kParentAuthorityKey = "city.parent_authority";

class FilingTarget {
 public:
  // No tree: every level worded generically (本级人民政府, 上一级).
  FilingTarget() = default;
  FilingTarget(const std::vector<sdk::Organisation>& organisations, std::string parent_authority);
  // Reads every organisation's id, name, kind and parent.
  static FilingTarget load(Poco::Data::Session& session, std::string parent_authority);

  // Where `plan`, owned by `owner`, is filed; `parent`: the owner's parent
  // organisation (a village plan's township), or null.
  std::string of(const sdk::Plan& plan, const sdk::Organisation& owner, const sdk::Organisation* parent) const;

 private:
  struct Top {
    std::string place;   // 新密市 for 新密市 or 新密市人民政府
    std::string bureau;  // its 应急管理局
  };
  const Top* topOf(sdk::RecordId org_id) const;

  std::map<sdk::RecordId, Top> tops_;             // by top organisation id
  std::map<sdk::RecordId, sdk::RecordId> top_of_;  // every organisation's top, when it has one
  std::string parent_authority_;
};

}  // namespace beacon::rules
