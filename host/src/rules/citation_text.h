// CitationText: the one place that decides how a rule's citation reads for
// users. A rule's internal citation (sdk::RuleInfo::citation, printed whole by
// `beacon check --rules` and in the docs) names the document and article and
// may carry, after the mark ※ (kNoteMark), a note for the operator: an
// article number not yet confirmed (条号待核), a reading that comes from a
// reply outside Henan, a source not seen in its primary text. Pages,
// summaries, the obligations API and the calendar feed show the citation up
// to the mark, followed by the mark when there is a note, and the note apart
// (a footnote, a `citation_note` field). Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace beacon::rules {

inline constexpr const char* kNoteMark = "※";

struct CitationText {
  std::string text;  // the citation users read; ends with ※ when `note` is set
  std::string note;  // the operator's note on it, empty when the citation is confirmed
};

// Splits `internal` at its first ※: the part before it (trimmed) is the
// citation, the part after it (trimmed) the note. No mark, or nothing after
// it: the whole citation, no note.
CitationText userCitation(const std::string& internal);

// The distinct notes of `citations` in first-seen order, each with the
// citation it belongs to (for a footnote list under a table).
std::vector<CitationText> citationNotes(const std::vector<CitationText>& citations);

}  // namespace beacon::rules
