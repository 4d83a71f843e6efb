#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/command.h"
#include "app/record_printer.h"

namespace beacon::app {
namespace {

class AuditCommand : public Command {
 public:
  std::string name() const override { return "audit"; }
  std::string summary() const override { return "show the append-only audit log"; }
  std::string help() const override {
    return "usage: beacon audit [--entity drill|plan|plan_version|organisation|review|filing|corrective_action]\n"
           "                    [--id N] [--limit N (default 50)]\n"
           "Newest first: time, user, action, record and the record after the change.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
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
    for (const auto& e : log.list(a.value().get("entity"), id.value(), limit.value())) print.auditLine(e);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeAuditCommand() { return std::make_unique<AuditCommand>(); }

}  // namespace beacon::app
