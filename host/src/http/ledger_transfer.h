// What the ledger API and the /imports page share: the kind check, who may
// import, reading the uploaded file (a multipart part "file" or the raw
// body) and importing it through io::importFile (all or nothing, one audit
// entry), and the export of one kind limited to the caller's read scope,
// with its download name. Stateless functions of the RequestContext (one
// request, one thread).
//
// Who may import: the city administrator (Role::Admin), every row; a township
// or department user (Role::OrgStaff), the rows of its own subtree only
// (its write scope, checked row by row by io::ImportScopeCheck: a row outside
// it is refused naming line, column and organisation, and nothing is
// written). Village staff and viewers are refused with 403 (docs/api.md).
#pragma once

#include <string>

#include "http/request_context.h"
#include "io/csv_importer.h"
#include "io/export_scope.h"

namespace beacon::http {

// 404 naming `kind` unless it is one of io::importKindIds().
void requireLedgerKind(RequestContext& ctx, const std::string& kind);
// 403 unless the user may import ledger files (the administrator or org staff).
void requireImporter(RequestContext& ctx);
bool mayImport(RequestContext& ctx);

// Imports the request's file as `kind`: the multipart part "file", or the
// whole body when its Content-Type is text/csv or the xlsx type (415
// otherwise, 400 naming "file" when a form has no such part). CSV or xlsx is
// told from the content. A refusal of the whole file (unreadable) comes back
// as a report with one problem; a database failure is thrown.
io::ImportReport importLedger(RequestContext& ctx, const std::string& kind);

// The rows the caller may read: everything for a user whose read scope is
// the whole city, else the organisations of its subtree and their plans.
io::ExportScope exportScope(RequestContext& ctx);

// GET of one kind as CSV or xlsx (`format`, 400 naming it otherwise), with
// Content-Disposition naming the scope, the kind and the day
// (新密市-应急演练-2026-12-01.csv, RFC 5987 filename* with an ASCII fallback).
void sendLedgerExport(RequestContext& ctx, const std::string& kind, const std::string& format,
                      bool english_headers);

}  // namespace beacon::http
