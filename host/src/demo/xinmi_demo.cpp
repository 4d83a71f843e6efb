#include "demo/xinmi_demo.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

#include "beacon/sdk/field_spec.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/demo_marker.h"
#include "store/demo_queries.h"
#include "store/drill_plan_repository.h"
#include "store/drill_repository.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/record_json.h"
#include "store/review_repository.h"
#include "store/revision_triggers.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::demo {

namespace {

using sdk::Date;
using sdk::OrgKind;
using sdk::RecordId;

constexpr const char* kXinmi2023 = "xinmi-2023";
constexpr std::uint32_t kSeed = 20231231;

// std::mt19937's sequence is fixed by the standard; the arithmetic on top of
// it is ours, because the std distributions differ between libraries.
class Rng {
 public:
  explicit Rng(std::uint32_t seed) : engine_(seed) {}
  int below(int n) { return n <= 1 ? 0 : static_cast<int>(engine_() % static_cast<std::uint32_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool chance(int percent) { return below(100) < percent; }
  Date dateIn(const Date& from, const Date& to) {
    return Date::fromDays(from.toDays() + below(static_cast<int>(to.toDays() - from.toDays()) + 1));
  }
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<std::size_t>(below(static_cast<int>(i)))]);
  }

 private:
  std::mt19937 engine_;
};

Date d(int y, int m, int day) { return Date{y, m, day}; }

struct Town {
  const char* code;
  const char* name;
  OrgKind kind;
  int villages;
  bool hilly;        // flash floods and forest fire duty
};

const std::vector<Town>& towns() {
  static const std::vector<Town> kTowns = {
      {"chengguan", "城关镇", OrgKind::Township, 22, false},
      {"micun", "米村镇", OrgKind::Township, 24, true},
      {"niudian", "牛店镇", OrgKind::Township, 25, true},
      {"pingmo", "平陌镇", OrgKind::Township, 20, true},
      {"chaohua", "超化镇", OrgKind::Township, 24, false},
      {"goutang", "苟堂镇", OrgKind::Township, 20, true},
      {"dawei", "大隗镇", OrgKind::Township, 26, false},
      {"liuzhai", "刘寨镇", OrgKind::Township, 24, true},
      {"baizhai", "白寨镇", OrgKind::Township, 23, true},
      {"yuecun", "岳村镇", OrgKind::Township, 25, false},
      {"laiji", "来集镇", OrgKind::Township, 24, false},
      {"quliang", "曲梁镇", OrgKind::Township, 26, false},
      {"yuanzhuang", "袁庄乡", OrgKind::Township, 14, true},
      {"qingpingjie", "青屏街街道", OrgKind::SubDistrict, 20, false},
      {"xinhualu", "新华路街道", OrgKind::SubDistrict, 18, false},
      {"xidajie", "西大街街道", OrgKind::SubDistrict, 16, false},
      {"kuangqu", "矿区街道", OrgKind::SubDistrict, 18, false},
  };
  return kTowns;
}

struct Department {
  const char* name;
  const char* domain;  // the domain of its own plan
};

const std::vector<Department>& departments() {
  static const std::vector<Department> kDepartments = {
      {"应急管理局", "enterprise_safety"}, {"水利局", "flood"}, {"消防救援大队", "fire"},
      {"林业局", "forest_fire"}, {"发展和改革委员会", "general"}, {"教育局", "fire"},
      {"公安局", "general"}, {"民政局", "general"}, {"司法局", "general"},
      {"财政局", "general"}, {"人力资源和社会保障局", "general"}, {"自然资源和规划局", "general"},
      {"住房和城乡建设局", "general"}, {"城市管理局", "flood"}, {"交通运输局", "general"},
      {"农业农村局", "general"}, {"商务局", "general"}, {"文化广电和旅游局", "fire"},
      {"卫生健康委员会", "general"}, {"退役军人事务局", "general"}, {"审计局", "general"},
      {"市场监督管理局", "general"}, {"统计局", "general"}, {"医疗保障局", "general"},
      {"工业和信息化局", "enterprise_safety"}, {"科学技术局", "general"}, {"民族宗教事务局", "general"},
      {"信访局", "general"}, {"粮食和物资储备中心", "general"}, {"人民武装部", "general"},
      {"疾病预防控制中心", "general"}, {"地震局", "general"}, {"气象局", "flood"},
      {"生态环境分局", "general"}, {"融媒体中心", "general"}, {"红十字会", "general"},
      {"供电公司", "general"}, {"通信发展管理办公室", "general"}, {"公路事业发展中心", "general"},
      {"供水公司", "general"}, {"国有资产事务中心", "general"}, {"机关事务服务中心", "general"},
      {"畜牧局", "general"}, {"城市综合执法局", "general"}, {"总工会", "general"},
  };
  return kDepartments;
}

