#include "service/storage_message.h"

namespace beacon::service {

std::string couldNotStore(const StoreSubject& what, bool english) {
  return english ? "could not store " + what.en : "无法保存" + what.zh;
}

std::string couldNotRead(const StoreSubject& what, bool english) {
  return english ? "could not read " + what.en : "无法读取" + what.zh;
}

std::string withDetail(const std::string& message, const std::string& detail, bool english) {
  return message + (english ? ": " : "：") + detail;
}

}  // namespace beacon::service
