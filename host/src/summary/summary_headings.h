// summaryHeadings: the column headings, labels and punctuation the summary
// templates share (the "t" object of every summary's data), in zh-CN or
// English. Returns a new object each call; thread-safe.
#pragma once

#include <Poco/JSON/Object.h>

#include "summary/summary_context.h"

namespace beacon::summary {

Poco::JSON::Object::Ptr summaryHeadings(const Lang& t);

}  // namespace beacon::summary
