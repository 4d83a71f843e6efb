// PluginManifest: the declarative plugin.json read and validated before any
// of the plugin's code is loaded (Qt Creator's metadata, GStreamer's
// descriptor): id, library file, exported class, versions, names. Plain
// value; parse() is stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "beacon/sdk/status.h"

namespace beacon::plugins {

struct PluginManifest {
  std::string id;
  std::string library;     // file name next to plugin.json
  std::string class_name;  // as registered with POCO_EXPORT_CLASS
  std::string version;
  std::uint32_t sdk_version = 0;  // from "sdk": "major.minor"
  std::string name_zh;
  std::string name_en;
  std::string description;
  std::string license;

  // Reads and validates `directory`/plugin.json; the failure names the field.
  static sdk::Result<PluginManifest> read(const std::string& directory);
  static sdk::Result<PluginManifest> parse(const std::string& json_text);
};

}  // namespace beacon::plugins
