#include "store/drill_repository.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include <Poco/Data/Statement.h>

#include "store/dialect.h"
#include "store/multi_row_insert.h"
#include "store/record_json.h"
#include "store/record_parse.h"
#include "store/record_rows.h"
#include "store/record_voids.h"
#include "store/row.h"
#include "store/row_scanner.h"
#include "store/sql_id_list.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
const char* kInsert =
    "INSERT INTO drills(domain, drill_type, org_id, plan_id, plan_version_id, drill_date, place,"
    " scenario, participants, evacuees, fields, verdict, findings, created_at)"
    " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

// kInsert's columns for a RowCopy, led by id when the caller gives the ids.
std::vector<std::string> copyColumns(bool with_id) {
  std::vector<std::string> columns = {"domain", "drill_type", "org_id", "plan_id", "plan_version_id",
                                      "drill_date", "place", "scenario", "participants", "evacuees",
                                      "fields", "verdict", "findings", "created_at"};
  if (with_id) columns.insert(columns.begin(), "id");
  return columns;
}

// Adds the counted drills to the summary tables, one upsert per (month, domain, type), per
// (month, organisation, domain) and per (year, organisation, domain) rather than per drill,
// each set of upserts as multi-row statements (one round trip per chunk on PostgreSQL).
void writeCounts(Poco::Data::Session& session, const DrillCounts& counts) {
  // "table.n + excluded.n": PostgreSQL refuses a bare n there as ambiguous.
  MultiRowInsert types(session, "INSERT INTO drill_month_counts(month, domain, drill_type, n)", 4,
                       "ON CONFLICT(month, domain, drill_type) DO UPDATE SET n = drill_month_counts.n + excluded.n");
  for (const auto& [key, n] : counts.by_type) {
    types.text(std::get<0>(key)).text(std::get<1>(key)).text(std::get<2>(key)).integer(n);
  }
  types.run();
  MultiRowInsert orgs(session, "INSERT INTO drill_org_month_counts(month, org_id, domain, n)", 4,
                      "ON CONFLICT(month, org_id, domain) DO UPDATE SET n = drill_org_month_counts.n + excluded.n");
  for (const auto& [key, n] : counts.by_org) {
    orgs.text(std::get<0>(key)).integer(std::get<1>(key)).text(std::get<2>(key)).integer(n);
  }
  orgs.run();
  std::map<std::tuple<std::string, Poco::Int64, std::string>, int> by_year;
  for (const auto& [key, n] : counts.by_org)
    by_year[{std::get<0>(key).substr(0, 4), std::get<1>(key), std::get<2>(key)}] += n;
  MultiRowInsert years(
      session, "INSERT INTO drill_org_year_counts(year, org_id, domain, n)", 4,
      "ON CONFLICT(year, org_id, domain) DO UPDATE SET n = drill_org_year_counts.n + excluded.n");
  for (const auto& [key, n] : by_year) {
    years.text(std::get<0>(key)).integer(std::get<1>(key)).text(std::get<2>(key)).integer(n);
  }
  years.run();
}

void countInserted(Poco::Data::Session& session, const std::vector<sdk::Drill>& drills) {
  DrillCounts counts;
  counts.add(drills);
  writeCounts(session, counts);
}

// Adds the drills' (organisation, plan, type) groups, and their fields
// answered "1", to drill_groups and drill_flags (migration 10), which
// RecordReader::latestDrills reads. `ids[i]` is drills[i]'s id; it is only
// read for drills with such a field, and may be empty when none has one.
void groupInserted(Poco::Data::Session& session, const std::vector<sdk::Drill>& drills,
                   const std::vector<Poco::Int64>& ids) {
  std::set<std::tuple<std::string, std::string, Poco::Int64, Poco::Int64, std::string>> groups;
  MultiRowInsert flags(session,
                       "INSERT INTO drill_flags(drill_id, flag, domain, org_id, plan_id, drill_type, drill_date)", 7);
  for (std::size_t i = 0; i < drills.size(); ++i) {
    const auto& d = drills[i];
    groups.emplace(d.domain, std::string(), d.org_id, d.plan_id, d.drill_type);
    for (const auto& [name, value] : d.fields) {
      if (value != "1") continue;
      groups.emplace(d.domain, name, d.org_id, d.plan_id, d.drill_type);
      flags.integer(ids.at(i)).text(name).text(d.domain).integer(d.org_id).integer(d.plan_id).text(d.drill_type).text(
          d.date.toString());
    }
  }
  MultiRowInsert group_rows(session, "INSERT INTO drill_groups(domain, flag, org_id, plan_id, drill_type)", 5,
                            "ON CONFLICT DO NOTHING");
  for (const auto& [domain, flag, org, plan, type] : groups) {
    group_rows.text(domain).text(flag).integer(org).integer(plan).text(type);
  }
  group_rows.run();
  flags.run();
}

