#include "summary/summary_archive.h"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "auth/sha256.h"
#include "store/row.h"
#include "store/storage_error.h"
#include "store/summary_archive_repository.h"

namespace beacon::summary {

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

ArchivedSummary fromStored(store::StoredSummary&& s) {
  ArchivedSummary a;
  a.id = s.id;
  a.request = requestFromJson(s.request);
  a.content_type = std::move(s.content_type);
  a.filename = std::move(s.filename);
  a.body = std::move(s.body);
  a.size = s.size;
  a.body_sha256 = std::move(s.body_sha256);
  a.inputs_sha256 = std::move(s.inputs_sha256);
  a.created_by = std::move(s.created_by);
  a.created_at = std::move(s.created_at);
  return a;
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
  store::StoredSummary stored;
  stored.kind = request.kind;
  stored.format = request.format;
  stored.request = requestJson(request);
  stored.content_type = a.content_type;
  stored.filename = a.filename;
  stored.body = a.body;
  stored.body_sha256 = a.body_sha256;
  stored.inputs_sha256 = a.inputs_sha256;
  stored.created_by = a.created_by;
  stored.created_at = a.created_at;
  try {
    a.id = store::SummaryArchiveRepository(db_.session()).add(stored);
  } catch (const Poco::Exception& e) {
    return store::failureStatus(e, "could not archive the summary: " + e.displayText());
  }
  return a;
}

std::vector<ArchivedSummary> SummaryArchive::list() {
  std::vector<ArchivedSummary> out;
  for (auto& s : store::SummaryArchiveRepository(db_.session()).list()) out.push_back(fromStored(std::move(s)));
  return out;
}

std::optional<ArchivedSummary> SummaryArchive::find(sdk::RecordId id) {
  auto stored = store::SummaryArchiveRepository(db_.session()).find(id);
  if (!stored) return std::nullopt;
  return fromStored(std::move(*stored));
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
