// The write-stamp subject of a write of bookkeeping no cached page shows (a user's last look at
// the notifications page, the digest log): store::Transaction::stampAs(kPersonalSubject, 0), and
// http::WriteVersions makes no cached answer stale for it (store/write_stamp.h for the other
// subjects). Kept apart from write_stamp.h, which most of the host includes. Constants only.
#pragma once

namespace beacon::store {

inline constexpr const char* kPersonalSubject = "personal";

}  // namespace beacon::store
