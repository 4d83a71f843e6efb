// ScratchTree: a folder of files for one test, under the system temporary
// directory, named after the running test (and the run's random seed) so
// parallel CTest processes never share one; removed when the tree is
// destroyed. Not thread-safe; one per test.
#pragma once

#include <filesystem>
#include <string>

namespace beacon::testing {

class ScratchTree {
 public:
  explicit ScratchTree(const std::string& prefix);
  ~ScratchTree();
  ScratchTree(const ScratchTree&) = delete;
  ScratchTree& operator=(const ScratchTree&) = delete;

  // Writes `text` to root/relative, creating the folders on the way.
  void write(const std::filesystem::path& relative, const std::string& text) const;
  // root/name as a string.
  std::string dir(const std::string& name) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace beacon::testing
