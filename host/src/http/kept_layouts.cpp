#include "http/kept_layouts.h"

#include "auth/secure_random.h"
#include "http/response_cache_key.h"

namespace beacon::http {

namespace {

// Where the content goes while a layout is rendered to be kept: random per process, never sent,
// and changed by HTML escaping (so an escaped {{body}} is not taken for the content's place).
const std::string& contentMark() {
  static const std::string kMark = "<beacon-content-" + auth::randomHex(16) + ">";
  return kMark;
}

}  // namespace

std::string LayoutInputs::key() const {
  std::string out;
  out.reserve(160 + title.size() + path.size() + lang_href.size());
  appendKeyField(out, templates);
  out += english ? 'e' : 'z';
  appendKeyField(out, title);
  appendKeyField(out, path);
  appendKeyField(out, lang_href);
  out += search_q ? 's' : '-';
  if (search_q) appendKeyField(out, *search_q);
  appendKeyField(out, csrf_token);
  if (user) {
    out += 'u';
    appendKeyField(out, user->username);
    appendKeyField(out, user->display_name);
    appendKeyField(out, user->role);
    appendKeyField(out, user->badge);
    appendKeyField(out, std::to_string(user->notification_count));
  } else {
    out += '-';
  }
  return out;
}

KeptLayouts::KeptLayouts(std::size_t max_entries) : max_entries_(max_entries) {}

std::shared_ptr<const KeptLayout> KeptLayouts::layoutFor(const LayoutInputs& inputs,
                                                         const Render& render) {
  std::string key = inputs.key();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = index_.find(key);
    if (it != index_.end()) {
      ++hits_;
      lru_.splice(lru_.begin(), lru_, it->second);
      return it->second->layout;
    }
    ++misses_;
  }
  const std::string& mark = contentMark();
  const std::string whole = render(mark);
  const std::size_t at = whole.find(mark);
  if (at == std::string::npos || whole.find(mark, at + mark.size()) != std::string::npos) {
    return nullptr;
  }
  auto layout = std::make_shared<const KeptLayout>(
      KeptLayout{whole.substr(0, at), whole.substr(at + mark.size())});
  if (max_entries_ == 0) return layout;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = index_.find(key);
  if (it != index_.end()) {  // another worker kept it meanwhile
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->layout;
  }
  while (lru_.size() >= max_entries_) {
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
  lru_.push_front(Entry{std::move(key), layout});
  index_.emplace(lru_.front().key, lru_.begin());
  return layout;
}

KeptLayouts::Stats KeptLayouts::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return Stats{lru_.size(), hits_, misses_};
}

KeptLayouts& pageLayouts() {
  static KeptLayouts layouts;
  return layouts;
}

}  // namespace beacon::http