// A deterministic name pool without repeats: prefix × suffix, shuffled once.
std::vector<std::string> namePool(Rng& rng, const std::vector<std::string>& prefixes,
                                  const std::vector<std::string>& suffixes) {
  std::vector<std::string> out;
  for (const auto& p : prefixes)
    for (const auto& s : suffixes) out.push_back(p + s);
  rng.shuffle(out);
  return out;
}

struct PlanInfo {
  RecordId id = 0;
  RecordId owner = 0;
  std::string domain;
  std::vector<std::pair<Date, RecordId>> versions;  // issued, version id
};

class Builder {
 public:
  Builder(store::Database& db, const plugins::PluginRegistry& registry, const store::Actor& actor)
      : session_(db.session()), registry_(registry), actor_(actor), rng_(kSeed), orgs_(session_),
        plans_(session_), reviews_(session_), filings_(session_), drills_(session_),
        actions_(session_), audit_(session_) {}

  sdk::Status run();

 private:
  RecordId org(const std::string& code, const std::string& name, OrgKind kind, RecordId parent,
               sdk::FieldValues attributes = {}) {
    sdk::Organisation o;
    o.code = code;
    o.name = name;
    o.kind = kind;
    o.parent_id = parent;
    o.attributes = std::move(attributes);
    return orgs_.add(o, actor_);
  }
  PlanInfo& plan(const std::string& title, const std::string& domain, const char* category, RecordId owner) {
    sdk::Plan p;
    p.code = "XM-" + std::to_string(++plan_seq_);
    p.title = title;
    p.domain = domain;
    p.category = category;
    p.owner_org_id = owner;
    p.status = sdk::PlanStatus::Drafting;
    plans_.add(p, actor_);
    PlanInfo info;
    info.id = p.id;
    info.owner = owner;
    info.domain = domain;
    plan_list_.push_back(info);
    by_owner_.emplace(std::make_pair(owner, domain), plan_list_.size() - 1);
    return plan_list_.back();
  }
  RecordId version(PlanInfo& p, sdk::VersionAction action, const Date& issued, const std::string& trigger,
                   const std::string& author) {
    sdk::PlanVersion v;
    v.plan_id = p.id;
    v.action = action;
    v.trigger = trigger;
    v.major = true;
    v.issued = issued;
    v.effective = issued;
    v.text = std::string(action == sdk::VersionAction::Drafted ? "编制" : "修订") + "文本(示例数据)";
    v.author = author;
    plans_.addVersion(v, actor_);
    p.versions.emplace_back(issued, v.id);
    return v.id;
  }
  void review(const PlanInfo& p, sdk::ReviewKind kind, const Date& date, sdk::ReviewConclusion conclusion,
              const std::string& findings) {
    sdk::Review r;
    r.plan_id = p.id;
    r.plan_version_id = p.versions.empty() ? 0 : p.versions.back().second;
    r.kind = kind;
    r.date = date;
    if (kind == sdk::ReviewKind::Evaluation && !p.versions.empty()) {
      // An evaluation is of the version in force on its day; one drawn before the first
      // issue is moved to a month after it (the life cycle refuses an earlier one).
      if (date < p.versions.front().first) r.date = p.versions.front().first.addDays(30);
      for (const auto& [issued, id] : p.versions) {
        if (issued <= r.date) r.plan_version_id = id;
      }
    }
    r.reviewers = kind == sdk::ReviewKind::Review ? "专家评审组" : "预案评估组";
    r.conclusion = conclusion;
    r.findings = findings;
    reviews_.add(r, actor_);
  }
  // Files the latest version ~2–6 weeks after issue; published for government plans.
  void file(const PlanInfo& p, const std::string& body, bool publish) {
    const Date issued = p.versions.back().first;
    sdk::Filing f;
    f.plan_id = p.id;
    f.plan_version_id = p.versions.back().second;
    f.target_body = body;
    f.submitted = issued.addDays(rng_.between(5, 40));
    if (f.submitted > d(2023, 12, 31)) f.submitted = d(2023, 12, 31);
    f.registration_no = "新密备〔" + std::to_string(f.submitted.year) + "〕" + std::to_string(++filing_seq_) + "号";
    if (publish) f.published = f.submitted;
    filings_.add(f, actor_);
  }
  const PlanInfo* planOf(RecordId owner, const std::string& domain) const {
    auto it = by_owner_.find({owner, domain});
    return it == by_owner_.end() ? nullptr : &plan_list_[it->second];
  }
  sdk::Drill drill(const std::string& type, RecordId org_id, const Date& date, int participants) {
    sdk::Drill x;
    x.domain = type.substr(0, type.find('.'));
    x.drill_type = type;
    x.org_id = org_id;
    x.date = date;
    x.participants = participants;
    if (const PlanInfo* p = planOf(org_id, x.domain)) {
      for (const auto& [issued, id] : p->versions) {
        if (issued <= date) {
          x.plan_id = p->id;
          x.plan_version_id = id;
        }
      }
    }
    const int roll = rng_.below(100);
    x.verdict = roll < 30 ? sdk::DrillVerdict::Excellent
                : roll < 80 ? sdk::DrillVerdict::Good
                : roll < 95 ? sdk::DrillVerdict::Fair
                            : sdk::DrillVerdict::Poor;
    if (x.verdict == sdk::DrillVerdict::Fair || x.verdict == sdk::DrillVerdict::Poor) {
      static const char* kFindings[] = {"预警信息传递不及时", "疏散路线标识不清", "应急物资储备不足",
                                        "人员分工不明确", "通讯联络不畅"};
      x.findings = kFindings[rng_.below(5)];
    }
    return x;
  }
  sdk::Status check(const std::vector<sdk::Drill>& drills) const;
  void organisations();
  void plansAndReviews();
  void drillsFor(int year, double scale);

