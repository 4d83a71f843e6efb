#include "http/list_download.h"

#include <Poco/URI.h>

#include "http/http_error.h"
#include "http/page_text.h"

#include "io/csv_cell_guard.h"

namespace beacon::http {

std::string downloadHref(RequestContext& ctx, const std::string& path, const std::string& format) {
  Poco::URI uri(path);
  for (const auto& [k, v] : ctx.queryParameters()) {
    if (k != "offset" && k != "after" && k != "before" && k != "format")
      uri.addQueryParameter(k, v);
  }
  uri.addQueryParameter("format", format);
  return uri.toString();
}

ListDownload::ListDownload(RequestContext& ctx, std::vector<io::XlsxColumn> columns,
                           const std::string& sheet_name)
    : ctx_(ctx), format_(ctx.query("format", "csv")) {
  if (format_ != "csv" && format_ != "xlsx") {
    throw HttpError::badRequest(pageWord("refuse_not_csv_or_xlsx", ctx.english(), {format_}),
                                "format");
  }
  if (format_ == "csv") {
    csv_ = std::make_unique<io::CsvWriter>(out_);
    csv_->writeBom();
    std::vector<std::string> header;
    for (const auto& c : columns) header.push_back(c.header);
    csv_->writeRecord(header);
  } else {
    xlsx_ = std::make_unique<io::XlsxWriter>(out_, sheet_name, std::move(columns));
  }
}

void ListDownload::addRow(std::vector<std::string> cells) {
  if (csv_) {
    for (auto& cell : cells) cell = io::guardCell(cell);
    csv_->writeRecord(cells);
  } else {
    xlsx_->writeRow(cells);
  }
}

void ListDownload::send(const DownloadScope& scope, const std::string& label,
                        const std::string& label_ascii, const std::string& day) {
  if (xlsx_) xlsx_->close();
  const DownloadName name = downloadName(scope, label, label_ascii, day, format_);
  ctx_.response.set("Content-Disposition", name.disposition());
  ctx_.response.set("Cache-Control", "private, no-store");
  ctx_.send(200, format_ == "csv" ? "text/csv; charset=utf-8" : kXlsxContentType, out_.str());
}

}  // namespace beacon::http
