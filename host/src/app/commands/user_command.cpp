#include <iomanip>
#include <istream>
#include <map>
#include <set>
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
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
    return sdk::Status::invalid("--password", cliWord("refuse_password_both", ctx.english));
  }
  if (!from_stdin) {
    if (!a.has("password"))
      return sdk::Status::invalid("--password", cliWord("refuse_password_required", ctx.english));
    return a.get("password");
  }
  std::string line;
  if (!std::getline(ctx.in, line))
    return sdk::Status::invalid("--password-stdin", cliWord("refuse_stdin_empty", ctx.english));
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
      return fail(ctx, sdk::Status::invalid(
                           "--org", cliWord("refuse_no_org_code", ctx.english, {code.value()})));
    auth::CalendarFeedStore feeds(c.db().session());
    if (a.has("revoke")) {
      const int n = feeds.revoke(user, org->id, ctx.actor);
      ctx.out << cliWord("user_feed_revoked", ctx.english, {std::to_string(n)}) << "\n";
      return 0;
    }
    if (user.disabled)
      return fail(ctx, sdk::Status::invalid("USERNAME", cliWord("refuse_user_disabled", ctx.english,
                                                                {user.username})));
    auto created = feeds.rotate(user, org->id, ctx.actor);
    ctx.out << "/calendar/" << org->code << ".ics?key=" << created.secret << "\n";
    ctx.err << cliWord("user_feed_key_shown_once", ctx.english, {user.username, org->code}) << "\n";
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
      return fail(ctx,
                  sdk::Status::invalid(verb == "revoke" ? "TOKEN_ID" : "USERNAME",
                                       cliWord("refuse_user_verb_needs_one", ctx.english, {verb})));
    }
    const int iterations = ctx.config.getInt("auth.password_iterations", auth::PasswordHasher::kDefaultIterations);
    if (iterations < 1000) {
      return fail(ctx, sdk::Status::invalid("auth.password_iterations",
                                            cliWord("refuse_iterations_minimum", ctx.english)));
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
      if (a.has("org") && n.org_code.empty())
        return fail(ctx,
                    sdk::Status::invalid("--org", cliWord("refuse_option_empty", ctx.english)));
      auto password = readPassword(ctx, a);
      if (!password.isOk()) return fail(ctx, password.status());
      n.password = password.value();
      auto user = accounts.create(n, ctx.actor);
      if (!user.isOk()) return fail(ctx, asOption(user.status()));
      ctx.out << cliWord("user_added", ctx.english,
                         {user.value().username, auth::toId(user.value().role)})
              << "\n";
      return 0;
    }
    if (verb == "list") {
      std::map<sdk::RecordId, std::string> orgs;
      for (const auto& o : store::OrganisationRepository(c.db().session()).list()) orgs[o.id] = o.code;
      for (const auto& u : auth::UserRepository(c.db().session()).list()) {
        ctx.out << u.username << "\t" << auth::toId(u.role) << "\t"
                << (u.org_id ? orgs[u.org_id] : "-") << "\t" << u.display_name << "\t"
                << cliWord(u.disabled ? "user_state_disabled" : "user_state_active", ctx.english)
                << "\n";
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
      ctx.out << cliWord("user_password_changed", ctx.english, {pos[1]}) << "\n"
              << cliWord("user_sessions_ended", ctx.english, {pos[1]}) << "\n"
              << (keep ? cliWord("user_tokens_kept", ctx.english)
                       : cliWord("user_tokens_revoked", ctx.english, {n}))
              << "\n";
      return 0;
    }
    if (verb == "disable" || verb == "enable") {
      sdk::Status s = accounts.setDisabled(pos[1], verb == "disable", ctx.actor);
      if (!s.isOk()) return fail(ctx, sdk::Status::invalid("USERNAME", s.message()));
      ctx.out << cliWord(verb == "disable" ? "user_disabled" : "user_enabled", ctx.english,
                         {pos[1]})
              << "\n";
      return 0;
    }
    if (c.db().schemaVersion() < 12) {
      return fail(ctx,
                  sdk::Status::invalid("beacon.database",
                                       cliWord("refuse_schema_before_token_scopes", ctx.english)));
    }
    auth::ApiTokenStore tokens(c.db().session());
    if (verb == "revoke") {
      sdk::RecordId id = 0;
      try {
        id = std::stoll(pos[1]);
      } catch (const std::exception&) {
        return fail(ctx,
                    sdk::Status::invalid("TOKEN_ID", cliWord("refuse_not_a_number", ctx.english)));
      }
      auto token = tokens.findById(id);
      if (!token)
        return fail(ctx, sdk::Status::invalid(
                             "TOKEN_ID", cliWord("refuse_no_api_token", ctx.english, {pos[1]})));
      if (token->revoked())
        return fail(ctx, sdk::Status::invalid("TOKEN_ID", cliWord("refuse_api_token_revoked",
                                                                  ctx.english, {pos[1]})));
      tokens.revoke(id, ctx.actor);
      ctx.out << cliWord("user_token_revoked", ctx.english, {std::to_string(id)}) << "\n";
      return 0;
    }
    auto user = accounts.find(pos[1]);
    if (!user.isOk()) return fail(ctx, sdk::Status::invalid("USERNAME", user.status().message()));
    if (verb == "tokens") {
      const std::string now = store::isoTimestampNow();
      for (const auto& t : tokens.list(user.value().id)) {
        std::string state = cliWord("token_state_valid", ctx.english);
        if (t.revoked()) {
          state = cliWord("token_state_revoked", ctx.english, {t.revoked_at});
        } else if (t.expiredAt(now)) {
          state = cliWord("token_state_expired", ctx.english, {t.expires_at});
        }
        ctx.out << t.id << "\t" << t.hint << "…\t" << t.label << "\t" << t.created_at << "\t"
                << auth::toId(t.scope) << "\t" << (t.expires_at.empty() ? "-" : t.expires_at)
                << "\t" << state << "\n";
      }
      return 0;
    }
    if (verb == "feed") return feed(ctx, a, c, user.value());
    if (user.value().disabled) {
      return fail(ctx, sdk::Status::invalid(
                           "USERNAME", cliWord("refuse_user_disabled", ctx.english, {pos[1]})));
    }
    auth::TokenOptions options;
    options.scope = auth::TokenScope::Read;
    if (a.has("scope")) {
      auto scope = auth::parseTokenScope(a.get("scope"));
      if (!scope)
        return fail(ctx, sdk::Status::invalid("--scope", cliWord("refuse_token_scope", ctx.english,
                                                                 {a.get("scope")})));
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
                                   ? cliWord("token_never_expires", ctx.english)
                                   : cliWord("token_expires", ctx.english, {options.expires_at});
    ctx.err << cliWord("user_token_shown_once", ctx.english,
                       {std::to_string(created.token.id), pos[1], scope, expiry})
            << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeUserCommand() { return std::make_unique<UserCommand>(); }

}  // namespace beacon::app
