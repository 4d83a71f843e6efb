// /imports: the ledger import and export page. GET shows, for the city
// administrator and township or department staff (their own subtree), a
// form to upload one kind's file (CSV or .xlsx), and for every user a CSV
// and an Excel link per kind (the export API, limited to the user's scope). POST /imports (multipart: kind, file) imports the file
// all or nothing and shows the rows imported, or every error with its line
// (sheet and row), column and message (422). Same CSRF, origin and
// submission-token checks as every page form.
#include "http/http_error.h"
#include "http/label_language.h"
#include "http/page_text.h"

#include "http/ledger_routes.h"
#include "http/ledger_transfer.h"
#include "io/import_kind.h"
#include "io/kind_label.h"

namespace beacon::http {

namespace {

std::string kindLabel(RequestContext& ctx, const std::string& kind) {
  return inLanguage(ctx.english(), kind, io::kindLabelZh(kind));
}

kainjow::mustache::data pageData(RequestContext& ctx, const std::string& selected) {
  kainjow::mustache::data kinds{kainjow::mustache::data::type::list};
  for (const auto& k : io::importKindIds()) {
    kainjow::mustache::data item;
    item.set("id", k);
    item.set("label", kindLabel(ctx, k));
    if (k == selected) item.set("selected", true);
    kinds.push_back(item);
  }
  kainjow::mustache::data d;
  d.set("kinds", kinds);
  if (mayImport(ctx)) d.set("may_import", true);
  if (mayImport(ctx) && !auth::AccessPolicy::canAdminister(*ctx.user)) d.set("import_scoped", true);
  // The import form's own links keep the language (a query parameter, not text).
  if (ctx.english()) {
    d.set("lang_query", "&lang=en");
  } else {
    d.set("lang_query", "");
  }

  return d;
}

void showImports(RequestContext& ctx) {
  ctx.requireUser();
  ctx.sendPage(200, "imports.html", pageData(ctx, ""), pageWord("ledger_transfer", ctx.english()));
}

void postImport(RequestContext& ctx) {
  const std::string kind = ctx.formValue("kind");
  requireLedgerKind(ctx, kind);
  requireImporter(ctx);
  const io::ImportReport report = importLedger(ctx, kind);
  kainjow::mustache::data d = pageData(ctx, kind);
  d.set("kind_label", kindLabel(ctx, kind));
  if (report.errors.empty()) {
    d.set("imported", true);
    d.set("rows", std::to_string(report.rows));
  } else {
    kainjow::mustache::data errors{kainjow::mustache::data::type::list};
    for (const auto& p : report.problems) {
      kainjow::mustache::data e;
      e.set("sheet", p.sheet);
      e.set("line", p.line == 0 ? std::string() : std::to_string(p.line));
      e.set("column", p.column);
      e.set("message", p.message);
      errors.push_back(e);
    }
    d.set("refused", true);
    d.set("errors", errors);
  }
  ctx.sendPage(report.errors.empty() ? 200 : 422, "imports.html", d,
               pageWord("ledger_transfer", ctx.english()));
}

}  // namespace

void addLedgerPages(Router& router) {
  router.add("GET", "/imports", showImports);
  router.add("POST", "/imports", postImport, Access::User, true);
}

}  // namespace beacon::http
