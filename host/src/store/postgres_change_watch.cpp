#include "store/postgres_change_watch.h"

#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

Poco::Int64 committedWriteCount(Poco::Data::Session& connection) {
  Poco::Int64 n = 0;
  connection << "SELECT n FROM data_changes WHERE id = 1", into(n), now;
  return n;
}

bool PostgresChangeWatch::changed(Poco::Data::Session& connection) {
  const Poco::Int64 seen = committedWriteCount(connection);
  return last_.exchange(seen) != seen;
}

}  // namespace beacon::store
