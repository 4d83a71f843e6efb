#include "http/diff_view.h"

#include "http/page_text.h"

namespace beacon::http {

using kainjow::mustache::data;

data diffView(const service::TextDiff& diff, const std::string& id, bool english) {
  data d;
  d.set("diff_id", id);
  d.set("from_label", diff.from_label);
  d.set("to_label", diff.to_label);
  d.set("no_changes", diff.empty());
  d.set("no_changes_text", pageWord("diff_no_changes", english));
  d.set("before_sections", pageWord("diff_before_sections", english));
  data hunks{data::type::list};
  for (const auto& h : diff.hunks) {
    data hunk;
    hunk.set("has_section", !h.section.empty());
    hunk.set("section", h.section);
    hunk.set("header", "@@ -" + std::to_string(h.from_start) + "," + std::to_string(h.from_count) +
                           " +" + std::to_string(h.to_start) + "," + std::to_string(h.to_count) +
                           " @@");
    data lines{data::type::list};
    for (const auto& l : h.lines) {
      data line;
      const bool removed = l.tag == service::DiffTag::Delete;
      line.set("cls", l.tag == service::DiffTag::Equal ? "diff-ctx"
                      : removed                        ? "diff-del"
                                                       : "diff-ins");
      line.set("sign", std::string(1, static_cast<char>(l.tag)));
      line.set("mark", removed ? "del" : "ins");
      data pieces{data::type::list};
      if (l.segments.empty()) {
        data p;
        p.set("text", l.text);
        p.set("changed", false);
        pieces.push_back(p);
      }
      for (const auto& s : l.segments) {
        data p;
        p.set("text", s.text);
        p.set("changed", s.changed);
        pieces.push_back(p);
      }
      line.set("pieces", pieces);
      lines.push_back(line);
    }
    hunk.set("lines", lines);
    hunks.push_back(hunk);
  }
  d.set("hunks", hunks);
  return d;
}

}  // namespace beacon::http
