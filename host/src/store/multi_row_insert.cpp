#include "store/multi_row_insert.h"

#include <algorithm>

#include <Poco/Data/Statement.h>

#include "store/dialect.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

MultiRowInsert::MultiRowInsert(Poco::Data::Session& session, std::string head, std::size_t columns,
                               std::string tail)
    : session_(session), head_(std::move(head)), columns_(columns), tail_(std::move(tail)) {}

MultiRowInsert& MultiRowInsert::text(const std::string& value) {
  cells_.emplace_back(value);
  return *this;
}

MultiRowInsert& MultiRowInsert::integer(Poco::Int64 value) {
  cells_.emplace_back(value);
  return *this;
}

void MultiRowInsert::run() {
  if (dialectOf(session_).connector() == "sqlite") {
    runPrepared();
    return;
  }
  const std::size_t rows = columns_ == 0 ? 0 : cells_.size() / columns_;
  for (std::size_t first = 0; first < rows; first += kRowsPerStatement) {
    const std::size_t last = std::min(rows, first + kRowsPerStatement);
    Poco::Data::Statement st(session_);
    std::string sql = head_ + " VALUES";
    std::size_t param = 1;
    for (std::size_t r = first; r < last; ++r) {
      sql += r == first ? " (" : ", (";
      for (std::size_t c = 0; c < columns_; ++c) {
        sql += (c ? ", $" : "$") + std::to_string(param++);
        const auto& cell = cells_[r * columns_ + c];
        if (const auto* s = std::get_if<std::string>(&cell)) {
          st, bind(*s);
        } else {
          st, bind(std::get<Poco::Int64>(cell));
        }
      }
      sql += ")";
    }
    if (!tail_.empty()) sql += " " + tail_;
    st << sql;
    st.execute();
  }
  cells_.clear();
}

void MultiRowInsert::runPrepared() {
  const std::size_t rows = columns_ == 0 ? 0 : cells_.size() / columns_;
  if (rows == 0) return;
  // One column vector per column, typed by the first row's cells.
  std::vector<std::vector<std::string>> texts(columns_);
  std::vector<std::vector<Poco::Int64>> integers(columns_);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns_; ++c) {
      const auto& cell = cells_[r * columns_ + c];
      if (const auto* s = std::get_if<std::string>(&cell)) {
        texts[c].push_back(*s);
      } else {
        integers[c].push_back(std::get<Poco::Int64>(cell));
      }
    }
  }
  Poco::Data::Statement st(session_);
  std::string sql = head_ + " VALUES (";
  for (std::size_t c = 0; c < columns_; ++c) {
    sql += (c ? ", $" : "$") + std::to_string(c + 1);
    if (std::holds_alternative<std::string>(cells_[c])) {
      st, use(texts[c]);
    } else {
      st, use(integers[c]);
    }
  }
  st << sql + ")" + (tail_.empty() ? "" : " " + tail_);
  st.execute();
  cells_.clear();
}

}  // namespace beacon::store
