// TextDiff: what changed between two versions of a plan's text, read the way
// a revision is read. Lines are compared with Myers' O(ND) diff in linear
// space (myers_diff.h); changes are grouped in hunks by the plan's sections
// (a hunk never holds lines of two sections, and names the section it is
// in: the last heading such as 第三章 应急响应, 第二节, 3.2 预警发布 at or before
// it); inside a changed line paired with its replacement, only the changed
// characters are marked (whole UTF-8 characters, never part of one).
// As text (toText): unified-diff hunks "@@ -a,b +c,d @@ 第三章 …", " " context,
// "-" old and "+" new lines, changed characters in "[-…-]" on old lines and
// "{+…+}" on new ones. Immutable value; building one is stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "service/myers_diff.h"

namespace beacon::service {

// A piece of a changed line; `changed` pieces are what differs from the paired line.
struct DiffSegment {
  bool changed = false;
  std::string text;
};

struct DiffLine {
  DiffTag tag = DiffTag::Equal;
  std::string text;
  // Set when the line is paired with its replacement and the two share
  // enough characters: the line cut into unchanged and changed pieces.
  std::vector<DiffSegment> segments;
};

struct DiffHunk {
  std::string section;                         // the heading in force ("" before the first heading)
  std::size_t from_start = 0, from_count = 0;  // 1-based line numbers, as in a unified diff
  std::size_t to_start = 0, to_count = 0;
  std::vector<DiffLine> lines;
};

struct TextDiff {
  std::string from_label;
  std::string to_label;
  std::vector<DiffHunk> hunks;
  bool empty() const { return hunks.empty(); }
  // "" when the texts are equal; otherwise "--- from\n+++ to\n" and the hunks.
  std::string toText() const;
};

// `context` unchanged lines surround each change, fewer where the section
// begins or ends (context never crosses a section heading).
TextDiff diffTexts(const std::string& from_text, const std::string& to_text,
                   const std::string& from_label, const std::string& to_label, int context = 3);

// Whether a line is a section heading: 第X章 / 第X节 (Chinese or Arabic
// numerals) or a decimal number "1.1", "3.2.1" (or "1 " for a short line)
// followed by a title, after leading spaces.
bool isSectionHeading(std::string_view line);

// The UTF-8 characters of `text` as code points; a byte that does not start
// a valid sequence stands for itself (0x110000 + byte), so nothing is lost.
std::vector<std::uint32_t> utf8Units(std::string_view text,
                                     std::vector<std::size_t>* byte_offsets = nullptr);

}  // namespace beacon::service
