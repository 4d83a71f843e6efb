#include "store/deferred_indexes.h"

#include "store/dialect.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

DeferredIndexes::DeferredIndexes(Poco::Data::Session& session, const std::string& table) : session_(session) {
  int any = 0;
  session_ << "SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) AS first_row", into(any), now;
  if (any == 0) statements_ = dialectOf(session_).dropIndexesForLoad(session_, table);
}

void DeferredIndexes::build() {
  dialectOf(session_).buildIndexesAfterLoad(session_, statements_);
  statements_.clear();
}

}  // namespace beacon::store
