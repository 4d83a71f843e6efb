#include "store/database_uri.h"

#include <cctype>
#include <map>

namespace beacon::store {

namespace {

constexpr const char* kField = "beacon.database";

struct Problem {
  std::string zh;
  std::string en;
};

sdk::Status fail(const Problem& p, bool english) {
  return sdk::Status::invalid(kField, english ? "the database (--db or beacon.database) " + p.en
                                              : "数据库（--db 或 beacon.database）" + p.zh);
}

bool startsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// "scheme://" at the start (RFC 3986 scheme characters), or "".
std::string schemeOf(const std::string& text) {
  const auto colon = text.find("://");
  if (colon == std::string::npos || colon == 0 ||
      !std::isalpha(static_cast<unsigned char>(text[0]))) {
    return std::string();
  }
  for (std::size_t i = 0; i < colon; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return std::string();
  }
  return text.substr(0, colon);
}

// Decodes %XX escapes; false on a malformed escape.
bool percentDecode(const std::string& in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
      return false;
    }
    out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
    i += 2;
  }
  return true;
}

// Poco's PostgreSQL session splits its connection string at spaces and libpq treats quotes
// and backslashes specially, so no value may hold them (nor control characters).
bool plainValue(const std::string& v) {
  for (unsigned char c : v) {
    if (c <= 0x20 || c == 0x7f || c == '\'' || c == '"' || c == '\\') return false;
  }
  return true;
}

bool identifier(const std::string& v) {
  if (v.empty() || v.size() > 63 ||
      !(std::islower(static_cast<unsigned char>(v[0])) || v[0] == '_')) {
    return false;
  }
  for (unsigned char c : v) {
    if (!std::islower(c) && !std::isdigit(c) && c != '_') return false;
  }
  return true;
}

bool parsePort(const std::string& text, int& port) {
  if (text.empty() || text.size() > 5) return false;
  for (unsigned char c : text) {
    if (!std::isdigit(c)) return false;
  }
  port = std::stoi(text);
  return port >= 1 && port <= 65535;
}

sdk::Result<DatabaseUri> parsePostgres(const std::string& text, const std::string& scheme,
                                       bool english) {
  DatabaseUri uri;
  uri.backend = DatabaseUri::Backend::PostgreSQL;
  std::string rest = text.substr(scheme.size() + 3);
  std::string query;
  if (const auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest.erase(q);
  }
  const auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  std::string dbname = slash == std::string::npos ? std::string() : rest.substr(slash + 1);

  if (const auto at = authority.rfind('@'); at != std::string::npos) {
    const std::string userinfo = authority.substr(0, at);
    authority.erase(0, at + 1);
    if (userinfo.find(':') != std::string::npos) {
      return fail({"不得包含密码：请用环境变量 PGPASSWORD 或 ~/.pgpass 提供密码",
                   "must not contain a password: give it in PGPASSWORD or ~/.pgpass"},
                  english);
    }
    if (!percentDecode(userinfo, uri.user) || uri.user.empty() || !plainValue(uri.user)) {
      return fail(
          {"的用户名“" + userinfo + "”无效", "has an invalid user name \"" + userinfo + "\""},
          english);
    }
  }
  std::string host = authority;
  std::string port;
  bool has_port = false;
  if (startsWith(host, "[")) {  // [IPv6]:port
    const auto close = host.find(']');
    if (close == std::string::npos) {
      return fail(
          {"的主机“" + authority + "”缺少“]”", "has a host \"" + authority + "\" without \"]\""},
          english);
    }
    has_port = close + 1 < host.size();
    if (has_port && host[close + 1] != ':') {
      return fail({"的主机“" + authority + "”无效", "has an invalid host \"" + authority + "\""},
                  english);
    }
    if (has_port) port = host.substr(close + 2);
    host = host.substr(1, close - 1);
  } else if (const auto colon = host.rfind(':'); colon != std::string::npos) {
    has_port = true;
    port = host.substr(colon + 1);
    host.erase(colon);
  }
  if (!percentDecode(host, uri.host) || !plainValue(uri.host)) {
    return fail({"的主机“" + host + "”无效", "has an invalid host \"" + host + "\""}, english);
  }
  if (has_port && !parsePort(port, uri.port)) {
    return fail({"的端口“" + port + "”不是 1 至 65535 的整数",
                 "has a port \"" + port + "\" that is not a whole number from 1 to 65535"},
                english);
  }
  if (!percentDecode(dbname, uri.dbname) || uri.dbname.empty() || !plainValue(uri.dbname) ||
      uri.dbname.find('/') != std::string::npos) {
    return fail(
        {"须在主机之后写明数据库名，如 postgresql://beacon@127.0.0.1:5432/beacon",
         "must name the database after the host, as in postgresql://beacon@127.0.0.1:5432/beacon"},
        english);
  }

  std::map<std::string, std::string*> params = {{"host", &uri.host},
                                                {"schema", &uri.schema},
                                                {"sslmode", &uri.sslmode},
                                                {"connect_timeout", &uri.connect_timeout}};
  std::size_t start = 0;
  while (!query.empty() && start <= query.size()) {
    const auto amp = query.find('&', start);
    const std::string pair =
        query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    start = amp == std::string::npos ? query.size() + 1 : amp + 1;
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string key = pair.substr(0, eq);
    std::string value;
    if (eq == std::string::npos || !percentDecode(pair.substr(eq + 1), value) || value.empty() ||
        !plainValue(value)) {
      return fail({"的参数“" + key + "”须有值（不含空格或引号）",
                   "parameter \"" + key + "\" needs a value (without spaces or quotes)"},
                  english);
    }
    if (key == "password") {
      return fail({"不得包含密码：请用环境变量 PGPASSWORD 或 ~/.pgpass 提供密码",
                   "must not contain a password: give it in PGPASSWORD or ~/.pgpass"},
                  english);
    }
    if (key == "port") {
      if (!parsePort(value, uri.port)) {
        return fail({"的端口“" + value + "”不是 1 至 65535 的整数",
                     "has a port \"" + value + "\" that is not a whole number from 1 to 65535"},
                    english);
      }
      continue;
    }
    const auto found = params.find(key);
    if (found == params.end()) {
      return fail(
          {"的参数“" + key + "”不受支持（可用 host、port、schema、sslmode、connect_timeout）",
           "parameter \"" + key +
               "\" is not supported (host, port, schema, sslmode, connect_timeout)"},
          english);
    }
    *found->second = value;
  }
  if (!uri.schema.empty() && !identifier(uri.schema)) {
    return fail(
        {"的 schema“" + uri.schema + "”须由小写字母、数字和下划线组成（不以数字开头）",
         "schema \"" + uri.schema +
             "\" must be lower-case letters, digits and underscores (not starting with a digit)"},
        english);
  }
  return uri;
}

}  // namespace

