// Arguments: one subcommand's command line ("--name value", "--flag",
// positionals), checked against the options the command declares so that a
// mistyped option is an error naming it. Its refusals are zh-CN;
// argumentMessage() gives their English. Plain value; thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/status.h"

namespace beacon::app {

class Arguments {
 public:
  // `valued`: options that take a value; `flags`: options that don't.
  static sdk::Result<Arguments> parse(const std::vector<std::string>& args,
                                      const std::set<std::string>& valued,
                                      const std::set<std::string>& flags);
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
  // Every value given for a repeatable option, in order (get() gives the last).
  std::vector<std::string> all(const std::string& name) const;
  // Fails naming --name when it is missing or empty.
  sdk::Result<std::string> required(const std::string& name) const;
  // Fails naming --name when present but not a YYYY-MM-DD date; unset Date when absent.
  sdk::Result<sdk::Date> date(const std::string& name) const;
  sdk::Result<int> integer(const std::string& name, int fallback) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::string> values_;
  std::map<std::string, std::vector<std::string>> repeated_;
  std::vector<std::string> positionals_;
};

// `message` of a failed Arguments Status in English when `english`; any other message unchanged.
std::string argumentMessage(const std::string& message, bool english);

}  // namespace beacon::app
