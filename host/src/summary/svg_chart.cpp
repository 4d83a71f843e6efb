#include "summary/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace beacon::summary {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string pct(double v) { return num(v) + "%"; }

// A value as people read it: whole numbers without decimals, then the unit.
std::string valueText(double v, const std::string& unit) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f", v);
  }
  return buf + unit;
}

double valueAt(const ChartSeries& s, std::size_t c) {
  return c < s.values.size() ? s.values[c] : 0;
}

// Tick labels and legend keep a white halo so they stay legible over bars and gridlines.
constexpr const char* kHalo = " paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\"";

}  // namespace

std::string xmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<long> chartTicks(double max_value) {
  if (!(max_value > 0)) return {0, 1};
  long step = 1;
  for (long magnitude = 1;; magnitude *= 10) {
    bool found = false;
    for (const long m : {1L, 2L, 5L}) {
      if (static_cast<double>(m * magnitude) * 5 >= max_value) {
        step = m * magnitude;
        found = true;
        break;
      }
    }
    if (found) break;
  }
  std::vector<long> ticks{0};
  while (static_cast<double>(ticks.back()) < max_value) ticks.push_back(ticks.back() + step);
  return ticks;
}

std::string SvgChart::toSvg() const {
  const std::size_t n = std::max<std::size_t>(categories.size(), 1);
  double max_value = 0;
  std::vector<double> sums(categories.size(), 0);
  for (std::size_t c = 0; c < categories.size(); ++c) {
    for (const auto& s : series) {
      sums[c] += valueAt(s, c);
      if (!stacked) max_value = std::max(max_value, valueAt(s, c));
    }
    if (stacked) max_value = std::max(max_value, sums[c]);
  }
  if (unit == "%") max_value = std::max(max_value, 100.0);
  const std::vector<long> ticks = chartTicks(max_value);
  const double top_value = static_cast<double>(ticks.back());
  const double legend_h = series.size() > 1 ? 18.0 * static_cast<double>(series.size()) : 0;

  std::string body;
  double height = 0;
  if (horizontal) {
    // Rows: the label (with its value) above its bar; the axis across the top.
    const double axis_h = 16, row_h = 36;
    const double rows_bottom = axis_h + row_h * static_cast<double>(n);
    const double gutter = 1;  // % on either side, so the end ticks' labels are not cut
    const double span = 100 - 2 * gutter;
    for (std::size_t i = 0; i < ticks.size(); ++i) {
      const double x = gutter + span * static_cast<double>(ticks[i]) / top_value;
      body += "<line x1=\"" + pct(x) + "\" x2=\"" + pct(x) + "\" y1=\"" + num(axis_h) + "\" y2=\"" +
              num(rows_bottom) + "\" stroke=\"#ddd\"/>";
      const char* anchor = i == 0 ? "start" : (i + 1 == ticks.size() ? "end" : "middle");
      body += "<text x=\"" + pct(x) + "\" y=\"12\" text-anchor=\"" + anchor + "\">" +
              valueText(static_cast<double>(ticks[i]), unit) + "</text>";
    }
    for (std::size_t c = 0; c < categories.size(); ++c) {
      const double row_top = axis_h + row_h * static_cast<double>(c);
      double at = 0;
      for (const auto& s : series) {
        const double v = valueAt(s, c);
        if (v <= 0) continue;
        const double w = span * v / top_value;
        body += "<rect x=\"" + pct(gutter + at) + "\" y=\"" + num(row_top + 18) + "\" width=\"" +
                pct(w) + "\" height=\"13\" fill=\"" + xmlEscape(s.color) + "\"><title>" +
                xmlEscape(categories[c]) + " · " + xmlEscape(s.label) + ": " + valueText(v, unit) +
                "</title></rect>";
        if (stacked) at += w;
      }
      const double shown = stacked || series.size() != 1 ? sums[c] : valueAt(series.front(), c);
      body += "<text x=\"" + pct(gutter) + "\" y=\"" + num(row_top + 14) + "\">" +
              xmlEscape(categories[c]) + " " + valueText(shown, unit) + "</text>";
    }
    height = rows_bottom + 6;
  } else {
    // Upright bars: the axis labels in a left gutter, the category labels under the bars.
    const double plot_top = 10, plot_h = 180, gutter = 9;  // gutter: % of the width
    const double group = (100 - gutter) / static_cast<double>(n);
    for (const long t : ticks) {
      const double y = plot_top + plot_h - plot_h * static_cast<double>(t) / top_value;
      body += "<line x1=\"" + pct(gutter) + "\" x2=\"100%\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
              "\" stroke=\"#ddd\"/>";
      body += "<text x=\"" + pct(gutter - 0.8) + "\" y=\"" + num(y + 4) +
              "\" text-anchor=\"end\">" + valueText(static_cast<double>(t), unit) + "</text>";
    }
    for (std::size_t c = 0; c < categories.size(); ++c) {
      const double x0 = gutter + group * static_cast<double>(c);
      double stack = 0;
      for (std::size_t s = 0; s < series.size(); ++s) {
        const double v = valueAt(series[s], c);
        if (v <= 0) continue;
        const double h = plot_h * v / top_value;
        double x = x0 + group * 0.15, w = group * 0.7, y = plot_top + plot_h - h;
        if (stacked) {
          y -= stack;
          stack += h;
        } else {
          w = group * 0.7 / static_cast<double>(series.size());
          x += w * static_cast<double>(s);
        }
        body += "<rect x=\"" + pct(x) + "\" y=\"" + num(y) + "\" width=\"" + pct(w) +
                "\" height=\"" + num(h) + "\" fill=\"" + xmlEscape(series[s].color) + "\"><title>" +
                xmlEscape(categories[c]) + " · " + xmlEscape(series[s].label) + ": " +
                valueText(v, unit) + "</title></rect>";
      }
      body += "<text x=\"" + pct(x0 + group / 2) + "\" y=\"" + num(plot_top + plot_h + 15) +
              "\" text-anchor=\"middle\">" + xmlEscape(categories[c]) + "</text>";
    }
    height = plot_top + plot_h + 24;
  }
  if (series.size() > 1) {
    for (std::size_t s = 0; s < series.size(); ++s) {
      const double y = height + 18.0 * static_cast<double>(s) + 10;
      body += "<rect x=\"0\" y=\"" + num(y - 10) + "\" width=\"12\" height=\"12\" fill=\"" +
              xmlEscape(series[s].color) + "\"/>";
      body += "<text x=\"18\" y=\"" + num(y) + "\"" + kHalo + ">" + xmlEscape(series[s].label) +
              "</text>";
    }
  }
  height += legend_h;
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + xmlEscape(title) +
         "\" width=\"100%\" height=\"" + num(height) +
         "\" font-family=\"sans-serif\" font-size=\"12\"><title>" + xmlEscape(title) + "</title>" +
         body + "</svg>";
}

std::string SvgChart::toTable() const {
  const bool total = stacked && !total_label.empty();
  std::string t = "<table class=\"chart-data\"><caption>" + xmlEscape(title) +
                  "</caption><tr><th scope=\"col\">" + xmlEscape(category_label) + "</th>";
  for (const auto& s : series) t += "<th scope=\"col\">" + xmlEscape(s.label) + "</th>";
  if (total) t += "<th scope=\"col\">" + xmlEscape(total_label) + "</th>";
  t += "</tr>";
  for (std::size_t c = 0; c < categories.size(); ++c) {
    t += "<tr><th scope=\"row\">" + xmlEscape(categories[c]) + "</th>";
    double sum = 0;
    for (const auto& s : series) {
      sum += valueAt(s, c);
      t += "<td>" + valueText(valueAt(s, c), unit) + "</td>";
    }
    if (total) t += "<td>" + valueText(sum, unit) + "</td>";
    t += "</tr>";
  }
  return t + "</table>";
}

std::string SvgChart::toFigure() const {
  return "<figure class=\"chart\"><figcaption>" + xmlEscape(title) + "</figcaption>" + toSvg() +
         toTable() + "</figure>";
}

}  // namespace beacon::summary
