#include "render/docx_package.h"

#include <algorithm>
#include <sstream>

#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

namespace beacon::render {

namespace {

constexpr const char* kPackageSuffix = ".docx/";
constexpr const char* kContentTypes = "[Content_Types].xml";
const std::vector<std::string> kRequiredParts = {kContentTypes, "_rels/.rels", "word/document.xml"};

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// The parts' paths inside the package, "[Content_Types].xml" first.
std::vector<std::string> partsOf(const TemplateRegistry& templates, const std::string& folder) {
  std::vector<std::string> parts;
  for (const auto& name : templates.names()) {
    if (startsWith(name, folder) && name.size() > folder.size()) parts.push_back(name.substr(folder.size()));
  }
  std::stable_partition(parts.begin(), parts.end(), [](const std::string& p) { return p == kContentTypes; });
  return parts;
}

}  // namespace

std::vector<std::string> docxPackages(const TemplateRegistry& templates) {
  std::vector<std::string> folders;
  const std::string suffix = kPackageSuffix;
  for (const auto& name : templates.names()) {
    const auto at = name.find(suffix);
    if (at == std::string::npos) continue;
    const std::string folder = name.substr(0, at + suffix.size());
    if (std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.push_back(folder);
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

sdk::Status validateDocxPackage(const TemplateRegistry& templates, const std::string& folder) {
  for (const auto& part : kRequiredParts) {
    if (!templates.has(folder + part)) {
      return sdk::Status::invalid(folder + part, "the Word template package lacks this part");
    }
  }
  for (const auto& part : partsOf(templates, folder)) {
    const std::string name = folder + part;
    auto text = templates.render(name, kainjow::mustache::data{}, Escaping::Xml);
    if (!text.isOk()) return text.status();
    try {
      Poco::XML::DOMParser parser;
      Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(text.value());
    } catch (const Poco::Exception& e) {
      return sdk::Status::invalid(templates.origin(name), "not well-formed XML: " + e.displayText());
    }
  }
  return sdk::Status::ok();
}

sdk::Result<std::string> renderDocx(const TemplateRegistry& templates, const std::string& folder,
                                    const kainjow::mustache::data& values) {
  const std::vector<std::string> parts = partsOf(templates, folder);
  if (parts.empty() || parts.front() != kContentTypes) {
    return sdk::Status::invalid(folder, "no Word template package here");
  }
  // A fixed time stamp: the same records give the same bytes.
  const Poco::DateTime stamp(1980, 1, 1);
  std::ostringstream zip(std::ios::out | std::ios::binary);
  try {
    Poco::Zip::Compress compress(zip, true);
    for (const auto& part : parts) {
      auto text = templates.render(folder + part, values, Escaping::Xml);
      if (!text.isOk()) return text.status();
      std::istringstream in(text.value(), std::ios::in | std::ios::binary);
      compress.addFile(in, stamp, Poco::Path(part, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                       Poco::Zip::ZipCommon::CL_NORMAL);
    }
    compress.close();
  } catch (const Poco::Exception& e) {
    return sdk::Status::internal("Word document " + folder + ": " + e.displayText());
  }
  return zip.str();
}

}  // namespace beacon::render