// Names the drills' organisations, and the owners of the plans they name, in
// rule_changes (migration 11), once each per batch.
void noteRuleChanges(Poco::Data::Session& session, const std::vector<sdk::Drill>& drills) {
  std::set<Poco::Int64> org_set;
  std::set<sdk::RecordId> plan_set;
  for (const auto& d : drills) {
    org_set.insert(d.org_id);
    if (d.plan_id != 0) plan_set.insert(d.plan_id);
  }
  MultiRowInsert orgs(session, "INSERT INTO rule_changes(org_id)", 1);
  for (const Poco::Int64 org : org_set) orgs.integer(org);
  orgs.run();
  if (plan_set.empty()) return;
  const std::vector<sdk::RecordId> plans(plan_set.begin(), plan_set.end());
  session << "INSERT INTO rule_changes(org_id) SELECT owner_org_id FROM plans WHERE id IN " + sqlIdList(plans),
      now;
}

bool anyFlagged(const std::vector<sdk::Drill>& drills) {
  for (const auto& d : drills) {
    for (const auto& field : d.fields) {
      if (field.second == "1") return true;
    }
  }
  return false;
}

// Inserts the batch with one prepared statement bound to vectors (run once per row: in-process
// on SQLite), reading the ids into `ids` when `flagged`.
void insertPrepared(Poco::Data::Session& session, const std::vector<sdk::Drill>& drills, bool flagged,
                    const std::string& created_at, std::vector<Poco::Int64>& ids) {
  const std::size_t n = drills.size();
  std::vector<std::string> domain(n), type(n), date(n), place(n), scenario(n), fields(n),
      verdict(n), findings(n), created(n, created_at);
  std::vector<Poco::Int64> org(n);
  std::vector<Poco::Nullable<Poco::Int64>> plan(n), version(n);
  std::vector<int> participants(n), evacuees(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& d = drills[i];
    domain[i] = d.domain;
    type[i] = d.drill_type;
    org[i] = d.org_id;
    plan[i] = nullableId(d.plan_id);
    version[i] = nullableId(d.plan_version_id);
    date[i] = d.date.toString();
    place[i] = d.place;
    scenario[i] = d.scenario;
    participants[i] = d.participants;
    evacuees[i] = d.evacuees;
    fields[i] = stringify(toJson(d.fields));
    verdict[i] = sdk::toId(d.verdict);
    findings[i] = d.findings;
  }
  // PostgreSQL reads the ids from RETURNING; on SQLite the rows of one transaction with one
  // writer get consecutive ids after `before`, in order (Dialect::batchIdsFromReturning).
  const bool returning = flagged && dialectOf(session).batchIdsFromReturning();
  Poco::Int64 before = 0;
  if (flagged && !returning) session << "SELECT COALESCE(MAX(id), 0) FROM drills", into(before), now;
  Poco::Data::Statement insert(session);
  insert << (returning ? std::string(kInsert) + " RETURNING id" : std::string(kInsert)), use(domain),
      use(type), use(org), use(plan), use(version), use(date), use(place), use(scenario),
      use(participants), use(evacuees), use(fields), use(verdict), use(findings), use(created);
  if (returning) insert, into(ids);
  insert.execute();
  if (flagged && !returning) {
    session << "SELECT id FROM drills WHERE id > $1 ORDER BY id", bind(before), into(ids), now;
  }
}

