#include "http/office_package.h"

#include <sstream>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/SAX/XMLReader.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

namespace beacon::http {

namespace {

constexpr const char* kContentTypesPart = "[Content_Types].xml";
constexpr const char* kContentTypesNamespace =
    "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr std::size_t kMaxContentTypesBytes = 256 * 1024;

// The part's bytes, or false when it is absent or larger than `limit`.
bool readPart(std::istream& in, const Poco::Zip::ZipArchive& archive, const std::string& name,
              std::size_t limit, std::string& out) {
  auto header = archive.findHeader(name);
  if (header == archive.headerEnd() || header->second.getUncompressedSize() > limit) return false;
  Poco::Zip::ZipInputStream part(in, header->second, true);
  char buffer[8192];
  while (part.read(buffer, sizeof buffer) || part.gcount() > 0) {
    out.append(buffer, static_cast<std::size_t>(part.gcount()));
    if (out.size() > limit) return false;
  }
  return true;
}

}  // namespace

bool isWordPackage(const std::string& data) {
  try {
    std::istringstream in(data);
    const Poco::Zip::ZipArchive archive(in);
    std::string xml;
    if (!readPart(in, archive, kContentTypesPart, kMaxContentTypesBytes, xml)) return false;
    Poco::XML::DOMParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    Poco::AutoPtr<Poco::XML::Document> doc = parser.parseString(xml);
    const Poco::XML::Element* root = doc->documentElement();
    if (!root || root->localName() != "Types" || root->namespaceURI() != kContentTypesNamespace)
      return false;
    Poco::AutoPtr<Poco::XML::NodeList> overrides =
        root->getElementsByTagNameNS(kContentTypesNamespace, "Override");
    for (unsigned long i = 0; i < overrides->length(); ++i) {
      const auto* o = static_cast<const Poco::XML::Element*>(overrides->item(i));
      if (o->getAttribute("ContentType") != kWordMainDocumentType) continue;
      std::string part =
          o->getAttribute("PartName");  // "/word/document.xml"; ZIP names have no leading '/'
      if (part.size() > 1 && part[0] == '/') part.erase(0, 1);
      if (archive.findHeader(part) != archive.headerEnd()) return true;
    }
    return false;
  } catch (const Poco::Exception&) {
    return false;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace beacon::http
