#include "store/database_copy.h"

#include <deque>
#include <map>
#include <set>

#include <Poco/Data/DataException.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include "store/schema_catalog.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

// Tables a copy leaves alone: the schema's own bookkeeping, and write_stamps (the response caches'
// record of recent commits, which a migration's own transactions write: a copy starts it afresh).
bool copied(const std::string& table) {
  return table != "schema_version" && table != "data_changes" && table != "write_stamps";
}

std::string joined(const std::vector<std::string>& names, const std::string& separator) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : separator) + n;
  return out;
}

Poco::Int64 rowCount(Database& db, const std::string& table) {
  Poco::Int64 n = 0;
  db.session() << "SELECT COUNT(*) FROM " + table, into(n), now;
  return n;
}

// The tables to copy, parents before children. A cycle other than a table naming itself (none
// in Beacon's schema) is refused rather than copied in an order that cannot satisfy it.
sdk::Result<std::vector<std::string>> dependencyOrder(SchemaCatalog& catalog, bool english) {
  std::map<std::string, std::set<std::string>> parents;
  for (const auto& t : catalog.tables()) {
    if (!copied(t)) continue;
    auto& p = parents[t];
    for (const auto& r : catalog.referencedTables(t)) {
      if (r != t) p.insert(r);
    }
  }
  std::vector<std::string> order;
  std::set<std::string> done;
  while (order.size() < parents.size()) {
    bool progressed = false;
    for (const auto& [table, needs] : parents) {
      if (done.count(table)) continue;
      bool ready = true;
      for (const auto& p : needs) ready = ready && (done.count(p) || !parents.count(p));
      if (!ready) continue;
      order.push_back(table);
      done.insert(table);
      progressed = true;
    }
    if (!progressed) {
      return sdk::Status::invalid("--from",
                                  english ? "the tables' foreign keys form a cycle; no copy order"
                                          : "表的外键构成环，无法确定复制顺序");
    }
  }
  return order;
}

// One row's values, bound by reference to the target's INSERT (or UPDATE) statement.
class RowBuffer {
 public:
  explicit RowBuffer(const std::vector<CatalogColumn>& columns) : columns_(columns) {
    for (const auto& c : columns_) {
      switch (c.kind) {
        case CatalogColumn::Kind::Integer:
          slots_.push_back(integers_.size());
          integers_.emplace_back();
          break;
        case CatalogColumn::Kind::Real:
          slots_.push_back(reals_.size());
          reals_.emplace_back();
          break;
        case CatalogColumn::Kind::Blob:
          slots_.push_back(blobs_.size());
          blobs_.emplace_back();
          break;
        case CatalogColumn::Kind::Text:
          slots_.push_back(texts_.size());
          texts_.emplace_back();
          break;
      }
    }
  }
  RowBuffer(const RowBuffer&) = delete;
  RowBuffer& operator=(const RowBuffer&) = delete;

  // Binds columns `which` (indexes into the columns) to `statement`, in that order.
  void bindTo(Poco::Data::Statement& statement, const std::vector<std::size_t>& which) {
    for (std::size_t i : which) {
      const std::size_t slot = slots_[i];
      switch (columns_[i].kind) {
        case CatalogColumn::Kind::Integer:
          statement.addBind(use(integers_[slot]));
          break;
        case CatalogColumn::Kind::Real:
          statement.addBind(use(reals_[slot]));
          break;
        case CatalogColumn::Kind::Blob:
          statement.addBind(use(blobs_[slot]));
          break;
        case CatalogColumn::Kind::Text:
          statement.addBind(use(texts_[slot]));
          break;
      }
    }
  }

