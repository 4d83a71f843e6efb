// Spreadsheet formula neutralisation for exported CSV cells (OWASP "CSV
// Injection"): a cell that begins with = + - @ TAB or CR is written with a
// leading apostrophe, so Excel and LibreOffice show it as text instead of
// running it. The importer removes exactly that apostrophe, so an exported
// file imports back to the original text. To keep this unambiguous a real
// leading apostrophe is escaped too when the next character would be
// stripped on import: a cell is prefixed iff it begins with one of
// = + - @ TAB CR, or with an apostrophe followed by one of those or by
// another apostrophe; import strips one apostrophe under the same rule.
// Plain decimal numbers ("-3", "-0.5") are not formulas and stay as they
// are, so numeric columns remain numbers. Stateless; thread-safe.
#pragma once

#include <string>

namespace beacon::io {

// The cell as it is written to an exported file.
std::string guardCell(const std::string& cell);
// The cell as read from a file: undoes guardCell (unguardCell(guardCell(x)) == x).
std::string unguardCell(const std::string& cell);

}  // namespace beacon::io
