#include "app/lookup.h"

#include <Poco/StringTokenizer.h>

#include "app/cli_text.h"

#include "store/organisation_repository.h"
#include "store/plan_repository.h"

namespace beacon::app {

sdk::Result<sdk::Organisation> organisationByCode(AppContext& app, const std::string& code,
                                                  const std::string& option, bool english) {
  auto org = store::OrganisationRepository(app.db().session()).findByCode(code);
  if (!org) {
    return sdk::Status::notFound(option, cliWord("refuse_no_org_code", english, {code}));
  }
  return *org;
}

sdk::Result<sdk::Plan> planByCode(AppContext& app, const std::string& code, const std::string& option,
                                  bool english) {
  auto plan = store::PlanRepository(app.db().session()).findByCode(code);
  if (!plan) {
    return sdk::Status::notFound(option, cliWord("refuse_no_plan_code", english, {code}));
  }
  return *plan;
}

sdk::Result<sdk::FieldValues> keyValues(const std::string& text, const std::string& option,
                                        bool english) {
  sdk::FieldValues out;
  Poco::StringTokenizer items(text, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const auto& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      return sdk::Status::invalid(option, cliWord("refuse_name_value", english, {item}));
    }
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

}  // namespace beacon::app
