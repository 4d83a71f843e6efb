#include "store/cache_version_feed.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

std::vector<CacheVersionRow> CacheVersionFeed::after(Poco::Int64 seq) const {
  std::vector<Poco::Int64> seqs;
  std::vector<std::string> tables;
  std::vector<Poco::Int64> orgs;
  session_ << "SELECT seq, tbl, org_id FROM cache_versions WHERE seq > $1", into(seqs), into(tables),
      into(orgs), bind(seq), now;
  std::vector<CacheVersionRow> rows(seqs.size());
  for (std::size_t i = 0; i < seqs.size(); ++i) {
    rows[i] = CacheVersionRow{seqs[i], std::move(tables[i]), static_cast<sdk::RecordId>(orgs[i])};
  }
  return rows;
}

}  // namespace beacon::store
