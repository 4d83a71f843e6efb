// KeptLayouts: the page layout (templates/web/layout.html) around a page's content, kept as its
// bytes before and after the content, per LayoutInputs: everything the layout is given (the
// language, the page's title and path, the language switch's link, the search words, the
// session's CSRF token, the user's name, display name, role and badge, and their count of new
// notifications). The key is all of those values, so a kept layout is found again only while
// every input is the same: a rename, another count, another session's token or another page
// gives another key, and the layout it replaced is never served again (it ages out, least
// recently used first). The page words are fixed for the process's life and the templates for a
// server's, and an input names the templates that render the layout (their registry and the
// layout's file), so equal inputs give equal bytes and the one store of the process
// (pageLayouts()) serves every server in it. A layout whose content mark is not there exactly once
// (a site template without, or escaping, its {{{body}}}) is not kept: the caller renders it whole.
// Why (a shortcut around rendering the layout per request): a kept /plans hit on the demo city
// spent 31 % of the server's CPU in the layout (copying the page words into the mustache data
// and rendering ~5.5 KB); kept, the layout is a lookup and two appends (bench/README.md,
// "2026-12-04 (branch pagehit)").
// Bounded by entry count (about 6 KB each). Thread-safe (one mutex; layouts are shared and
// immutable).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace beacon::http {

// What the layout is rendered from, and nothing else.
struct LayoutInputs {
  struct SignedIn {
    std::string username;
    std::string display_name;
    std::string role;                    // the role's label, in the page's language
    std::string badge;                   // userBadge(display_name, role)
    std::size_t notification_count = 0;  // 0 shows none
  };
  std::string templates;  // which templates render it: their registry and the layout's file
  bool english = false;
  std::string title;
  std::string path;
  std::string lang_href;
  std::optional<std::string> search_q;  // on /search only
  std::string csrf_token;
  std::optional<SignedIn> user;

  // Every value above, each length-prefixed: equal keys, equal inputs.
  std::string key() const;
};

struct KeptLayout {
  std::string before;  // up to the content
  std::string after;   // from the content on
};

class KeptLayouts {
 public:
  static constexpr std::size_t kDefaultEntries = 1024;

  struct Stats {
    std::size_t entries = 0;
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
  };

  // Renders the whole layout with `content` where the page's content goes.
  using Render = std::function<std::string(const std::string& content)>;

  explicit KeptLayouts(std::size_t max_entries = kDefaultEntries);
  KeptLayouts(const KeptLayouts&) = delete;
  KeptLayouts& operator=(const KeptLayouts&) = delete;

  // The layout kept for `inputs`; else `render` is called with a mark for the content, and the
  // result, split at the mark, is kept and returned. Null when the mark is not in it exactly
  // once (then nothing is kept; render the page whole). `render` must render from `inputs` only.
  std::shared_ptr<const KeptLayout> layoutFor(const LayoutInputs& inputs, const Render& render);
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const KeptLayout> layout;
  };
  using Lru = std::list<Entry>;  // most recently used first

  const std::size_t max_entries_;
  mutable std::mutex mutex_;
  Lru lru_;
  std::unordered_map<std::string, Lru::iterator> index_;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
};

// The process's kept layouts (KeptLayouts::kDefaultEntries).
KeptLayouts& pageLayouts();

}  // namespace beacon::http
