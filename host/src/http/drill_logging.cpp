#include "http/drill_logging.h"

#include "service/drill_service.h"

namespace beacon::http {

sdk::Result<sdk::RecordId> logDrill(RequestContext& ctx, sdk::Drill drill) {
  if (drill.org_id != 0 && ctx.organisations().findById(drill.org_id)) ctx.requireWrite(drill.org_id);
  if (drill.domain.empty()) {
    const auto dot = drill.drill_type.find('.');
    if (dot != std::string::npos) drill.domain = drill.drill_type.substr(0, dot);
  }
  store::Database& db = ctx.db();
  std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
  service::DrillService service(db, ctx.state.app.plugins());
  return service.log(drill, ctx.actor());
}

}  // namespace beacon::http
