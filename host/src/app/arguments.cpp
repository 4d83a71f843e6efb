#include "app/arguments.h"

#include <cerrno>
#include <cstdlib>

namespace beacon::app {

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
      if (inline_value) return sdk::Status::invalid("--" + name, "takes no value");
      out.values_[name] = "1";
    } else if (valued.count(name)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) return sdk::Status::invalid("--" + name, "needs a value");
        value = args[++i];
      }
      out.values_[name] = value;
      out.repeated_[name].push_back(value);
    } else {
      return sdk::Status::invalid("--" + name, "unknown option (see --help)");
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
  if (it == values_.end() || it->second.empty()) return sdk::Status::invalid("--" + name, "is required");
  return it->second;
}

sdk::Result<sdk::Date> Arguments::date(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return sdk::Date{};
  auto d = sdk::Date::parse(it->second);
  if (!d) return sdk::Status::invalid("--" + name, "must be a date YYYY-MM-DD, got \"" + it->second + "\"");
  return *d;
}

sdk::Result<int> Arguments::integer(const std::string& name, int fallback) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  errno = 0;
  char* end = nullptr;
  const long v = std::strtol(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0' || errno != 0 || v < 0 || v > 100000000) {
    return sdk::Status::invalid("--" + name, "must be a non-negative whole number, got \"" + it->second + "\"");
  }
  return static_cast<int>(v);
}

}  // namespace beacon::app
