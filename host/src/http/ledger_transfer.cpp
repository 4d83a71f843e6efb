#include "http/ledger_transfer.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <mutex>
#include <sstream>

#include <Poco/String.h>
#include <Poco/TemporaryFile.h>

#include "http/download_name.h"
#include "http/http_error.h"
#include "http/page_text.h"

#include "io/csv_exporter.h"
#include "io/import_kind.h"
#include "io/kind_label.h"
#include "io/xlsx_exporter.h"
#include "rules/reader_connection.h"
#include "service/record_checks.h"
#include "service/text_limits.h"
#include "store/plan_repository.h"

namespace beacon::http {

namespace {

constexpr const char* kXlsxType = kXlsxContentType;

std::string kindList() {
  std::string out;
  for (const auto& k : io::importKindIds()) out += (out.empty() ? "" : ", ") + k;
  return out;
}

bool rawImportType(const std::string& content_type) {
  const std::string type =
      Poco::trim(Poco::toLower(content_type.substr(0, content_type.find(';'))));
  return type == "text/csv" || type == kXlsxType;
}

void writeFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw HttpError(503, "storage_unavailable", "could not spool the uploaded file");
}

}  // namespace

void requireLedgerKind(RequestContext& ctx, const std::string& kind) {
  const auto& kinds = io::importKindIds();
  if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
  throw HttpError::notFound(pageWord("refuse_no_ledger_kind", ctx.english(), {kind, kindList()}));
}

bool mayImport(RequestContext& ctx) {
  if (!ctx.user || ctx.user->disabled) return false;
  if (auth::AccessPolicy::canAdminister(*ctx.user)) return true;
  return ctx.user->role == auth::Role::OrgStaff && ctx.user->org_id != 0;
}

void requireImporter(RequestContext& ctx) {
  ctx.requireUser();
  if (mayImport(ctx)) return;
  throw HttpError::forbidden(pageWord("refuse_import_roles", ctx.english()));
}

io::ImportReport importLedger(RequestContext& ctx, const std::string& kind) {
  Poco::TemporaryFile spooled;  // a raw body or an empty part; removed when it goes out of scope
  std::string path;
  std::string name;
  const std::string type = ctx.request.getContentType();
  if (Poco::toLower(type).rfind("multipart/form-data", 0) == 0) {
    const UploadedFile* file = nullptr;
    for (const auto& f : ctx.files()) {
      if (f.field == "file") {
        file = &f;
        break;
      }
    }
    if (!file) {
      throw HttpError::badRequest(pageWord("refuse_no_file_part", ctx.english()), "file");
    }
    name = file->filename;
    path = file->temp_path;
    if (path.empty()) {  // an empty file: nothing was spooled
      writeFile(spooled.path(), "");
      path = spooled.path();
    }
  } else if (rawImportType(type)) {
    writeFile(spooled.path(), ctx.body());
    path = spooled.path();
  } else {
    throw HttpError(415, "unsupported_media_type",
                    pageWord("refuse_upload_media_type", ctx.english(), {kXlsxType}),

                    "Content-Type");
  }
  io::ImportOptions options;
  options.kind = kind;
  options.english = ctx.english();
  options.file_name = name.empty() ? "request-body" : name;
  // Township and department staff: only the rows of their own subtree (io::ImportScopeCheck).
  const auth::Scope scope = ctx.policy().writeScope(ctx.requireUser());
  options.scope.all = scope.all;
  options.scope.org_ids = scope.org_ids;
  store::Database& db = ctx.db();
  // Drill rows are validated by the plugins, whose record readers read this worker's Database.
  const rules::ReaderConnection reads(db);
  auto result = io::importFile(db, ctx.state.app.plugins(), path, options, ctx.actor());
  if (result.isOk()) return result.value();
  io::ImportReport refused;
  refused.errors.push_back(service::localisedMessage(result.status().message(), ctx.english()));
  refused.problems.push_back({"", 0, "", refused.errors.back()});
  return refused;
}

io::ExportScope exportScope(RequestContext& ctx) {
  const auth::Scope scope = ctx.policy().scope(ctx.requireUser());
  io::ExportScope out;
  if (scope.all) return out;
  out.all = false;
  for (const auto& o : ctx.organisations().list()) {
    if (scope.contains(o.id)) out.org_codes.insert(o.code);
  }
  if (!scope.org_ids.empty()) {
    store::PlanFilter filter;
    filter.owner_ids = scope.list();
    for (const auto& p : store::PlanRepository(ctx.db().session()).list(filter))
      out.plan_codes.insert(p.code);
  }
  return out;
}

void sendLedgerExport(RequestContext& ctx, const std::string& kind, const std::string& format,
                      bool english_headers) {
  const std::string fmt = format.empty() ? "csv" : format;
  if (fmt != "csv" && fmt != "xlsx") {
    throw HttpError::badRequest(pageWord("refuse_not_csv_or_xlsx", ctx.english(), {fmt}), "format");
  }
  const io::ExportScope scope = exportScope(ctx);
  // The file is named after the caller's organisation, or the city (the root) for a city-wide
  // scope.
  const DownloadScope named = downloadScope(ctx);
  std::ostringstream out;
  store::Database& db = ctx.db();
  const auto& plugins = ctx.state.app.plugins();
  const sdk::Status s =
      fmt == "csv" ? io::exportCsv(db, plugins, kind, out, english_headers, scope)
                   : io::exportXlsx(db, plugins, kind, out, english_headers, ctx.english(), scope);
  if (!s.isOk()) throw HttpError::invalid("format", s.message());
  const std::string day = service::today().toString();
  const DownloadName name = downloadName(named, english_headers ? kind : io::kindLabelZh(kind), kind, day, fmt);
  ctx.response.set("Content-Disposition", name.disposition());
  ctx.response.set("Cache-Control", "private, no-store");
  ctx.send(200, fmt == "csv" ? "text/csv; charset=utf-8" : kXlsxType, out.str());
}

}  // namespace beacon::http
