#include "render/template_registry.h"

#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "support/scratch_tree.h"

namespace beacon::render {
namespace {

namespace fs = std::filesystem;
using kainjow::mustache::data;

class TemplateRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(root_ / "builtin" / "summary"); }
  void write(const fs::path& relative, const std::string& text) { tree_.write(relative, text); }
  std::string dir(const std::string& name) const { return tree_.dir(name); }
  beacon::testing::ScratchTree tree_{"beacon_tpl_"};
  const fs::path& root_ = tree_.root();
};

TEST_F(TemplateRegistryTest, RendersByRelativeNameWithHtmlEscaping) {
  write("builtin/summary/title.html.mustache", "<h1>{{title}}</h1>");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  ASSERT_TRUE(registry.has("summary/title.html"));
  auto out = registry.render("summary/title.html", data{"title", "防汛 & 消防 <演练>"});
  ASSERT_TRUE(out.isOk()) << out.status().describe();
  EXPECT_EQ(out.value(), "<h1>防汛 &amp; 消防 &lt;演练&gt;</h1>");
}

TEST_F(TemplateRegistryTest, TextModeDoesNotEscape) {
  write("builtin/plain.txt.mustache", "{{title}}");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  auto out = registry.renderText("plain.txt", data{"title", "村(社区)A&B<1>"});
  ASSERT_TRUE(out.isOk());
  EXPECT_EQ(out.value(), "村(社区)A&B<1>");
}

TEST_F(TemplateRegistryTest, PartialsResolveFromRegistryAndInheritEscaping) {
  write("builtin/parts/footer.mustache", "[{{note}}]");
  write("builtin/page.mustache", "body {{> parts/footer}}");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  auto html = registry.render("page", data{"note", "a<b"});
  ASSERT_TRUE(html.isOk()) << html.status().describe();
  EXPECT_EQ(html.value(), "body [a&lt;b]");
  auto text = registry.renderText("page", data{"note", "a<b"});
  ASSERT_TRUE(text.isOk());
  EXPECT_EQ(text.value(), "body [a<b]");
}

TEST_F(TemplateRegistryTest, UnknownPartialFailsTheRender) {
  write("builtin/page.mustache", "x {{> parts/missing}}");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  auto out = registry.render("page", data{});
  ASSERT_FALSE(out.isOk());
  EXPECT_NE(out.status().message().find("parts/missing"), std::string::npos);
}

TEST_F(TemplateRegistryTest, OverrideFolderReplacesBuiltInAndPluginFolderIsPrefixed) {
  write("builtin/summary/title.html.mustache", "built-in {{title}}");
  write("builtin/other.mustache", "other");
  write("site/summary/title.html.mustache", "site {{title}}");
  write("flood/templates/sheet.mustache", "flood sheet");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {{"flood", dir("flood/templates")}, {"fire", dir("nope")}},
                            dir("site"))
                  .isOk());
  auto out = registry.render("summary/title.html", data{"title", "T"});
  ASSERT_TRUE(out.isOk());
  EXPECT_EQ(out.value(), "site T");
  EXPECT_EQ(registry.origin("summary/title.html"), (root_ / "site/summary/title.html.mustache").string());
  EXPECT_EQ(registry.render("other", data{}).value(), "other");
  ASSERT_TRUE(registry.has("flood/sheet"));
  EXPECT_EQ(registry.render("flood/sheet", data{}).value(), "flood sheet");
}

TEST_F(TemplateRegistryTest, BrokenTemplateFailsLoadNamingTheFile) {
  write("builtin/good.mustache", "ok");
  write("builtin/summary/bad.mustache", "{{#open}} never closed");
  TemplateRegistry registry;
  sdk::Status status = registry.load(dir("builtin"), {}, "");
  ASSERT_FALSE(status.isOk());
  EXPECT_EQ(status.field(), (root_ / "builtin/summary/bad.mustache").string());
  EXPECT_NE(status.message().find("Unclosed section"), std::string::npos) << status.message();
}

TEST_F(TemplateRegistryTest, BrokenOverrideFailsLoadToo) {
  write("builtin/a.mustache", "ok");
  write("site/a.mustache", "{{/x}}");
  TemplateRegistry registry;
  sdk::Status status = registry.load(dir("builtin"), {}, dir("site"));
  ASSERT_FALSE(status.isOk());
  EXPECT_EQ(status.field(), (root_ / "site/a.mustache").string());
}

TEST_F(TemplateRegistryTest, MissingFoldersAreReported) {
  TemplateRegistry registry;
  EXPECT_FALSE(registry.load(dir("absent"), {}, "").isOk());
  write("builtin/a.mustache", "ok");
  sdk::Status status = registry.load(dir("builtin"), {}, dir("absent-site"));
  ASSERT_FALSE(status.isOk());
  EXPECT_EQ(status.field(), dir("absent-site"));
}

TEST_F(TemplateRegistryTest, RenderErrorsDoNotStickBetweenRenders) {
  write("builtin/page.mustache", "{{> dyn}}!");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  data broken;
  broken.set("dyn", std::string("{{#x}}"));
  EXPECT_FALSE(registry.render("page", broken).isOk());
  data fine;
  fine.set("dyn", std::string("ok"));
  auto out = registry.render("page", fine);
  ASSERT_TRUE(out.isOk());
  EXPECT_EQ(out.value(), "ok!");
}

TEST_F(TemplateRegistryTest, LambdaSectionInsideALineKeepsTheLine) {
  write("builtin/page.mustache", "a {{#bold}}b{{/bold}} c\nnext");
  TemplateRegistry registry;
  ASSERT_TRUE(registry.load(dir("builtin"), {}, "").isOk());
  data d;
  d.set("bold", kainjow::mustache::lambda{[](const std::string& s) { return "*" + s + "*"; }});
  EXPECT_EQ(registry.renderText("page", d).value(), "a *b* c\nnext");
}

}  // namespace
}  // namespace beacon::render
