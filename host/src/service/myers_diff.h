// Myers' O(ND) difference algorithm in linear space (E. W. Myers, "An O(ND)
// Difference Algorithm and Its Variations", Algorithmica 1986, section 4b:
// divide and conquer on the middle snake) over two sequences of token ids
// (lines or characters interned to integers). Before it runs, the common head
// and tail are trimmed and tokens that occur in only one of the sequences are
// set aside (they can never be matched, so the script stays minimal). The
// result is a shortest edit script: N + M - 2·LCS deletions and insertions.
// Memory is O(N + M); time O((N + M)·D). Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace beacon::service {

enum class DiffTag : char { Equal = ' ', Delete = '-', Insert = '+' };

// A run of `count` tokens: Equal (a[a_start..] = b[b_start..]), Delete (from
// a at a_start) or Insert (from b at b_start). Runs are in order; a_start and
// b_start are where the run begins in each sequence.
struct DiffRun {
  DiffTag tag;
  std::size_t a_start;
  std::size_t b_start;
  std::size_t count;
};

std::vector<DiffRun> myersDiff(const std::vector<std::uint32_t>& a,
                               const std::vector<std::uint32_t>& b);

}  // namespace beacon::service
