#include "render/xml_escape.h"

#include <gtest/gtest.h>
#include <kainjow/mustache.hpp>

namespace beacon::render {
namespace {

TEST(XmlEscapeTest, EscapesTheFiveXmlCharactersAsKainjowDoes) {
  const std::string text = "防汛 & 消防 <演练> \"甲\" '乙'";
  EXPECT_EQ(xmlEscape(text), "防汛 &amp; 消防 &lt;演练&gt; &quot;甲&quot; &apos;乙&apos;");
  // kainjow's {{x}} escaping covers the same five characters the same way.
  EXPECT_EQ(kainjow::mustache::html_escape<std::string>(text), xmlEscape(text));
}

TEST(XmlEscapeTest, DropsControlCharactersXmlForbidsAndKeepsUtf8AndWhiteSpace) {
  EXPECT_EQ(xmlEscape(std::string("a\x01" "b\x0B" "c\x1F" "d", 7) + std::string(1, '\0') + "e"), "abcde");
  EXPECT_EQ(xmlEscape("新密市\t2023\r\n年"), "新密市\t2023\r\n年");
}

}  // namespace
}  // namespace beacon::render
