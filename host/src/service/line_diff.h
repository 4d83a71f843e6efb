// Line-based diff of two texts (longest common subsequence over lines after
// trimming the common head and tail), printed as unified-diff-like hunks:
// "@@ -a,b +c,d @@" headers, " " context, "-" removed and "+" added lines.
// Used to show what changed between two versions of a plan. Stateless;
// thread-safe.
#pragma once

#include <string>

namespace beacon::service {

// Empty string when the texts are equal. `context` lines surround each change.
std::string lineDiff(const std::string& from_text, const std::string& to_text,
                     const std::string& from_label, const std::string& to_label, int context = 3);

}  // namespace beacon::service