  Poco::Data::Session& session_;
  const plugins::PluginRegistry& registry_;
  const store::Actor& actor_;
  Rng rng_;
  store::OrganisationRepository orgs_;
  store::PlanRepository plans_;
  store::ReviewRepository reviews_;
  store::FilingRepository filings_;
  store::DrillRepository drills_;
  store::CorrectiveActionRepository actions_;
  store::AuditLog audit_;

  int plan_seq_ = 0;
  int filing_seq_ = 0;
  RecordId city_ = 0;
  std::vector<RecordId> depts_;
  std::vector<RecordId> towns_;
  std::vector<bool> town_hilly_;
  std::vector<RecordId> villages_;
  std::vector<RecordId> village_town_;
  std::vector<bool> flash_zone_;
  std::vector<RecordId> enterprises_;
  std::vector<RecordId> fire_units_;
  std::vector<RecordId> forest_towns_;
  std::vector<PlanInfo> plan_list_;
  std::map<std::pair<RecordId, std::string>, std::size_t> by_owner_;
  std::vector<sdk::Drill> all_drills_;
};

void Builder::organisations() {
  city_ = org("xinmi", "新密市", OrgKind::City, 0);
  int n = 0;
  for (const auto& dept : departments()) {
    char code[32];
    std::snprintf(code, sizeof code, "xinmi.d%02d", ++n);
    depts_.push_back(org(code, std::string("新密市") + dept.name, OrgKind::Department, city_));
  }
  auto villageNames = namePool(
      rng_,
      {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
       "何", "高", "罗", "郑", "梁", "谢", "宋", "韩", "冯", "邓", "曹", "田", "董", "袁", "潘", "蒋",
       "魏", "吕", "丁", "任", "姚", "崔", "范", "牛"},
      {"庄村", "沟村", "寨村", "岭村", "坡村", "河村", "湾村", "营村", "店村", "楼村", "屯村", "峪村",
       "窑村", "岗村", "洼村", "堂村"});
  auto communityNames = namePool(
      rng_,
      {"青屏", "金凤", "嵩山", "溱水", "东关", "西关", "南街", "北街", "文化路", "开阳", "平安", "和谐",
       "幸福", "长乐", "惠民", "新城", "矿建", "东风", "向阳", "光明", "友谊", "建设", "育才", "锦华",
       "滨河", "翠园", "桂花", "丰泽", "御景", "城南", "城北", "东苑"},
      {"社区", "东社区", "西社区"});
  std::size_t vi = 0, ci = 0;
  int t = 0;
  for (const auto& town : towns()) {
    ++t;
    sdk::FieldValues attrs;
    if (town.hilly) attrs["forest_fire.forest_fire_duty"] = "1";
    const RecordId town_id = org(std::string("xinmi.") + town.code, town.name, town.kind, city_, attrs);
    towns_.push_back(town_id);
    town_hilly_.push_back(town.hilly);
    if (town.hilly) forest_towns_.push_back(town_id);
    for (int i = 1; i <= town.villages; ++i) {
      const bool community = town.kind == OrgKind::SubDistrict || (i <= 3 && std::string(town.code) == "chengguan");
      const std::string name = community ? communityNames[ci++] : villageNames[vi++];
      const bool zone = !community && rng_.chance(town.hilly ? 55 : 15);
      sdk::FieldValues va;
      va["flood.flash_flood_zone"] = zone ? "1" : "0";
      char code[48];
      std::snprintf(code, sizeof code, "xinmi.%s.%02d", town.code, i);
      villages_.push_back(org(code, name, community ? OrgKind::Community : OrgKind::Village, town_id, va));
      village_town_.push_back(town_id);
      flash_zone_.push_back(zone);
    }
  }
  const std::vector<std::string> places = {"金盛", "恒达", "裕中", "鑫源", "嵩岳", "中岳", "豫新", "宏泰",
                                           "华瑞", "东方", "兴旺", "众鑫", "天瑞", "新丰", "同力", "瑞祥",
                                           "国泰", "民安", "永安", "昌盛", "通达", "嘉禾", "福源", "泰山",
                                           "长城", "博瑞", "聚德", "新亚", "大地", "荣盛"};
  const std::vector<std::string> trades = {"煤业有限公司", "耐火材料有限公司", "造纸有限公司", "热电有限公司",
                                           "化工有限公司"};
  auto firmNames = namePool(rng_, places, trades);
  for (int i = 0; i < 150; ++i) {
    sdk::FieldValues a;
    const bool hazard = rng_.chance(22);
    a["enterprise_safety.key_unit_cond8"] = "1";
    a["enterprise_safety.major_hazard_source"] = hazard ? "1" : "0";
    a["enterprise_safety.review_required"] = hazard || firmNames[i].find("煤业") != std::string::npos ? "1" : "0";
    a["enterprise_safety.eval_3yr"] = "1";
    a["enterprise_safety.filing_required"] = "1";
    if (rng_.chance(30)) {
      a["fire.key_fire_unit"] = "1";
      a["fire.unit_kind"] = "other";
    }
    char code[32];
    std::snprintf(code, sizeof code, "xinmi.e%03d", i + 1);
    const RecordId parent = towns_[static_cast<std::size_t>(rng_.below(13))];
    const RecordId id = org(code, "新密市" + firmNames[i], OrgKind::Enterprise, parent, a);
    enterprises_.push_back(id);
    if (a.count("fire.key_fire_unit")) fire_units_.push_back(id);
  }
  struct UnitKind {
    const char* kind;
    const char* suffix;
    int count;
  };
  const std::vector<UnitKind> units = {{"school", "中学", 18},        {"school", "小学", 22},
                                       {"kindergarten", "幼儿园", 10}, {"hospital", "医院", 8},
                                       {"nursing_home", "敬老院", 8},  {"welfare_home", "儿童福利院", 1},
                                       {"property_community", "小区", 15}, {"crowded_place", "商场", 10}};
  int u = 0;
  for (const auto& kind : units) {
    for (int i = 0; i < kind.count; ++i) {
      const std::size_t town = static_cast<std::size_t>(rng_.below(static_cast<int>(towns_.size())));
      sdk::FieldValues a;
      a["fire.unit_kind"] = kind.kind;
      a["fire.key_fire_unit"] = rng_.chance(70) ? "1" : "0";
      std::string name = "新密市" + std::string(towns()[town].name).substr(0, 6) + kind.suffix;
      if (kind.count > 1) name += "(" + std::to_string(i + 1) + ")";
      char code[32];
      std::snprintf(code, sizeof code, "xinmi.u%03d", ++u);
      fire_units_.push_back(org(code, name, OrgKind::Institution, towns_[town], a));
    }
  }
}

