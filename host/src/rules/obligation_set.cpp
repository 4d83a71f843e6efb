#include "rules/obligation_set.h"

namespace beacon::rules {

void ObligationSet::const_iterator::skipEmpty() {
  while (chunk_ != end_ && index_ >= (*chunk_)->size()) {
    ++chunk_;
    index_ = 0;
  }
}

ObligationSet::const_iterator& ObligationSet::const_iterator::operator++() {
  ++index_;
  skipEmpty();
  return *this;
}

ObligationSet::ObligationSet(std::vector<ObligationChunk> chunks) {
  for (auto& chunk : chunks) {
    if (!chunk || chunk->empty()) continue;
    size_ += chunk->size();
    chunks_.push_back(std::move(chunk));
  }
}

ObligationSet::const_iterator ObligationSet::begin() const {
  return const_iterator(chunks_.data(), chunks_.data() + chunks_.size());
}

ObligationSet::const_iterator ObligationSet::end() const {
  const ObligationChunk* last = chunks_.data() + chunks_.size();
  return const_iterator(last, last);
}

std::vector<ObligationResult> ObligationSet::toVector() const {
  std::vector<ObligationResult> out;
  out.reserve(size_);
  for (const ObligationRow r : *this) out.push_back(r.result());
  return out;
}

}  // namespace beacon::rules