// The filter's WHERE clause, its values appended to `params` as $1..$n (RowScanner's text
// parameters); with `keyed`, also the range of its after/before key.
std::string whereSql(const DrillFilter& f, std::vector<std::string>& params, bool keyed = false) {
  auto param = [&](std::string value) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
  };
  std::string sql = f.include_voided ? " WHERE 1 = 1" : " WHERE voided_at = ''";
  if (f.id != 0) sql += " AND id = " + param(std::to_string(f.id));
  if (!f.domain.empty()) sql += " AND domain = " + param(f.domain);
  if (!f.drill_type.empty()) sql += " AND drill_type = " + param(f.drill_type);
  if (f.plan_id != 0) sql += " AND plan_id = " + param(std::to_string(f.plan_id));
  if (f.from.isSet()) sql += " AND drill_date >= " + param(f.from.toString());
  if (f.to.isSet()) sql += " AND drill_date <= " + param(f.to.toString());
  if (!f.org_ids.empty()) {
    sql += " AND org_id IN (";
    for (std::size_t i = 0; i < f.org_ids.size(); ++i)
      sql += (i ? ", " : "") + param(std::to_string(f.org_ids[i]));
    sql += ")";
  }
  const std::optional<DrillKey>& key = f.after ? f.after : f.before;
  if (keyed && key) {
    // "Later in the list" is older when newest first. The date alone bounds the index range;
    // the id orders the drills of the key's own day. Row values ((a, b) < (x, y)) would say the
    // same, but SQLite does not turn them into an index range over (drill_date, rowid).
    const bool older = f.newest_first == f.after.has_value();
    const std::string a = param(key->date.toString()), b = param(key->date.toString()),
                      c = param(std::to_string(key->id));
    sql += older ? " AND drill_date <= " + a + " AND (drill_date < " + b + " OR id < " + c + ")"
                 : " AND drill_date >= " + a + " AND (drill_date > " + b + " OR id > " + c + ")";
  }
  return sql;
}
}  // namespace

sdk::RecordId DrillRepository::add(sdk::Drill& d, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  session_ << std::string(kInsert) + " RETURNING id", bind(d.domain), bind(d.drill_type),
      bind(static_cast<Poco::Int64>(d.org_id)), bind(nullableId(d.plan_id)),
      bind(nullableId(d.plan_version_id)), bind(d.date.toString()), bind(d.place), bind(d.scenario),
      bind(d.participants), bind(d.evacuees), bind(stringify(toJson(d.fields))),
      bind(std::string(sdk::toId(d.verdict))), bind(d.findings), bind(isoTimestampNow()), into(id),
      now;
  d.id = id;
  countInserted(session_, {d});
  groupInserted(session_, {d}, {id});
  noteRuleChanges(session_, {d});
  audit_.append(actor, "create", "drill", id, "", stringify(toJson(d)));
  tx.commit();
  return id;
}

void DrillCounts::add(const std::vector<sdk::Drill>& drills) {
  for (const auto& d : drills) {
    const std::string month = d.date.toString().substr(0, 7);
    ++by_type[{month, d.domain, d.drill_type}];
    ++by_org[{month, d.org_id, d.domain}];
  }
}

void DrillRepository::addBatch(const std::vector<sdk::Drill>& drills) {
  DrillCounts counts;
  addBatch(drills, counts);
  addCounts(counts);
}

void DrillRepository::addCounts(DrillCounts& counts) {
  writeCounts(session_, counts);
  counts = DrillCounts();
}

void DrillRepository::addBatch(const std::vector<sdk::Drill>& drills, DrillCounts& counts) {
  if (drills.empty()) return;
  const std::size_t n = drills.size();
  const std::string created_at = isoTimestampNow();
  // The ids are needed only for drills with a flagged field (drill_flags).
  const bool flagged = anyFlagged(drills);
  const Dialect& dialect = dialectOf(session_);
  std::vector<Poco::Int64> ids;
  Transaction tx(session_);
  if (std::unique_ptr<RowCopy> copy = dialect.copyRows(session_, "drills", copyColumns(flagged))) {
    // PostgreSQL: one COPY stream for the batch, with ids reserved first when they are needed.
    if (flagged) ids = copy->reserveIds(n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& d = drills[i];
      if (flagged) copy->integer(ids[i]);
      copy->text(d.domain);
      copy->text(d.drill_type);
      copy->integer(d.org_id);
      d.plan_id != 0 ? copy->integer(d.plan_id) : copy->null();
      d.plan_version_id != 0 ? copy->integer(d.plan_version_id) : copy->null();
      copy->text(d.date.toString());
      copy->text(d.place);
      copy->text(d.scenario);
      copy->integer(d.participants);
      copy->integer(d.evacuees);
      copy->text(stringify(toJson(d.fields)));
      copy->text(sdk::toId(d.verdict));
      copy->text(d.findings);
      copy->text(created_at);
      copy->endRow();
    }
    copy->finish();
  } else {
    insertPrepared(session_, drills, flagged, created_at, ids);
  }
  counts.add(drills);
  if (flagged && ids.size() != n) {
    throw std::runtime_error("drill batch: expected " + std::to_string(n) + " new ids, found " +
                             std::to_string(ids.size()));
  }
  groupInserted(session_, drills, ids);
  noteRuleChanges(session_, drills);
  tx.commit();
}

