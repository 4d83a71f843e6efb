#include "http/kept_organisations.h"

#include <mutex>

#include "http/web_state.h"
#include "store/organisation_repository.h"

namespace beacon::http {

namespace {

struct Kept {
  std::shared_ptr<const OrgTree> tree;  // the tree the organisations were read with
  std::shared_ptr<const KeptOrganisations> orgs;
};

std::mutex kept_mutex;
Kept kept;  // guarded by kept_mutex

}  // namespace

std::shared_ptr<const KeptOrganisations> keptOrganisations(RequestContext& ctx) {
  const std::shared_ptr<const OrgTree> tree =
      ctx.state.versions.tree(ctx.db().session(), ctx.state.cache);
  {
    std::lock_guard<std::mutex> lock(kept_mutex);
    if (kept.tree == tree) return kept.orgs;
  }
  auto fresh = std::make_shared<KeptOrganisations>();
  for (auto& o : store::OrganisationRepository(ctx.db().session()).list()) {
    fresh->names.emplace(o.id, o.name);
    fresh->orgs.emplace(o.id, std::move(o));
  }
  std::shared_ptr<const KeptOrganisations> out = std::move(fresh);
  std::lock_guard<std::mutex> lock(kept_mutex);
  kept = Kept{tree, out};
  return out;
}

}  // namespace beacon::http
