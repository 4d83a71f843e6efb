// Checks that a plugin's plugin.json names the id, library and class the
// compiled objects export through BEACON_PLUGIN (the host reads the JSON
// before loading the library). Header-only test helper; not thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Manifest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "beacon/sdk/plugin.h"
#include "build_paths.h"


namespace beacon::test {

inline void expectManifestMatches(const std::string& domain, const std::string& class_name) {
  const std::string path = std::string(BEACON_SOURCE_DIR) + "/plugins/" + domain + "/plugin.json";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::stringstream text;
  text << in.rdbuf();
  Poco::JSON::Parser parser;
  auto json = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(json->getValue<std::string>("id"), domain);
  EXPECT_EQ(json->getValue<std::string>("library"), "libbeacon_" + domain + ".so");
  EXPECT_EQ(json->getValue<std::string>("class"), class_name);
  EXPECT_EQ(json->getValue<std::string>("sdk"), sdk::sdkVersionString(sdk::kSdkVersion));
  for (const char* key : {"version", "name_zh", "name_en", "description", "license"}) {
    EXPECT_FALSE(json->optValue<std::string>(key, "").empty()) << key;
  }

  Poco::Manifest<sdk::Plugin> manifest;
  ASSERT_TRUE(pocoBuildManifest(&manifest));
  auto meta = manifest.find(class_name);
  ASSERT_TRUE(meta != manifest.end()) << class_name << " is not exported";
  std::unique_ptr<sdk::Plugin> plugin(meta->create());
  EXPECT_EQ(plugin->info().id, domain);
  EXPECT_EQ(plugin->info().domain, domain);
  EXPECT_EQ(plugin->info().version, json->getValue<std::string>("version"));
}

}  // namespace beacon::test
