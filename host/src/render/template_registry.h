// TemplateRegistry: every mustache template Beacon renders, parsed once at
// start-up from the built-in folder, then the plugins' template folders,
// then the site's override folder (a same-named file replaces the earlier
// one). Names are relative paths without ".mustache" ("summary/city_annual.html").
// Partials ({{> name}}) resolve by the same names. Loading is not
// thread-safe; after load() every method is const and renders from a copy,
// so concurrent rendering is safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "beacon/sdk/status.h"

namespace beacon::render {

// A plugin's template folder; its templates are named "<domain>/<relative>".
struct PluginTemplateFolder {
  std::string domain;
  std::string path;
};

enum class Escaping { Html, Xml, None };

class TemplateRegistry {
 public:
  // Loads built-ins (required folder), plugin folders (skipped when absent)
  // and the override folder (empty path: none; otherwise it must exist).
  // Fails naming the file and kainjow's message for a template that does not parse.
  sdk::Status load(const std::string& builtin_dir, const std::vector<PluginTemplateFolder>& plugin_dirs,
                   const std::string& override_dir);
  bool has(const std::string& name) const;
  // The file a template was loaded from, or "" when unknown.
  std::string origin(const std::string& name) const;
  std::vector<std::string> names() const;
  // Escaping::Html escapes {{x}} for HTML; Escaping::Xml also drops the control
  // characters XML forbids (render/xml_escape.h); Escaping::None is for text and
  // Markdown output.
  sdk::Result<std::string> render(const std::string& name, const kainjow::mustache::data& data,
                                  Escaping escaping = Escaping::Html) const;
  sdk::Result<std::string> renderText(const std::string& name,
                                      const kainjow::mustache::data& data) const {
    return render(name, data, Escaping::None);
  }

 private:
  struct Entry {
    std::string path;
    kainjow::mustache::mustache parsed;
  };
  sdk::Status loadFolder(const std::string& dir, const std::string& prefix);
  std::map<std::string, Entry> entries_;
  std::map<std::string, kainjow::mustache::data> sources_;
};

}  // namespace beacon::render
