#include <ostream>

#include <Poco/NumberParser.h>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/record_printer.h"
#include "store/audit_chain.h"

namespace beacon::app {
namespace {

class AuditCommand : public Command {
 public:
  std::string name() const override { return "audit"; }
  std::string summary() const override {
    return "show the append-only audit log, or verify its hash chain";
  }
  std::string help() const override {
    return "usage: beacon audit [--entity "
           "drill|plan|plan_version|organisation|review|filing|corrective_action|\n"
           "                    drill_evaluation|drill_plan|drill_plan_item|plan_transition]\n"
           "                    [--id N] [--limit N (default 50)]\n"
           "       beacon audit verify [--head ID:HASH]\n"
           "Newest first: time, user (and the OS account for CLI writes), action, record and the "
           "record after\n"
           "the change.\n"
           "verify checks the hash chain and names the first entry that was changed, removed or "
           "inserted out of\n"
           "order (exit code 1); when intact it prints the head ID:HASH. --head ID:HASH, a head "
           "printed earlier,\n"
           "also catches entries cut off the end or a chain rewritten from that entry on.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    if (!args.empty() && args.front() == "verify") {
      return verify(ctx, std::vector<std::string>(args.begin() + 1, args.end()));
    }
    auto a = Arguments::parse(args, {"entity", "id", "limit"}, {});
    if (!a.isOk()) return fail(ctx, a.status());
    auto limit = a.value().integer("limit", 50);
    if (!limit.isOk()) return fail(ctx, limit.status());
    auto id = a.value().integer("id", 0);
    if (!id.isOk()) return fail(ctx, id.status());
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    store::AuditLog log(app.value()->db().session());
    RecordPrinter print(ctx.out, ctx.english);
    for (const auto& e : log.list(a.value().get("entity"), id.value(), limit.value()))
      print.auditLine(e);
    return 0;
  }

 private:
  int verify(CommandContext& ctx, const std::vector<std::string>& args) {
    auto a = Arguments::parse(args, {"head"}, {});
    if (!a.isOk()) return fail(ctx, a.status());
    if (!a.value().positionals().empty()) {
      return fail(ctx,
                  sdk::Status::invalid("verify", cliWord("refuse_unexpected_argument", ctx.english,
                                                         {a.value().positionals().front()})));
    }
    Poco::Int64 head_id = 0;
    std::string head_hash;
    if (a.value().has("head")) {
      const std::string head = a.value().get("head");
      const auto colon = head.find(':');
      if (colon == std::string::npos ||
          !Poco::NumberParser::tryParse64(head.substr(0, colon), head_id) || head_id <= 0 ||
          head.size() - colon - 1 != 64) {
        return fail(ctx, sdk::Status::invalid("head", cliWord("refuse_audit_head", ctx.english)));
      }
      head_hash = head.substr(colon + 1);
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    const auto report = store::verifyAuditChain(app.value()->db().session(), head_id, head_hash);
    if (!report.ok()) {
      ctx.err << "beacon: audit: " << report.describe(ctx.english) << "\n";
      return 1;
    }
    ctx.out << report.describe(ctx.english) << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeAuditCommand() { return std::make_unique<AuditCommand>(); }

}  // namespace beacon::app
