// RFC 2047 encoded words for a mail header (Subject): UTF-8 text as "=?UTF-8?B?...?=" words of
// at most 75 characters, folded onto continuation lines, each word holding whole characters
// (RFC 2047 §5). Poco 1.11's MailMessage::encodeWord splits a multi-byte character across two
// words ("=E7=90?= =?UTF-8?q?=86"), which strict readers show as two broken characters.
// ASCII text is returned unchanged. Stateless; thread-safe.
#pragma once

#include <string>

namespace beacon::mail {

std::string encodedWords(const std::string& utf8);

}  // namespace beacon::mail