  // Takes row `row` of `rs` (whose columns are columns_, in order); the columns in `cleared`
  // are set to NULL instead.
  void load(const Poco::Data::RecordSet& rs, std::size_t row,
            const std::set<std::size_t>& cleared) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::size_t slot = slots_[i];
      const bool null = cleared.count(i) || rs.isNull(i, row);
      switch (columns_[i].kind) {
        case CatalogColumn::Kind::Integer:
          integers_[slot] =
              null ? Poco::Nullable<Poco::Int64>()
                   : Poco::Nullable<Poco::Int64>(rs.value(i, row).convert<Poco::Int64>());
          break;
        case CatalogColumn::Kind::Real:
          reals_[slot] = null ? Poco::Nullable<double>()
                              : Poco::Nullable<double>(rs.value(i, row).convert<double>());
          break;
        case CatalogColumn::Kind::Blob: {
          if (null) {
            blobs_[slot] = Poco::Nullable<Poco::Data::BLOB>();
          } else {
            const std::string bytes = rs.value(i, row).convert<std::string>();
            blobs_[slot] = Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(bytes.data()),
                                            bytes.size());
          }
          break;
        }
        case CatalogColumn::Kind::Text:
          texts_[slot] = null
                             ? Poco::Nullable<std::string>()
                             : Poco::Nullable<std::string>(rs.value(i, row).convert<std::string>());
          break;
      }
    }
  }

 private:
  const std::vector<CatalogColumn>& columns_;
  std::vector<std::size_t> slots_;  // each column's place in the buffer of its kind
  // Deques: binding holds references, which stay valid as the buffers grow.
  std::deque<Poco::Nullable<Poco::Int64>> integers_;
  std::deque<Poco::Nullable<double>> reals_;
  std::deque<Poco::Nullable<Poco::Data::BLOB>> blobs_;
  std::deque<Poco::Nullable<std::string>> texts_;
};

std::string placeholders(std::size_t from, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", $" : "$") + std::to_string(from + i);
  return out;
}

// Copies `table`'s rows; a self-referencing column is written NULL first and set by a second
// pass, once every row it may name exists.
Poco::Int64 copyTable(Database& from, Database& to, const std::string& table,
                      const std::vector<CatalogColumn>& columns,
                      const std::vector<std::string>& self_refs) {
  std::vector<std::string> names;
  std::vector<std::size_t> all;
  std::set<std::size_t> deferred;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    names.push_back(columns[i].name);
    all.push_back(i);
    for (const auto& r : self_refs) {
      if (r == columns[i].name) deferred.insert(i);
    }
  }
  Poco::Data::Statement select(from.session());
  select << "SELECT " + joined(names, ", ") + " FROM " + table + " ORDER BY 1", now;
  Poco::Data::RecordSet rs(select);
  RowBuffer buffer(columns);
  Poco::Data::Statement insert(to.session());
  insert << "INSERT INTO " + table + "(" + joined(names, ", ") + ") VALUES(" +
                placeholders(1, names.size()) + ")";
  buffer.bindTo(insert, all);
  for (std::size_t row = 0; row < rs.rowCount(); ++row) {
    buffer.load(rs, row, deferred);
    insert.execute();
  }
  if (!deferred.empty()) {
    // UPDATE t SET ref = $1, ... WHERE <every column not deferred> matches: keyed by the first
    // column, the id in every self-referencing table.
    std::vector<std::size_t> order(deferred.begin(), deferred.end());
    std::string sets;
    for (std::size_t k = 0; k < order.size(); ++k)
      sets += (k ? ", " : "") + columns[order[k]].name + " = $" + std::to_string(k + 1);
    order.push_back(0);
    Poco::Data::Statement update(to.session());
    update << "UPDATE " + table + " SET " + sets + " WHERE " + columns[0].name + " = $" +
                  std::to_string(order.size());
    buffer.bindTo(update, order);
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
      buffer.load(rs, row, {});
      update.execute();
    }
  }
  return static_cast<Poco::Int64>(rs.rowCount());
}

// Holds the target's triggers off for the copy (PostgreSQL: DISABLE TRIGGER USER; SQLite, which
// cannot disable one: dropped now and created again from their text by restore()).
class TriggersOff {
 public:
  TriggersOff(Database& db, const std::vector<std::string>& tables) : db_(db), tables_(tables) {
    if (db_.uri().postgres()) {
      for (const auto& t : tables_)
        db_.session() << "ALTER TABLE " + t + " DISABLE TRIGGER USER", now;
      return;
    }
    db_.session() << "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
        into(names_), into(sql_), now;
    for (const auto& n : names_) db_.session() << "DROP TRIGGER " + n, now;
  }
  void restore() {
    if (db_.uri().postgres()) {
      for (const auto& t : tables_)
        db_.session() << "ALTER TABLE " + t + " ENABLE TRIGGER USER", now;
      return;
    }
    for (const auto& s : sql_) db_.session() << s, now;
  }

 private:
  Database& db_;
  const std::vector<std::string>& tables_;
  std::vector<std::string> names_, sql_;
};

