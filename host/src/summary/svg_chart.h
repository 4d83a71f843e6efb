// SvgChart: a self-contained inline SVG bar chart (grouped or stacked) for
// printable HTML summaries; no scripts, fonts or external assets. Text is
// XML-escaped, so the result may be inserted unescaped into HTML. Plain
// value type; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace beacon::summary {

struct ChartSeries {
  std::string label;
  std::string color;  // CSS colour, e.g. "#1f77b4"
  std::vector<double> values;  // one per category
};

struct SvgChart {
  std::string title;
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  bool stacked = false;

  std::string toSvg() const;
};

std::string xmlEscape(const std::string& text);

}  // namespace beacon::summary
