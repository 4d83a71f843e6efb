// Converts a Poco JSON value into kainjow mustache data, so a summary's JSON
// (the data behind it) is exactly what its templates see: objects and arrays
// map one to one, booleans stay booleans (sections), numbers are formatted in
// C++ (integers as is, others with one decimal), null becomes "". The
// second form passes every string through `text` (markdownEscape for the
// Markdown summaries). Stateless; thread-safe.
#pragma once

#include <string>

#include <Poco/Dynamic/Var.h>
#include <kainjow/mustache.hpp>

namespace beacon::render {

kainjow::mustache::data toMustacheData(const Poco::Dynamic::Var& value);
using TextFilter = std::string (*)(const std::string&);
kainjow::mustache::data toMustacheData(const Poco::Dynamic::Var& value, TextFilter text);

}  // namespace beacon::render
