#include "io/export_session.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/row.h"

namespace beacon::io {

void ExportSession::load() {
  if (loaded_) return;
  loaded_ = true;
  auto read = [&](const std::string& sql, auto&& put) {
    Poco::Data::Statement st(db_.session());
    st << sql;
    st.execute();
    Poco::Data::RecordSet rs(st);
    for (std::size_t i = 0; i < rs.rowCount(); ++i) put(store::Row(rs, i));
  };
  read("SELECT id, code FROM organisations",
       [&](const store::Row& r) { orgs_[r.int64(0)] = r.text(1); });
  read("SELECT id, code, current_version FROM plans", [&](const store::Row& r) {
    plans_[r.int64(0)] = r.text(1);
    current_[r.int64(0)] = r.integer(2);
  });
  read("SELECT id, number, plan_id, issued FROM plan_versions ORDER BY plan_id, number",
       [&](const store::Row& r) {
         versions_[r.int64(0)] = r.integer(1);
         version_issued_[r.int64(0)] = r.text(3);
         if (!r.text(3).empty()) issued_[r.int64(2)].emplace_back(r.text(3), r.integer(1));
       });
}

const std::string& ExportSession::orgCode(sdk::RecordId id) {
  load();
  auto it = orgs_.find(id);
  return it == orgs_.end() ? none_ : it->second;
}

const std::string& ExportSession::planCode(sdk::RecordId id) {
  load();
  auto it = plans_.find(id);
  return it == plans_.end() ? none_ : it->second;
}

std::string ExportSession::versionNumber(sdk::RecordId version_id) {
  load();
  auto it = versions_.find(version_id);
  return it == versions_.end() ? std::string() : std::to_string(it->second);
}

std::string ExportSession::versionOrCurrent(sdk::RecordId plan_id, sdk::RecordId version_id) {
  if (version_id != 0) return versionNumber(version_id);
  load();
  auto it = current_.find(plan_id);
  return it == current_.end() || it->second == 0 ? std::string() : std::to_string(it->second);
}

std::string ExportSession::versionOn(sdk::RecordId plan_id, sdk::RecordId version_id, const sdk::Date& day) {
  load();
  const std::string d = day.toString();
  if (version_id != 0) {
    auto v = version_issued_.find(version_id);
    if (v == version_issued_.end() || v->second.empty() || v->second <= d) return versionNumber(version_id);
  }
  int number = 0;
  auto it = issued_.find(plan_id);
  if (it != issued_.end()) {
    for (const auto& [issued, n] : it->second) {
      if (issued <= d) number = n;
    }
  }
  return number == 0 ? versionOrCurrent(plan_id, 0) : std::to_string(number);
}

bool ExportSession::voided(const std::string& table, sdk::RecordId id) {
  auto it = voided_.find(table);
  if (it == voided_.end()) {
    it = voided_.emplace(table, std::set<sdk::RecordId>()).first;
    std::vector<Poco::Int64> ids;
    db_.session() << "SELECT id FROM " + table + " WHERE voided_at <> ''",
        Poco::Data::Keywords::into(ids), Poco::Data::Keywords::now;
    it->second.insert(ids.begin(), ids.end());
  }
  return it->second.count(id) > 0;
}

}  // namespace beacon::io
