#include "app/command.h"

#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/exit_code.h"
#include "http/refusal_text.h"
#include "service/text_limits.h"

namespace beacon::app {

CommandContext::~CommandContext() = default;

sdk::Result<AppContext*> CommandContext::app(bool migrate) {
  if (!app_) {
    auto opened = AppContext::open(config, migrate);
    if (!opened.isOk()) return opened.status();
    app_ = std::move(opened.value());
  }
  return app_.get();
}

int fail(CommandContext& ctx, const sdk::Status& status) {
  // The CLI's own refusals are in the user's language already (cli_text.h); a lower layer's
  // English one is translated by the refusal catalogue (http/refusal_text.h).
  const std::string message = http::translatedMessage(
      service::localisedMessage(argumentMessage(status.message(), ctx.english), ctx.english),
      ctx.english);
  ctx.err << "beacon: " << (status.field().empty() ? message : status.field() + ": " + message)
          << "\n";
  return exitCodeOf(status.code());
}

}  // namespace beacon::app
