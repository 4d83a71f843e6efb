// TextLimits: the one table of text-field limits and the character rule the
// services apply to every text a user writes, whatever the entry path (API
// JSON, page forms, CSV import, CLI). A text must be valid UTF-8, hold no
// control character other than tab and line feed (a carriage return only as
// part of a CRLF line end, as browsers send textareas), and have at most the
// field's number of characters (Unicode code points, not bytes). Failed
// checks name the field; the message is zh-CN ("不得超过 2000 个字符") and
// localisedMessage() gives the English one. Immutable data and stateless
// functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "beacon/sdk/status.h"

namespace beacon::service {

struct TextLimit {
  const char* record;  // organisation, plan, plan_version, review, filing, drill, corrective_action
  const char* field;   // as failed statuses name it; "fields.*"/"attributes.*" for plugin fields
  std::size_t max_chars;
};

// Every limit, for the documentation table and the tests.
const std::vector<TextLimit>& textLimits();
// The limit of `record`'s `field` ("fields.hazard" matches "fields.*"). REQUIRES: listed in
// textLimits().
std::size_t textLimit(const std::string& record, const std::string& field);

// Checks `value` of `record`'s `field`; the failed Status names `field`.
sdk::Status checkText(const std::string& record, const std::string& field,
                      const std::string& value);

// Unicode code points in valid UTF-8 `text`.
std::size_t countCharacters(const std::string& text);

// `message` of a failed service Status in English when `english`, for the
// messages this file writes; any other message is returned as it is.
std::string localisedMessage(const std::string& message, bool english);

}  // namespace beacon::service
