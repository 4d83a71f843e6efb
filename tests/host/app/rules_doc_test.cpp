// docs/rules.md cannot drift from the code: every rule `beacon check --rules`
// prints has its row there with the same citation users see, the same note
// (the part after ※, with any 历史 citation) and the same basis, and the
// file names no rule the engine does not have (issue 11 "Done when": the
// list of every rule with its citation and confidence).
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "build_paths.h"
#include "support/cli_runner.h"

namespace beacon::app {
namespace {

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, sep);) out.push_back(field);
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  const auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

TEST(RulesDocTest, EveryRuleOfTheCodeHasItsRowWithTheSameCitationAndNoOtherRuleIsListed) {
  Poco::TemporaryFile dir;
  Poco::File(dir.path()).createDirectories();
  const std::vector<std::string> global = {"--db", dir.path() + "/b.db", "--user", "tester"};
  ASSERT_EQ(testing::runBeacon(global, {"init"}).code, 0);
  const testing::CliRun rules = testing::runBeacon(global, {"check", "--rules"});
  ASSERT_EQ(rules.code, 0) << rules.err;

  // The table rows of docs/rules.md by rule id: | `id` | requires | citation | note | basis | scope | confidence |
  std::ifstream doc(std::string(BEACON_SOURCE_DIR) + "/docs/rules.md");
  ASSERT_TRUE(doc) << "docs/rules.md is missing";
  std::map<std::string, std::vector<std::string>> rows;
  for (std::string line; std::getline(doc, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells;
    for (const auto& c : split(line.substr(1), '|')) cells.push_back(trim(c));
    ASSERT_GE(cells.size(), 7u) << line;
    rows[cells[0].substr(1, cells[0].size() - 2)] = cells;
  }
  std::set<std::string> seen;
  for (const auto& line : split(rules.out, '\n')) {
    const auto f = split(line, '\t');
    ASSERT_GE(f.size(), 5u) << line;
    const std::string& id = f[0];
    seen.insert(id);
    const auto row = rows.find(id);
    ASSERT_NE(row, rows.end()) << id << " is not in docs/rules.md";
    const auto mark = f[2].find("※");
    const std::string shown = f[2].substr(0, mark);
    std::string note = mark == std::string::npos ? std::string() : f[2].substr(mark + 3);
    if (f.size() > 5) note += (note.empty() ? "" : "；") + f[5];
    EXPECT_EQ(row->second[1], f[1]) << id << ": requires";
    EXPECT_EQ(row->second[2], shown) << id << ": citation";
    EXPECT_EQ(row->second[3], note.empty() ? "—" : note) << id << ": note";
    EXPECT_EQ(row->second[4], f[3]) << id << ": basis";
    EXPECT_EQ(row->second[5], f[4]) << id << ": scope";
    EXPECT_FALSE(row->second[6].empty()) << id << ": confidence";
  }
  for (const auto& [id, cells] : rows) EXPECT_TRUE(seen.count(id)) << id << " is not a rule of the code";
}

}  // namespace
}  // namespace beacon::app
