// xmlEscape: text made safe for XML 1.0 character data and attribute values
// (Word documents, and any other XML Beacon writes from templates).
// & < > " ' become entity references, exactly as kainjow's HTML escaping
// writes them; the C0 control characters XML 1.0 forbids (all below 0x20
// but tab, line feed and carriage return) are dropped, because one of them
// makes the whole document unreadable. UTF-8 passes through unchanged.
// A pure function; safe from any thread.
#pragma once

#include <string>

namespace beacon::render {

std::string xmlEscape(const std::string& text);

}  // namespace beacon::render
