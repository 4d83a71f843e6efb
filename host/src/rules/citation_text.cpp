#include "rules/citation_text.h"

#include <cstring>

namespace beacon::rules {

namespace {
std::string trimmed(const std::string& s) {
  const char* kSpace = " \t\r\n";
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string::npos) return std::string();
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}
}  // namespace

CitationText userCitation(const std::string& internal) {
  const auto mark = internal.find(kNoteMark);
  if (mark == std::string::npos) return {trimmed(internal), std::string()};
  CitationText out{trimmed(internal.substr(0, mark)), trimmed(internal.substr(mark + std::strlen(kNoteMark)))};
  if (!out.note.empty()) out.text += kNoteMark;
  return out;
}

std::vector<CitationText> citationNotes(const std::vector<CitationText>& citations) {
  std::vector<CitationText> out;
  for (const auto& c : citations) {
    if (c.note.empty()) continue;
    bool seen = false;
    for (const auto& o : out) seen = seen || (o.text == c.text && o.note == c.note);
    if (!seen) out.push_back(c);
  }
  return out;
}

}  // namespace beacon::rules
