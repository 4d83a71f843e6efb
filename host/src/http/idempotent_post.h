// IdempotentPost: runs a POST handler at most once per idempotency key. The
// key is the API's "Idempotency-Key" header, or on a page form its hidden
// one-time "submit_token" (every page form carries a fresh one). The first
// request with a key runs and its answer (status, type, Location, body;
// server failures excepted) is stored for the user (IdempotencyStore); a
// repeat of the same request is answered with that stored answer and
// "Idempotent-Replayed: true", so a double click or a retry writes one record.
// The same key with a different request is refused (API: 422 naming the
// header; page: 409 naming submit_token); a repeat while the first one still
// runs waits up to 10 s for its answer (then 409). A POST without a key runs
// as before. Called by the
// RequestDispatcher for every authenticated POST; stateless, thread-safe.
#pragma once

#include "http/router.h"

namespace beacon::http {

class RequestContext;

void runIdempotent(RequestContext& ctx, const Handler& handler);

}  // namespace beacon::http
