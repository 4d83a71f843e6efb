// Whether a file that claims to be a Word document (.docx) is one: an Office
// Open XML package is a ZIP whose [Content_Types].xml declares the main
// document part's content type, and that part is in the archive. A ZIP of
// HTML pages named .docx, or any ZIP without that declaration, is not.
// The declaration is read with Poco::Zip and parsed with Poco::XML (no
// external entities, at most 256 KB). Pure function; thread-safe.
#pragma once

#include <string>

namespace beacon::http {

// The content type [Content_Types].xml gives a DOCX's main document part.
inline constexpr const char* kWordMainDocumentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

// True when `data` is a ZIP package whose [Content_Types].xml has an
// <Override> of kWordMainDocumentType for a part the archive holds.
// False for anything malformed (never throws).
bool isWordPackage(const std::string& data);

}  // namespace beacon::http
