#include "http/drill_logging.h"

#include "http/page_text.h"

#include "rules/reader_connection.h"
#include "service/drill_service.h"
#include "store/plan_repository.h"

namespace beacon::http {

sdk::Status checkDrillPlan(RequestContext& ctx, sdk::RecordId org_id,
                           const std::optional<sdk::Plan>& plan, const std::string& field,
                           const std::string& ref) {
  sdk::RecordId cur = org_id;
  for (int depth = 0; plan && cur != 0 && depth < 64; ++depth) {
    if (cur == plan->owner_org_id) return sdk::Status::ok();
    auto org = ctx.organisations().findById(cur);
    cur = org ? org->parent_id : 0;
  }
  return sdk::Status::invalid(field, pageWord("refuse_no_plan_of_drill_org", ctx.english(), {ref}));
}

sdk::Result<sdk::RecordId> logDrill(RequestContext& ctx, sdk::Drill drill) {
  if (drill.org_id != 0 && ctx.organisations().findById(drill.org_id)) {
    ctx.requireWrite(drill.org_id);
    if (drill.plan_id != 0) {
      const auto plan = store::PlanRepository(ctx.db().session()).findById(drill.plan_id);
      sdk::Status s =
          checkDrillPlan(ctx, drill.org_id, plan, "plan_id", std::to_string(drill.plan_id));
      if (!s.isOk()) return s;
    }
  }
  if (drill.domain.empty()) {
    const auto dot = drill.drill_type.find('.');
    if (dot != std::string::npos) drill.domain = drill.drill_type.substr(0, dot);
  }
  store::Database& db = ctx.db();
  const rules::ReaderConnection reads(db);
  service::DrillService service(db, ctx.state.app.plugins(), ctx.english());
  return service.log(drill, ctx.actor());
}

}  // namespace beacon::http
