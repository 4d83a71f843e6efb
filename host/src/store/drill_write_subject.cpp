#include "store/drill_write_subject.h"

#include "store/write_stamp.h"

namespace beacon::store {

namespace {

constexpr const char* kDomainSeparator = ":";

bool isPluginId(const std::string& id) {
  if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

std::string drillWriteSubject(const std::string& domain) {
  if (!isPluginId(domain)) return kDrillsSubject;
  return std::string(kDrillsSubject) + kDomainSeparator + domain;
}

std::optional<std::string> drillWriteDomain(const std::string& subject) {
  const std::string prefix = std::string(kDrillsSubject) + kDomainSeparator;
  if (subject == kDrillsSubject) return std::string();
  if (subject.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  std::string domain = subject.substr(prefix.size());
  if (!isPluginId(domain)) return std::nullopt;
  return domain;
}

}  // namespace beacon::store
