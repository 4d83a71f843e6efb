#include "rules/rule_table.h"

#include <functional>
#include <string_view>

namespace beacon::rules {

std::size_t RuleTable::Hash::operator()(const RuleText& t) const {
  std::size_t h = std::hash<std::string_view>()(t.rule_id);
  for (const std::string* s : {&t.domain, &t.title_zh, &t.title_en, &t.citation}) {
    h = h * 31 + std::hash<std::string_view>()(*s);
  }
  return h * 31 + static_cast<std::size_t>(t.kind) * 2 + static_cast<std::size_t>(t.basis);
}

const RuleTable::Ref& RuleTable::intern(const sdk::Obligation& o) {
  if (last_ && (*last_)->sameAs(o)) return *last_;
  RuleText key{o.rule_id, o.domain, o.kind, o.title_zh, o.title_en, o.citation, o.basis};
  auto it = texts_.find(key);
  if (it == texts_.end()) {
    auto value = std::make_shared<const RuleText>(key);
    it = texts_.emplace(std::move(key), std::move(value)).first;
  }
  last_ = &it->second;
  return it->second;
}

void RuleTable::prune() {
  last_ = nullptr;
  for (auto it = texts_.begin(); it != texts_.end();) {
    if (it->second.use_count() == 1) {
      it = texts_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace beacon::rules
