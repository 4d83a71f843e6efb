// PostgresCopy: RowCopy on PostgreSQL, COPY table(columns) FROM STDIN in text format through libpq
// on the Poco session's own connection (Poco::Data 1.11 has no COPY; a bound vector runs one
// PQexecPrepared per element, one round trip and one executor start per row). This file and
// postgres_dialect.cpp are the only ones that call libpq.
// Why: bench_import --pg, 20,000 drills, one run (2026-12-02, load ~2.4): importFile through
// Poco's per-row INSERT took 6.76 CPU s (client 1.45 + cluster 5.31), psql's \copy of the same
// rows 1.39 s, 17.7 % (bench/README.md, "CSV import against psql's \copy"); with this copy and
// the batch's summary upserts as multi-row statements (store/multi_row_insert.h) see the figures
// there. Rows are buffered (kFlushBytes) and sent with PQputCopyData; identity ids for rows that
// need them are reserved with nextval() before the stream opens.
// Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/row_copy.h"

namespace beacon::store {

class PostgresCopy : public RowCopy {
 public:
  PostgresCopy(Poco::Data::Session& session, std::string table, std::vector<std::string> columns);
  ~PostgresCopy() override;
  PostgresCopy(const PostgresCopy&) = delete;
  PostgresCopy& operator=(const PostgresCopy&) = delete;

  std::vector<Poco::Int64> reserveIds(std::size_t n) override;
  void text(const std::string& value) override;
  void integer(Poco::Int64 value) override;
  void null() override;
  void endRow() override;
  void finish() override;

 private:
  void cell();
  void open();
  void send();

  Poco::Data::Session& session_;
  std::string table_;
  std::vector<std::string> columns_;
  std::string buffer_;
  bool open_ = false;
  bool row_started_ = false;
};

}  // namespace beacon::store
