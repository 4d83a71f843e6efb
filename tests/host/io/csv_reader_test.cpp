#include "io/csv_reader.h"

#include <sstream>

#include <gtest/gtest.h>

#include "io/csv_error.h"
#include "io/csv_writer.h"

namespace beacon::io {
namespace {

std::vector<CsvRecord> readAll(const std::string& text) {
  std::istringstream in(text);
  CsvReader r(in);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}

TEST(CsvReaderTest, QuotesCommasNewlinesAndCrlf) {
  auto recs = readAll("a,b,c\r\n\"x,1\",\"two\r\nlines\",\"say \"\"hi\"\"\"\r\n\r\nlast,,\n");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].line, 1u);
  EXPECT_EQ(recs[1].line, 2u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"x,1", "two\r\nlines", "say \"hi\""}));
  EXPECT_EQ(recs[2].line, 5u) << "the embedded newline and the blank line both count";
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"last", "", ""}));
}

TEST(CsvReaderTest, NoFinalNewline) {
  auto recs = readAll("a,b\n1,2");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"1", "2"}));
}

TEST(CsvReaderTest, UnterminatedQuoteNamesTheStartLine) {
  try {
    readAll("a,b\n1,\"open\n\n");
    FAIL() << "expected CsvError";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 2u);
  }
  EXPECT_THROW(readAll("a,\"b\"x\n"), CsvError);
}

TEST(CsvReaderTest, LongRecordsAcrossBlocks) {
  const std::string big(200000, 'z');
  auto recs = readAll("h\n\"" + big + "\"\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields[0], big);
}

TEST(CsvWriterTest, QuotesOnlyWhatNeedsIt) {
  std::ostringstream out;
  CsvWriter w(out);
  w.writeRecord({"plain", "a,b", "say \"x\"", "two\nlines", ""});
  EXPECT_EQ(out.str(), "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\r\n");
  auto back = readAll(out.str());
  EXPECT_EQ(back[0].fields, (std::vector<std::string>{"plain", "a,b", "say \"x\"", "two\nlines", ""}));
}

}  // namespace
}  // namespace beacon::io