sdk::Result<DatabaseUri> DatabaseUri::parse(const std::string& text, bool english) {
  if (text.empty()) return fail({"为空", "is empty"}, english);
  const std::string scheme = schemeOf(text);
  if (scheme == "postgresql" || scheme == "postgres") return parsePostgres(text, scheme, english);
  if (!scheme.empty() && scheme != "file") {
    return fail({"的类型“" + scheme +
                     "://”不受支持：可写文件路径、sqlite:路径、:memory: 或 "
                     "postgresql://用户@主机:端口/数据库",
                 "has an unsupported scheme \"" + scheme +
                     "://\": give a file path, sqlite:PATH, :memory: or "
                     "postgresql://USER@HOST:PORT/DBNAME"},
                english);
  }
  DatabaseUri uri;
  uri.path = startsWith(text, "sqlite:") ? text.substr(7) : text;
  if (uri.path.empty())
    return fail({"在“sqlite:”之后缺少文件路径", "names no file after \"sqlite:\""}, english);
  return uri;
}

std::string DatabaseUri::display() const {
  if (!postgres()) return path;
  std::string out = "postgresql://";
  if (!user.empty()) out += user + "@";
  const bool socket = startsWith(host, "/");
  if (!socket) out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (port != 0 && !socket) out += ":" + std::to_string(port);
  out += "/" + dbname;
  std::string query;
  auto add = [&query](const std::string& key, const std::string& value) {
    if (!value.empty()) query += (query.empty() ? "?" : "&") + key + "=" + value;
  };
  if (socket) add("host", host);
  if (socket && port != 0) add("port", std::to_string(port));
  add("schema", schema);
  add("sslmode", sslmode);
  add("connect_timeout", connect_timeout);
  return out + query;
}

std::string DatabaseUri::connectionString() const {
  std::string out = "dbname=" + dbname + " client_encoding=UTF8";
  if (!user.empty()) out += " user=" + user;
  if (!host.empty()) out += " host=" + host;
  if (port != 0) out += " port=" + std::to_string(port);
  if (!schema.empty()) out += " options=-csearch_path=" + schema;
  if (!sslmode.empty()) out += " sslmode=" + sslmode;
  if (!connect_timeout.empty()) out += " connect_timeout=" + connect_timeout;
  return out;
}

}  // namespace beacon::store
