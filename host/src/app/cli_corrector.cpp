#include "app/cli_corrector.h"

#include <Poco/Exception.h>

#include "app/cli_text.h"
#include "auth/correction_policy.h"
#include "auth/user_repository.h"
#include "service/record_checks.h"
#include "store/storage_error.h"

namespace beacon::app {

sdk::Result<service::Corrector> cliCorrector(AppContext& app, const store::Actor& actor,
                                             bool english) {
  service::Corrector who{actor, std::nullopt};
  try {
    who.user = auth::UserRepository(app.db().session()).findByUsername(actor.username);
  } catch (const Poco::Exception& e) {
    return store::failureStatus(e,
                                cliWord("refuse_accounts_unreadable", english, {e.displayText()}));
  }
  return who;
}

int runCorrection(CommandContext& ctx, AppContext& c, const Arguments& a, store::RecordKind kind,
                  const std::string& verb, std::size_t id_position) {
  const std::string entity = store::entityOf(kind);
  const auto& pos = a.positionals();
  if (pos.size() <= id_position)
    return fail(ctx, sdk::Status::invalid(
                         "ID", cliWord("refuse_correction_needs_id", ctx.english, {entity, verb})));
  sdk::RecordId id = 0;
  try {
    id = std::stoll(pos[id_position]);
  } catch (const std::exception&) {
    return fail(ctx, sdk::Status::invalid("ID", cliWord("refuse_not_a_number", ctx.english)));
  }
  auto corrector = cliCorrector(c, ctx.actor, ctx.english);
  if (!corrector.isOk()) return fail(ctx, corrector.status());
  auto days = auth::CorrectionPolicy::configuredDays(ctx.config);
  if (!days.isOk()) return fail(ctx, days.status());
  service::RecordCorrection correction(c.db(), c.plugins(), days.value(), service::today(),
                                       ctx.english);
  service::CorrectionOutcome out;
  if (verb == "void") {
    out = correction.voidRecord(kind, id, a.get("reason"), corrector.value());
  } else {
    service::FieldChanges changes;
    for (const auto& item : a.all("field")) {
      const auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0) {
        return fail(ctx, sdk::Status::invalid(
                             "--field", cliWord("refuse_field_name_value", ctx.english, {item})));
      }
      changes[item.substr(0, eq)] = item.substr(eq + 1);
    }
    out = correction.correct(kind, id, changes, a.get("reason"), corrector.value());
  }
  if (!out.ok()) {
    const std::string field = out.status.field();
    return fail(
        ctx, sdk::Status::invalid(field.empty() ? "ID" : (field == "reason" ? "--reason" : field),
                                  out.status.message()));
  }
  ctx.out << cliWord(verb == "void" ? "record_voided" : "record_corrected", ctx.english,
                     {entity, std::to_string(id)})
          << "\n";
  return 0;
}

}  // namespace beacon::app
