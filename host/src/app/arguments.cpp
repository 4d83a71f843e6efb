#include "app/arguments.h"

#include <cerrno>
#include <cstdlib>

namespace beacon::app {

namespace {
// The refusals Arguments writes: zh-CN, with the English argumentMessage() gives. A value the
// user typed sits between the prefix and the suffix.
struct ArgumentMessage {
  const char* zh_prefix;
  const char* zh_suffix;
  const char* en_prefix;
  const char* en_suffix;
};
const ArgumentMessage kTakesNoValue{"不接受取值", "", "takes no value", ""};
const ArgumentMessage kNeedsAValue{"需要一个取值", "", "needs a value", ""};
const ArgumentMessage kUnknown{"未知选项（见 --help）", "", "unknown option (see --help)", ""};
const ArgumentMessage kRequired{"为必填项", "", "is required", ""};
const ArgumentMessage kDate{"日期格式应为 YYYY-MM-DD，实际为“", "”",
                            "must be a date YYYY-MM-DD, got \"", "\""};
const ArgumentMessage kWholeNumber{"应为非负整数，实际为“", "”",
                                   "must be a non-negative whole number, got \"", "\""};
const ArgumentMessage* const kMessages[] = {&kTakesNoValue, &kNeedsAValue, &kUnknown,
                                            &kRequired,     &kDate,        &kWholeNumber};

sdk::Status refuse(const std::string& name, const ArgumentMessage& m,
                   const std::string& value = "") {
  return sdk::Status::invalid("--" + name, m.zh_prefix + value + m.zh_suffix);
}
}  // namespace

std::string argumentMessage(const std::string& message, bool english) {
  if (!english) return message;
  for (const ArgumentMessage* m : kMessages) {
    const std::string prefix = m->zh_prefix, suffix = m->zh_suffix;
    if (message.size() < prefix.size() + suffix.size() ||
        message.compare(0, prefix.size(), prefix) != 0 ||
        message.compare(message.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    if (suffix.empty() && message.size() != prefix.size()) continue;
    const std::string value =
        message.substr(prefix.size(), message.size() - prefix.size() - suffix.size());
    return m->en_prefix + value + m->en_suffix;
  }
  return message;
}

sdk::Result<Arguments> Arguments::parse(const std::vector<std::string>& args,
                                        const std::set<std::string>& valued,
                                        const std::set<std::string>& flags) {
  Arguments out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0 || a.size() == 2) {
      out.positionals_.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::string value;
    const auto eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name)) {
      if (inline_value) return refuse(name, kTakesNoValue);
      out.values_[name] = "1";
    } else if (valued.count(name)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) return refuse(name, kNeedsAValue);
        value = args[++i];
      }
      out.values_[name] = value;
      out.repeated_[name].push_back(value);
    } else {
      return refuse(name, kUnknown);
    }
  }
  return out;
}

std::string Arguments::get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> Arguments::all(const std::string& name) const {
  auto it = repeated_.find(name);
  return it == repeated_.end() ? std::vector<std::string>() : it->second;
}

sdk::Result<std::string> Arguments::required(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return refuse(name, kRequired);
  return it->second;
}

sdk::Result<sdk::Date> Arguments::date(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return sdk::Date{};
  auto d = sdk::Date::parse(it->second);
  if (!d) return refuse(name, kDate, it->second);
  return *d;
}

sdk::Result<int> Arguments::integer(const std::string& name, int fallback) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  errno = 0;
  char* end = nullptr;
  const long v = std::strtol(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0' || errno != 0 || v < 0 || v > 100000000) {
    return refuse(name, kWholeNumber, it->second);
  }
  return static_cast<int>(v);
}

}  // namespace beacon::app
