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
#include "auth/calendar_feed_store.h"
#include "auth/password_hasher.h"
#include "auth/token_expiry.h"
#include "auth/user_repository.h"
#include "store/migrations.h"
#include "store/organisation_repository.h"
#include "store/row.h"

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
  // beacon user feed U --org CODE [--revoke]
  static int feed(CommandContext& ctx, const Arguments& a, AppContext& c, const auth::User& user) {
    auto code = a.required("org");
    if (!code.isOk()) return fail(ctx, code.status());
    auto org = store::OrganisationRepository(c.db().session()).findByCode(code.value());
    if (!org)
      return fail(
          ctx, sdk::Status::invalid("--org", "no organisation with code \"" + code.value() + "\""));
    auth::CalendarFeedStore feeds(c.db().session());
    if (a.has("revoke")) {
      const int n = feeds.revoke(user, org->id, ctx.actor);
      ctx.out << (ctx.english ? "revoked " + std::to_string(n) + " calendar feed key(s)\n"
                              : "已吊销 " + std::to_string(n) + " 个日历订阅密钥\n");
      return 0;
    }
    if (user.disabled)
      return fail(ctx, sdk::Status::invalid("USERNAME", user.username + " is disabled"));
    auto created = feeds.rotate(user, org->id, ctx.actor);
    ctx.out << "/calendar/" << org->code << ".ics?key=" << created.secret << "\n";
    ctx.err << (ctx.english
                    ? "calendar feed key for " + user.username + " and " + org->code +
                          ": shown once; put the server's address before the path; any older key"
                          " for this feed no longer works\n"
                    : "日历订阅密钥（" + user.username + "，" + org->code +
                          "）只显示这一次；请在路径前加上服务器地址；此前的密钥已失效\n");
    return 0;
  }

 public:
  std::string name() const override { return "user"; }
  std::string summary() const override { return "accounts, roles and API tokens (用户)"; }
  std::string help() const override {
    return "usage: beacon user add --username U --role ROLE [--org CODE] [--name DISPLAY]\n"
           "                       [--password P | --password-stdin]\n"
           "       beacon user passwd U [--password P | --password-stdin] [--keep-tokens]\n"
           "                       ends U's sessions; revokes U's API tokens unless --keep-tokens\n"
           "       beacon user list\n"
           "       beacon user disable U | beacon user enable U\n"
           "       beacon user token U [--label TEXT] [--scope read|write] [--expires YYYY-MM-DD|DAYS]\n"
           "                       prints a new API token once; scope read (default) may only GET,\n"
           "                       write may also change records; --expires: works through that day,\n"
           "                       or for that many days (default: no expiry)\n"
           "       beacon user tokens U                 lists U's tokens (hint, label, scope, expiry, state)\n"
           "       beacon user revoke TOKEN_ID\n"
           "       beacon user feed U --org CODE [--revoke]\n"
           "                       prints the URL of a new calendar feed key for U and CODE (the old key\n"
           "                       stops working); the key reads that feed only. --revoke: no key\n"
           "ROLE: admin (市应急管理局管理员, everything), org_staff (部门/乡镇/街道工作人员, --org and\n"
           "everything below it), village_staff (村/社区工作人员, --org only), viewer (read only; all, or\n"
           "--org and below). --org is required for org_staff and village_staff. Passwords: at least 8\n"
           "characters. New hashes use auth.password_iterations (default " +
           std::to_string(auth::PasswordHasher::kDefaultIterations) + ") PBKDF2-HMAC-SHA256 rounds.\n";
  }

  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(
        args, {"username", "role", "org", "name", "password", "label", "scope", "expires"},
        {"password-stdin", "keep-tokens", "revoke"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    const auto& pos = a.positionals();
    const std::string verb = pos.empty() ? "" : pos[0];
    static const std::set<std::string> kVerbs = {"add",   "passwd", "list",   "disable", "enable",
                                                 "token", "tokens", "revoke", "feed"};
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
      for (const auto& u : auth::UserRepository(c.db().session()).list()) {
        ctx.out << u.username << "\t" << auth::toId(u.role) << "\t"
                << (u.org_id ? orgs[u.org_id] : "-") << "\t" << u.display_name << "\t"
                << (u.disabled ? (ctx.english ? "disabled" : "已停用") : (ctx.english ? "active" : "正常")) << "\n";
      }
      return 0;
    }
    if (verb == "passwd") {
      auto password = readPassword(ctx, a);
      if (!password.isOk()) return fail(ctx, password.status());
      const bool keep = a.has("keep-tokens");
      auto changed =
          accounts.changePassword(pos[1], password.value(), ctx.actor,
                                  keep ? auth::TokenPolicy::Keep : auth::TokenPolicy::Revoke);
      if (!changed.isOk()) {
        const sdk::Status& s = changed.status();
        return fail(ctx, s.field() == "username" ? sdk::Status::invalid("USERNAME", s.message())
                                                 : asOption(s));
      }
      const std::string n = std::to_string(changed.value().tokens_revoked);
      ctx.out << (ctx.english ? "password changed for " : "已修改密码：") << pos[1] << "\n"
              << (ctx.english ? "ended every session of " + pos[1] + "\n"
                              : "已结束该用户的全部登录会话\n")
              << (keep ? (ctx.english ? "API tokens kept (--keep-tokens)\n"
                                      : "API 令牌保留（--keep-tokens）\n")
                       : (ctx.english ? "revoked " + n + " API token(s)\n"
                                      : "已吊销 " + n + " 个 API 令牌\n"));
      return 0;
    }
    if (verb == "disable" || verb == "enable") {
      sdk::Status s = accounts.setDisabled(pos[1], verb == "disable", ctx.actor);
      if (!s.isOk()) return fail(ctx, sdk::Status::invalid("USERNAME", s.message()));
      ctx.out << (verb == "disable" ? (ctx.english ? "disabled " : "已停用 ") : (ctx.english ? "enabled " : "已启用 "))
              << pos[1] << "\n";
      return 0;
    }
    if (c.db().schemaVersion() < 12) {
      return fail(ctx,
                  sdk::Status::invalid(
                      "beacon.database",
                      "has no token scopes or calendar feeds yet; run `beacon init` to migrate"));
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
      const std::string now = store::isoTimestampNow();
      for (const auto& t : tokens.list(user.value().id)) {
        std::string state = ctx.english ? "valid" : "有效";
        if (t.revoked()) {
          state = (ctx.english ? "revoked " : "已吊销 ") + t.revoked_at;
        } else if (t.expiredAt(now)) {
          state = (ctx.english ? "expired " : "已过期 ") + t.expires_at;
        }
        ctx.out << t.id << "\t" << t.hint << "…\t" << t.label << "\t" << t.created_at << "\t"
                << auth::toId(t.scope) << "\t" << (t.expires_at.empty() ? "-" : t.expires_at)
                << "\t" << state << "\n";
      }
      return 0;
    }
    if (verb == "feed") return feed(ctx, a, c, user.value());
    if (user.value().disabled) {
      return fail(ctx, sdk::Status::invalid("USERNAME", pos[1] + " is disabled"));
    }
    auth::TokenOptions options;
    options.scope = auth::TokenScope::Read;
    if (a.has("scope")) {
      auto scope = auth::parseTokenScope(a.get("scope"));
      if (!scope)
        return fail(
            ctx, sdk::Status::invalid("--scope", "\"" + a.get("scope") + "\": use read or write"));
      options.scope = *scope;
    }
    if (a.has("expires")) {
      auto expires = auth::tokenExpiry(a.get("expires"), "--expires");
      if (!expires.isOk()) return fail(ctx, expires.status());
      options.expires_at = expires.value();
    }
    auto created = tokens.create(user.value(), a.get("label"), ctx.actor, options);
    ctx.out << created.secret << "\n";
    const std::string scope = auth::toId(options.scope);
    const std::string expiry = options.expires_at.empty()
                                   ? (ctx.english ? "never expires" : "永不过期")
                                   : (ctx.english ? "expires " : "过期时间 ") + options.expires_at;
    ctx.err
        << (ctx.english ? "API token #" : "API 令牌 #") << created.token.id
        << (ctx.english
                ? " for " + pos[1] + " (scope " + scope + ", " + expiry +
                      "): shown once, store it now; send it as \"Authorization: Bearer <token>\"\n"
                : "（" + pos[1] + "，权限 " + scope + "，" + expiry +
                      "）只显示这一次，请立即保存；请求时使用 \"Authorization: Bearer <令牌>\"\n");
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeUserCommand() { return std::make_unique<UserCommand>(); }

}  // namespace beacon::app
