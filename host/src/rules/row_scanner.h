// The rules' former RowScanner, now store::RowScanner (store/row_scanner.h), under its old names
// for summary/plan_brief.cpp until that file's statements move into store/ too; include
// store/row_scanner.h instead. No SQL and no SQLite here. Thread-safety as store::RowScanner.
#pragma once

#include "store/row_scanner.h"

namespace beacon::rules {

using ScannedRow = store::ScannedRow;
using RowScanner = store::RowScanner;

}  // namespace beacon::rules
