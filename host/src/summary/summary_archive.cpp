#include "summary/summary_archive.h"

#include <sstream>

#include <Poco/Data/LOB.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "auth/sha256.h"
#include "store/row.h"

namespace beacon::summary {

using namespace Poco::Data::Keywords;

namespace {

std::string requestJson(const SummaryRequest& r) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("kind", r.kind);
  o.set("year", r.year);
  o.set("as_of", r.as_of.isSet() ? r.as_of.toString() : std::string());
  o.set("org_code", r.org_code);
  o.set("domain", r.domain);
  o.set("drill_id", static_cast<Poco::Int64>(r.drill_id));
  o.set("format", r.format);
  o.set("english", r.english);
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

SummaryRequest requestFromJson(const std::string& text) {
  SummaryRequest r;
  try {
    Poco::JSON::Parser parser;
    auto o = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    r.kind = o->optValue<std::string>("kind", "");
    r.year = o->optValue<int>("year", 0);
    r.as_of = sdk::Date::parse(o->optValue<std::string>("as_of", "")).value_or(sdk::Date{});
    r.org_code = o->optValue<std::string>("org_code", "");
    r.domain = o->optValue<std::string>("domain", "");
    r.drill_id = o->optValue<Poco::Int64>("drill_id", 0);
    r.format = o->optValue<std::string>("format", "text");
    r.english = o->optValue<bool>("english", false);
  } catch (const Poco::Exception&) {
  }
  return r;
}

Poco::Data::BLOB toBlob(const std::string& bytes) {
  return Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

}  // namespace

SummaryMedia summaryMedia(const std::string& format) {
  if (format == "html") return {"text/html; charset=utf-8", "html"};
  if (format == "markdown") return {"text/markdown; charset=utf-8", "md"};
  if (format == "json") return {"application/json; charset=utf-8", "json"};
  if (format == "docx")
    return {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"};
  return {"text/plain; charset=utf-8", "txt"};
}

sdk::Result<std::string> SummaryArchive::inputsDigest(const SummaryRequest& request) {
  SummaryRequest data = request;
  data.format = "json";
  auto json = service_.render(data);
  if (!json.isOk()) return json.status();
  SummaryRequest named = request;
  named.format.clear();
  return auth::sha256Hex(requestJson(named) + "\n" + json.value());
}

sdk::Result<ArchivedSummary> SummaryArchive::archive(const SummaryRequest& request,
                                                     const store::Actor& actor) {
  auto body = service_.render(request);
  if (!body.isOk()) return body.status();
  auto inputs = inputsDigest(request);
  if (!inputs.isOk()) return inputs.status();
  ArchivedSummary a;
  a.request = request;
  const SummaryMedia media = summaryMedia(request.format);
  a.content_type = media.content_type;
  a.filename = "beacon-" + request.kind + "-" +
               (request.as_of.isSet() ? request.as_of.toString() : std::to_string(request.year)) +
               "." + media.extension;
  a.body = body.value();
  a.size = a.body.size();
  a.body_sha256 = auth::sha256Hex(a.body);
  a.inputs_sha256 = inputs.value();
  a.created_by = actor.username;
  a.created_at = store::isoTimestampNow();
  Poco::Int64 id = 0;
  try {
    db_.session()
        << "INSERT INTO summary_archives(kind, format, request, content_type, filename, body,"
           " body_sha256, inputs_sha256, created_by, created_at)"
           " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        bind(request.kind), bind(request.format), bind(requestJson(request)), bind(a.content_type),
        bind(a.filename), bind(toBlob(a.body)), bind(a.body_sha256), bind(a.inputs_sha256),
        bind(a.created_by), bind(a.created_at), into(id), now;
  } catch (const Poco::Exception& e) {
    return sdk::Status::error("could not archive the summary: " + e.displayText());
  }
  a.id = id;
  return a;
}

std::vector<ArchivedSummary> SummaryArchive::list() {
  std::vector<Poco::Int64> ids, sizes;
  std::vector<std::string> requests, types, names, body_sums, input_sums, users, times;
  db_.session()
      << "SELECT id, request, content_type, filename, length(body), body_sha256, inputs_sha256,"
         " created_by, created_at FROM summary_archives ORDER BY id DESC",
      into(ids), into(requests), into(types), into(names), into(sizes), into(body_sums),
      into(input_sums), into(users), into(times), now;
  std::vector<ArchivedSummary> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto& a = out[i];
    a.id = ids[i];
    a.request = requestFromJson(requests[i]);
    a.content_type = types[i];
    a.filename = names[i];
    a.size = static_cast<std::size_t>(sizes[i]);
    a.body_sha256 = body_sums[i];
    a.inputs_sha256 = input_sums[i];
    a.created_by = users[i];
    a.created_at = times[i];
  }
  return out;
}

std::optional<ArchivedSummary> SummaryArchive::find(sdk::RecordId id) {
  ArchivedSummary a;
  std::string request;
  Poco::Data::BLOB body;
  Poco::Data::Statement select(db_.session());
  select << "SELECT request, content_type, filename, body, body_sha256, inputs_sha256, created_by, "
            "created_at"
            " FROM summary_archives WHERE id = $1",
      bind(static_cast<Poco::Int64>(id)), into(request), into(a.content_type), into(a.filename),
      into(body), into(a.body_sha256), into(a.inputs_sha256), into(a.created_by),
      into(a.created_at);
  if (select.execute() == 0) return std::nullopt;
  a.id = id;
  a.request = requestFromJson(request);
  if (body.size() > 0) a.body.assign(reinterpret_cast<const char*>(body.rawContent()), body.size());
  a.size = a.body.size();
  return a;
}

sdk::Result<ArchiveCheck> SummaryArchive::check(sdk::RecordId id) {
  auto archived = find(id);
  if (!archived) return sdk::Status::invalid("id", "no archived summary #" + std::to_string(id));
  auto body = service_.render(archived->request);
  if (!body.isOk()) return body.status();
  auto inputs = inputsDigest(archived->request);
  if (!inputs.isOk()) return inputs.status();
  ArchiveCheck c;
  c.body_sha256 = auth::sha256Hex(body.value());
  c.inputs_sha256 = inputs.value();
  c.same_text = body.value() == archived->body;
  c.same_inputs = c.inputs_sha256 == archived->inputs_sha256;
  return c;
}

}  // namespace beacon::summary
