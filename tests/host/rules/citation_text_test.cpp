#include "rules/citation_text.h"

#include <gtest/gtest.h>

#include "rules/core_rules.h"

namespace beacon::rules {
namespace {

TEST(CitationTextTest, SplitsTheNoteAfterTheMark) {
  const CitationText c = userCitation("《办法》（国办发〔2024〕5号）第五章 ※ 条号待核：二手资料称第三十一条");
  EXPECT_EQ(c.text, "《办法》（国办发〔2024〕5号）第五章※");
  EXPECT_EQ(c.note, "条号待核：二手资料称第三十一条");
}

TEST(CitationTextTest, ACitationWithoutNoteIsShownWhole) {
  EXPECT_EQ(userCitation(" 《河南省消防条例》第三十七条 ").text, "《河南省消防条例》第三十七条");
  EXPECT_EQ(userCitation("《河南省消防条例》第三十七条").note, "");
  const CitationText empty_note = userCitation("《河南省消防条例》第八条※ ");
  EXPECT_EQ(empty_note.text, "《河南省消防条例》第八条");
  EXPECT_EQ(empty_note.note, "");
}

TEST(CitationTextTest, FootnotesAreDistinctInFirstSeenOrder) {
  const auto notes = citationNotes({userCitation("甲※一"), userCitation("乙"), userCitation("丙※二"),
                                    userCitation("甲※一")});
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].text, "甲※");
  EXPECT_EQ(notes[1].note, "二");
}

// Users never read the reviewer's doubts in the citation itself; they stay in the note.
TEST(CitationTextTest, CoreCitationsAreCleanForUsersAndKeepTheirDoubtsInTheNote) {
  for (const auto& r : CoreRules().rules()) {
    const CitationText c = userCitation(r.citation);
    for (const char* doubt : {"待核", "未经确认", "未见", "江苏", "二手"}) {
      EXPECT_EQ(c.text.find(doubt), std::string::npos) << r.id << ": " << c.text;
    }
    EXPECT_EQ(c.text.find('('), std::string::npos) << r.id << ": " << c.text;
    EXPECT_EQ(c.text.find(';'), std::string::npos) << r.id << ": " << c.text;
  }
}

TEST(CitationTextTest, DrillAndRevisionCiteThe2024MeasuresAndKeep2013AsHistory) {
  for (const char* id : {CoreRules::kSpecialDrill, CoreRules::kRevision}) {
    std::string citation;
    for (const auto& r : CoreRules().rules())
      if (r.id == id) citation = r.citation;
    EXPECT_NE(citation.find("国办发〔2024〕5号"), std::string::npos) << id;
    EXPECT_EQ(citation.find("2013"), std::string::npos) << id << ": " << citation;
    EXPECT_NE(userCitation(citation).note.find("条号待核"), std::string::npos) << id;  // not invented
    EXPECT_NE(CoreRules::history(id).find("国办发〔2013〕101号"), std::string::npos) << id;
  }
  EXPECT_EQ(CoreRules::history(CoreRules::kFiling), "");
}

}  // namespace
}  // namespace beacon::rules
