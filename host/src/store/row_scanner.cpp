#include "store/row_scanner.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/dialect.h"
#include "store/row.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

// A row of a RecordSet, through store::Row.
class RecordSetRow : public ScannedRow {
 public:
  explicit RecordSetRow(const Poco::Data::RecordSet& rs) : rs_(rs) {}
  void moveTo(std::size_t row) { row_ = row; }
  Poco::Int64 int64(int col) const override { return Row(rs_, row_).int64(index(col)); }
  std::string text(int col) const override { return Row(rs_, row_).text(index(col)); }
  std::string_view view(int col) const override {
    buffer_ = text(col);
    return buffer_;
  }
  sdk::Date date(int col) const override { return Row(rs_, row_).date(index(col)); }

 private:
  static std::size_t index(int col) { return static_cast<std::size_t>(col); }
  const Poco::Data::RecordSet& rs_;
  std::size_t row_ = 0;
  mutable std::string buffer_;
};

}  // namespace

void RowScanner::scan(const std::string& sql, const std::vector<std::string>& params,
                      const RowCallback& row) {
  dialectOf(session_).scan(session_, sql, params, row);
}

void scanRecordSet(Poco::Data::Session& session, const std::string& sql,
                   const std::vector<std::string>& params, const RowCallback& row) {
  Poco::Data::Statement st(session);
  for (const auto& p : params) st, bind(p);
  st << sql;
  st.execute();
  Poco::Data::RecordSet rs(st);
  RecordSetRow current(rs);
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    current.moveTo(i);
    row(current);
  }
}

}  // namespace beacon::store
