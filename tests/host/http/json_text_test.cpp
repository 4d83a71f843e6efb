// JsonText writes the bytes Poco::JSON::Stringifier writes for the same
// values (the drill list relies on it): every ASCII character alone and
// inside text, Chinese and other multi-byte UTF-8, escapes, integers at
// their limits, booleans, nested objects and arrays.
#include "http/json_text.h"

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

namespace beacon::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string stringified(const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(value, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
  return out.str();
}

std::string libraryString(const std::string& s) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("k", s);
  return stringified(o);
}

std::string textString(const std::string& s) {
  JsonText j;
  j.raw("{").key("k").string(s).raw("}");
  return j.str();
}

std::vector<std::string> corpus() {
  std::vector<std::string> out = {
      "",
      "plain ascii 123",
      "城关镇人民政府",
      "暴雨引发山洪，转移低洼地带群众 120 人。",
      "（“桌面推演”）：第二阶段；完成",
      "Ⅱ级响应/疏散",
      "a/b",
      "</script>",
      "say \"hi\"",
      "C:\\temp\\x",
      "line\nbreak\r\n",
      "tab\there",
      "\b\f",
      std::string("nul\0inside", 10),
      "\x01\x1f\x7f",
      "emoji 🚒 and 𠮷",
      "é ü ß",
      "\xe2\x80\xa8 line separator",
      "mixed 新密/xinmi \"q\" \\ \n end",
  };
  for (int c = 0; c < 128; ++c) {
    const std::string one(1, static_cast<char>(c));
    out.push_back(one);
    out.push_back("x" + one + "y");
  }
  return out;
}

TEST(JsonTextTest, StringsAreWrittenAsTheStringifierWritesThem) {
  for (const auto& s : corpus()) {
    EXPECT_EQ(textString(s), libraryString(s)) << "text: " << libraryString(s);
  }
}

TEST(JsonTextTest, NumbersAndBooleansAreWrittenAsTheStringifierWritesThem) {
  const std::vector<long long> numbers = {0,
                                          1,
                                          -1,
                                          42,
                                          2000000000,
                                          std::numeric_limits<int>::min(),
                                          std::numeric_limits<int>::max(),
                                          std::numeric_limits<std::int64_t>::min(),
                                          std::numeric_limits<std::int64_t>::max()};
  for (long long n : numbers) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("n", static_cast<Poco::Int64>(n));
    JsonText j;
    j.raw("{").key("n").number(n).raw("}");
    EXPECT_EQ(j.str(), stringified(o)) << n;
  }
  for (int n : {0, -7, 123456}) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("n", n);
    JsonText j;
    j.raw("{").key("n").number(n).raw("}");
    EXPECT_EQ(j.str(), stringified(o)) << n;
  }
  for (bool b : {true, false}) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("b", b);
    JsonText j;
    j.raw("{").key("b").boolean(b).raw("}");
    EXPECT_EQ(j.str(), stringified(o));
  }
}

TEST(JsonTextTest, NestedListsMatch) {
  Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  root->set("total", 3);
  Array::Ptr items = new Array;
  JsonText j;
  j.raw("{").key("total").number(3).raw(",").key("items").raw("[");
  const auto strings = corpus();
  for (std::size_t i = 0; i < 3; ++i) {
    Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("id", static_cast<Poco::Int64>(i));
    item->set("name", strings[i * 5 + 2]);
    Object::Ptr fields = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    fields->set(strings[i + 3], strings[i + 8]);
    item->set("fields", fields);
    item->set("voided", i == 1);
    items->add(item);
    if (i) j.raw(",");
    j.raw("{").key("id").number(static_cast<long long>(i));
    j.raw(",").key("name").string(strings[i * 5 + 2]);
    j.raw(",").key("fields").raw("{").string(strings[i + 3]).raw(":").string(strings[i + 8]);
    j.raw("}").raw(",").key("voided").boolean(i == 1).raw("}");
  }
  j.raw("]}");
  root->set("items", items);
  EXPECT_EQ(j.str(), stringified(root));
}

}  // namespace
}  // namespace beacon::http