std::optional<std::map<std::string, long long>> DrillRepository::monthCounts(const DrillFilter& f) {
  if (f.id != 0 || f.plan_id != 0 || f.from.isSet() || f.to.isSet() || (!f.org_ids.empty() && !f.drill_type.empty()))
    return std::nullopt;
  // Drills listed per month: the in-force ones from the counts, and the voided ones (few: partial
  // index drills_voided) when listed too.
  std::map<std::string, long long> by_month;
  // `voided`: the voided drills, through the partial index drills_voided alone. Left to choose,
  // SQLite took drills_org_date and read every drill of the subtree (190 ms of CPU for a
  // township of 62,638 drills), or drills_domain_date and read every drill of the domain for a
  // city-wide list; "+org_id" and "domain || ''" (valid on PostgreSQL too) keep those columns'
  // indexes out.
  auto add = [&](bool voided) {
    std::vector<std::string> params;
    auto param = [&](std::string value) {
      params.push_back(std::move(value));
      return "$" + std::to_string(params.size());
    };
    // "month || ''" for an organisation's months: grouping by the bare column, SQLite skip-scanned
    // the primary key (month, org_id, domain) and read each row from the table (8 ms of CPU per
    // township of 42 organisations, 1M-drill database, called twice per deep page) instead of the
    // covering index drill_org_month_counts_org (org_id, month, domain, n): 3 ms.
    std::string sql =
        !voided ? (f.org_ids.empty()
                       ? std::string("SELECT month, SUM(n) FROM drill_month_counts")
                       : std::string("SELECT month || '', SUM(n) FROM drill_org_month_counts")) +
                      " WHERE 1 = 1"
                : "SELECT substr(drill_date, 1, 7), COUNT(*) FROM drills WHERE voided_at <> ''";
    const std::string text_column = voided ? " || ''" : "";
    if (!f.domain.empty()) sql += " AND domain" + text_column + " = " + param(f.domain);
    if (!f.drill_type.empty()) sql += " AND drill_type" + text_column + " = " + param(f.drill_type);
    if (!f.org_ids.empty()) {
      // "+org_id" has no column affinity, so SQLite would compare it with the text parameters as
      // text (never equal): they are cast to integers there.
      sql += voided ? " AND +org_id IN (" : " AND org_id IN (";
      for (std::size_t i = 0; i < f.org_ids.size(); ++i) {
        const std::string p = param(std::to_string(f.org_ids[i]));
        sql += (i ? ", " : "") + (voided ? "CAST(" + p + " AS BIGINT)" : p);
      }
      sql += ")";
    }
    RowScanner(session_).scan(sql + " GROUP BY 1", params,
                              [&](const ScannedRow& r) { by_month[r.text(0)] += r.int64(1); });
  };
  add(false);
  if (f.include_voided) add(true);
  return by_month;
}