void Builder::plansAndReviews() {
  using sdk::ReviewConclusion;
  using sdk::ReviewKind;
  using sdk::VersionAction;
  namespace cat = sdk::category;
  namespace trg = store::trigger;
  const std::string gov = "新密市人民政府";

  // City plans in force before 2023; the master plan is the one evaluated in 2023.
  struct CityPlan {
    const char* title;
    const char* domain;
    const char* category;
    Date drafted;
    Date revised;  // unset: never revised
  };
  const std::vector<CityPlan> city_plans = {
      {"新密市突发事件总体应急预案", "general", cat::kMaster, d(2019, 6, 18), {}},
      {"新密市防汛应急预案", "flood", cat::kSpecial, d(2020, 4, 28), d(2022, 5, 20)},
      {"新密市森林火灾应急预案", "forest_fire", cat::kSpecial, d(2020, 10, 15), {}},
      {"新密市生产安全事故应急预案", "enterprise_safety", cat::kSpecial, d(2019, 9, 2), d(2022, 3, 10)},
      {"新密市地震应急预案", "general", cat::kSpecial, d(2019, 11, 20), {}},
      {"新密市突发公共卫生事件应急预案", "general", cat::kSpecial, d(2020, 2, 6), d(2021, 8, 16)},
  };
  for (const auto& cp : city_plans) {
    PlanInfo& p = plan(cp.title, cp.domain, cp.category, city_);
    review(p, ReviewKind::Review, cp.drafted.addDays(-20), sdk::ReviewConclusion::Passed, "");
    version(p, VersionAction::Drafted, cp.drafted, "", "市应急管理局");
    if (cp.revised.isSet()) version(p, VersionAction::Revised, cp.revised, trg::kLawOrParentPlanChanged, "市应急管理局");
    file(p, "郑州市人民政府", true);
  }
  review(plan_list_[0], ReviewKind::Evaluation, d(2023, 9, 12), ReviewConclusion::Keep, "总体预案框架适用,建议补充物资清单");
  review(plan_list_[2], ReviewKind::Evaluation, d(2021, 11, 3), ReviewConclusion::Keep, "");

  // City plans first drafted in 2023.
  const std::vector<std::pair<const char*, const char*>> city_new = {
      {"新密市山洪灾害防御应急预案", "flood"},
      {"新密市城市内涝灾害应急预案", "flood"},
      {"新密市危险化学品事故应急预案", "enterprise_safety"},
      {"新密市高层建筑火灾事故应急预案", "fire"},
      {"新密市重污染天气应急预案", "general"}};
  for (std::size_t i = 0; i < city_new.size(); ++i) {
    PlanInfo& p = plan(city_new[i].first, city_new[i].second, cat::kSpecial, city_);
    const Date issued = rng_.dateIn(d(2023, 3, 1), d(2023, 11, 30));
    review(p, ReviewKind::Review, issued.addDays(-rng_.between(10, 30)), sdk::ReviewConclusion::Passed, "");
    version(p, VersionAction::Drafted, issued, "", "市应急管理局");
    if (i != 3) file(p, "郑州市人民政府", i != 4);  // one unfiled, one filed but unpublished
  }

  // Department plans in force before 2023: one each, a second for the first fifteen.
  std::vector<std::size_t> dept_plans;
  for (std::size_t i = 0; i < depts_.size(); ++i) {
    const auto& dept = departments()[i];
    for (int k = 0; k < (i < 15 ? 2 : 1); ++k) {
      std::string title = std::string("新密市") + dept.name + (k == 0 ? "突发事件应急预案" : "应急工作手册");
      PlanInfo& p = plan(title, k == 0 ? dept.domain : "general", k == 0 ? cat::kDepartment : cat::kWorkManual,
                         depts_[i]);
      version(p, VersionAction::Drafted, rng_.dateIn(d(2019, 3, 1), d(2021, 12, 20)), "", dept.name);
      if (rng_.chance(20)) version(p, VersionAction::Revised, rng_.dateIn(d(2022, 1, 10), d(2022, 11, 30)),
                                   trg::kCommandStructureChanged, dept.name);
      if (rng_.chance(85)) file(p, "新密市应急管理局", rng_.chance(80));
      if (rng_.chance(35)) review(p, ReviewKind::Evaluation, rng_.dateIn(d(2020, 6, 1), d(2022, 10, 31)),
                                  ReviewConclusion::Keep, "");
      dept_plans.push_back(plan_list_.size() - 1);
    }
  }
  // 2023: 19 department plans evaluated, 43 revised (the evaluated ones that called for revision among them).
  std::vector<std::size_t> order = dept_plans;
  rng_.shuffle(order);
  for (std::size_t k = 0; k < 19; ++k) {
    PlanInfo& p = plan_list_[order[k]];
    const bool revise = k < 12;
    review(p, ReviewKind::Evaluation, rng_.dateIn(d(2023, 2, 1), d(2023, 6, 30)),
           revise ? ReviewConclusion::Revise : ReviewConclusion::Keep,
           revise ? "机构改革后职责调整,需修订" : "预案内容适用");
  }
  static const char* kTriggers[] = {trg::kCommandStructureChanged, trg::kLawOrParentPlanChanged,
                                    trg::kRiskChangedMajor, trg::kKeyResourcesChanged};
  for (std::size_t k = 0; k < 43; ++k) {
    PlanInfo& p = plan_list_[order[k]];
    const Date issued = rng_.dateIn(d(2023, 7, 1), d(2023, 12, 15));
    version(p, VersionAction::Revised, issued, kTriggers[rng_.below(4)], departments()[0].name);
    if (rng_.chance(75)) file(p, "新密市应急管理局", rng_.chance(70));
  }
  // Six department plans first drafted in 2023.
  const std::vector<std::pair<std::size_t, const char*>> dept_new = {
      {1, "新密市水库安全度汛应急预案"}, {2, "新密市消防救援大队大型活动消防安保预案"},
      {5, "新密市校园安全事故应急预案"}, {13, "新密市城市供排水突发事件应急预案"},
      {18, "新密市医疗卫生救援应急预案"}, {14, "新密市公路交通突发事件应急预案"}};
  for (const auto& [dept, title] : dept_new) {
    PlanInfo& p = plan(title, departments()[dept].domain, cat::kDepartment, depts_[dept]);
    const Date issued = rng_.dateIn(d(2023, 4, 1), d(2023, 10, 31));
    review(p, ReviewKind::Review, issued.addDays(-rng_.between(7, 25)), sdk::ReviewConclusion::Passed, "");
    version(p, VersionAction::Drafted, issued, "", departments()[dept].name);
    if (rng_.chance(70)) file(p, "新密市应急管理局", true);
  }
  // Two department plans still being drafted (no version issued).
  plan("新密市文物火灾事故应急预案", "fire", cat::kDepartment, depts_[17]);
  plan("新密市粮食应急预案", "general", cat::kDepartment, depts_[28]);

  // Township and sub-district plans; four revised in 2023.
  std::vector<std::size_t> town_plans;
  for (std::size_t i = 0; i < towns_.size(); ++i) {
    const std::string name = towns()[i].name;
    std::vector<std::pair<std::string, std::string>> own = {{name + "突发事件总体应急预案", "general"},
                                                            {name + "防汛应急预案", "flood"}};
    if (town_hilly_[i]) own.push_back({name + "森林防火应急预案", "forest_fire"});
    for (const auto& [title, domain] : own) {
      PlanInfo& p = plan(title, domain, cat::kGrassroots, towns_[i]);
      version(p, VersionAction::Drafted, rng_.dateIn(d(2019, 5, 1), d(2021, 6, 30)), "", name);
      if (rng_.chance(30)) version(p, VersionAction::Revised, rng_.dateIn(d(2022, 3, 1), d(2022, 6, 30)),
                                   trg::kRiskChangedMajor, name);
      if (rng_.chance(60)) file(p, "新密市应急管理局", false);
      if (rng_.chance(25)) review(p, ReviewKind::Evaluation, rng_.dateIn(d(2020, 9, 1), d(2022, 9, 30)),
                                  ReviewConclusion::Keep, "");
      town_plans.push_back(plan_list_.size() - 1);
    }
  }
  rng_.shuffle(town_plans);
  for (std::size_t k = 0; k < 4; ++k) {
    version(plan_list_[town_plans[k]], VersionAction::Revised, rng_.dateIn(d(2023, 3, 1), d(2023, 5, 31)),
            trg::kRiskChangedMajor, "乡镇应急办");
  }

  // Village and community plans: all but thirteen revised before the 2023 flood season.
  std::vector<std::size_t> village_plans;
  for (std::size_t i = 0; i < villages_.size(); ++i) {
    auto found = orgs_.findById(villages_[i]);
    PlanInfo& p = plan(found->name + (flash_zone_[i] ? "山洪灾害防御预案" : "突发事件应急预案"),
                       flash_zone_[i] ? "flood" : "general", cat::kGrassroots, villages_[i]);
    version(p, VersionAction::Drafted, rng_.dateIn(d(2020, 3, 1), d(2021, 5, 31)), "", found->name);
    village_plans.push_back(plan_list_.size() - 1);
  }
  rng_.shuffle(village_plans);
  for (std::size_t k = 0; k < 356; ++k) {
    PlanInfo& p = plan_list_[village_plans[k]];
    version(p, VersionAction::Revised, rng_.dateIn(d(2023, 3, 1), d(2023, 5, 31)), trg::kKeyResourcesChanged,
            "村(社区)两委");
    if (rng_.chance(75)) file(p, "乡镇人民政府(街道办事处)", true);
  }

  // Enterprise plans: comprehensive for every key enterprise, on-site schemes for half.
  for (std::size_t i = 0; i < enterprises_.size(); ++i) {
    auto found = orgs_.findById(enterprises_[i]);
    PlanInfo& p = plan(found->name + "生产安全事故综合应急预案", "enterprise_safety", cat::kComprehensive,
                       enterprises_[i]);
    const Date drafted = rng_.dateIn(d(2019, 6, 1), d(2022, 6, 30));
    review(p, ReviewKind::Review, drafted.addDays(-rng_.between(5, 20)), sdk::ReviewConclusion::Passed, "");
    version(p, VersionAction::Drafted, drafted, "", found->name);
    if (rng_.chance(88)) file(p, "新密市应急管理局", false);
    if (drafted.year <= 2020 && rng_.chance(60)) {
      review(p, ReviewKind::Evaluation, rng_.dateIn(d(2021, 1, 1), d(2022, 12, 20)), ReviewConclusion::Keep, "");
    }
    if (rng_.chance(50)) {
      PlanInfo& s = plan(found->name + "现场处置方案", "enterprise_safety", cat::kOnSite, enterprises_[i]);
      version(s, VersionAction::Drafted, drafted, "", found->name);
    }
  }
  // Fire-safety units: 灭火和应急疏散预案.
  for (RecordId unit : fire_units_) {
    if (planOf(unit, "fire")) continue;
    auto found = orgs_.findById(unit);
    PlanInfo& p = plan(found->name + "灭火和应急疏散预案", "fire", cat::kSpecial, unit);
    version(p, VersionAction::Drafted, rng_.dateIn(d(2020, 1, 1), d(2022, 10, 31)), "", found->name);
  }
}

