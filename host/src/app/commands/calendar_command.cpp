// `beacon calendar show|import`: the working-day calendar's covered years,
// and adding a year's holiday schedule from a file (rules/imported_holidays.h).
#include <ostream>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "rules/imported_holidays.h"

namespace beacon::app {
namespace {

class CalendarCommand : public Command {
 public:
  std::string name() const override { return "calendar"; }
  std::string summary() const override {
    return "the holiday calendar's years; import a new year (节假日)";
  }
  std::string help() const override {
    return "usage: beacon calendar show\n"
           "       beacon calendar import FILE.csv\n"
           "show lists each year with holiday data (holidays and make-up working days) and where "
           "it\n"
           "comes from. import adds the years of FILE (the format of data/holidays/cn.csv: a\n"
           "\"#years,FIRST-LAST\" line, the header date,kind,name, then one line per holiday or\n"
           "make-up working day, every date inside the declared years) to the database; a year\n"
           "already present is refused, a bad line is named, nothing is written on any error. It\n"
           "applies to every later command and to the server from its next start. Deadlines that\n"
           "fall in a year without data count weekends only and are marked provisional.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {}, {});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const auto& pos = parsed.value().positionals();
    if (pos.empty() || (pos[0] == "show" && pos.size() != 1) ||
        (pos[0] == "import" && pos.size() != 2) || (pos[0] != "show" && pos[0] != "import")) {
      ctx.err << help();
      return 2;
    }
    auto app = ctx.app(pos[0] == "import");
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();
    if (pos[0] == "import") {
      auto added = rules::importYears(c.db().session(), c.calendar(), pos[1], ctx.actor);
      if (!added.isOk()) return fail(ctx, added.status());
      for (const int year : added.value()) {
        ctx.out << cliWord("calendar_year_imported", ctx.english, {std::to_string(year)}) << "\n";
      }
      return 0;
    }
    const rules::HolidayCalendar& calendar = c.calendar();
    const auto imported = rules::importedYearSources(c.db().session());
    for (int year = calendar.firstYear(); year <= calendar.lastYear(); ++year) {
      int holidays = 0;
      int workdays = 0;
      for (const auto& day : rules::listedDays(calendar, year))
        (day.second ? workdays : holidays)++;
      const auto source = imported.find(year);
      const std::string from =
          source == imported.end()
              ? ctx.config.getString("calendar.holidays_file", "data/holidays/cn.csv")
              : source->second;
      ctx.out << cliWord("calendar_year_line", ctx.english,
                         {std::to_string(year), std::to_string(holidays), std::to_string(workdays),
                          from})
              << "\n";
    }
    ctx.out << cliWord("calendar_other_years", ctx.english) << "\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeCalendarCommand() { return std::make_unique<CalendarCommand>(); }

}  // namespace beacon::app
