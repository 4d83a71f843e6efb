// properties_fuzzer: the configuration readers on an arbitrary properties
// file (what etc/beacon.properties holds): Poco's PropertyFileConfiguration
// built from the input, then rules::RulesConfig::load and
// http::WebConfig::load, as `beacon` does at start-up. The contract checked:
// a bad file is a failed Status naming its key, never an exception; a
// configuration that loads holds values within the documented ranges.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sstream>
#include <string>

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "http/web_config.h"
#include "rules/rules_config.h"

using namespace beacon;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "properties_fuzzer: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config;
  try {
    config = new Poco::Util::PropertyFileConfiguration(in);
  } catch (...) {
    return 0;  // Poco's own reader refused it before Beacon reads anything
  }

  try {
    auto rules = rules::RulesConfig::load(*config);
    if (!rules.isOk() && rules.status().message().empty()) fail("a rules error without a message");
    if (rules.isOk()) {
      const rules::RulesConfig& r = rules.value();
      if (r.dueSoonDays() < 0 || r.evalIntervalMonths() < 0 || r.filingWorkingDays() < 0 ||
          r.publicationWorkingDays() < 0 || r.specialDrillIntervalMonths() < 0) {
        fail("a negative rule parameter was accepted");
      }
      if (r.evalWarningMonths() > r.evalIntervalMonths()) fail("warning after the interval was accepted");
      if (!r.trackingStart().isSet()) fail("no tracking start");
      for (const auto& [key, value] : r.values()) {
        if (value.empty()) fail(key + " accepted without a value");
        (void)r.intValue(key, 0);
        (void)r.boolValue(key, false);
      }
    }
  } catch (const std::exception& e) {
    fail(std::string("RulesConfig::load threw: ") + e.what());
  }

  try {
    auto web = http::WebConfig::load(*config);
    if (!web.isOk() && web.status().field().empty()) fail("a web setting error without its key");
    if (web.isOk()) {
      const http::WebConfig& w = web.value();
      if (w.port < 0 || w.port > 65535) fail("port out of range accepted");
      if (w.threads < 1 || w.queue < 1 || w.max_body_bytes < 1024 || w.max_upload_bytes < 1024) {
        fail("a size or count below its minimum was accepted");
      }
      if (w.attachments_dir.empty()) fail("an empty attachments folder was accepted");
    }
  } catch (const std::exception& e) {
    fail(std::string("WebConfig::load threw: ") + e.what());
  }
  return 0;
}
