#include <fstream>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "plugins/domain_services.h"
#include "summary/summary_archive.h"
#include "summary/summary_service.h"

namespace beacon::app {
namespace {

class SummaryCommand : public Command {
 public:
  std::string name() const override { return "summary"; }
  std::string summary() const override { return "annual report text and plan-status summaries"; }
  std::string help() const override {
    return "usage: beacon summary --kind KIND [--year YEAR | --as-of DATE] [--org CODE] [--domain DOMAIN]\n"
           "                      [--drill ID] [--format text|markdown|html|json|docx] [--out FILE]\n"
           "KIND: city-annual (年度报告文字, needs --year), plan-status (as of a date),\n"
           "      township (--org), domain (--domain), drill-sheet (演练记录, --drill),\n"
           "      drill-plan (年度演练计划执行情况: --year, --as-of, optional --org subtree and --domain).\n"
           "With --year and no --as-of a summary counts as of 31 December of the year (as the API does).\n"
           "docx (Word) is for city-annual and drill-plan and needs --out FILE (or a redirected standard output).\n"
           "--archive also stores the output as sent (time, user, SHA-256 of the output and of its inputs).\n"
           "       beacon summary archive list\n"
           "       beacon summary archive show ID [--out FILE]   the archived output, unchanged\n"
           "       beacon summary archive check ID               does today's data still give the same text?\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    if (!args.empty() && args[0] == "archive") return runArchive(ctx, {args.begin() + 1, args.end()});
    auto parsed =
        Arguments::parse(args, {"kind", "year", "as-of", "org", "domain", "drill", "format", "out"}, {"archive"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    summary::SummaryRequest req;
    auto kind = a.required("kind");
    if (!kind.isOk()) return fail(ctx, kind.status());
    req.kind = kind.value();
    auto year = a.integer("year", 0);
    if (!year.isOk()) return fail(ctx, year.status());
    req.year = year.value();
    auto as_of = a.date("as-of");
    if (!as_of.isOk()) return fail(ctx, as_of.status());
    // As GET /api/v1/summaries: with --year and no --as-of the summary service takes the year's
    // 31 December; with neither, today.
    req.as_of = as_of.value();
    if (!req.as_of.isSet() && req.year == 0) req.as_of = plugins::DomainServices::systemToday();
    req.org_code = a.get("org");
    req.domain = a.get("domain");
    auto drill = a.integer("drill", 0);
    if (!drill.isOk()) return fail(ctx, drill.status());
    req.drill_id = drill.value();
    req.format = a.get("format", "text");
    req.english = ctx.english;
    if (req.format == "docx" && !a.has("out") && ctx.out_terminal) {
      return fail(ctx,
                  sdk::Status::invalid("--out", cliWord("refuse_docx_to_terminal", ctx.english)));
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    // One summary and exit: a township's summary evaluates the township, not the city.
    c.engine().evaluateOnlyWhatIsAsked();
    summary::SummaryService service(c.db(), c.plugins(), c.templates(), &c.engine());
    sdk::Result<std::string> text = std::string();
    std::string archived_line;
    if (a.has("archive")) {
      auto archived = summary::SummaryArchive(c.db(), service).archive(req, ctx.actor);
      if (!archived.isOk()) return fail(ctx, archived.status());
      text = archived.value().body;
      archived_line = cliWord("summary_archived", ctx.english,
                              {std::to_string(archived.value().id), archived.value().body_sha256}) +
                      "\n";
    } else {
      text = service.render(req);
    }
    if (!text.isOk()) return fail(ctx, text.status());
    ctx.err << archived_line;
    if (!a.has("out")) {
      ctx.out << text.value();
      return 0;
    }
    std::ofstream file(a.get("out"), std::ios::binary);
    if (!file)
      return fail(ctx, sdk::Status::invalid(
                           "--out", cliWord("refuse_cannot_write", ctx.english, {a.get("out")})));
    file << text.value();
    ctx.out << cliWord("file_written", ctx.english, {a.get("out")}) << "\n";
    return 0;
  }

 private:
  int runArchive(CommandContext& ctx, const std::vector<std::string>& args) {
    auto parsed = Arguments::parse(args, {"out"}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    const auto& pos = a.positionals();
    const std::string verb = pos.empty() ? "" : pos[0];
    if (verb != "list" && verb != "show" && verb != "check") {
      return fail(ctx,
                  sdk::Status::invalid("archive", cliWord("refuse_archive_verb", ctx.english)));
    }
    sdk::RecordId id = 0;
    if (verb != "list") {
      try {
        id = pos.size() > 1 ? std::stoll(pos[1]) : 0;
      } catch (const std::exception&) {
        id = 0;
      }
      if (id <= 0)
        return fail(ctx,
                    sdk::Status::invalid("ID", cliWord("refuse_archive_id_required", ctx.english)));
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    summary::SummaryService service(c.db(), c.plugins(), c.templates(), &c.engine());
    summary::SummaryArchive archive(c.db(), service);
    if (verb == "list") {
      for (const auto& s : archive.list()) {
        ctx.out << "#" << s.id << "\t" << s.created_at << "\t" << s.created_by << "\t" << s.request.kind << "\t"
                << (s.request.as_of.isSet() ? s.request.as_of.toString() : std::to_string(s.request.year)) << "\t"
                << s.request.format << "\t" << s.size << " B\tsha256 " << s.body_sha256 << "\n";
      }
      return 0;
    }
    if (verb == "show") {
      auto s = archive.find(id);
      if (!s)
        return fail(ctx, sdk::Status::invalid("ID", cliWord("refuse_no_archived_summary",
                                                            ctx.english, {std::to_string(id)})));
      if (!a.has("out")) {
        ctx.out << s->body;
        return 0;
      }
      std::ofstream file(a.get("out"), std::ios::binary);
      if (!file)
        return fail(ctx, sdk::Status::invalid(
                             "--out", cliWord("refuse_cannot_write", ctx.english, {a.get("out")})));
      file << s->body;
      ctx.out << cliWord("file_written", ctx.english, {a.get("out")}) << "\n";
      return 0;
    }
    auto checked = archive.check(id);
    if (!checked.isOk()) return fail(ctx, checked.status());
    const auto& r = checked.value();
    if (r.same_text) {
      ctx.out << cliWord("archive_check_same", ctx.english, {std::to_string(id)}) << "\n";
      return 0;
    }
    ctx.out << cliWord("archive_check_different", ctx.english, {std::to_string(id), r.body_sha256})
            << "\n";
    return 2;
  }
};

}  // namespace

std::unique_ptr<Command> makeSummaryCommand() { return std::make_unique<SummaryCommand>(); }

}  // namespace beacon::app
