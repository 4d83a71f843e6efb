// ObligationSet: an immutable sequence of compliance results made of shared
// chunks (one per organisation and domain), so the engine can hand out a
// filtered view, or replace the chunks of a few organisations after a
// write, without copying the other results. Iterates chunk by chunk in the
// order they were added, each row an ObligationRow view (rules/obligation_row.h).
// Immutable once built; safe to read from several threads; the chunks stay
// alive while any set holds them.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

#include "rules/obligation_result.h"
#include "rules/result_chunk.h"

namespace beacon::rules {

using ObligationChunk = std::shared_ptr<const ResultChunk>;

class ObligationSet {
 public:
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ObligationRow;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = ObligationRow;

    const_iterator() = default;
    ObligationRow operator*() const { return (*(*chunk_))[index_]; }
    const_iterator& operator++();
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.chunk_ == b.chunk_ && a.index_ == b.index_;
    }
    friend bool operator!=(const const_iterator& a, const const_iterator& b) { return !(a == b); }

   private:
    friend class ObligationSet;
    const_iterator(const ObligationChunk* chunk, const ObligationChunk* end)
        : chunk_(chunk), end_(end) {
      skipEmpty();
    }
    void skipEmpty();
    const ObligationChunk* chunk_ = nullptr;
    const ObligationChunk* end_ = nullptr;
    std::size_t index_ = 0;
  };

  ObligationSet() = default;
  explicit ObligationSet(std::vector<ObligationChunk> chunks);

  const_iterator begin() const;
  const_iterator end() const;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // A full copy of every result, in order.
  std::vector<ObligationResult> toVector() const;
  // The chunks, in order (none empty): one per organisation and domain.
  const std::vector<ObligationChunk>& chunks() const { return chunks_; }

 private:
  std::vector<ObligationChunk> chunks_;  // never null
  std::size_t size_ = 0;
};

}  // namespace beacon::rules
