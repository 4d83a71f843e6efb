// ListDownload: a list page's rows as the file a user downloads: CSV (UTF-8 with a byte-order
// mark, so Excel reads it; every cell guarded against formulas, io/csv_cell_guard.h) or an
// .xlsx workbook (io::XlsxWriter: dates as date cells, never a formula), with the columns'
// headings in the request's language, named after its scope, what it holds and its day
// (download_name.h) and sent private, no-store. Every row added is written: no cap. Shared by
// the dashboard's lists (dashboard_export.cpp) and the /plans and /drills downloads
// (list_exports.cpp). Per request; not shared.
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "http/download_name.h"
#include "http/request_context.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"

namespace beacon::http {

// `path` with the request's query (its filters) but for paging (offset, after, before) and
// `format` set: the link a list page's 下载 CSV / 下载 Excel buttons follow.
std::string downloadHref(RequestContext& ctx, const std::string& path, const std::string& format);

class ListDownload {
 public:
  // The format is the request's `format` (csv by default); 400 naming `format` for another.
  ListDownload(RequestContext& ctx, std::vector<io::XlsxColumn> columns,
               const std::string& sheet_name);
  // One row, cells parallel to the columns.
  void addRow(std::vector<std::string> cells);
  // Sends the file, named downloadName(scope, label, label_ascii, day, <format>).
  void send(const DownloadScope& scope, const std::string& label, const std::string& label_ascii,
            const std::string& day);

 private:
  RequestContext& ctx_;
  std::string format_;
  std::ostringstream out_;
  std::unique_ptr<io::CsvWriter> csv_;
  std::unique_ptr<io::XlsxWriter> xlsx_;
};

}  // namespace beacon::http
