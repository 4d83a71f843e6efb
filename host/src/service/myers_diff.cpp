#include "service/myers_diff.h"

#include <algorithm>
#include <utility>

namespace beacon::service {

namespace {

using Index = long;

// Marks, in `a_changed` / `b_changed`, the tokens of a and b outside one
// longest common subsequence, by repeatedly splitting on the middle snake.
class MiddleSnakeDiff {
 public:
  MiddleSnakeDiff(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                  std::vector<char>& a_changed, std::vector<char>& b_changed)
      : a_(a), b_(b), a_changed_(a_changed), b_changed_(b_changed) {
    forward_.resize(a.size() + b.size() + 4);
    backward_.resize(a.size() + b.size() + 4);
  }

  void run() {
    struct Box {
      Index a0, a1, b0, b1;
    };
    std::vector<Box> pending{{0, static_cast<Index>(a_.size()), 0, static_cast<Index>(b_.size())}};
    while (!pending.empty()) {
      Box box = pending.back();
      pending.pop_back();
      while (box.a0 < box.a1 && box.b0 < box.b1 && a_[box.a0] == b_[box.b0]) ++box.a0, ++box.b0;
      while (box.a0 < box.a1 && box.b0 < box.b1 && a_[box.a1 - 1] == b_[box.b1 - 1])
        --box.a1, --box.b1;
      auto markChanged = [this](const Box& b) {
        for (Index i = b.a0; i < b.a1; ++i) a_changed_[i] = 1;
        for (Index j = b.b0; j < b.b1; ++j) b_changed_[j] = 1;
      };
      if (box.a0 == box.a1 || box.b0 == box.b1) {
        markChanged(box);
        continue;
      }
      Index x = 0, y = 0;
      if (!middleSnake(box.a0, box.a1, box.b0, box.b1, x, y) || (x == 0 && y == 0) ||
          (x == box.a1 - box.a0 && y == box.b1 - box.b0)) {
        // No common token at all (cannot happen after trimming with a split found).
        markChanged(box);
        continue;
      }
      pending.push_back({box.a0 + x, box.a1, box.b0 + y, box.b1});
      pending.push_back({box.a0, box.a0 + x, box.b0, box.b0 + y});
    }
  }

