// ImportProblem: one error of a refused import as data, for callers that
// show errors as a list (the web API and page) rather than as lines of text:
// the sheet (an .xlsx import; empty for CSV), the line or row (0: the whole
// file), the column as the file's header writes it (empty: the whole row),
// and the message without its place, in the import's language. The report's
// text errors (ImportReport::errors) say the same, place included. Plain value.
#pragma once

#include <cstddef>
#include <string>

namespace beacon::io {

struct ImportProblem {
  std::string sheet;
  std::size_t line = 0;
  std::string column;
  std::string message;
};

}  // namespace beacon::io
