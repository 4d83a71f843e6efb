// bench_diff: service::diffTexts (Myers O(ND), linear space, sections and
// changed characters) on two generated plan texts of 20,000 lines, and, in
// the same run, the line-by-line LCS table it replaced on 6,000 lines (the
// baseline, kept here verbatim), also timed with Myers on the same 6,000
// lines for the ratio. Each measurement runs in a child process (the binary
// re-executes itself with --mode), so the peak-memory figures (ru_maxrss of
// the child, less the child that only generates the texts) do not mix.
//
//   bench_diff [LINES=20000] [BASELINE_LINES=6000] [EDITS_PER_MILLE=10]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "service/text_diff.h"

namespace {

// A plan-like text: 第X章 headings every 400 lines, 1.1 headings every 40,
// sentences drawn from a small vocabulary (so lines repeat, as in a plan).
std::string planText(std::size_t lines, unsigned seed) {
  static const char* kWords[] = {"县防指", "乡镇人民政府", "组织", "开展", "应急演练", "转移",
                                 "群众",   "物资",         "储备", "预警", "发布",     "响应",
                                 "启动",   "值班",         "巡查", "隐患", "整改",     "落实"};
  std::mt19937 rng(seed);
  std::string out;
  int chapter = 0, section = 0;
  for (std::size_t i = 0; i < lines; ++i) {
    if (i % 400 == 0) {
      out += "第" + std::to_string(++chapter) + "章 总体要求\n";
      section = 0;
    } else if (i % 40 == 0) {
      out += std::to_string(chapter) + "." + std::to_string(++section) + " 工作职责\n";
    } else {
      const int words = 4 + static_cast<int>(rng() % 6);
      for (int w = 0; w < words; ++w) out += kWords[rng() % (sizeof kWords / sizeof *kWords)];
      out += "。\n";
    }
  }
  return out;
}

// The revision: `per_mille` of the lines changed by one word, removed or added.
std::string revise(const std::string& text, int per_mille, unsigned seed) {
  std::mt19937 rng(seed);
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    start = end + 1;
    const int roll = static_cast<int>(rng() % 1000);
    if (roll < per_mille / 3) continue;  // removed
    if (roll < 2 * per_mille / 3) out += "新增：各单位按要求报送演练总结。\n";
    if (roll < per_mille && line.size() > 6) line.replace(0, 3, "各");  // one word changed
    out += line + "\n";
  }
  return out;
}

// The line-by-line LCS diff this benchmark compares with (host/src/service/line_diff.cpp before
// Myers).
std::size_t lcsBaseline(const std::string& from, const std::string& to) {
  auto split = [](const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return lines;
  };
  const auto a = split(from);
  const auto b = split(to);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  const std::size_t n = a.size() - head - tail;
  const std::size_t m = b.size() - head - tail;
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) =
          a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t edits = 0, i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] == b[head + j]) {
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      ++i, ++edits;
    } else {
      ++j, ++edits;
    }
  }
  return edits;
}

// In the child: generate, then run `mode`; prints "ms edits".
int child(const std::string& mode, std::size_t lines, int per_mille) {
  const std::string from = planText(lines, 1);
  const std::string to = revise(from, per_mille, 2);
  const auto t0 = std::chrono::steady_clock::now();
  std::size_t edits = 0;
  if (mode == "myers") {
    const auto diff = beacon::service::diffTexts(from, to, "v1", "v2");
    for (const auto& h : diff.hunks) {
      for (const auto& l : h.lines) edits += l.tag != beacon::service::DiffTag::Equal;
    }
  } else if (mode == "lcs") {
    edits = lcsBaseline(from, to);
  }
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%.2f %zu\n", ms, edits);
  return 0;
}

struct Figure {
  double ms = 0;
  std::size_t edits = 0;
  long rss_kb = 0;
};

Figure measure(const char* self, const std::string& mode, std::size_t lines, int per_mille) {
  int fds[2];
  if (pipe(fds) != 0) std::exit(1);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    const std::string n = std::to_string(lines), p = std::to_string(per_mille);
    execl(self, self, "--mode", mode.c_str(), n.c_str(), p.c_str(), static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  close(fds[1]);
  char buf[128] = {};
  const ssize_t got = read(fds[0], buf, sizeof buf - 1);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  Figure f;
  if (got > 0) std::sscanf(buf, "%lf %zu", &f.ms, &f.edits);
  f.rss_kb = usage.ru_maxrss;
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 5 && std::strcmp(argv[1], "--mode") == 0) {
    return child(argv[2], std::strtoul(argv[3], nullptr, 10), std::atoi(argv[4]));
  }
  const std::size_t lines = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
  const std::size_t baseline_lines = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 6000;
  const int per_mille = argc > 3 ? std::atoi(argv[3]) : 10;
  const Figure idle = measure(argv[0], "none", lines, per_mille);
  const Figure myers = measure(argv[0], "myers", lines, per_mille);
  const Figure idle_small = measure(argv[0], "none", baseline_lines, per_mille);
  const Figure myers_small = measure(argv[0], "myers", baseline_lines, per_mille);
  const Figure lcs_small = measure(argv[0], "lcs", baseline_lines, per_mille);
  std::printf(
      "edits: %d per 1000 lines (a third removed, a third added, a third one word changed)\n",
      per_mille);
  std::printf(
      "myers %zu x %zu lines: %8.2f ms, peak +%.1f MB (child %.1f MB, text only %.1f MB), %zu "
      "changed lines\n",
      lines, lines, myers.ms, (myers.rss_kb - idle.rss_kb) / 1024.0, myers.rss_kb / 1024.0,
      idle.rss_kb / 1024.0, myers.edits);
  std::printf("myers %zu x %zu lines: %8.2f ms, peak +%.1f MB, %zu edits\n", baseline_lines,
              baseline_lines, myers_small.ms, (myers_small.rss_kb - idle_small.rss_kb) / 1024.0,
              myers_small.edits);
  std::printf("lcs   %zu x %zu lines: %8.2f ms, peak +%.1f MB, %zu edits\n", baseline_lines,
              baseline_lines, lcs_small.ms, (lcs_small.rss_kb - idle_small.rss_kb) / 1024.0,
              lcs_small.edits);
  if (myers_small.ms > 0) {
    std::printf("ratio on %zu lines: lcs/myers time %.1fx, memory %.1fx\n", baseline_lines,
                lcs_small.ms / myers_small.ms,
                static_cast<double>(std::max(1L, lcs_small.rss_kb - idle_small.rss_kb)) /
                    std::max(1L, myers_small.rss_kb - idle_small.rss_kb));
  }
  const bool ok = myers.ms < 100 && (myers.rss_kb - idle.rss_kb) < 20 * 1024;
  std::printf("target (20,000 lines < 100 ms and < 20 MB): %s\n", ok ? "met" : "missed");
  return 0;
}
