// ImportScope and ImportScopeCheck: the one per-row organisation hook every
// importer goes through (csv_importer.cpp calls it before the kind reads a
// row). ImportScope is the set of organisations an import may write rows for:
// all of them (the city administrator; the CLI unless --within names an
// organisation) or a subtree (a township or department user's write scope,
// auth::AccessPolicy::writeScope). ImportScopeCheck reads each row's owner
// from the column that names it (export_scope.h scopeColumn: a plan's
// 编制单位编码, a drill's 组织编码, a corrective action's 责任单位编码, the
// 预案编码 of a review, filing or publication, whose plan's 编制单位 counts; for
// an organisation its 上级组织编码, and an organisation the file creates under
// the scope joins it for the rows after it) and refuses a row outside the
// scope naming its line, column and organisation: the import then writes
// nothing. A code that names nothing is left to the kind, which reports it.
// One per import; not thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>

#include "beacon/sdk/records.h"
#include "io/import_session.h"
#include "io/row_source.h"

namespace beacon::io {

struct ImportScope {
  bool all = true;
  std::set<sdk::RecordId> org_ids;  // when !all: the organisations rows may belong to
};

class ImportScopeCheck {
 public:
  ImportScopeCheck(ImportSession& session, const std::string& kind, ImportScope scope);
  // Whether the row's owner is in scope; false when the error is reported.
  bool admits(const ImportRow& row);
  // After the kind read an admitted row: the organisation it created joins the scope.
  void imported(const ImportRow& row);

 private:
  // The organisation owning the record `code` names (0: none stored), looked up once per code.
  sdk::RecordId ownerOf(const std::string& code);
  void refuse(const ImportRow& row, const std::string& column, const sdk::Organisation& org,
              const std::string& plan_code);
  ImportSession& session_;
  bool organisations_;
  bool plan_owned_;
  std::string column_;
  ImportScope scope_;
  std::map<std::string, sdk::RecordId> owners_;
};

}  // namespace beacon::io
