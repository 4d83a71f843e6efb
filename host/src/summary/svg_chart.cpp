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
}  // namespace

std::string xmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string SvgChart::toSvg() const {
  const double left = 48, top = 28, plot_h = 180, bottom = 70, legend_h = 18.0 * static_cast<double>(series.size());
  const double group_w = std::max(28.0, stacked ? 34.0 : 12.0 * static_cast<double>(series.size()) + 10);
  const double plot_w = group_w * static_cast<double>(std::max<std::size_t>(categories.size(), 1));
  const double width = left + plot_w + 20, height = top + plot_h + bottom + legend_h;

  double max_value = 0;
  for (std::size_t c = 0; c < categories.size(); ++c) {
    double sum = 0;
    for (const auto& s : series) {
      const double v = c < s.values.size() ? s.values[c] : 0;
      sum += v;
      if (!stacked) max_value = std::max(max_value, v);
    }
    if (stacked) max_value = std::max(max_value, sum);
  }
  if (max_value <= 0) max_value = 1;
  const double scale = plot_h / max_value;

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + num(width) + "\" height=\"" +
                    num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                    "\" font-family=\"sans-serif\" font-size=\"11\">";
  svg += "<title>" + xmlEscape(title) + "</title>";
  svg += "<text x=\"" + num(left) + "\" y=\"16\" font-size=\"13\" font-weight=\"bold\">" + xmlEscape(title) + "</text>";
  // Axis with four gridlines labelled with whole numbers.
  for (int g = 0; g <= 4; ++g) {
    const double value = max_value * g / 4.0;
    const double y = top + plot_h - value * scale;
    svg += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + plot_w) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
           "\" stroke=\"#ddd\"/>";
    svg += "<text x=\"" + num(left - 4) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
           std::to_string(static_cast<long>(std::lround(value))) + "</text>";
  }
  for (std::size_t c = 0; c < categories.size(); ++c) {
    const double x0 = left + group_w * static_cast<double>(c) + 4;
    double stack = 0;
    for (std::size_t s = 0; s < series.size(); ++s) {
      const double v = c < series[s].values.size() ? series[s].values[c] : 0;
      if (v <= 0) continue;
      const double h = v * scale;
      double x = x0, y = top + plot_h - h, w = group_w - 8;
      if (stacked) {
        y -= stack;
        stack += h;
      } else {
        w = (group_w - 8) / static_cast<double>(series.size());
        x = x0 + w * static_cast<double>(s);
      }
      svg += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
             "\" fill=\"" + xmlEscape(series[s].color) + "\"><title>" + xmlEscape(categories[c]) + " · " +
             xmlEscape(series[s].label) + ": " + num(v) + "</title></rect>";
    }
    const double lx = x0 + (group_w - 8) / 2, ly = top + plot_h + 12;
    svg += "<text x=\"" + num(lx) + "\" y=\"" + num(ly) + "\" text-anchor=\"end\" transform=\"rotate(-40 " + num(lx) +
           " " + num(ly) + ")\">" + xmlEscape(categories[c]) + "</text>";
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    const double y = top + plot_h + bottom + 18.0 * static_cast<double>(s);
    svg += "<rect x=\"" + num(left) + "\" y=\"" + num(y - 10) + "\" width=\"12\" height=\"12\" fill=\"" +
           xmlEscape(series[s].color) + "\"/>";
    svg += "<text x=\"" + num(left + 18) + "\" y=\"" + num(y) + "\">" + xmlEscape(series[s].label) + "</text>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace beacon::summary
