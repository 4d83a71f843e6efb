#include "store/attachment_content_repository.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>

#include "store/postgres_dialect.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

bool AttachmentContentRepository::keepsContent(Poco::Data::Session& session) {
  return session.connector() == PostgresDialect().connector();
}

void AttachmentContentRepository::put(const std::string& sha256, const std::string& data) {
  const Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  session_ << "INSERT INTO attachment_contents(sha256, data) VALUES($1, $2)"
              " ON CONFLICT (sha256) DO NOTHING",
      bind(sha256), bind(blob), now;
}

std::optional<std::string> AttachmentContentRepository::find(const std::string& sha256) {
  Poco::Data::BLOB blob;
  Poco::Data::Statement select(session_);
  select << "SELECT data FROM attachment_contents WHERE sha256 = $1", bind(sha256), into(blob);
  if (select.execute() == 0) return std::nullopt;
  return blob.size() == 0 ? std::string()
                          : std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size());
}

}  // namespace beacon::store
