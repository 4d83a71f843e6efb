#include "io/xlsx_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <streambuf>

#include <Poco/Exception.h>
#include <Poco/XML/XMLStreamParser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include "beacon/sdk/date.h"
#include "io/xlsx_cell_ref.h"
#include "io/xlsx_error.h"

namespace beacon::io {

namespace {

using Parser = Poco::XML::XMLStreamParser;

constexpr std::uint64_t kSmallPartBytes =
    16 * 1024 * 1024;  // workbook, rels, styles, content types
constexpr std::size_t kMaxCellBytes = 1024 * 1024;
constexpr long kUnixEpoch1900 = 25569;  // serial of 1970-01-01 in the 1900 date system
constexpr long kUnixEpoch1904 = 24107;  // ... in the 1904 date system

// Passes the inflated bytes of one part through, counting them; past `limit`
// it reports end of input and remembers why, so the caller refuses the part.
class LimitedBuf : public std::streambuf {
 public:
  LimitedBuf(std::istream& src, std::uint64_t limit) : src_(src), limit_(limit) {}
  bool exceeded() const { return exceeded_; }
  bool damaged() const { return damaged_; }
  std::uint64_t count() const { return count_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (exceeded_ || damaged_) return traits_type::eof();
    src_.read(buf_, sizeof buf_);
    const auto n = static_cast<std::size_t>(src_.gcount());
    if (src_.bad()) damaged_ = true;
    if (n == 0) return traits_type::eof();
    count_ += n;
    if (count_ > limit_) {
      exceeded_ = true;
      return traits_type::eof();
    }
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::istream& src_;
  std::uint64_t limit_;
  std::uint64_t count_ = 0;
  bool exceeded_ = false;
  bool damaged_ = false;
  char buf_[64 * 1024];
};

std::string lower(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// A custom number format shows a date when, outside quoted literals, escapes
// and [..] sections, it has a y or d, or an m without h or s (m alone is minutes).
bool isDateFormat(const std::string& code) {
  bool y = false, d = false, m = false, hs = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      while (++i < code.size() && code[i] != '"') {
      }
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      while (++i < code.size() && code[i] != ']') {
      }
    } else if (c == ';') {
      break;  // the first section decides
    } else {
      const char l = static_cast<char>(c | 0x20);
      y = y || l == 'y' || l == 'e';
      d = d || l == 'd';
      m = m || l == 'm';
      hs = hs || l == 'h' || l == 's';
    }
  }
  return y || d || (m && !hs);
}

bool isBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// "1", "42", "-3.5", "1.0E3", "43.000000000000007" -> as a user reads it.
std::string formatNumber(double v) {
  if (std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return std::string(buf) == "-0" ? "0" : buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

bool parseNumber(const std::string& text, double& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return *end == '\0' && std::isfinite(out);
}

// Decodes the _xHHHH_ escapes of ST_Xstring (how Excel stores control characters).
std::string unescapeXstring(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned v = 0;
      bool hex = true;
      for (std::size_t k = i + 2; k < i + 6 && hex; ++k) {
        const char c = s[k];
        hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      }
      if (hex) {
        if (v < 0x80) {
          out += static_cast<char>(v);
        } else if (v < 0x800) {
          out += static_cast<char>(0xC0 | (v >> 6));
          out += static_cast<char>(0x80 | (v & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (v >> 12));
          out += static_cast<char>(0x80 | ((v >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (v & 0x3F));
        }
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The directory of a part name ("xl/workbook.xml" -> "xl/").
std::string dirOf(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// A relationship target resolved against the source part's directory.
std::string resolveTarget(const std::string& base_dir, const std::string& target) {
  std::string path = target.rfind('/', 0) == 0 ? target.substr(1) : base_dir + target;
  // Fold "dir/../".
  std::size_t up;
  while ((up = path.find("/../")) != std::string::npos) {
    const auto start = path.rfind('/', up == 0 ? 0 : up - 1);
    path.erase(start == std::string::npos ? 0 : start + 1,
               up + 4 - (start == std::string::npos ? 0 : start + 1));
  }
  return path;
}

}  // namespace

bool looksLikeWorkbook(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  if (!in.read(magic, 4)) return false;
  const std::string m(magic, 4);
  return m == "PK\x03\x04" || m == "PK\x05\x06" || m == "\xD0\xCF\x11\xE0";
}

// One part of the package being pull-parsed.
class XlsxReader::Part {
 public:
  // Inflates at most min(limit, declared) bytes (declared 0: unknown).
  Part(std::istream& file, const Poco::Zip::ZipLocalFileHeader& header, std::uint64_t limit,
       std::uint64_t declared, const std::string& name)
      : name_(name),
        over_declared_(declared > 0 && declared < limit),
        zip_(file, header, true),
        buf_(zip_, over_declared_ ? declared : limit),
        in_(&buf_),
        parser_(in_, name,
                Parser::RECEIVE_ELEMENTS | Parser::RECEIVE_CHARACTERS |
                    Parser::RECEIVE_ATTRIBUTE_MAP) {}

  // The next event; throws XlsxError for damaged XML or a part over its limit.
  Parser::EventType next() {
    try {
      const auto e = parser_.next();
      if (buf_.exceeded()) throw tooLarge();
      if (buf_.damaged()) throw damaged("");
      // Attributes not looked at would make the parser throw "unexpected
      // attribute"; taking the map marks them all as seen.
      if (e == Parser::EV_START_ELEMENT) parser_.attributeMap();
      return e;
    } catch (const Poco::Exception& e) {
      if (buf_.exceeded()) throw tooLarge();
      throw damaged(e.what());
    }
  }
  Parser& parser() { return parser_; }
  std::uint64_t inflated() const { return buf_.count(); }
  std::string attr(const std::string& local) const {
    for (const auto& [name, value] : parser_.attributeMap()) {
      if (name.localName() == local) return value.value;
    }
    return std::string();
  }
  bool hasAttr(const std::string& local) const {
    for (const auto& [name, value] : parser_.attributeMap()) {
      if (name.localName() == local) return true;
    }
    return false;
  }
  // The text of the current element's <t> descendants (skipping phonetic
  // <rPh> runs); consumes events up to and including its end.
  std::string text() {
    std::string out;
    int depth = 1, in_t = 0, in_rph = 0;
    while (depth > 0) {
      const auto e = next();
      if (e == Parser::EV_START_ELEMENT) {
        ++depth;
        if (parser_.localName() == "t") ++in_t;
        if (parser_.localName() == "rPh") ++in_rph;
      } else if (e == Parser::EV_END_ELEMENT) {
        --depth;
        if (parser_.localName() == "t") --in_t;
        if (parser_.localName() == "rPh") --in_rph;
      } else if (e == Parser::EV_CHARACTERS && in_t > 0 && in_rph == 0) {
        out += parser_.value();
        if (out.size() > kMaxCellBytes) throw cellTooLarge();
      } else if (e == Parser::EV_EOF) {
        throw damaged("unexpected end");
      }
    }
    return unescapeXstring(out);
  }
  XlsxError tooLarge() const {
    if (over_declared_) {
      return XlsxError(
          "工作簿部件 " + name_ + " 解压后比 zip 文件头声明的大小更大，文件已损坏或被篡改，未读取",
          "part " + name_ +
              " inflates to more than its zip header declares; the file is damaged or "
              "tampered with and was not read");
    }
    return XlsxError("工作簿部件 " + name_ + " 解压后超过导入上限，可能是压缩炸弹；请拆分后再导入",
                     "part " + name_ +
                         " is larger than the import limit once inflated (possibly a zip bomb); "
                         "split the workbook");
  }
  XlsxError damaged(const std::string& detail) const {
    return XlsxError(
        "工作簿已损坏：部件 " + name_ + " 无法解析" + (detail.empty() ? "" : "（" + detail + "）"),
        "the workbook is damaged: part " + name_ + " cannot be parsed" +
            (detail.empty() ? "" : " (" + detail + ")"));
  }
  XlsxError cellTooLarge() const {
    return XlsxError("部件 " + name_ + " 中有单元格超过 1 MiB",
                     "a cell in part " + name_ + " is over 1 MiB");
  }

 private:
  std::string name_;
  bool over_declared_;
  Poco::Zip::ZipInputStream zip_;
  LimitedBuf buf_;
  std::istream in_;
  Parser parser_;
};

XlsxReader::XlsxReader(const std::string& path, const std::string& sheet, const XlsxLimits& limits)
    : path_(path), limits_(limits) {
  openPackage();
  readWorkbook(sheet);
}

XlsxReader::~XlsxReader() = default;

void XlsxReader::fail(const std::string& zh, const std::string& en) const {
  throw XlsxError(zh, en);
}

void XlsxReader::openPackage() {
  file_.open(path_, std::ios::binary);
  if (!file_) fail("无法打开文件 " + path_, "cannot open " + path_);
  file_.seekg(0, std::ios::end);
  file_size_ = static_cast<std::size_t>(file_.tellg());
  file_.seekg(0);
  std::string head(8, '\0');
  file_.read(&head[0], 8);
  head.resize(static_cast<std::size_t>(file_.gcount()));
  file_.clear();
  file_.seekg(0);
  if (head.rfind("\xD0\xCF\x11\xE0", 0) == 0) {
    // OLE2: an encrypted .xlsx (EncryptedPackage stream) or a legacy .xls.
    std::string all;
    char buf[64 * 1024];
    const std::string marker("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    bool encrypted = false;
    while (!encrypted && file_.read(buf, sizeof buf).gcount() > 0) {
      all.append(buf, static_cast<std::size_t>(file_.gcount()));
      encrypted = all.find(marker) != std::string::npos;
      all.erase(0, all.size() > marker.size() ? all.size() - marker.size() : 0);
    }
    if (encrypted) {
      fail("工作簿设有打开密码（已加密），无法读取；请在 Excel 中取消密码后另存为 .xlsx 再导入",
           "the workbook is password-protected (encrypted); remove the password in Excel and save "
           "it as .xlsx");
    }
    fail("这是旧版 Excel 97-2003 工作簿（.xls），不支持；请在 Excel 中另存为 .xlsx 再导入",
         "this is a legacy Excel 97-2003 workbook (.xls); save it as .xlsx in Excel");
  }
  if (head.rfind("PK\x03\x04", 0) != 0 && head.rfind("PK\x05\x06", 0) != 0) {
    fail("文件不是 Excel 工作簿（.xlsx 是 zip 压缩包，此文件不是）",
         "the file is not an Excel workbook (an .xlsx is a zip package, this file is not one)");
  }
  try {
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(file_);
  } catch (const Poco::Exception& e) {
    fail("zip 压缩包已损坏：" + e.displayText(), "the zip package is damaged: " + e.displayText());
  }
  file_.clear();
  for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it) {
    if (it->second.isEncrypted()) {
      fail("工作簿已加密，无法读取；请取消密码后另存为 .xlsx 再导入",
           "the workbook is encrypted; remove the password and save it as .xlsx");
    }
  }
  if (archive_->findHeader("[Content_Types].xml") == archive_->headerEnd()) {
    fail("zip 压缩包不是 Excel 工作簿（缺少 [Content_Types].xml）",
         "the zip package is not an Excel workbook ([Content_Types].xml is missing)");
  }
}

std::uint64_t XlsxReader::declaredSize(const std::string& name) const {
  // The larger of the local header's and the central directory's sizes (a
  // local header written with a data descriptor says 0).
  std::uint64_t declared = 0;
  auto h = archive_->findHeader(name);
  if (h != archive_->headerEnd()) declared = h->second.getUncompressedSize();
  for (auto it = archive_->fileInfoBegin(); it != archive_->fileInfoEnd(); ++it) {
    if (it->second.getFileName() == name)
      declared = std::max<std::uint64_t>(declared, it->second.getUncompressedSize());
  }
  return declared;
}

std::unique_ptr<XlsxReader::Part> XlsxReader::openPart(const std::string& name, std::uint64_t limit,
                                                       const std::string& what_zh,
                                                       const std::string& what_en) {
  auto h = archive_->findHeader(name);
  if (h == archive_->headerEnd()) return nullptr;
  const std::uint64_t declared = declaredSize(name);
  if (declared > limit) {  // checked before inflating anything
    fail(what_zh + "解压后有 " + std::to_string(declared) + " 字节，超过导入上限 " +
             std::to_string(limit) + " 字节；请拆分后再导入",
         what_en + " is " + std::to_string(declared) +
             " bytes uncompressed, over the import limit of " + std::to_string(limit) +
             " bytes; split the workbook");
  }
  file_.clear();
  return std::make_unique<Part>(file_, h->second, limit, declared, name);
}

std::unique_ptr<XlsxReader::Part> XlsxReader::openSmallPart(const std::string& name) {
  return openPart(name, kSmallPartBytes, "工作簿部件 " + name, "part " + name);
}

void XlsxReader::readWorkbook(const std::string& wanted) {
  auto forEachStart = [](Part& part, const std::function<void(const std::string&)>& on_start) {
    for (auto e = part.next(); e != Parser::EV_EOF; e = part.next()) {
      if (e == Parser::EV_START_ELEMENT) on_start(part.parser().localName());
    }
  };

  // The package relationships name the workbook part.
  std::string workbook = "xl/workbook.xml";
  if (auto rels = openSmallPart("_rels/.rels")) {
    forEachStart(*rels, [&](const std::string& el) {
      if (el == "Relationship" && rels->attr("Type").size() >= 14 &&
          rels->attr("Type").compare(rels->attr("Type").size() - 14, 14, "officeDocument") == 0) {
        workbook = resolveTarget("", rels->attr("Target"));
      }
    });
  }
  auto wb = openSmallPart(workbook);
  if (!wb) {
    fail("zip 压缩包不是 Excel 工作簿（缺少 " + workbook + "）",
         "the zip package is not an Excel workbook (" + workbook + " is missing)");
  }
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  bool is_workbook = false;
  forEachStart(*wb, [&](const std::string& el) {
    if (el == "workbook") is_workbook = true;
    if (el == "workbookPr") {
      const std::string v = lower(wb->attr("date1904"));
      date1904_ = v == "1" || v == "true";
    }
    if (el == "sheet") sheets.emplace_back(wb->attr("name"), wb->attr("id"));
  });
  if (!is_workbook) {
    fail("zip 压缩包不是 Excel 工作簿（" + workbook + " 不是工作簿）",
         "the zip package is not an Excel workbook (" + workbook + " is not a workbook)");
  }
  for (const auto& s : sheets) sheet_names_.push_back(s.first);
  if (sheets.empty()) fail("工作簿中没有工作表", "the workbook has no sheet");
  std::string rid;
  for (const auto& s : sheets) {
    if (wanted.empty() || s.first == wanted) {
      sheet_name_ = s.first;
      rid = s.second;
      break;
    }
  }
  if (sheet_name_.empty() && rid.empty()) {
    std::string zh_list, en_list;
    for (const auto& n : sheet_names_) {
      zh_list += (zh_list.empty() ? "“" : "、“") + n + "”";
      en_list += (en_list.empty() ? "\"" : ", \"") + n + "\"";
    }
    fail("工作簿中没有名为“" + wanted + "”的工作表（有：" + zh_list + "）",
         "the workbook has no sheet named \"" + wanted + "\" (it has " + en_list + ")");
  }

  // The workbook relationships: the sheet, shared strings and styles parts.
  const std::string dir = dirOf(workbook);
  std::string shared_part, styles_part;
  if (auto rels = openSmallPart(dir + "_rels/" + workbook.substr(dir.size()) + ".rels")) {
    forEachStart(*rels, [&](const std::string& el) {
      if (el != "Relationship") return;
      const std::string type = rels->attr("Type");
      const std::string target = resolveTarget(dir, rels->attr("Target"));
      const auto ends = [&](const std::string& s) {
        return type.size() >= s.size() && type.compare(type.size() - s.size(), s.size(), s) == 0;
      };
      if (rels->attr("Id") == rid) sheet_part_ = target;
      if (ends("/sharedStrings")) shared_part = target;
      if (ends("/styles")) styles_part = target;
    });
  }
  if (sheet_part_.empty() || archive_->findHeader(sheet_part_) == archive_->headerEnd()) {
    fail("工作簿已损坏：找不到工作表“" + sheet_name_ + "”的数据",
         "the workbook is damaged: the data of sheet \"" + sheet_name_ + "\" is missing");
  }
  if (!shared_part.empty()) readSharedStrings(shared_part);
  if (!styles_part.empty()) readStyles(styles_part);
  sheet_ = openPart(sheet_part_, limits_.max_sheet_bytes, "工作表“" + sheet_name_ + "”",
                    "sheet \"" + sheet_name_ + "\"");
  sheet_uncompressed_ = declaredSize(sheet_part_);
}

void XlsxReader::readSharedStrings(const std::string& name) {
  auto part =
      openPart(name, limits_.max_shared_strings_bytes, "共享字符串表", "the shared string table");
  if (!part) return;
  for (auto e = part->next(); e != Parser::EV_EOF; e = part->next()) {
    if (e == Parser::EV_START_ELEMENT && part->parser().localName() == "si")
      shared_.push_back(part->text());
  }
}

void XlsxReader::readStyles(const std::string& name) {
  auto st = openSmallPart(name);
  if (!st) return;
  std::map<int, bool> custom;  // numFmtId -> is a date format
  bool in_cell_xfs = false;
  for (auto e = st->next(); e != Parser::EV_EOF; e = st->next()) {
    const std::string& el = st->parser().localName();
    if (e == Parser::EV_START_ELEMENT) {
      if (el == "numFmt")
        custom[std::atoi(st->attr("numFmtId").c_str())] = isDateFormat(st->attr("formatCode"));
      if (el == "cellXfs") in_cell_xfs = true;
      if (el == "xf" && in_cell_xfs) {
        const int id = std::atoi(st->attr("numFmtId").c_str());
        auto c = custom.find(id);
        date_styles_.push_back(c != custom.end() ? c->second : isBuiltinDateFormat(id));
      }
    } else if (e == Parser::EV_END_ELEMENT && el == "cellXfs") {
      in_cell_xfs = false;
    }
  }
}

bool XlsxReader::next(CsvRecord& out) {
  while (!done_) {
    out.fields.clear();
    if (!readRow(out)) {
      done_ = true;
      return false;
    }
    while (!out.fields.empty() && out.fields.back().empty()) out.fields.pop_back();
    if (out.fields.empty()) continue;  // a row of formatting only, like a blank CSV line
    if (width_ == 0) width_ = out.fields.size();
    if (out.fields.size() < width_) out.fields.resize(width_);
    return true;
  }
  return false;
}

bool XlsxReader::readRow(CsvRecord& out) {
  Part& p = *sheet_;
  for (auto e = p.next(); e != Parser::EV_EOF; e = p.next()) {
    if (e != Parser::EV_START_ELEMENT || p.parser().localName() != "row") continue;
    const std::string r = p.attr("r");
    std::size_t row = last_row_ + 1;
    if (!r.empty()) {
      char* end = nullptr;
      row = std::strtoul(r.c_str(), &end, 10);
      if (*end != '\0' || row <= last_row_) throw p.damaged("row " + r);
    }
    last_row_ = row;
    if (++rows_ > limits_.max_rows || row > limits_.max_rows) {
      fail("工作表“" + sheet_name_ + "”超过 " + std::to_string(limits_.max_rows) +
               " 行的导入上限；请拆分后再导入",
           "sheet \"" + sheet_name_ + "\" has more than the import limit of " +
               std::to_string(limits_.max_rows) + " rows; split it");
    }
    out.line = row;
    for (auto c = p.next(); c != Parser::EV_END_ELEMENT || p.parser().localName() != "row";
         c = p.next()) {
      if (c == Parser::EV_EOF) throw p.damaged("unexpected end");
      if (c == Parser::EV_START_ELEMENT && p.parser().localName() == "c") readCell(out, row);
    }
    return true;
  }
  return false;
}

void XlsxReader::readCell(CsvRecord& out, std::size_t row) {
  Part& p = *sheet_;
  const std::string ref_attr = p.attr("r");
  std::size_t col = out.fields.size() + 1, ref_row = row;
  if (!ref_attr.empty() &&
      (!parseXlsxCellRef(ref_attr, col, ref_row) || ref_row != row || col <= out.fields.size())) {
    throw p.damaged("cell " + ref_attr + " in row " + std::to_string(row));
  }
  const std::string ref = xlsxColumnName(col) + std::to_string(row);
  const std::string type = p.attr("t");
  const int style = std::atoi(p.attr("s").c_str());
  std::string value, inline_text, formula;
  bool has_value = false, has_formula = false;
  int depth = 1;
  while (depth > 0) {
    const auto e = p.next();
    if (e == Parser::EV_EOF) throw p.damaged("unexpected end");
    if (e == Parser::EV_END_ELEMENT) {
      --depth;
    } else if (e == Parser::EV_START_ELEMENT) {
      const std::string el = p.parser().localName();
      if (el == "is") {
        inline_text = p.text();
      } else if (el == "v" || el == "f") {
        (el == "v" ? has_value : has_formula) = true;
        std::string& target = el == "v" ? value : formula;
        for (auto t = p.next(); t != Parser::EV_END_ELEMENT; t = p.next()) {
          if (t == Parser::EV_EOF) throw p.damaged("unexpected end");
          if (t == Parser::EV_CHARACTERS) target += p.parser().value();
          if (target.size() > kMaxCellBytes) throw p.cellTooLarge();
        }
      } else {
        ++depth;
      }
    }
  }
  std::string text =
      cellText(ref, type, style, value, inline_text, has_formula, has_value, formula);
  if (text.empty() && !has_value && type != "inlineStr") return;  // an empty, formatted cell
  out.fields.resize(col - 1);  // a gap (C5 after A5) fills B5 with ""
  out.fields.push_back(std::move(text));
}

std::string XlsxReader::cellText(const std::string& ref, const std::string& type, int style,
                                 const std::string& value, const std::string& inline_text,
                                 bool has_formula, bool has_value,
                                 const std::string& formula) const {
  const std::string where_zh = "工作表“" + sheet_name_ + "”单元格 " + ref;
  const std::string where_en = "sheet \"" + sheet_name_ + "\" cell " + ref;
  if (type == "inlineStr") return inline_text;
  if (has_formula && !has_value) {
    const std::string f = formula.empty() ? std::string() : "=" + formula;
    fail(where_zh + " 是公式" + (f.empty() ? "" : "（" + f + "）") +
             "，但文件中没有保存计算结果；请在 Excel 中打开并保存后再导入，或把公式改为数值",
         where_en + " holds a formula" + (f.empty() ? "" : " (" + f + ")") +
             " without a saved result; open and save the workbook in Excel, or replace the formula "
             "by its value");
  }
  if (!has_value) return std::string();
  if (type == "s") {
    char* end = nullptr;
    const unsigned long i = std::strtoul(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || i >= shared_.size()) {
      fail(where_zh + " 引用的共享字符串 " + value + " 不存在（工作簿已损坏）",
           where_en + " refers to shared string " + value +
               ", which does not exist (the workbook is damaged)");
    }
    return shared_[i];
  }
  if (type == "str") return unescapeXstring(value);
  if (type == "b") return value == "1" || lower(value) == "true" ? "1" : "0";
  if (type == "e") {
    fail(where_zh + " 的值是错误 " + value + "；请更正后再导入",
         where_en + " holds the error value " + value + "; correct it first");
  }
  if (type == "d") return value.substr(0, 10);  // ISO 8601 date (rare)
  double v = 0;
  if (!parseNumber(value, v)) {
    fail(where_zh + " 的数值“" + value + "”无法识别（工作簿已损坏）",
         where_en + " holds the number \"" + value +
             "\", which cannot be read (the workbook is damaged)");
  }
  const bool is_date =
      style >= 0 && static_cast<std::size_t>(style) < date_styles_.size() && date_styles_[style];
  if (!is_date) return formatNumber(v);
  const long serial = static_cast<long>(std::floor(v));
  if (!date1904_ && serial == 60) {
    fail(where_zh + " 是日期 1900-02-29，该日期不存在；请更正后再导入",
         where_en + " is the date 1900-02-29, which does not exist; correct it first");
  }
  if (serial < (date1904_ ? 0 : 1) || serial > 2958465) {
    fail(where_zh + " 的日期序号 " + value + " 超出 Excel 日期范围",
         where_en + " holds the date serial " + value + ", outside Excel's date range");
  }
  long days = date1904_ ? serial - kUnixEpoch1904 : serial - kUnixEpoch1900;
  if (!date1904_ && serial < 60) ++days;  // Excel counts a 1900-02-29 that never was
  return sdk::Date::fromDays(days).toString();
}

std::size_t XlsxReader::bytesRead() const {
  if (!sheet_ || sheet_uncompressed_ == 0) return 0;
  const double share = std::min(
      1.0, static_cast<double>(sheet_->inflated()) / static_cast<double>(sheet_uncompressed_));
  return static_cast<std::size_t>(share * static_cast<double>(file_size_));
}

}  // namespace beacon::io