void Builder::drillsFor(int year, double scale) {
  auto count = [&](int n) { return static_cast<int>(n * scale + 0.5); };
  auto dateIn = [&](int m1, int d1, int m2, int d2) { return rng_.dateIn(d(year, m1, d1), d(year, m2, d2)); };

  sdk::Drill flood = drill("flood.comprehensive", city_, d(year, 5, year == 2023 ? 26 : 27), 600);
  flood.place = "溱水河新密城区段";
  flood.scenario = "强降雨引发山洪和城区内涝,多部门联合抢险和群众转移";
  flood.evacuees = 300;
  flood.fields["hazard"] = "flash_flood";
  all_drills_.push_back(flood);

  // Flood evacuation: flash-flood villages weigh 4, others 1, townships 2.
  std::vector<std::pair<RecordId, int>> pool;
  for (std::size_t i = 0; i < villages_.size(); ++i) pool.emplace_back(i, flash_zone_[i] ? 4 : 1);
  int total_weight = 0;
  for (const auto& w : pool) total_weight += w.second;
  const int town_weight = 2 * static_cast<int>(towns_.size());
  const int evac = year == 2023 ? 1015 : count(1015);
  for (int k = 0; k < evac; ++k) {
    int pick = rng_.below(total_weight + town_weight);
    RecordId org_id = 0;
    bool zone = false, community = false;
    if (pick >= total_weight) {
      org_id = towns_[static_cast<std::size_t>((pick - total_weight) / 2)];
    } else {
      for (const auto& [index, weight] : pool) {
        if (pick < weight) {
          org_id = villages_[static_cast<std::size_t>(index)];
          zone = flash_zone_[static_cast<std::size_t>(index)];
          community = village_town_[static_cast<std::size_t>(index)] >= towns_[13];
          break;
        }
        pick -= weight;
      }
    }
    const int season = rng_.below(100);
    const Date date = season < 45 ? dateIn(4, 1, 5, 31) : season < 90 ? dateIn(6, 1, 8, 31) : dateIn(9, 1, 9, 30);
    sdk::Drill x = drill("flood.evacuation", org_id, date, rng_.between(20, 160));
    x.evacuees = x.participants * rng_.between(40, 90) / 100;
    x.fields["hazard"] = zone ? "flash_flood" : community ? "waterlogging" : (rng_.chance(50) ? "river" : "reservoir");
    x.scenario = zone ? "山洪预警后危险区群众转移" : "强降雨积水转移避险";
    all_drills_.push_back(x);
  }

  // Fire: units and enterprises on the fire-unit list; a cluster around 119 消防日.
  const int fire = year == 2023 ? 217 : count(217);
  for (int k = 0; k < fire; ++k) {
    const RecordId unit = fire_units_[static_cast<std::size_t>(rng_.below(static_cast<int>(fire_units_.size())))];
    const Date date = rng_.chance(25) ? dateIn(11, 1, 11, 15) : dateIn(1, 5, 12, 20);
    sdk::Drill x = drill(rng_.chance(85) ? "fire.evacuation" : "fire.tabletop", unit, date, rng_.between(15, 400));
    if (x.drill_type == "fire.evacuation") x.evacuees = x.participants;
    x.scenario = "初起火灾扑救和人员疏散";
    all_drills_.push_back(x);
  }

  // Forest fire: one township each in the fire period, all but one of the duty townships.
  const int forest = year == 2023 ? 6 : count(6);
  std::vector<RecordId> forest_towns = forest_towns_;
  rng_.shuffle(forest_towns);
  for (int k = 0; k < forest; ++k) {
    const Date date = rng_.chance(50) ? dateIn(2, 1, 3, 31) : dateIn(11, 1, 12, 15);
    sdk::Drill x = drill(k < 4 ? "forest_fire.suppression" : "forest_fire.tabletop",
                         forest_towns[static_cast<std::size_t>(k) % forest_towns.size()], date, rng_.between(30, 120));
    x.scenario = "林区山火初期扑救";
    all_drills_.push_back(x);
  }

  // Enterprise safety: every key enterprise but the last ten.
  const int safety = year == 2023 ? 1124 : count(1124);
  const int drilling = static_cast<int>(enterprises_.size()) - 10;
  for (int k = 0; k < safety; ++k) {
    const RecordId ent = enterprises_[static_cast<std::size_t>(rng_.below(drilling))];
    const int kind = rng_.below(100);
    const char* type = kind < 25 ? "enterprise_safety.comprehensive"
                       : kind < 55 ? "enterprise_safety.special"
                                   : "enterprise_safety.on_site";
    sdk::Drill x = drill(type, ent, dateIn(1, 10, 12, 25), rng_.between(10, 200));
    if (rng_.chance(40)) {
      x.fields["reported_to_county"] = "1";
      Date reported = x.date.addDays(rng_.between(1, 10));
      if (reported > d(year, 12, 31)) reported = d(year, 12, 31);
      x.fields["reported_date"] = reported.toString();
    } else {
      x.fields["reported_to_county"] = "0";
    }
    x.scenario = "生产安全事故应急处置";
    all_drills_.push_back(x);
  }
}

