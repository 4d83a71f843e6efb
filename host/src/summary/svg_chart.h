// SvgChart: a self-contained inline SVG bar chart (grouped or stacked, upright
// or with one row per category) for the pages and the printable HTML
// summaries; no scripts, fonts or external assets. The SVG is as wide as its
// container (width="100%": positions across are percentages, so it fills its
// card on a desktop and stays legible on a 360 px phone, text never scaled
// down) and its axis has integer, evenly spaced ticks (chartTicks). toFigure()
// puts the title above the chart as HTML (it wraps instead of being clipped)
// and adds the chart's numbers as a table (class "chart-data") for screen
// readers and printing. Text is XML-escaped, so every result may be inserted
// unescaped into HTML. Plain value type; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace beacon::summary {

struct ChartSeries {
  std::string label;
  std::string color;           // CSS colour, e.g. "#1f77b4"
  std::vector<double> values;  // one per category
};

struct SvgChart {
  std::string title;
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  bool stacked = false;
  // One bar per category as a row, its label above it: for long category lists (townships).
  bool horizontal = false;
  // "%": the values are percentages and the axis runs from 0 to 100.
  std::string unit;
  // The data table's first header (e.g. "领域") and, for a stacked chart, its total column's
  // header (empty: no total column).
  std::string category_label;
  std::string total_label;

  std::string toSvg() const;
  // The chart's numbers: a <table class="chart-data"> captioned with the title.
  std::string toTable() const;
  // <figure class="chart"><figcaption>title</figcaption>SVG table</figure>.
  std::string toFigure() const;
};

// The axis ticks for values up to `max_value`: 0, step, 2·step … up to the first multiple of step
// at or above it, with step 1, 2 or 5 × 10ⁿ (at least 1) so that there are at most five intervals.
// {0, 1} when `max_value` is not positive.
std::vector<long> chartTicks(double max_value);

std::string xmlEscape(const std::string& text);

}  // namespace beacon::summary
