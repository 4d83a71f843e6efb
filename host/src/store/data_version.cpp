#include "store/data_version.h"

#include "store/dialect.h"

namespace beacon::store {

std::optional<DataVersion> currentDataVersion(Poco::Data::Session& session) {
  return dialectOf(session).dataVersion(session);
}

}  // namespace beacon::store
