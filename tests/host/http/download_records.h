// The records of a CSV download (UTF-8 with its BOM, which it checks) for the download tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/csv_reader.h"

namespace beacon::http::testing {

inline std::vector<io::CsvRecord> csvRecords(const std::string& body) {
  EXPECT_EQ(body.substr(0, 3), "\xEF\xBB\xBF");
  std::istringstream in(body.substr(3));
  io::CsvReader reader(in);
  std::vector<io::CsvRecord> out;
  for (io::CsvRecord r; reader.next(r);) out.push_back(r);
  return out;
}

}  // namespace beacon::http::testing
