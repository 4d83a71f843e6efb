#include "io/import_kind.h"

namespace beacon::io {

const std::vector<std::string>& importKindIds() {
  static const std::vector<std::string> ids = {"organisations", "plans",       "reviews",
                                               "filings",       "drills",      "corrective-actions",
                                               "publications",  "drill-plans", "drill-evaluations"};
  return ids;
}

std::unique_ptr<ImportKind> makeImportKind(const std::string& kind) {
  if (kind == "organisations") return makeOrganisationImport();
  if (kind == "plans") return makePlanImport();
  if (kind == "reviews") return makeReviewImport();
  if (kind == "filings") return makeFilingImport();
  if (kind == "drills") return makeDrillImport();
  if (kind == "corrective-actions") return makeCorrectiveActionImport();
  if (kind == "publications") return makePublicationImport();
  if (kind == "drill-plans") return makeDrillPlanImport();
  if (kind == "drill-evaluations") return makeDrillEvaluationImport();
  return nullptr;
}

}  // namespace beacon::io
