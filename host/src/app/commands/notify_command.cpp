// `beacon notify`: the daily digest e-mails of one day (mail/digest_service.h), for cron.
#include <mutex>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/exit_code.h"
#include "mail/digest_service.h"
#include "mail/mail_config.h"
#include "plugins/domain_services.h"

namespace beacon::app {
namespace {

std::string resultText(mail::DigestOutcome::Result r, bool english) {
  switch (r) {
    case mail::DigestOutcome::Result::WouldSend:
      return cliWord("digest_would_send", english);
    case mail::DigestOutcome::Result::Sent:
      return cliWord("digest_sent", english);
    case mail::DigestOutcome::Result::Failed:
      return cliWord("digest_failed", english);
    case mail::DigestOutcome::Result::AlreadyClaimed:
      return cliWord("digest_already_claimed", english);
  }
  return "";
}

class NotifyCommand : public Command {
 public:
  std::string name() const override { return "notify"; }
  std::string summary() const override {
    return "mail each organisation its daily digest of duties falling due (for cron)";
  }
  std::string help() const override {
    return "usage: beacon notify [--date YYYY-MM-DD (today)] [--dry-run]\n"
           "Mails each organisation that has a contact address (beacon org set-email) the duties\n"
           "of its own that mail.schedule puts in the day's digest (default 30, 14, 7 and 0 days\n"
           "before the due date, then every 7 days while overdue), through the SMTP server of\n"
           "mail.host/mail.port (mail.from, optional mail.username/mail.password). One digest per\n"
           "organisation and day, logged in digest_log: a second run of the day (or beacon\n"
           "serve's own run at mail.send_at) sends nothing again, except the digests that failed.\n"
           "An organisation with nothing due gets no mail. --dry-run prints what would be sent\n"
           "and writes nothing. Needs mail.enabled=true unless --dry-run. Exit 1 if a send "
           "failed.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"date"}, {"dry-run"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    auto date = a.date("date");
    if (!date.isOk()) return fail(ctx, date.status());
    const bool dry_run = a.has("dry-run");
    auto config = mail::MailConfig::load(ctx.config);
    if (!config.isOk()) return fail(ctx, config.status());
    if (!config.value().enabled && !dry_run) {
      return fail(
          ctx, sdk::Status::invalid("mail.enabled", cliWord("refuse_mail_disabled", ctx.english)));
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    const sdk::Date day =
        date.value().isSet() ? date.value() : plugins::DomainServices::systemToday();
    std::mutex engine_mutex;
    mail::DigestService service(c.db(), c.engine(), engine_mutex, config.value());
    auto outcomes = service.run(day, dry_run);
    if (!outcomes.isOk()) return fail(ctx, outcomes.status());
    int failed = 0;
    for (const auto& o : outcomes.value()) {
      ctx.out << day.toString() << "\t" << o.digest.org_name << "\t" << o.digest.recipient << "\t"
              << o.digest.items.size() << "\t" << resultText(o.result, ctx.english);
      if (!o.error.empty()) ctx.out << "\t" << o.error;
      ctx.out << "\n";
      if (dry_run) {
        for (const auto& item : o.digest.items) {
          ctx.out << "\t" << item.due.toString() << "\t" << item.title;
          if (!item.plan_title.empty()) ctx.out << "\t" << item.plan_title;
          ctx.out << "\n";
        }
      }
      failed += o.result == mail::DigestOutcome::Result::Failed;
    }
    if (outcomes.value().empty()) {
      ctx.out << cliWord("digest_nothing_due", ctx.english, {day.toString()}) << "\n";
    }
    return failed == 0 ? exit_code::kOk
                       : exit_code::kUnavailable;  // the mail server refused or failed
  }
};

}  // namespace

std::unique_ptr<Command> makeNotifyCommand() { return std::make_unique<NotifyCommand>(); }

}  // namespace beacon::app