// Sets each PostgreSQL identity sequence so that the next row gets the largest copied id + 1.
void resetIdentities(Database& to, const std::string& table,
                     const std::vector<CatalogColumn>& columns) {
  if (!to.uri().postgres()) return;  // SQLite's AUTOINCREMENT counter follows explicit ids
  for (const auto& c : columns) {
    if (!c.identity) continue;
    to.session() << "SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(" + c.name +
                        "), 0) + 1, false) FROM " + table,
        bind(table), bind(c.name), now;
  }
}

std::string text(bool english, const std::string& zh, const std::string& en) {
  return english ? en : zh;
}

}  // namespace

sdk::Result<DatabaseCopyReport> copyDatabase(Database& from, Database& to, bool english) {
  SchemaCatalog source(from), target(to);
  if (to.schemaVersion() == 0 && target.tables().size() <= 1) to.migrate();
  const int from_version = from.schemaVersion(), to_version = to.schemaVersion();
  if (from_version != to_version) {
    return sdk::Status::invalid(
        "--to", text(english,
                     "源数据库结构版本为 " + std::to_string(from_version) + "，目标数据库为 " +
                         std::to_string(to_version) +
                         "，版本不同，未复制：请先用同一版本的 beacon 对两者运行 init",
                     "the source's schema version is " + std::to_string(from_version) +
                         " and the target's " + std::to_string(to_version) +
                         "; nothing copied (run init on both with the same beacon first)"));
  }
  Transaction read(from.session(), Transaction::Mode::Read);
  Transaction write(to.session());
  auto order = dependencyOrder(source, english);
  if (!order.isOk()) return order.status();
  const std::vector<std::string> target_tables = target.tables();
  for (const auto& t : target_tables) {
    if (!copied(t)) continue;
    const Poco::Int64 n = rowCount(to, t);
    if (n > 0) {
      return sdk::Status::invalid(
          "--to",
          text(english,
               "目标数据库不是空的（表 " + t + " 有 " + std::to_string(n) +
                   " 行），未复制：只能复制到空数据库",
               "the target database is not empty (table " + t + " has " + std::to_string(n) +
                   " rows); nothing copied: the copy goes into an empty database only"));
    }
  }
  std::map<std::string, std::vector<CatalogColumn>> columns;
  // Each value is read and bound as PostgreSQL's column type says when one side is PostgreSQL
  // (its types are strict; SQLite stores what it is given), and the identity columns are the
  // target's.
  SchemaCatalog& typed = to.uri().postgres() || !from.uri().postgres() ? target : source;
  SchemaCatalog& other = &typed == &target ? source : target;
  for (const auto& t : order.value()) {
    columns[t] = typed.columns(t);
    std::set<std::string> mine, theirs;
    for (const auto& c : columns[t]) mine.insert(c.name);
    for (const auto& c : other.columns(t)) theirs.insert(c.name);
    if (mine != theirs) {
      return sdk::Status::invalid(
          "--to",
          text(english, "目标数据库的表 " + t + " 与源数据库的列不同，未复制",
               "the target's table " + t + " has other columns than the source's; nothing copied"));
    }
  }
  DatabaseCopyReport report;
  TriggersOff triggers(to, target_tables);
  for (const auto& t : order.value()) {
    const Poco::Int64 n = copyTable(from, to, t, columns[t], source.selfReferencingColumns(t));
    resetIdentities(to, t, columns[t]);
    report.tables.emplace_back(t, n);
    report.rows += n;
  }
  triggers.restore();
  for (const auto& [t, n] : report.tables) {
    const Poco::Int64 there = rowCount(to, t);
    if (there != n || rowCount(from, t) != n) {
      throw Poco::Data::DataException("table " + t + ": " + std::to_string(n) + " rows read, " +
                                      std::to_string(there) +
                                      " on the target; the copy is rolled back");
    }
  }
  report.audit = verifyAuditChain(to.session());
  if (!report.audit.ok()) {
    return sdk::Status::invalid(
        "--to", text(english, "复制后目标数据库的审计链校验未通过，已回滚：",
                     "the audit chain does not verify on the target; rolled back: ") +
                    report.audit.describe(english));
  }
  to.session() << "UPDATE data_changes SET n = n + 1 WHERE id = 1", now;
  write.commit();
  return report;
}

}  // namespace beacon::store
