#include "plugins/plugin_manifest.h"

#include <fstream>
#include <regex>
#include <sstream>

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>

namespace beacon::plugins {

sdk::Result<PluginManifest> PluginManifest::read(const std::string& directory) {
  const std::string path = Poco::Path(directory).append("plugin.json").toString();
  if (!Poco::File(path).exists()) return sdk::Status::notFound("missing manifest " + path);
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str());
}

sdk::Result<PluginManifest> PluginManifest::parse(const std::string& json_text) {
  Poco::JSON::Object::Ptr obj;
  try {
    obj = Poco::JSON::Parser().parse(json_text).extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception& e) {
    return sdk::Status::invalid("", std::string("plugin.json is not valid JSON: ") + e.what());
  }
  PluginManifest m;
  auto field = [&](const char* name, std::string& out) -> sdk::Status {
    if (!obj->has(name) || !obj->get(name).isString()) {
      return sdk::Status::invalid(name, "missing or not a string in plugin.json");
    }
    out = obj->getValue<std::string>(name);
    if (out.empty()) return sdk::Status::invalid(name, "is empty in plugin.json");
    return sdk::Status::ok();
  };
  std::string sdk_text;
  for (auto [name, out] : {std::pair<const char*, std::string*>{"id", &m.id},
                           {"library", &m.library},
                           {"class", &m.class_name},
                           {"version", &m.version},
                           {"sdk", &sdk_text},
                           {"name_zh", &m.name_zh},
                           {"name_en", &m.name_en}}) {
    auto s = field(name, *out);
    if (!s.isOk()) return s;
  }
  if (obj->has("description")) m.description = obj->getValue<std::string>("description");
  if (obj->has("license")) m.license = obj->getValue<std::string>("license");
  if (!std::regex_match(m.id, std::regex("[a-z][a-z0-9_]*"))) {
    return sdk::Status::invalid("id", "must be lowercase letters, digits and _: \"" + m.id + "\"");
  }
  if (m.library.find('/') != std::string::npos) {
    return sdk::Status::invalid("library", "must be a file name next to plugin.json");
  }
  std::smatch sm;
  if (!std::regex_match(sdk_text, sm, std::regex("(\\d{1,4})\\.(\\d{1,4})"))) {
    return sdk::Status::invalid("sdk", "must be \"major.minor\", got \"" + sdk_text + "\"");
  }
  m.sdk_version = (static_cast<std::uint32_t>(std::stoul(sm[1])) << 16) |
                  static_cast<std::uint32_t>(std::stoul(sm[2]));
  return m;
}

}  // namespace beacon::plugins
