#include "service/line_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace beacon::service {

namespace {

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

struct Op {
  char tag;  // ' ', '-', '+'
  std::size_t a;  // index in from (for ' ' and '-')
  std::size_t b;  // index in to (for ' ' and '+')
};

// Edit script between a and b (LCS dynamic programme on the middle part).
std::vector<Op> editScript(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const std::size_t n = a.size() - head - tail;
  const std::size_t m = b.size() - head - tail;
  std::vector<Op> ops;
  for (std::size_t i = 0; i < head; ++i) ops.push_back({' ', i, i});
  // lcs[i][j] = LCS length of a[head+i..] and b[head+j..]
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] == b[head + j]) {
      ops.push_back({' ', head + i, head + j});
      ++i;
      ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      ops.push_back({'-', head + i, head + j});
      ++i;
    } else {
      ops.push_back({'+', head + i, head + j});
      ++j;
    }
  }
  for (std::size_t k = 0; k < tail; ++k) ops.push_back({' ', head + n + k, head + m + k});
  return ops;
}

}  // namespace

std::string lineDiff(const std::string& from_text, const std::string& to_text,
                     const std::string& from_label, const std::string& to_label, int context) {
  const auto a = splitLines(from_text);
  const auto b = splitLines(to_text);
  const auto ops = editScript(a, b);
  const std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));
  std::string out;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].tag == ' ') {
      ++k;
      continue;
    }
    // A hunk: from ctx lines before this change to ctx lines after the last
    // change that is within 2*ctx lines of the previous one.
    std::size_t start = k >= ctx ? k - ctx : 0;
    std::size_t end = k;
    while (true) {
      std::size_t next = end;
      while (next < ops.size() && ops[next].tag != ' ') ++next;
      std::size_t gap = next;
      while (gap < ops.size() && ops[gap].tag == ' ') ++gap;
      if (gap < ops.size() && gap - next <= 2 * ctx) {
        end = gap;
        continue;
      }
      end = std::min(ops.size(), next + ctx);
      break;
    }
    std::size_t a_start = 0, a_len = 0, b_start = 0, b_len = 0;
    bool first = true;
    for (std::size_t x = start; x < end; ++x) {
      if (first) {
        a_start = ops[x].a;
        b_start = ops[x].b;
        first = false;
      }
      if (ops[x].tag != '+') ++a_len;
      if (ops[x].tag != '-') ++b_len;
    }
    if (out.empty()) out = "--- " + from_label + "\n+++ " + to_label + "\n";
    out += "@@ -" + std::to_string(a_len ? a_start + 1 : a_start) + "," + std::to_string(a_len) +
           " +" + std::to_string(b_len ? b_start + 1 : b_start) + "," + std::to_string(b_len) +
           " @@\n";
    for (std::size_t x = start; x < end; ++x) {
      const auto& op = ops[x];
      out += op.tag;
      out += op.tag == '+' ? b[op.b] : a[op.a];
      out += '\n';
    }
    k = end;
  }
  return out;
}

}  // namespace beacon::service
