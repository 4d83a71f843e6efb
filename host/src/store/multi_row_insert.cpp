#include "store/multi_row_insert.h"

#include <algorithm>

#include <Poco/Data/Statement.h>

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

}  // namespace beacon::store
