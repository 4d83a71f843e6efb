// markdownEscape: text made safe to put anywhere in a Markdown line, table
// cells included, so that it shows as the same text and never as markup or
// HTML. Line breaks (CR, LF, CRLF) and tabs become one space, other C0
// control characters and DEL are dropped (a new line would end a table
// row); < > become &lt; &gt; and an & that could start an entity becomes
// &amp; (Markdown passes HTML through); the inline markup characters
// \ ` * _ [ ] | ~ get a backslash; and so do the characters that make
// markup at the start of a line (# - + = and "1. " / "1) " ordered-list
// numbers), because a value may begin a line. UTF-8 passes through
// unchanged. Every Markdown summary's values go through this one function
// (summary_service.cpp). A pure function; safe from any thread.
#pragma once

#include <string>

namespace beacon::render {

std::string markdownEscape(const std::string& text);

}  // namespace beacon::render
