// DocxReader: reads a Word document (.docx) back for tests, with Poco::Zip
// and Poco::XML only: the zip's parts by path, and the text of each <w:p>
// of word/document.xml as parsed by Poco::XML::DOMParser (a part that is
// not well-formed XML throws). Stateless functions; safe from any thread.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace beacon::testing {

// Every part of the zip, path → content. Throws Poco::Exception when `bytes` is not a zip.
std::map<std::string, std::string> unzipParts(const std::string& bytes);

// The path of the zip's first local entry ("" when there is none).
std::string firstZipEntry(const std::string& bytes);

// The text of each paragraph (w:p, its w:t runs joined) of a WordprocessingML part.
// Throws Poco::XML::SAXParseException when `xml` is not well-formed.
std::vector<std::string> docxParagraphs(const std::string& xml);

}  // namespace beacon::testing
