#include "store/attachment_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/row.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId AttachmentRepository::add(const Attachment& a) {
  Poco::Int64 id = 0;
  session_ << "INSERT INTO attachments(owner_kind, owner_id, purpose, filename, media_type, sha256,"
              " size, uploaded_by, created_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)"
              " RETURNING id",
      bind(a.owner_kind), bind(static_cast<Poco::Int64>(a.owner_id)), bind(a.purpose),
      bind(a.filename), bind(a.media_type), bind(a.sha256), bind(a.size), bind(a.uploaded_by),
      bind(a.created_at), into(id), now;
  return id;
}

std::vector<Attachment> AttachmentRepository::select(const std::string& where,
                                                     const std::string& kind, sdk::RecordId id) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, owner_kind, owner_id, purpose, filename, media_type, sha256, size,"
        " uploaded_by, created_at FROM attachments WHERE " +
            where + " ORDER BY id";
  if (!kind.empty()) st, bind(kind);
  st, bind(static_cast<Poco::Int64>(id));
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<Attachment> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    Attachment a;
    a.id = r.int64(0);
    a.owner_kind = r.text(1);
    a.owner_id = r.int64(2);
    a.purpose = r.text(3);
    a.filename = r.text(4);
    a.media_type = r.text(5);
    a.sha256 = r.text(6);
    a.size = r.int64(7);
    a.uploaded_by = r.text(8);
    a.created_at = r.text(9);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Attachment> AttachmentRepository::listForOwner(const std::string& owner_kind,
                                                           sdk::RecordId owner_id) {
  return select("owner_kind = $1 AND owner_id = $2", owner_kind, owner_id);
}

std::optional<Attachment> AttachmentRepository::findById(sdk::RecordId id) {
  auto rows = select("id = $1", "", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

}  // namespace beacon::store