sdk::Status Builder::check(const std::vector<sdk::Drill>& drills) const {
  for (const auto& x : drills) {
    const plugins::PluginRecord* plugin = registry_.byDomain(x.domain);
    if (!plugin) continue;
    if (!registry_.drillType(x.drill_type)) {
      return sdk::Status::invalid("drill_type", "plugin " + x.domain + " does not declare " + x.drill_type);
    }
    sdk::Status s = sdk::validateFields(plugin->drill_fields, x.fields);
    if (!s.isOk()) return sdk::Status::invalid(x.drill_type + "." + s.field(), s.message());
  }
  return sdk::Status::ok();
}

sdk::Status Builder::run() {
  organisations();
  plansAndReviews();
  drillsFor(2022, 0.8);
  drillsFor(2023, 1.0);
  sdk::Status s = check(all_drills_);
  if (!s.isOk()) return s;
  drills_.addBatch(all_drills_);

  // Findings from the poorest 2023 drills become corrective actions.
  const auto poorest = store::firstDrillsWithVerdict(session_, sdk::toId(sdk::DrillVerdict::Poor),
                                                     "2023-01-01", 12);
  for (std::size_t i = 0; i < poorest.size(); ++i) {
    const store::DrillSource& source = poorest[i];
    store::CorrectiveAction a;
    a.source_kind = store::SourceKind::Drill;
    a.source_id = source.id;
    a.plan_id = source.plan_id;
    a.description = "针对演练发现问题完善预警和疏散安排";
    a.responsible_org_id = source.org_id;
    a.due = d(2024, 3, 31);
    a.status = i % 3 == 0 ? store::ActionStatus::Done : store::ActionStatus::Open;
    a.plan_defect = i < 3 && source.plan_id != 0;
    actions_.add(a, actor_);
    if (a.plan_defect) plans_.setRevisionRequired(source.plan_id, true, "演练发现预案缺陷:" + a.description, actor_);
  }

  // 2023 annual drill plans (年度演练计划) of the enterprises that drill: a
  // comprehensive drill in June and on-site drills in March and September,
  // made in January. The last ten enterprises, which never drill, have none
  // (their core.drill_plan duty is overdue). No random draws: the drills
  // above stay as they were.
  store::DrillPlanRepository drill_plans(session_);
  for (std::size_t i = 0; i + 10 < enterprises_.size(); ++i) {
    store::DrillPlan p;
    p.org_id = enterprises_[i];
    p.year = 2023;
    p.made_on = d(2023, 1, 5 + static_cast<int>(i % 20));
    for (const auto& [type, month] : {std::pair<const char*, int>{"enterprise_safety.on_site", 3},
                                      {"enterprise_safety.comprehensive", 6},
                                      {"enterprise_safety.on_site", 9}}) {
      store::DrillPlanItem item;
      item.domain = "enterprise_safety";
      item.drill_type = type;
      item.month = month;
      p.items.push_back(item);
    }
    drill_plans.add(p, actor_);
  }

  Poco::JSON::Object::Ptr note = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  note->set("name", kXinmi2023);
  note->set("note", "示例数据:为演示而生成的模拟记录,不是新密市的真实台账 (illustrative data, not real records)");
  note->set("seed", static_cast<Poco::UInt64>(kSeed));
  note->set("drills", static_cast<Poco::UInt64>(all_drills_.size()));
  audit_.append(actor_, "import", store::kDemoAuditEntity, 0, "", store::stringify(note));
  return sdk::Status::ok();
}

}  // namespace

std::vector<std::string> demoNames() { return {kXinmi2023}; }

sdk::Status loadDemo(store::Database& db, const plugins::PluginRegistry& registry, const std::string& name,
                     const store::Actor& actor) {
  if (name != kXinmi2023) {
    return sdk::Status::invalid("name", "unknown demo data set \"" + name + "\" (known: " + kXinmi2023 + ")");
  }
  try {
    store::OrganisationRepository orgs(db.session());
    if (orgs.count() != 0) {
      return sdk::Status::invalid("database", "demo data loads only into an empty database (" +
                                                  std::to_string(orgs.count()) + " organisations present)");
    }
    store::Transaction tx(db.session());
    Builder builder(db, registry, actor);
    sdk::Status s = builder.run();
    if (!s.isOk()) return s;
    tx.commit();
    return sdk::Status::ok();
  } catch (const Poco::Exception& e) {
    return store::failureStatus(e, "demo data " + name + ": " + e.displayText());
  } catch (const std::exception& e) {
    return sdk::Status::internal("demo data " + name + ": " + e.what());
  }
}

}  // namespace beacon::demo
