#include "render/template_registry.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/xml_escape.h"

namespace beacon::render {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

namespace {

constexpr const char* kExtension = ".mustache";

// Resolves {{> name}} against the registry after the data's own entries, and
// remembers a name it could not resolve so the render can fail instead of
// silently dropping the partial.
class RegistryContext : public kainjow::mustache::context<std::string> {
 public:
  RegistryContext(const data* root, const std::map<std::string, data>& sources)
      : kainjow::mustache::context<std::string>(root), sources_(sources) {}

  const data* get_partial(const std::string& name) const override {
    if (const data* own = kainjow::mustache::context<std::string>::get_partial(name)) return own;
    auto it = sources_.find(name);
    if (it != sources_.end()) return &it->second;
    if (missing_.empty()) missing_ = name;
    return nullptr;
  }
  const std::string& missing() const { return missing_; }

 private:
  const std::map<std::string, data>& sources_;
  mutable std::string missing_;
};

bool readFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace

sdk::Status TemplateRegistry::loadFolder(const std::string& dir, const std::string& prefix) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().filename().string().size() > std::string(kExtension).size() &&
        it->path().extension() == kExtension) {
      files.push_back(it->path());
    }
  }
  if (ec) return sdk::Status::invalid(dir, "cannot read template folder: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string relative = fs::relative(file, dir).generic_string();
    relative.resize(relative.size() - std::string(kExtension).size());
    const std::string name = prefix + relative;
    std::string source;
    if (!readFile(file, source)) return sdk::Status::invalid(file.string(), "cannot read template");
    mustache parsed{source};
    if (!parsed.is_valid()) return sdk::Status::invalid(file.string(), parsed.error_message());
    entries_.erase(name);
    entries_.emplace(name, Entry{file.string(), std::move(parsed)});
    sources_.erase(name);
    sources_.emplace(name, data{source});
  }
  return sdk::Status::ok();
}

sdk::Status TemplateRegistry::load(const std::string& builtin_dir,
                                   const std::vector<PluginTemplateFolder>& plugin_dirs,
                                   const std::string& override_dir) {
  entries_.clear();
  sources_.clear();
  if (!fs::is_directory(builtin_dir)) {
    return sdk::Status::invalid(builtin_dir, "built-in template folder not found");
  }
  sdk::Status status = loadFolder(builtin_dir, "");
  if (!status.isOk()) return status;
  for (const auto& folder : plugin_dirs) {
    if (!fs::is_directory(folder.path)) continue;
    status = loadFolder(folder.path, folder.domain + "/");
    if (!status.isOk()) return status;
  }
  if (!override_dir.empty()) {
    if (!fs::is_directory(override_dir)) {
      return sdk::Status::invalid(override_dir, "template override folder not found");
    }
    status = loadFolder(override_dir, "");
    if (!status.isOk()) return status;
  }
  return sdk::Status::ok();
}

bool TemplateRegistry::has(const std::string& name) const { return entries_.count(name) != 0; }

std::string TemplateRegistry::origin(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? std::string() : it->second.path;
}

std::vector<std::string> TemplateRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, entry] : entries_) out.push_back(name);
  return out;
}

sdk::Result<std::string> TemplateRegistry::render(const std::string& name, const data& values,
                                                  Escaping escaping) const {
  auto it = entries_.find(name);
  if (it == entries_.end()) return sdk::Status::invalid(name, "no such template");
  mustache copy = it->second.parsed;
  if (escaping == Escaping::None) copy.set_custom_escape([](const std::string& s) { return s; });
  if (escaping == Escaping::Xml) copy.set_custom_escape(xmlEscape);
  RegistryContext ctx(&values, sources_);
  std::string out = copy.render(ctx);
  if (!copy.is_valid()) return sdk::Status::invalid(it->second.path, copy.error_message());
  if (!ctx.missing().empty()) {
    return sdk::Status::invalid(it->second.path, "unknown partial \"" + ctx.missing() + "\"");
  }
  return out;
}

}  // namespace beacon::render
