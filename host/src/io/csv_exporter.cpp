#include "io/csv_exporter.h"

#include <map>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include "io/csv_cell_guard.h"
#include "io/csv_columns.h"
#include "io/csv_writer.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/row.h"
#include "store/storage_error.h"

namespace beacon::io {

namespace {

constexpr int kDrillPage = 5000;

std::map<sdk::RecordId, std::string> orgCodes(store::Database& db) {
  std::map<sdk::RecordId, std::string> out;
  Poco::Data::Statement st(db.session());
  st << "SELECT id, code FROM organisations";
  st.execute();
  Poco::Data::RecordSet rs(st);
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    store::Row r(rs, i);
    out[r.int64(0)] = r.text(1);
  }
  return out;
}

void exportOrganisations(store::Database& db, const CsvColumns& cols, const ExportSink& sink, bool en) {
  const auto codes = orgCodes(db);
  for (const auto& o : store::OrganisationRepository(db.session()).list()) {
    std::vector<std::string> rec = {o.code, o.name, en ? sdk::toId(o.kind) : sdk::labelZh(o.kind),
                                    o.parent_id ? codes.at(o.parent_id) : std::string()};
    for (const auto& key : cols.fieldKeys()) {
      auto it = o.attributes.find(key);
      rec.push_back(it == o.attributes.end() ? std::string() : it->second);
    }
    sink(std::move(rec));
  }
}

void exportPlans(store::Database& db, const ExportSink& sink, bool en) {
  const auto codes = orgCodes(db);
  store::PlanRepository plans(db.session());
  for (const auto& p : plans.list({})) {
    std::vector<std::string> rec = {p.code, p.title, p.domain, p.category, codes.at(p.owner_org_id),
                                    en ? sdk::toId(p.status) : sdk::labelZh(p.status)};
    std::optional<sdk::PlanVersion> v;
    if (p.current_version > 0) v = plans.version(p.id, p.current_version);
    if (v) {
      rec.insert(rec.end(), {en ? sdk::toId(v->action) : sdk::labelZh(v->action), v->trigger,
                             v->issued.toString(), v->effective.toString(), v->author, v->text});
    } else {
      rec.resize(rec.size() + 6);
    }
    sink(std::move(rec));
  }
}

void exportDrills(store::Database& db, const CsvColumns& cols, const ExportSink& sink, bool en) {
  const auto orgs = orgCodes(db);
  std::map<sdk::RecordId, std::string> plan_codes;
  std::map<sdk::RecordId, int> version_numbers;
  {
    Poco::Data::Statement st(db.session());
    st << "SELECT id, code FROM plans";
    st.execute();
    Poco::Data::RecordSet rs(st);
    for (std::size_t i = 0; i < rs.rowCount(); ++i) plan_codes[store::Row(rs, i).int64(0)] = store::Row(rs, i).text(1);
    Poco::Data::Statement vs(db.session());
    vs << "SELECT id, number FROM plan_versions";
    vs.execute();
    Poco::Data::RecordSet vr(vs);
    for (std::size_t i = 0; i < vr.rowCount(); ++i) {
      version_numbers[store::Row(vr, i).int64(0)] = store::Row(vr, i).integer(1);
    }
  }
  store::DrillRepository drills(db.session());
  store::DrillFilter f;
  f.newest_first = false;
  f.limit = kDrillPage;
  while (true) {
    const auto page = drills.list(f);
    for (const auto& d : page) {
      std::vector<std::string> rec = {
          orgs.at(d.org_id), d.domain, d.drill_type, d.date.toString(), d.place, d.scenario,
          std::to_string(d.participants), std::to_string(d.evacuees),
          d.plan_id ? plan_codes[d.plan_id] : std::string(),
          d.plan_version_id ? std::to_string(version_numbers[d.plan_version_id]) : std::string(),
          d.verdict == sdk::DrillVerdict::None ? std::string()
                                               : (en ? sdk::toId(d.verdict) : sdk::labelZh(d.verdict)),
          d.findings};
      for (const auto& name : cols.fieldKeys()) {
        auto it = d.fields.find(name);
        rec.push_back(it == d.fields.end() ? std::string() : it->second);
      }
      sink(std::move(rec));
    }
    if (static_cast<int>(page.size()) < kDrillPage) break;
    f.offset += kDrillPage;
  }
}

}  // namespace

sdk::Status exportRecords(store::Database& db, const plugins::PluginRegistry& registry,
                          const std::string& kind, bool english_headers, const ExportSink& sink) {
  if (!CsvColumns::isKind(kind)) {
    return sdk::Status::invalid("kind", "\"" + kind + "\" is not one of organisations, plans, drills");
  }
  try {
    CsvColumns cols(registry, kind);
    if (kind == "organisations") {
      exportOrganisations(db, cols, sink, english_headers);
    } else if (kind == "plans") {
      exportPlans(db, sink, english_headers);
    } else {
      exportDrills(db, cols, sink, english_headers);
    }
    return sdk::Status::ok();
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "export failed");
    return sdk::Status::error("export failed: " + e.displayText());
  }
}

sdk::Status exportCsv(store::Database& db, const plugins::PluginRegistry& registry,
                      const std::string& kind, std::ostream& out, bool english_headers) {
  if (!CsvColumns::isKind(kind)) {
    return sdk::Status::invalid("kind", "\"" + kind + "\" is not one of organisations, plans, drills");
  }
  CsvWriter w(out);
  w.writeBom();
  w.writeRecord(CsvColumns(registry, kind).headers(english_headers));
  // Every data cell neutralised for spreadsheets.
  auto s = exportRecords(db, registry, kind, english_headers, [&](std::vector<std::string> rec) {
    for (auto& cell : rec) cell = guardCell(cell);
    w.writeRecord(rec);
  });
  if (!s.isOk()) return s;
  if (!out) return sdk::Status::error("could not write the CSV output");
  return sdk::Status::ok();
}

}  // namespace beacon::io
