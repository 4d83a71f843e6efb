// CLI corrections and voids (`beacon drill|review|filing correct|void ID
// [--field NAME=VALUE ...] --reason TEXT`, and the same for `beacon drill
// evaluation`, `beacon drill-plan [item]` and `beacon plan step`). The corrector is the account
// named by --user when one exists (its rights under auth::CorrectionPolicy
// apply), otherwise the operator holding the database file, who may change
// anything as with every other CLI write. Not thread-safe (uses the
// context's Database).
#pragma once

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/command.h"
#include "service/record_correction.h"
#include "store/record_voids.h"

namespace beacon::app {

sdk::Result<service::Corrector> cliCorrector(AppContext& app, const store::Actor& actor,
                                             bool english);
// Runs `verb` (correct or void) on the record whose id is the positional at
// `id_position` (the second by default: `drill void ID`; the third for
// `drill evaluation void ID`); prints one line and returns the exit code.
int runCorrection(CommandContext& ctx, AppContext& app, const Arguments& args,
                  store::RecordKind kind, const std::string& verb, std::size_t id_position = 1);
// The void marks of those of `records` that are voided, for the list commands.
template <typename Record>
std::map<sdk::RecordId, store::VoidMark> voidMarksOf(AppContext& app, store::RecordKind kind,
                                                     const std::vector<Record>& records) {
  std::vector<sdk::RecordId> ids;
  ids.reserve(records.size());
  for (const auto& r : records) ids.push_back(r.id);
  return store::RecordVoids(app.db().session()).voided(kind, ids);
}

}  // namespace beacon::app
