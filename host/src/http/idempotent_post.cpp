#include "http/idempotent_post.h"

#include <chrono>
#include <thread>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include "auth/sha256.h"
#include "http/http_error.h"

#include "http/page_text.h"
#include "http/request_context.h"
#include "store/idempotency_store.h"

namespace beacon::http {

namespace {

constexpr const char* kHeader = "Idempotency-Key";
constexpr const char* kFormField = "submit_token";
// A reservation older than this is taken for a request that died before it
// stored its answer, and the key may be used again.
constexpr int kAbandonedMinutes = 10;
// How long a repeat waits for the first request's answer before it is told
// the first one is still running, and how often it looks.
constexpr int kWaitMillis = 10000;
constexpr int kPollMillis = 20;

bool isFormBody(const RequestContext& ctx) {
  const std::string type = ctx.request.getContentType();
  return type.rfind("multipart/form-data", 0) == 0 ||
         type.rfind("application/x-www-form-urlencoded", 0) == 0;
}

// What was asked, independent of how the client framed it (a browser picks a
// new multipart boundary for each submission; the CSRF and submission tokens
// are not part of the request's meaning).
std::string requestDigest(RequestContext& ctx) {
  std::string text = ctx.request.getMethod() + " " + ctx.request.getURI() + "\n";
  if (isFormBody(ctx)) {
    for (const auto& [name, value] : ctx.form()) {
      if (name == "csrf_token" || name == kFormField) continue;
      text += name + "=" + auth::sha256Hex(value) + "\n";
    }
    for (const auto& f : ctx.files())
      text += "file " + f.field + " " + f.filename + " " + f.sha256 + "\n";
  } else {
    text += ctx.request.getContentType() + "\n" + ctx.body();
  }
  return auth::sha256Hex(text);
}

bool printableAscii(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

std::string olderThan(int minutes) {
  Poco::Timestamp t;
  t -= Poco::Timespan(0, 0, minutes, 0, 0).totalMicroseconds();
  return Poco::DateTimeFormatter::format(t, Poco::DateTimeFormat::ISO8601_FORMAT);
}

}  // namespace

void runIdempotent(RequestContext& ctx, const Handler& handler) {
  std::string key;
  std::string field;
  if (ctx.isApi()) {
    key = ctx.request.get(kHeader, "");
    field = kHeader;
    if (key.empty()) return handler(ctx);
    if (key.size() > 255 || !printableAscii(key)) {
      throw HttpError::invalid(kHeader, pageWord("refuse_idempotency_key", ctx.english()));
    }
    key = "api:" + key;
  } else {
    if (!isFormBody(ctx)) return handler(ctx);
    key = ctx.formValue(kFormField);
    field = kFormField;
    if (key.empty()) return handler(ctx);
    if (key.size() > 128 || !printableAscii(key)) {
      throw HttpError::badRequest(pageWord("refuse_form_token_malformed", ctx.english()),
                                  kFormField);
    }
    key = "form:" + key;
  }
  const sdk::RecordId user_id = ctx.user->id;
  const std::string digest = requestDigest(ctx);
  store::IdempotencyStore keys(ctx.db().session());
  if (!keys.reserve(user_id, key, digest)) {
    auto stored = keys.find(user_id, key);
    // The first request stores its answer just after sending it, so a repeat
    // (a double click) may arrive first: wait a little for the answer.
    for (int waited = 0;
         stored && stored->status == 0 && stored->request_digest == digest && waited < kWaitMillis;
         waited += kPollMillis) {
      std::this_thread::sleep_for(std::chrono::milliseconds(kPollMillis));
      stored = keys.find(user_id, key);
    }
    if (stored && stored->status == 0 && stored->created_at < olderThan(kAbandonedMinutes)) {
      keys.release(user_id, key);
      stored.reset();
    }
    if (!stored) {
      if (!keys.reserve(user_id, key, digest)) {
        throw HttpError(409, "in_progress", pageWord("refuse_request_in_progress", ctx.english()),
                        field);
      }
    } else if (stored->request_digest != digest) {
      if (ctx.isApi()) {
        throw HttpError(422, "idempotency_key_reused",
                        pageWord("refuse_idempotency_key_reused", ctx.english()), kHeader);
      }
      throw HttpError(409, "already_submitted",
                      pageWord("refuse_form_already_submitted", ctx.english()), kFormField);
    } else if (stored->status == 0) {
      throw HttpError(409, "in_progress",
                      pageWord("refuse_first_request_in_progress", ctx.english()), field);
    } else {
      if (!stored->location.empty()) ctx.response.set("Location", stored->location);
      ctx.response.set("Idempotent-Replayed", "true");
      ctx.send(stored->status, stored->content_type, stored->body);
      return;
    }
  }
  ctx.keepResponse();
  try {
    handler(ctx);
  } catch (const HttpError& e) {
    if (e.status() >= 500 || e.status() == 413) {
      keys.release(user_id, key);
      throw;
    }
    ctx.sendError(e.status(), e.code(), e.what(), e.field());
  } catch (...) {
    keys.release(user_id, key);
    throw;
  }
  auto answer = ctx.takeKept();
  if (!answer || ctx.status() >= 500) {
    keys.release(user_id, key);
    return;
  }
  store::IdempotentAnswer a;
  a.request_digest = digest;
  a.status = ctx.status();
  a.content_type = answer->content_type;
  a.location = ctx.response.get("Location", "");
  a.body = std::move(answer->body);
  keys.complete(user_id, key, a);
}

}  // namespace beacon::http
