#include "support/docx_reader.h"

#include <sstream>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

namespace beacon::testing {

namespace {
const std::string kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
}

std::map<std::string, std::string> unzipParts(const std::string& bytes) {
  std::istringstream in(bytes, std::ios::in | std::ios::binary);
  Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> parts;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    in.clear();
    Poco::Zip::ZipInputStream zip(in, it->second);
    std::string content;
    Poco::StreamCopier::copyToString(zip, content);
    parts[it->first] = content;
  }
  return parts;
}

std::string firstZipEntry(const std::string& bytes) {
  // Local file header: signature PK\3\4, the name's length at offset 26, the name at 30.
  if (bytes.size() < 30 || bytes.compare(0, 4, "PK\x03\x04") != 0) return "";
  const std::size_t length = static_cast<unsigned char>(bytes[26]) | static_cast<unsigned char>(bytes[27]) << 8;
  return bytes.size() < 30 + length ? "" : bytes.substr(30, length);
}

std::vector<std::string> docxParagraphs(const std::string& xml) {
  Poco::XML::DOMParser parser;
  Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(xml);
  Poco::AutoPtr<Poco::XML::NodeList> paragraphs = document->getElementsByTagNameNS(kWordNamespace, "p");
  std::vector<std::string> out;
  for (unsigned long i = 0; i < paragraphs->length(); ++i) {
    auto* paragraph = static_cast<Poco::XML::Element*>(paragraphs->item(i));
    Poco::AutoPtr<Poco::XML::NodeList> runs = paragraph->getElementsByTagNameNS(kWordNamespace, "t");
    std::string text;
    for (unsigned long j = 0; j < runs->length(); ++j) text += runs->item(j)->innerText();
    out.push_back(text);
  }
  return out;
}

}  // namespace beacon::testing
