// bench_json_text: the drill list answer (GET /api/v1/drills, 500 items, the
// largest page) written by http::JsonText (http::writeDrillItem, as the list
// route writes it), and in the same run built as
// Poco::JSON objects (store::toJson plus the list's fields) and stringified
// by Poco::JSON::Stringifier, as RequestContext::sendJson does; checks that
// both give the same bytes, then times each (thread CPU time, alternating
// rounds, the median round reported).
//
//   bench_json_text [ITEMS=500] [ROUNDS=31] [PAGES_PER_ROUND=20]
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include "beacon/sdk/records.h"
#include "http/drill_item_json.h"
#include "http/json_text.h"
#include "store/record_json.h"

namespace {

using beacon::http::JsonText;
using Poco::JSON::Array;
using Poco::JSON::Object;

struct Item {
  beacon::sdk::Drill drill;
  std::string org_name;
  std::string org_code;
  std::string type_label;
  bool voided = false;
};

std::vector<Item> makeItems(std::size_t n) {
  static const char* kPlaces[] = {"城关镇政府院内", "米村镇老街村委会", "超化镇中心小学操场",
                                  "新密市第二人民医院", "Plant 3, gate B"};
  static const char* kScenarios[] = {"暴雨引发山洪，转移低洼地带群众 120 人。",
                                     "森林火情：西山林区起火，组织扑救并疏散游客。",
                                     "化工企业储罐泄漏，启动Ⅱ级响应/疏散下风向居民。",
                                     "地震应急疏散演练（\"桌面推演\"）\n第二阶段"};
  static const char* kFindings[] = {"", "预警信息发布不及时；物资台账未更新。",
                                    "通讯中断时备用电台无人会用", "C:\\temp path \t tab"};
  std::mt19937 rng(7);
  std::vector<Item> items(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto& d = items[i].drill;
    d.id = static_cast<beacon::sdk::RecordId>(100000 + i);
    d.domain = i % 3 == 0 ? "flood" : (i % 3 == 1 ? "fire" : "forest_fire");
    d.drill_type = d.domain + ".evacuation";
    d.org_id = static_cast<beacon::sdk::RecordId>(10 + rng() % 300);
    d.plan_id = static_cast<beacon::sdk::RecordId>(rng() % 2 ? 0 : 1 + rng() % 90);
    d.plan_version_id = d.plan_id ? d.plan_id * 2 : 0;
    d.date =
        beacon::sdk::Date{2023, 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28)};
    d.place = kPlaces[rng() % 5];
    d.scenario = kScenarios[rng() % 4];
    d.participants = static_cast<int>(rng() % 400);
    d.evacuees = static_cast<int>(rng() % 2000);
    d.fields["hazard"] = i % 2 ? "mountain_torrent" : "山洪";
    d.fields["warning_level"] = "橙色";
    d.verdict = beacon::sdk::DrillVerdict::Good;
    d.findings = kFindings[rng() % 4];
    items[i].org_name = "新密市某镇某村" + std::to_string(d.org_id);
    items[i].org_code = "xinmi.town." + std::to_string(d.org_id);
    items[i].type_label = "人员疏散演练";
    items[i].voided = i % 50 == 0;
  }
  return items;
}

std::string libraryPage(const std::vector<Item>& items) {
  Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  root->set("total", 123456);
  root->set("limit", static_cast<int>(items.size()));
  root->set("offset", 0);
  root->set("next_after", "2023-12-28.100499");
  Array::Ptr list = new Array;
  for (const auto& it : items) {
    Object::Ptr o = beacon::store::toJson(it.drill);
    o->set("org_name", it.org_name);
    o->set("org_code", it.org_code);
    o->set("drill_type_label", it.type_label);
    o->set("voided", it.voided);
    list->add(o);
  }
  root->set("items", list);
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(root, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
  return out.str();
}

std::string textPage(const std::vector<Item>& items) {
  JsonText j;
  j.str().reserve(512 + 512 * items.size());
  j.raw("{").key("total").number(123456);
  j.raw(",").key("limit").number(static_cast<long long>(items.size()));
  j.raw(",").key("offset").number(0);
  j.raw(",").key("next_after").string("2023-12-28.100499");
  j.raw(",").key("items").raw("[");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    if (i) j.raw(",");
    beacon::http::writeDrillItem(it.drill, it.org_name, it.org_code, it.type_label, it.voided, j);
  }
  j.raw("]}");
  return std::move(j.str());
}

double threadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 500;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 31;
  const int pages = argc > 3 ? std::atoi(argv[3]) : 20;
  const std::vector<Item> items = makeItems(n);
  const std::string lib = libraryPage(items);
  const std::string text = textPage(items);
  if (lib != text) {
    std::fprintf(stderr, "bench_json_text: the two pages differ (%zu vs %zu bytes)\n", lib.size(),
                 text.size());
    return 1;
  }
  std::vector<double> lib_us, text_us;
  std::size_t sink = 0;
  for (int r = 0; r < rounds; ++r) {
    double t0 = threadSeconds();
    for (int p = 0; p < pages; ++p) sink += libraryPage(items).size();
    double t1 = threadSeconds();
    for (int p = 0; p < pages; ++p) sink += textPage(items).size();
    double t2 = threadSeconds();
    lib_us.push_back((t1 - t0) * 1e6 / pages);
    text_us.push_back((t2 - t1) * 1e6 / pages);
  }
  const double l = median(lib_us), t = median(text_us);
  std::printf("items %zu, page %zu bytes, identical: yes (%zu)\n", n, lib.size(), sink % 10);
  std::printf("Poco objects + Stringifier: %8.1f us CPU per page\n", l);
  std::printf("JsonText:                   %8.1f us CPU per page\n", t);
  std::printf("ratio library/JsonText:     %8.2fx\n", l / t);
  return 0;
}
