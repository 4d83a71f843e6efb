// The messages of a write or read the store refused (a constraint, a failed
// statement; busy and I/O failures are store::StorageError): zh-CN first in
// the official wording with full-width punctuation (无法保存演练记录：…),
// English when `english` (could not store the drill: …). Stateless;
// thread-safe.
#pragma once

#include <string>

namespace beacon::service {

// What could not be stored or read, in both languages.
struct StoreSubject {
  std::string zh;  // 演练记录
  std::string en;  // the drill
};

// "无法保存演练记录" / "could not store the drill".
std::string couldNotStore(const StoreSubject& what, bool english);
// "无法读取记录" / "could not read the record".
std::string couldNotRead(const StoreSubject& what, bool english);
// `message` and the store's own text after a colon (full-width in zh-CN).
std::string withDetail(const std::string& message, const std::string& detail, bool english);

}  // namespace beacon::service
