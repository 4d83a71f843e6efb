#include "support/scratch_tree.h"

#include <fstream>

#include <gtest/gtest.h>

namespace beacon::testing {

namespace fs = std::filesystem;

ScratchTree::ScratchTree(const std::string& prefix) {
  const auto* unit = ::testing::UnitTest::GetInstance();
  const auto* test = unit->current_test_info();
  root_ = fs::temp_directory_path() /
          (prefix + std::to_string(unit->random_seed()) + "_" + (test ? test->name() : "suite"));
  fs::remove_all(root_);
  fs::create_directories(root_);
}

ScratchTree::~ScratchTree() {
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

void ScratchTree::write(const fs::path& relative, const std::string& text) const {
  fs::create_directories((root_ / relative).parent_path());
  std::ofstream(root_ / relative) << text;
}

std::string ScratchTree::dir(const std::string& name) const { return (root_ / name).string(); }

}  // namespace beacon::testing
