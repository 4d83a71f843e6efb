// The CLI's commands, in the order `beacon --help` lists them.
#include "app/command.h"

namespace beacon::app {

std::unique_ptr<Command> makeInitCommand();
std::unique_ptr<Command> makePluginsCommand();
std::unique_ptr<Command> makeOrgCommand();
std::unique_ptr<Command> makePlanCommand();
std::unique_ptr<Command> makeReviewCommand();
std::unique_ptr<Command> makeFilingCommand();
std::unique_ptr<Command> makeDrillCommand();
std::unique_ptr<Command> makeDrillPlanCommand();
std::unique_ptr<Command> makeImportCommand();
std::unique_ptr<Command> makeExportCommand();
std::unique_ptr<Command> makeCheckCommand();
std::unique_ptr<Command> makeCalendarCommand();
std::unique_ptr<Command> makeNotifyCommand();
std::unique_ptr<Command> makeSummaryCommand();
std::unique_ptr<Command> makeAuditCommand();
std::unique_ptr<Command> makeUserCommand();
std::unique_ptr<Command> makeServeCommand();
std::unique_ptr<Command> makeDbCommand();
std::unique_ptr<Command> makeBackupCommand();
std::unique_ptr<Command> makeRestoreCommand();

std::vector<std::unique_ptr<Command>> allCommands() {
  std::vector<std::unique_ptr<Command>> v;
  v.push_back(makeInitCommand());
  v.push_back(makePluginsCommand());
  v.push_back(makeOrgCommand());
  v.push_back(makePlanCommand());
  v.push_back(makeReviewCommand());
  v.push_back(makeFilingCommand());
  v.push_back(makeDrillCommand());
  v.push_back(makeDrillPlanCommand());
  v.push_back(makeImportCommand());
  v.push_back(makeExportCommand());
  v.push_back(makeCheckCommand());
  v.push_back(makeCalendarCommand());
  v.push_back(makeNotifyCommand());
  v.push_back(makeSummaryCommand());
  v.push_back(makeAuditCommand());
  v.push_back(makeUserCommand());
  v.push_back(makeServeCommand());
  v.push_back(makeDbCommand());
  v.push_back(makeBackupCommand());
  v.push_back(makeRestoreCommand());
  return v;
}

}  // namespace beacon::app
