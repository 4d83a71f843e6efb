// The life-cycle verbs of `beacon plan` (prepare, edit-draft, submit-review,
// approve, issue, publish, abolish, history): each reads its options, calls
// service::PlanLifecycle and prints the step it recorded, or fails naming the
// option. Stateless functions; not thread-safe (use the context's Database).
#pragma once

#include <string>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/command.h"
#include "beacon/sdk/records.h"

namespace beacon::app {

// The verbs runLifecycleVerb() takes, and their usage lines for `beacon plan --help`.
bool isLifecycleVerb(const std::string& verb);
extern const char* const kLifecycleUsage;

// The plan text of --text TEXT or --text-file FILE (empty when neither is given; the error names
// --text-file when the file cannot be read).
sdk::Result<std::string> readPlanText(const Arguments& args, bool english);

// Runs `verb` on `plan`; returns the exit code.
int runLifecycleVerb(CommandContext& ctx, AppContext& app, const Arguments& args,
                     const sdk::Plan& plan, const std::string& verb);

}  // namespace beacon::app
