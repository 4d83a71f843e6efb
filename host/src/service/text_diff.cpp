#include "service/text_diff.h"

#include <algorithm>
#include <unordered_map>

namespace beacon::service {

namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// Leading and trailing ASCII blanks and ideographic spaces (U+3000) removed.
std::string_view trimmed(std::string_view s) {
  static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (s.substr(0, 3) == kIdeographicSpace) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A short line (a title, not a sentence): at most 20 CJK characters, not ending in 。
bool titleLike(std::string_view s) {
  return s.size() <= 60 && !(s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x82");
}

struct Op {
  DiffTag tag;
  std::size_t a;
  std::size_t b;
};

void appendSegment(std::vector<DiffSegment>& segments, bool changed, std::string_view text) {
  if (text.empty()) return;
  if (!segments.empty() && segments.back().changed == changed) {
    segments.back().text.append(text);
  } else {
    segments.push_back({changed, std::string(text)});
  }
}

// Marks the changed characters of an old line and its replacement; leaves
// both unmarked when they share less than half of the shorter line.
void markChangedCharacters(DiffLine& old_line, DiffLine& new_line) {
  std::vector<std::size_t> a_at, b_at;
  const auto a = utf8Units(old_line.text, &a_at);
  const auto b = utf8Units(new_line.text, &b_at);
  const auto runs = myersDiff(a, b);
  std::size_t common = 0;
  for (const auto& r : runs) {
    if (r.tag == DiffTag::Equal) common += r.count;
  }
  if (common == 0 || 2 * common < std::min(a.size(), b.size())) return;
  const std::string_view at(old_line.text);
  const std::string_view bt(new_line.text);
  std::vector<DiffSegment> old_segments, new_segments;
  for (const auto& r : runs) {
    if (r.tag != DiffTag::Insert) {
      const std::string_view piece =
          at.substr(a_at[r.a_start], a_at[r.a_start + r.count] - a_at[r.a_start]);
      appendSegment(old_segments, r.tag == DiffTag::Delete, piece);
    }
    if (r.tag != DiffTag::Delete) {
      const std::string_view piece =
          bt.substr(b_at[r.b_start], b_at[r.b_start + r.count] - b_at[r.b_start]);
      appendSegment(new_segments, r.tag == DiffTag::Insert, piece);
    }
  }
  old_line.segments = std::move(old_segments);
  new_line.segments = std::move(new_segments);
}

}  // namespace

std::vector<std::uint32_t> utf8Units(std::string_view text,
                                     std::vector<std::size_t>* byte_offsets) {
  std::vector<std::uint32_t> units;
  units.reserve(text.size());
  if (byte_offsets) byte_offsets->clear();
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range
    if (c < 0x80) {
      length = 1;
      cp = c;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      cp = c & 0x0F;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      cp = c & 0x07;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    }
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      const unsigned char lo = k == 1 ? low : 0x80;
      const unsigned char hi = k == 1 ? high : 0xBF;
      if (next < lo || next > hi) valid = false;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (!valid) {
      length = 1;
      cp = 0x110000u + c;
    }
    if (byte_offsets) byte_offsets->push_back(i);
    units.push_back(cp);
    i += length;
  }
  if (byte_offsets) byte_offsets->push_back(text.size());
  return units;
}

bool isSectionHeading(std::string_view line) {
  const std::string_view s = trimmed(line);
  if (s.empty()) return false;
  static constexpr std::string_view kDi = "\xE7\xAC\xAC";  // 第
  if (startsWith(s, kDi)) {
    static const std::vector<std::string_view> kNumerals = {
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇", "两"};
    std::string_view rest = s.substr(kDi.size());
    bool any = false;
    for (bool more = true; more && !rest.empty();) {
      more = false;
      if (isDigit(rest.front())) {
        rest.remove_prefix(1);
        any = more = true;
        continue;
      }
      for (const auto& n : kNumerals) {
        if (startsWith(rest, n)) {
          rest.remove_prefix(n.size());
          any = more = true;
          break;
        }
      }
    }
    return any && (startsWith(rest, "章") || startsWith(rest, "节")) && titleLike(s);
  }
  // 1 / 1.1 / 3.2.1 followed by a blank or straight by a title.
  std::size_t i = 0;
  bool dotted = false;
  while (i < s.size() && isDigit(s[i])) {
    while (i < s.size() && isDigit(s[i])) ++i;
    if (i + 1 < s.size() && s[i] == '.' && isDigit(s[i + 1])) {
      ++i;
      dotted = true;
    } else {
      break;
    }
  }
  if (i == 0 || i >= s.size() || !titleLike(s)) return false;
  const std::string_view rest = s.substr(i);
  const bool blank =
      rest.front() == ' ' || rest.front() == '\t' || startsWith(rest, "\xE3\x80\x80");
  // Straight after the number only a CJK character (lead byte 0xE4..0xE9) starts a title.
  const auto lead = static_cast<unsigned char>(rest.front());
  const bool cjk = lead >= 0xE4 && lead <= 0xE9;
  if (blank) return !trimmed(rest).empty();
  return dotted && cjk;
}

std::string TextDiff::toText() const {
  if (hunks.empty()) return "";
  std::string out = "--- " + from_label + "\n+++ " + to_label + "\n";
  for (const auto& h : hunks) {
    out += "@@ -" + std::to_string(h.from_start) + "," + std::to_string(h.from_count) + " +" +
           std::to_string(h.to_start) + "," + std::to_string(h.to_count) + " @@";
    if (!h.section.empty()) out += " " + h.section;
    out += "\n";
    for (const auto& line : h.lines) {
      out += static_cast<char>(line.tag);
      if (line.segments.empty()) {
        out += line.text;
      } else {
        for (const auto& s : line.segments) {
          if (!s.changed) {
            out += s.text;
          } else if (line.tag == DiffTag::Delete) {
            out += "[-" + s.text + "-]";
          } else {
            out += "{+" + s.text + "+}";
          }
        }
      }
      out += '\n';
    }
  }
  return out;
}

TextDiff diffTexts(const std::string& from_text, const std::string& to_text,
                   const std::string& from_label, const std::string& to_label, int context) {
  TextDiff diff;
  diff.from_label = from_label;
  diff.to_label = to_label;
  const auto a = splitLines(from_text);
  const auto b = splitLines(to_text);
  // Lines as token ids: equal lines, equal ids.
  std::unordered_map<std::string_view, std::uint32_t> ids;
  ids.reserve(a.size() + b.size());
  auto intern = [&ids](const std::vector<std::string_view>& lines) {
    std::vector<std::uint32_t> out;
    out.reserve(lines.size());
    for (const auto& l : lines)
      out.push_back(ids.emplace(l, static_cast<std::uint32_t>(ids.size())).first->second);
    return out;
  };
  const auto a_ids = intern(a);
  const auto b_ids = intern(b);
  std::vector<Op> ops;
  ops.reserve(std::max(a.size(), b.size()));
  for (const auto& r : myersDiff(a_ids, b_ids)) {
    for (std::size_t k = 0; k < r.count; ++k) {
      ops.push_back({r.tag, r.a_start + (r.tag == DiffTag::Insert ? 0 : k),
                     r.b_start + (r.tag == DiffTag::Delete ? 0 : k)});
    }
  }
  // The heading in force at each line of each text (-1: none yet).
  auto headings = [](const std::vector<std::string_view>& lines) {
    std::vector<long> out(lines.size(), -1);
    long current = -1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (isSectionHeading(lines[i])) current = static_cast<long>(i);
      out[i] = current;
    }
    return out;
  };
  const auto a_heading = headings(a);
  const auto b_heading = headings(b);
  // A change's section: for a removed line the old text's, otherwise the new one's.
  auto sectionOf = [&](const Op& op) -> std::string_view {
    if (op.tag == DiffTag::Delete)
      return a_heading[op.a] < 0 ? std::string_view() : trimmed(a[a_heading[op.a]]);
    if (op.b < b.size())
      return b_heading[op.b] < 0 ? std::string_view() : trimmed(b[b_heading[op.b]]);
    return b.empty() || b_heading.back() < 0 ? std::string_view() : trimmed(b[b_heading.back()]);
  };
  const std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));
  const std::size_t n = ops.size();
  auto blockEnd = [&](std::size_t k) {
    while (k < n && ops[k].tag != DiffTag::Equal) ++k;
    return k;
  };
  std::size_t k = 0;
  std::size_t printed = 0;  // ops before this belong to an earlier hunk
  while (k < n) {
    if (ops[k].tag == DiffTag::Equal) {
      ++k;
      continue;
    }
    const std::string_view section = sectionOf(ops[k]);
    // Context stays inside the section: it starts at the section's heading at the earliest.
    std::size_t start = std::max(printed, k >= ctx ? k - ctx : 0);
    while (start < k && sectionOf(ops[start]) != section) ++start;
    std::size_t end_of_changes = blockEnd(k);
    std::size_t end = n;
    for (;;) {
      std::size_t next = end_of_changes;
      while (next < n && ops[next].tag == DiffTag::Equal) ++next;
      if (next < n && next - end_of_changes <= 2 * ctx && sectionOf(ops[next]) == section) {
        end_of_changes = blockEnd(next);
        continue;
      }
      end = end_of_changes;
      while (end < std::min(end_of_changes + ctx, next) && sectionOf(ops[end]) == section) ++end;
      break;
    }
    DiffHunk hunk;
    hunk.section = std::string(section);
    std::size_t from_count = 0, to_count = 0;
    for (std::size_t x = start; x < end; ++x) {
      const Op& op = ops[x];
      if (op.tag != DiffTag::Insert) ++from_count;
      if (op.tag != DiffTag::Delete) ++to_count;
      hunk.lines.push_back(
          {op.tag, std::string(op.tag == DiffTag::Insert ? b[op.b] : a[op.a]), {}});
    }
    hunk.from_start = from_count ? ops[start].a + 1 : ops[start].a;
    hunk.to_start = to_count ? ops[start].b + 1 : ops[start].b;
    hunk.from_count = from_count;
    hunk.to_count = to_count;
    // Pair each block's removed lines with its added ones, in order, and mark the characters.
    for (std::size_t x = 0; x < hunk.lines.size();) {
      if (hunk.lines[x].tag == DiffTag::Equal) {
        ++x;
        continue;
      }
      std::size_t deletes_end = x;
      while (deletes_end < hunk.lines.size() && hunk.lines[deletes_end].tag == DiffTag::Delete)
        ++deletes_end;
      std::size_t inserts_end = deletes_end;
      while (inserts_end < hunk.lines.size() && hunk.lines[inserts_end].tag == DiffTag::Insert)
        ++inserts_end;
      const std::size_t pairs = std::min(deletes_end - x, inserts_end - deletes_end);
      for (std::size_t p = 0; p < pairs; ++p)
        markChangedCharacters(hunk.lines[x + p], hunk.lines[deletes_end + p]);
      x = std::max(inserts_end, x + 1);
    }
    diff.hunks.push_back(std::move(hunk));
    printed = end;
    k = end_of_changes;
  }
  return diff;
}

}  // namespace beacon::service
