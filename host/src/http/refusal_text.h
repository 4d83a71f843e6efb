// RefusalText: the one catalogue of the host's wording for refusals (a failed
// sdk::Status or HttpError: a field and a message) in zh-CN and English, and
// the sentence a user reads. The field keeps its machine name in the API's
// "field"; the message names it by its label (a plugin's field by the
// plugin's FieldSpec label, a host field by this catalogue), in the
// request's language, with GB/T 15834 punctuation in Chinese:
// fields.hazard + "is required" → “危险源”为必填项。 / “Hazard” is required.
// Messages the SDK and the services write in English are matched against
// the catalogue's English patterns; a message already in Chinese keeps its
// words. Immutable tables built once; thread-safe.
#pragma once

#include <string>

#include "plugins/plugin_registry.h"

namespace beacon::http {

// The label of `field` ("fields.hazard", "target_body"); empty when the catalogue has none.
std::string fieldLabel(const plugins::PluginRegistry& plugins, const std::string& field,
                       bool english);

// `message` in Chinese (or English when `english`), from the catalogue when it knows the wording.
std::string translatedMessage(const std::string& message, bool english);

// The sentence for a refusal of `field` (may be empty) with `message`, as described above.
std::string refusalSentence(const plugins::PluginRegistry& plugins, const std::string& field,
                            const std::string& message, bool english);

}  // namespace beacon::http
