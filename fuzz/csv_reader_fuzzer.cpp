// csv_reader_fuzzer: the CSV reader (io::CsvReader) and the GBK decoder on
// arbitrary bytes, without a database. Checks that line numbers never go
// back, that the bytes consumed never exceed the input, and that what the
// reader returns survives a round trip through io::CsvWriter (what
// `beacon export` writes reads back the same). Every field also goes through
// io::GbkDecoder, whose output must be valid UTF-8.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>

#include "io/csv_error.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "io/gbk_decoder.h"

using namespace beacon;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "csv_reader_fuzzer: %s\n", what.c_str());
  std::abort();
}

// Every record up to the first error (or the end).
std::vector<std::vector<std::string>> readAll(const std::string& text, bool& failed) {
  std::istringstream in(text);
  io::CsvReader reader(in);
  io::CsvRecord record;
  std::vector<std::vector<std::string>> out;
  std::size_t last_line = 0;
  failed = false;
  try {
    while (reader.next(record)) {
      if (record.line < last_line || record.line == 0) fail("line numbers went back");
      last_line = record.line;
      if (record.fields.empty()) fail("a record without fields");
      out.push_back(record.fields);
      if (reader.bytesRead() > text.size()) fail("read more bytes than the input has");
    }
  } catch (const io::CsvError&) {
    failed = true;
  }
  return out;
}

// UTF-8 to UTF-8: counts the invalid sequences.
Poco::TextConverter& utf8Check() {
  static Poco::UTF8Encoding utf8;
  static Poco::TextConverter converter(utf8, utf8);
  return converter;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  bool failed = false;
  auto records = readAll(text, failed);

  static const io::GbkDecoder gbk;
  for (const auto& fields : records) {
    for (const auto& f : fields) {
      try {
        const std::string utf8 = gbk.toUtf8(f, 1);
        std::string copy;
        if (utf8Check().convert(utf8, copy) != 0) fail("the GBK decoder wrote invalid UTF-8");
      } catch (const io::CsvError&) {
      }
    }
  }

  // A record of one empty field is written as a blank line, which readers skip.
  std::vector<std::vector<std::string>> kept;
  for (auto& r : records) {
    if (!(r.size() == 1 && r[0].empty())) kept.push_back(std::move(r));
  }
  std::ostringstream out;
  io::CsvWriter writer(out);
  for (const auto& r : kept) writer.writeRecord(r);
  bool again_failed = false;
  const auto again = readAll(out.str(), again_failed);
  if (again_failed) fail("the reader refused what the writer wrote");
  if (again != kept) fail("a written record read back differently");
  (void)failed;
  return 0;
}
