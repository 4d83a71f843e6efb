#include "rules/filing_target.h"

#include "store/record_reader_queries.h"

namespace beacon::rules {

namespace {

const std::string kGovernment = "人民政府";
const std::string kBureau = "应急管理局";

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool isTop(sdk::OrgKind kind) { return sdk::levelOf(kind) == sdk::PlanLevel::City; }

}  // namespace

FilingTarget::FilingTarget(const std::vector<sdk::Organisation>& organisations, std::string parent_authority)
    : parent_authority_(std::move(parent_authority)) {
  std::map<sdk::RecordId, const sdk::Organisation*> by_id;
  for (const auto& o : organisations) by_id[o.id] = &o;
  for (const auto& o : organisations) {
    if (!isTop(o.kind)) continue;
    Top top;
    top.place = endsWith(o.name, kGovernment) ? o.name.substr(0, o.name.size() - kGovernment.size()) : o.name;
    tops_[o.id] = top;
  }
  for (const auto& o : organisations) {  // the first department named …应急管理局 under each top
    auto top = tops_.find(o.parent_id);
    if (top != tops_.end() && o.kind == sdk::OrgKind::Department && endsWith(o.name, kBureau) &&
        top->second.bureau.empty()) {
      top->second.bureau = o.name;
    }
  }
  for (auto& [id, top] : tops_) {
    if (top.bureau.empty()) top.bureau = top.place + "应急管理部门";
  }
  for (const auto& o : organisations) {
    const sdk::Organisation* cur = &o;
    for (int depth = 0; depth < 32 && cur->parent_id != 0; ++depth) {
      const auto it = by_id.find(cur->parent_id);
      if (it == by_id.end()) break;
      cur = it->second;
    }
    if (tops_.count(cur->id)) top_of_[o.id] = cur->id;
  }
}

FilingTarget FilingTarget::load(Poco::Data::Session& session, std::string parent_authority) {
  return FilingTarget(store::organisationTree(session), std::move(parent_authority));
}

const FilingTarget::Top* FilingTarget::topOf(sdk::RecordId org_id) const {
  const auto it = top_of_.find(org_id);
  return it == top_of_.end() ? nullptr : &tops_.at(it->second);
}

std::string FilingTarget::of(const sdk::Plan& plan, const sdk::Organisation& owner,
                             const sdk::Organisation* parent) const {
  const bool named = !parent_authority_.empty();
  const std::string upper = named ? parent_authority_ : std::string("上一级");
  const std::string upper_bureau = named ? parent_authority_ + kBureau : std::string("上一级应急管理部门");
  const Top* top = topOf(owner.id);
  const std::string government = top ? top->place + kGovernment : std::string("本级人民政府");
  const std::string bureau = top ? top->bureau : std::string("本级应急管理部门");
  switch (sdk::levelOf(owner.kind)) {
    case sdk::PlanLevel::City:
      if (plan.category == sdk::category::kMaster) {
        return upper + kGovernment + "（送" + upper_bureau + "，抄送" + upper + "有关部门）";
      }
      return upper + "对口牵头部门（抄送" + upper_bureau + "）";
    case sdk::PlanLevel::Department:
    case sdk::PlanLevel::Township:
      return government + "（送" + bureau + "）";
    case sdk::PlanLevel::Village:
      return parent ? parent->name : std::string("所属乡镇（街道）");
    case sdk::PlanLevel::Enterprise:
      return bureau + "及有关负有安全生产监督管理职责的部门";
  }
  return std::string();
}

}  // namespace beacon::rules
