// PageMarks: the stand-ins a kept page body (a page route the dispatcher caches, see
// Router::addCachedPage) carries for what differs per request: the session's CSRF token and
// each form's one-time submit token (IdempotentPost). They are random per process and never
// sent: fill() replaces each before a body leaves the server, each submit mark with a fresh
// token, so a kept body serves every user of its scope and no client can learn or plant one.
// Why (a shortcut around rendering the template per request): kept /drills/new content is
// 0.29 ms server CPU per request against 6.35 ms rendered each time, on the 50.8k-plan database
// (PAGES="plans drills drills-new" CLI=0 DURATION=6s bench/pages/run.sh; bench/README.md, 2026-12-02
// perf-writes, load 12-14).
// Thread-safe (the marks are made once, then read only).
#pragma once

#include <string>

namespace beacon::http::page_marks {

const std::string& csrf();
const std::string& submit();
// `body` with every csrf() mark replaced by `csrf_token` and every submit() mark by a fresh
// random token.
std::string fill(const std::string& body, const std::string& csrf_token);
// The same, appended to `out`.
void appendFilled(std::string& out, const std::string& body, const std::string& csrf_token);

}  // namespace beacon::http::page_marks
