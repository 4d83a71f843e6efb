// POST /api/v1/imports/{kind}: a ledger file (CSV or .xlsx, multipart part
// "file" or the raw body) imported all or nothing: 201 with the rows read,
// 422 listing every error with its line (or sheet and row) and column.
// GET /api/v1/exports/{kind}?format=csv|xlsx[&lang=en]: the kind's rows in
// the caller's scope, in the format the import reads back (docs/api.md).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "http/http_error.h"
#include "http/page_text.h"

#include "http/ledger_routes.h"
#include "http/ledger_transfer.h"

namespace beacon::http {

namespace {

Poco::JSON::Object::Ptr problemJson(const io::ImportProblem& p, const std::string& text) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (!p.sheet.empty()) o->set("sheet", p.sheet);
  if (p.line != 0) o->set(p.sheet.empty() ? "line" : "row", static_cast<Poco::UInt64>(p.line));
  if (!p.column.empty()) o->set("column", p.column);
  o->set("message", p.message);
  o->set("text", text);
  return o;
}

void postImport(RequestContext& ctx) {
  const std::string kind = ctx.param("kind");
  requireLedgerKind(ctx, kind);
  requireImporter(ctx);
  const io::ImportReport report = importLedger(ctx, kind);
  if (!report.errors.empty()) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array();
    for (std::size_t i = 0; i < report.problems.size(); ++i) {
      list->add(problemJson(report.problems[i], i < report.errors.size() ? report.errors[i] : ""));
    }
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    error->set("code", "import_refused");
    error->set("message", pageWord("import_refused_count", ctx.english(),
                                   {std::to_string(report.problems.size())}));
    error->set("field", "file");
    error->set("errors", list);
    Poco::JSON::Object::Ptr wrapper = new Poco::JSON::Object();
    wrapper->set("error", error);
    ctx.sendJson(422, wrapper);
    return;
  }
  Poco::JSON::Object::Ptr counts = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [record, n] : report.counts) counts->set(record, static_cast<Poco::UInt64>(n));
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("kind", kind);
  out->set("rows", static_cast<Poco::UInt64>(report.rows));
  out->set("counts", counts);
  ctx.sendJson(201, out);
}

void getExport(RequestContext& ctx) {
  const std::string kind = ctx.param("kind");
  requireLedgerKind(ctx, kind);
  sendLedgerExport(ctx, kind, ctx.query("format"), ctx.query("lang") == "en");
}

}  // namespace

void addLedgerApi(Router& router) {
  router.add("POST", "/api/v1/imports/{kind}", postImport, Access::User, true);
  router.add("GET", "/api/v1/exports/{kind}", getExport);
}

}  // namespace beacon::http
