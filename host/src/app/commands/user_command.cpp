#include <iomanip>
#include <istream>
#include <map>
#include <set>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/command.h"
#include "auth/account_service.h"
#include "auth/api_token_store.h"
#include "auth/password_hasher.h"
#include "store/migrations.h"
#include "store/organisation_repository.h"
#include "store/user_repository.h"

namespace beacon::app {
namespace {

// Service errors name fields; the CLI reports them as the options that carry them.
sdk::Status asOption(const sdk::Status& s) {
  if (s.isOk() || s.field().empty()) return s;
  const std::string option = s.field() == "display_name" ? "--name" : "--" + s.field();
  return sdk::Status::invalid(option, s.message());
}

// --password P, or the first line of standard input with --password-stdin.
sdk::Result<std::string> readPassword(CommandContext& ctx, const Arguments& a) {
  const bool from_stdin = a.has("password-stdin");
  if (from_stdin && a.has("password")) {
    return sdk::Status::invalid("--password", "give either --password or --password-stdin, not both");
  }
  if (!from_stdin) {
    if (!a.has("password")) return sdk::Status::invalid("--password", "is required (or --password-stdin)");
    return a.get("password");
  }
  std::string line;
  if (!std::getline(ctx.in, line)) return sdk::Status::invalid("--password-stdin", "standard input is empty");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

class UserCommand : public Command {
 public:
  std::string name() const override { return "user"; }
  std::string summary() const override { return "accounts, roles and API tokens (用户)"; }
  std::string help() const override {
    return "usage: beacon user add --username U --role ROLE [--org CODE] [--name DISPLAY]\n"
           "                       [--password P | --password-stdin]\n"
           "       beacon user passwd U [--password P | --password-stdin]\n"
           "       beacon user list\n"
           "       beacon user disable U | beacon user enable U\n"
           "       beacon user token U [--label TEXT]   prints a new API token once\n"
           "       beacon user tokens U                 lists U's tokens (hint, label, state)\n"
           "       beacon user revoke TOKEN_ID\n"
           "ROLE: admin (市应急管理局管理员, everything), org_staff (部门/乡镇/街道工作人员, --org and\n"
           "everything below it), village_staff (村/社区工作人员, --org only), viewer (read only; all, or\n"
           "--org and below). --org is required for org_staff and village_staff. Passwords: at least 8\n"
           "characters. New hashes use auth.password_iterations (default " +
           std::to_string(auth::PasswordHasher::kDefaultIterations) + ") PBKDF2-HMAC-SHA256 rounds.\n";
  }

  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"username", "role", "org", "name", "password", "label"},
                                   {"password-stdin"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    const auto& pos = a.positionals();
    const std::string verb = pos.empty() ? "" : pos[0];
    static const std::set<std::string> kVerbs = {"add", "passwd", "list", "disable", "enable",
                                                 "token", "tokens", "revoke"};
    if (!kVerbs.count(verb)) {
      ctx.err << help();
      return 2;
    }
    if (verb != "list" && verb != "add" && pos.size() < 2) {
      return fail(ctx, sdk::Status::invalid(verb == "revoke" ? "TOKEN_ID" : "USERNAME",
                                            "beacon user " + verb + " needs one"));
    }
    const int iterations = ctx.config.getInt("auth.password_iterations", auth::PasswordHasher::kDefaultIterations);
    if (iterations < 1000) {
      return fail(ctx, sdk::Status::invalid("auth.password_iterations", "must be at least 1000"));
    }
    auto app = ctx.app();
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    const auth::PasswordHasher hasher(iterations);
    auth::AccountService accounts(c.db(), hasher);

    if (verb == "add") {
      auth::NewAccount n;
      auto username = a.required("username");
      if (!username.isOk()) return fail(ctx, username.status());
      n.username = username.value();
      n.role = a.get("role");
      n.org_code = a.get("org");
      n.display_name = a.get("name");
      if (a.has("org") && n.org_code.empty()) return fail(ctx, sdk::Status::invalid("--org", "is empty"));
      auto password = readPassword(ctx, a);
      if (!password.isOk()) return fail(ctx, password.status());
      n.password = password.value();
      auto user = accounts.create(n, ctx.actor);
      if (!user.isOk()) return fail(ctx, asOption(user.status()));
      ctx.out << (ctx.english ? "added user " : "已添加用户 ") << user.value().username << " ("
              << auth::toId(user.value().role) << ")\n";
      return 0;
    }
    if (verb == "list") {
      std::map<sdk::RecordId, std::string> orgs;
      for (const auto& o : store::OrganisationRepository(c.db().session()).list()) orgs[o.id] = o.code;
      for (const auto& u : store::UserRepository(c.db().session()).list()) {
        ctx.out << u.username << "\t" << auth::toId(u.role) << "\t"
                << (u.org_id ? orgs[u.org_id] : "-") << "\t" << u.display_name << "\t"
                << (u.disabled ? (ctx.english ? "disabled" : "已停用") : (ctx.english ? "active" : "正常")) << "\n";
      }
      return 0;
    }
    if (verb == "passwd") {
      auto password = readPassword(ctx, a);
      if (!password.isOk()) return fail(ctx, password.status());
      sdk::Status s = accounts.changePassword(pos[1], password.value(), ctx.actor);
      if (!s.isOk()) return fail(ctx, s.field() == "username" ? sdk::Status::invalid("USERNAME", s.message()) : asOption(s));
      ctx.out << (ctx.english ? "password changed for " : "已修改密码：") << pos[1] << "\n";
      return 0;
    }
    if (verb == "disable" || verb == "enable") {
      sdk::Status s = accounts.setDisabled(pos[1], verb == "disable", ctx.actor);
      if (!s.isOk()) return fail(ctx, sdk::Status::invalid("USERNAME", s.message()));
      ctx.out << (verb == "disable" ? (ctx.english ? "disabled " : "已停用 ") : (ctx.english ? "enabled " : "已启用 "))
              << pos[1] << "\n";
      return 0;
    }
    if (c.db().schemaVersion() < 3) {
      return fail(ctx, sdk::Status::invalid("beacon.database", "has no api_tokens table yet; run `beacon init` to migrate"));
    }
    auth::ApiTokenStore tokens(c.db().session());
    if (verb == "revoke") {
      sdk::RecordId id = 0;
      try {
        id = std::stoll(pos[1]);
      } catch (const std::exception&) {
        return fail(ctx, sdk::Status::invalid("TOKEN_ID", "must be a number"));
      }
      auto token = tokens.findById(id);
      if (!token) return fail(ctx, sdk::Status::invalid("TOKEN_ID", "no API token #" + pos[1]));
      if (token->revoked()) return fail(ctx, sdk::Status::invalid("TOKEN_ID", "API token #" + pos[1] + " is already revoked"));
      tokens.revoke(id, ctx.actor);
      ctx.out << (ctx.english ? "revoked API token #" : "已吊销 API 令牌 #") << id << "\n";
      return 0;
    }
    auto user = accounts.find(pos[1]);
    if (!user.isOk()) return fail(ctx, sdk::Status::invalid("USERNAME", user.status().message()));
    if (verb == "tokens") {
      for (const auto& t : tokens.list(user.value().id)) {
        ctx.out << t.id << "\t" << t.hint << "…\t" << t.label << "\t" << t.created_at << "\t"
                << (t.revoked() ? (ctx.english ? "revoked " : "已吊销 ") + t.revoked_at
                                : (ctx.english ? "valid" : "有效"))
                << "\n";
      }
      return 0;
    }
    if (user.value().disabled) {
      return fail(ctx, sdk::Status::invalid("USERNAME", pos[1] + " is disabled"));
    }
    auto created = tokens.create(user.value(), a.get("label"), ctx.actor);
    ctx.out << created.secret << "\n";
    ctx.err << (ctx.english ? "API token #" : "API 令牌 #") << created.token.id
            << (ctx.english ? " for " + pos[1] + ": shown once, store it now; send it as"
                              " \"Authorization: Bearer <token>\"\n"
                            : "（" + pos[1] + "）只显示这一次，请立即保存；请求时使用 \"Authorization: Bearer <令牌>\"\n");
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeUserCommand() { return std::make_unique<UserCommand>(); }

}  // namespace beacon::app
