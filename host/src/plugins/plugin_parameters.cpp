#include "plugins/plugin_parameters.h"

#include <exception>

namespace beacon::plugins {

namespace {
constexpr const char* kPrefix = "rules.";

const PluginRecord* anyById(const PluginRegistry& registry, const std::string& id) {
  for (const auto& p : registry.all()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::string knownDomains(const PluginRegistry& registry) {
  std::string out;
  for (const auto* p : registry.enabled()) out += (out.empty() ? "" : ", ") + p->id;
  return out.empty() ? "none" : out;
}
}  // namespace

sdk::Result<std::vector<sdk::ParameterSpec>> declaredParameters(const PluginRecord& plugin) {
  if (!plugin.plugin) return std::vector<sdk::ParameterSpec>{};
  try {
    const auto* catalogue = dynamic_cast<const sdk::ParameterCatalogue*>(&plugin.plugin->rules());
    if (!catalogue) return std::vector<sdk::ParameterSpec>{};
    return catalogue->parameters();
  } catch (const std::exception& e) {
    return sdk::Status::internal("plugin " + plugin.id +
                                 " failed to list its parameters: " + e.what());
  } catch (...) {
    return sdk::Status::internal("plugin " + plugin.id + " failed to list its parameters");
  }
}

sdk::Status checkPluginParameters(const std::map<std::string, std::string>& values,
                                  const PluginRegistry& registry, Poco::Logger& logger) {
  std::map<std::string, std::vector<sdk::ParameterSpec>> declared;
  for (const auto& [key, value] : values) {
    if (key.rfind(kPrefix, 0) != 0) continue;
    const auto dot = key.find('.', 6);
    if (dot == std::string::npos) continue;  // a shared key, RulesConfig's own
    const std::string domain = key.substr(6, dot - 6);
    const PluginRecord* plugin = registry.byDomain(domain);
    if (!plugin) {
      if (const PluginRecord* disabled = anyById(registry, domain)) {
        logger.warning("%s ignored: plugin %s is disabled (%s)", key, domain, disabled->reason);
        continue;
      }
      return sdk::Status::invalid(key, "未知的领域“" + domain + "”：没有插件提供（已启用：" +
                                           knownDomains(registry) + "）(no plugin has domain \"" +
                                           domain + "\")");
    }
    auto it = declared.find(domain);
    if (it == declared.end()) {
      auto specs = declaredParameters(*plugin);
      if (!specs.isOk()) return specs.status();
      it = declared.emplace(domain, specs.value()).first;
    }
    const sdk::ParameterSpec* spec = sdk::findParameter(it->second, key);
    if (!spec) {
      const std::string nearest = sdk::nearestParameter(it->second, key);
      const std::string zh = "插件 " + domain + " 未声明此参数" +
                             (nearest.empty() ? "" : "，是否应为 " + nearest + "？");
      const std::string en = nearest.empty() ? "unknown parameter"
                                             : "unknown parameter; did you mean " + nearest + "?";
      return sdk::Status::invalid(key, zh + " (" + en + ")");
    }
    if (sdk::Status s = sdk::checkParameter(*spec, key, value); !s.isOk()) return s;
  }
  return sdk::Status::ok();
}

}  // namespace beacon::plugins