 private:
  // Finds where a shortest path through the box crosses its middle: the
  // forward search from the top left and the backward search from the
  // bottom right advance one edit at a time until they overlap on a diagonal.
  bool middleSnake(Index a0, Index a1, Index b0, Index b1, Index& split_x, Index& split_y) {
    const Index n = a1 - a0;
    const Index m = b1 - b0;
    const Index max_d = (n + m + 1) / 2;
    const Index offset = max_d;
    const Index length = 2 * max_d + 2;
    std::fill(forward_.begin(), forward_.begin() + length, -1);
    std::fill(backward_.begin(), backward_.begin() + length, -1);
    forward_[offset + 1] = 0;
    backward_[offset + 1] = 0;
    const Index delta = n - m;
    const bool front = (delta % 2) != 0;  // the forward path meets the backward one
    Index k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    for (Index d = 0; d < max_d; ++d) {
      for (Index k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
        const Index k1_offset = offset + k1;
        Index x1 = (k1 == -d || (k1 != d && forward_[k1_offset - 1] < forward_[k1_offset + 1]))
                       ? forward_[k1_offset + 1]
                       : forward_[k1_offset - 1] + 1;
        Index y1 = x1 - k1;
        while (x1 < n && y1 < m && a_[a0 + x1] == b_[b0 + y1]) ++x1, ++y1;
        forward_[k1_offset] = x1;
        if (x1 > n) {
          k1_end += 2;
        } else if (y1 > m) {
          k1_start += 2;
        } else if (front) {
          const Index k2_offset = offset + delta - k1;
          if (k2_offset >= 0 && k2_offset < length && backward_[k2_offset] != -1 &&
              x1 >= n - backward_[k2_offset]) {
            split_x = x1;
            split_y = y1;
            return true;
          }
        }
      }
      for (Index k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
        const Index k2_offset = offset + k2;
        Index x2 = (k2 == -d || (k2 != d && backward_[k2_offset - 1] < backward_[k2_offset + 1]))
                       ? backward_[k2_offset + 1]
                       : backward_[k2_offset - 1] + 1;
        Index y2 = x2 - k2;
        while (x2 < n && y2 < m && a_[a1 - x2 - 1] == b_[b1 - y2 - 1]) ++x2, ++y2;
        backward_[k2_offset] = x2;
        if (x2 > n) {
          k2_end += 2;
        } else if (y2 > m) {
          k2_start += 2;
        } else if (!front) {
          const Index k1_offset = offset + delta - k2;
          if (k1_offset >= 0 && k1_offset < length && forward_[k1_offset] != -1) {
            const Index x1 = forward_[k1_offset];
            const Index y1 = offset + x1 - k1_offset;
            if (x1 >= n - x2) {
              split_x = x1;
              split_y = y1;
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  const std::vector<std::uint32_t>& a_;
  const std::vector<std::uint32_t>& b_;
  std::vector<char>& a_changed_;
  std::vector<char>& b_changed_;
  std::vector<Index> forward_;
  std::vector<Index> backward_;
};

// The distinct tokens of v[head, end), sorted.
std::vector<std::uint32_t> sortedTokens(const std::vector<std::uint32_t>& v, std::size_t head,
                                        std::size_t end) {
  std::vector<std::uint32_t> out(v.begin() + static_cast<std::ptrdiff_t>(head),
                                 v.begin() + static_cast<std::ptrdiff_t>(end));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<DiffRun> myersDiff(const std::vector<std::uint32_t>& a,
                               const std::vector<std::uint32_t>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const std::size_t a_end = a.size() - tail;
  const std::size_t b_end = b.size() - tail;
  std::vector<char> a_changed(a.size(), 0);
  std::vector<char> b_changed(b.size(), 0);
  if (head < a_end || head < b_end) {
    // Tokens found in only one of the middles are changed whatever else is;
    // the rest go through the middle-snake search.
    const auto in_a = sortedTokens(a, head, a_end);
    const auto in_b = sortedTokens(b, head, b_end);
    std::vector<std::uint32_t> a_kept, b_kept;
    std::vector<std::size_t> a_index, b_index;
    for (std::size_t i = head; i < a_end; ++i) {
      if (std::binary_search(in_b.begin(), in_b.end(), a[i])) {
        a_kept.push_back(a[i]);
        a_index.push_back(i);
      } else {
        a_changed[i] = 1;
      }
    }
    for (std::size_t j = head; j < b_end; ++j) {
      if (std::binary_search(in_a.begin(), in_a.end(), b[j])) {
        b_kept.push_back(b[j]);
        b_index.push_back(j);
      } else {
        b_changed[j] = 1;
      }
    }
    std::vector<char> a_kept_changed(a_kept.size(), 0);
    std::vector<char> b_kept_changed(b_kept.size(), 0);
    MiddleSnakeDiff(a_kept, b_kept, a_kept_changed, b_kept_changed).run();
    for (std::size_t i = 0; i < a_kept.size(); ++i) a_changed[a_index[i]] = a_kept_changed[i];
    for (std::size_t j = 0; j < b_kept.size(); ++j) b_changed[b_index[j]] = b_kept_changed[j];
  }
  // The unchanged tokens of a and b pair up in order: the runs between them.
  std::vector<DiffRun> runs;
  auto add = [&runs](DiffTag tag, std::size_t i, std::size_t j) {
    if (!runs.empty() && runs.back().tag == tag) {
      ++runs.back().count;
    } else {
      runs.push_back({tag, i, j, 1});
    }
  };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && a_changed[i]) {
      add(DiffTag::Delete, i++, j);
    } else if (j < b.size() && b_changed[j]) {
      add(DiffTag::Insert, i, j++);
    } else {
      add(DiffTag::Equal, i++, j++);
    }
  }
  return runs;
}

}  // namespace beacon::service