std::optional<DrillFilter> DrillRepository::monthWindow(const DrillFilter& f) {
  if (f.offset <= 0 || f.limit <= 0 || f.after || f.before) return std::nullopt;
  const auto by_month = monthCounts(f);
  if (!by_month) return std::nullopt;
  // The months holding rows offset .. offset + limit - 1 of the list, in its order.
  std::vector<std::pair<std::string, long long>> months(by_month->begin(), by_month->end());
  if (f.newest_first) std::reverse(months.begin(), months.end());
  long long before = 0;
  std::size_t first = months.size(), last = months.size();
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (first == months.size() && before + months[i].second > f.offset) first = i;
    before += months[i].second;
    if (first != months.size() && (before >= static_cast<long long>(f.offset) + f.limit || i + 1 == months.size())) {
      last = i;
      break;
    }
  }
  DrillFilter window = f;
  auto monthStart = [](const std::string& month) {
    return sdk::Date::parse(month + "-01").value_or(sdk::Date{});
  };
  if (first == months.size()) {
    // Past the end: an empty range.
    window.from = sdk::Date{9999, 12, 31};
    window.to = sdk::Date{1, 1, 1};
    window.offset = 0;
    return window;
  }
  long long skipped = 0;
  for (std::size_t i = 0; i < first; ++i) skipped += months[i].second;
  const std::string& newer = f.newest_first ? months[first].first : months[last].first;
  const std::string& older = f.newest_first ? months[last].first : months[first].first;
  window.from = monthStart(older);
  window.to = monthStart(newer).addMonths(1).addDays(-1);
  window.offset = static_cast<int>(f.offset - skipped);
  return window;
}

std::vector<sdk::Drill> DrillRepository::list(const DrillFilter& filter) {
  const std::optional<DrillFilter> window = monthWindow(filter);
  const DrillFilter& f = window ? *window : filter;
  // Every text column is NOT NULL; the ids read NULL as 0.
  std::vector<std::string> params;
  const std::string columns = std::string("SELECT ") + kDrillRowColumns + " FROM drills";
  // A page before a key is read towards the key's far side, then turned round.
  const std::string order = f.newest_first != f.before.has_value()
                                ? " ORDER BY drill_date DESC, id DESC"
                                : " ORDER BY drill_date, id";
  std::string sql = columns + whereSql(f, params, true) + order;
  if (f.limit > 0)
    sql += " LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset);
  std::vector<sdk::Drill> out;
  if (f.limit > 0) out.reserve(static_cast<std::size_t>(f.limit));
  RowScanner(session_).scan(sql, params,
                            [&](const ScannedRow& r) { out.push_back(drillFromRow(r)); });
  if (f.before) std::reverse(out.begin(), out.end());
  return out;
}

std::optional<sdk::Drill> DrillRepository::findById(sdk::RecordId id) {
  DrillFilter f;
  f.id = id;
  f.include_voided = true;
  auto v = list(f);
  if (v.empty()) return std::nullopt;
  return v.front();
}

int DrillRepository::count(const DrillFilter& f) {
  // The monthly counts are exact (see the header) and far shorter than drills; the voided drills
  // are few (partial index drills_voided, migration 14). A city-wide list by domain counted its
  // voided drills over drills_domain_date (every drill of the domain): 1.75 ms per list miss on
  // the demo city (bench/README.md, "Mixed load", 2026-12-04).
  if (const auto by_month = monthCounts(f)) {
    long long sum = 0;
    for (const auto& [month, rows] : *by_month) sum += rows;
    return static_cast<int>(sum);
  }
  std::vector<std::string> params;
  const std::string sql = "SELECT COUNT(*) FROM drills" + whereSql(f, params);
  int n = 0;
  RowScanner(session_).scan(sql, params, [&](const ScannedRow& r) { n = r.integer(0); });
  return n;
}

void DrillRepository::correct(const sdk::Drill& before, const sdk::Drill& after, const Actor& actor,
                              const std::string& reason) {
  Transaction tx(session_);
  session_ << "UPDATE drills SET domain = $1, drill_type = $2, org_id = $3, plan_id = $4, plan_version_id = $5,"
              " drill_date = $6, place = $7, scenario = $8, participants = $9, evacuees = $10, fields = $11,"
              " verdict = $12, findings = $13 WHERE id = $14",
      bind(after.domain), bind(after.drill_type), bind(static_cast<Poco::Int64>(after.org_id)),
      bind(nullableId(after.plan_id)), bind(nullableId(after.plan_version_id)), bind(after.date.toString()),
      bind(after.place), bind(after.scenario), bind(after.participants), bind(after.evacuees),
      bind(stringify(toJson(after.fields))), bind(std::string(sdk::toId(after.verdict))), bind(after.findings),
      bind(static_cast<Poco::Int64>(before.id)), now;
  appendCorrection(audit_, actor, RecordKind::Drill, before.id, toJson(before), toJson(after), reason);
  tx.commit();
}

}  // namespace beacon::store
