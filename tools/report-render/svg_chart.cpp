#include "svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "common/rule_level.h"
#include "common/utf8.h"

namespace casesift {
namespace {

// One bar to draw.
struct Bar {
  std::string_view label;
  uint64_t count = 0;
  std::string owned;    // the label when the chart made it up (a month without leads)
  bool others = false;  // the bar that stands for the values not drawn
};

constexpr size_t kFontPx = 12;
constexpr size_t kSmallFontPx = 11;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
constexpr std::string_view kNoValue = "(none)";

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Tenths of a pixel that `c` takes at `font_px`.
size_t CharTenths(char32_t c, size_t font_px) { return (IsWide(c) ? 10 : 6) * font_px; }

std::string_view Shown(const Bar& bar) {
  if (!bar.owned.empty()) return bar.owned;
  return bar.label.empty() ? kNoValue : bar.label;
}

// Appends `text`, cut with "…" so that it fits `max_px`.
void AppendFitted(std::string_view text, size_t max_px, size_t font_px, HtmlText* html) {
  if (EstimateTextWidth(text, font_px) <= max_px) {
    html->Escaped(text);
    return;
  }
  const size_t budget = (max_px > font_px ? max_px - font_px : 0) * 10;  // room for "…"
  size_t used = 0, i = 0, cut = 0;
  while (i < text.size()) {
    used += CharTenths(NextCodePoint(text, &i), font_px);
    if (used > budget) break;
    cut = i;
  }
  html->Escaped(text.substr(0, cut)).Raw(kEllipsis);
}

void AppendTooltip(const Bar& bar, HtmlText* html) {
  html->Raw("<title>").Escaped(Shown(bar)).Raw(": ").GroupedUint(bar.count);
  html->Raw(bar.count == 1 ? " lead</title>" : " leads</title>");
}

void AppendAriaLabel(const Tally& tally, const std::vector<Bar>& bars, HtmlText* html) {
  html->Raw(" role=\"img\" aria-label=\"").Escaped(tally.title).Raw(':');
  for (size_t i = 0; i < bars.size(); ++i) {
    html->Raw(i == 0 ? " " : ", ").Escaped(Shown(bars[i])).Raw(' ').Uint(bars[i].count);
  }
  html->Raw('"');
}

std::string BarClass(const Tally& tally, const Bar& bar) {
  if (bar.others) return "bar others";
  if (tally.key == "level") {
    const int rank = LevelRank(bar.label);
    return rank < 0 ? "bar lvx" : "bar lv" + std::to_string(rank);
  }
  return "bar";
}

uint64_t MaxCount(const std::vector<Bar>& bars) {
  uint64_t max = 0;
  for (const Bar& bar : bars) max = std::max(max, bar.count);
  return max;
}

// `count` scaled to `span` pixels against `max`; at least 1 pixel for a count above 0.
size_t Scale(uint64_t count, uint64_t max, size_t span) {
  if (count == 0 || max == 0) return 0;
  return std::max<size_t>(1, static_cast<size_t>(count * span / max));
}

void AppendSvgOpen(std::string_view svg_class, size_t width, size_t height, HtmlText* html) {
  html->Raw("<svg class=\"")
      .Raw(svg_class)
      .Raw("\" width=\"")
      .Uint(width)
      .Raw("\" height=\"")
      .Uint(height);
  html->Raw("\" viewBox=\"0 0 ").Uint(width).Raw(' ').Uint(height).Raw('"');
}

void AppendHorizontal(const Tally& tally, const std::vector<Bar>& bars, HtmlText* html) {
  constexpr size_t kWidth = 560, kPitch = 22, kBarHeight = 16, kMaxLabel = 220;
  size_t label_w = 24;
  for (const Bar& bar : bars) {
    label_w = std::max(label_w, std::min(kMaxLabel, EstimateTextWidth(Shown(bar), kFontPx)));
  }
  const uint64_t max = MaxCount(bars);
  const size_t count_w = EstimateTextWidth(std::to_string(max), kFontPx) + 8;
  const size_t bar_x = label_w + 8;
  const size_t span = kWidth - bar_x - count_w - 4;
  const size_t height = 8 + bars.size() * kPitch;
  AppendSvgOpen("chart-svg h", kWidth, height, html);
  AppendAriaLabel(tally, bars, html);
  html->Raw(">\n");
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    const size_t top = 4 + i * kPitch, w = Scale(bar.count, max, span);
    html->Raw("<g>");
    AppendTooltip(bar, html);
    html->Raw("<text class=\"lbl\" x=\"").Uint(label_w + 2).Raw("\" y=\"").Uint(top + 15);
    html->Raw("\" text-anchor=\"end\">");
    AppendFitted(Shown(bar), kMaxLabel, kFontPx, html);
    html->Raw("</text><rect class=\"").Raw(BarClass(tally, bar)).Raw("\" x=\"").Uint(bar_x);
    html->Raw("\" y=\"").Uint(top + 3).Raw("\" width=\"").Uint(w).Raw("\" height=\"");
    html->Uint(kBarHeight).Raw("\"></rect><text class=\"val\" x=\"").Uint(bar_x + w + 4);
    html->Raw("\" y=\"").Uint(top + 15).Raw("\">").Uint(bar.count).Raw("</text></g>\n");
  }
  html->Raw("</svg>\n");
}

// `time_axis`: the bars are consecutive months.
void AppendVertical(const Tally& tally, const std::vector<Bar>& bars, bool time_axis,
                    HtmlText* html) {
  constexpr size_t kPlotWidth = 600, kPlotHeight = 150, kMaxLabel = 120;
  const size_t n = bars.size();
  const size_t pitch = std::clamp<size_t>(kPlotWidth / n, 12, 48);
  const size_t bar_w = pitch - std::max<size_t>(2, pitch / 4);
  const uint64_t max = MaxCount(bars);
  const size_t count_w = EstimateTextWidth(std::to_string(max), kSmallFontPx);
  const bool upright = count_w + 2 <= pitch;  // else the counts stand on end
  size_t label_w = 0;
  for (const Bar& bar : bars) {
    label_w = std::max(label_w, std::min(kMaxLabel, EstimateTextWidth(Shown(bar), kSmallFontPx)));
  }
  // Every step-th month is labelled; on a time axis, steps that divide a year or more.
  size_t step = (label_w + 6 + pitch - 1) / pitch;
  if (time_axis) {
    for (size_t nice : {1, 2, 3, 4, 6, 12, 24, 36, 60, 120}) {
      if (nice >= step) {
        step = nice;
        break;
      }
    }
  }
  const size_t left = std::max<size_t>(8, label_w / 2 + 2);
  const size_t top = upright ? 16 : count_w + 8;
  const size_t base = top + kPlotHeight;
  const size_t width = left + n * pitch + left;
  AppendSvgOpen("chart-svg v", width, base + 22, html);
  AppendAriaLabel(tally, bars, html);
  html->Raw(">\n<line class=\"axis\" x1=\"").Uint(left).Raw("\" y1=\"").Uint(base);
  html->Raw("\" x2=\"").Uint(left + n * pitch).Raw("\" y2=\"").Uint(base).Raw("\"></line>\n");
  for (size_t i = 0; i < n; ++i) {
    const Bar& bar = bars[i];
    const size_t h = Scale(bar.count, max, kPlotHeight);
    const size_t center = left + i * pitch + pitch / 2;
    html->Raw("<g>");
    AppendTooltip(bar, html);
    html->Raw("<rect class=\"").Raw(BarClass(tally, bar)).Raw("\" x=\"").Uint(center - bar_w / 2);
    html->Raw("\" y=\"").Uint(base - h).Raw("\" width=\"").Uint(bar_w).Raw("\" height=\"");
    html->Uint(h).Raw("\"></rect>");
    if (bar.count != 0) {
      const size_t y = base - h - 3;
      html->Raw("<text class=\"val\" x=\"").Uint(upright ? center : center + 4).Raw("\" y=\"");
      html->Uint(y);
      if (upright) {
        html->Raw("\" text-anchor=\"middle\">");
      } else {
        html->Raw("\" transform=\"rotate(-90 ").Uint(center + 4).Raw(' ').Uint(y).Raw(")\">");
      }
      html->Uint(bar.count).Raw("</text>");
    }
    const int month = time_axis ? MonthIndex(Shown(bar)) : -1;
    if (month >= 0 ? month % step == 0 : i % step == 0) {
      html->Raw("<text class=\"lbl\" x=\"").Uint(center).Raw("\" y=\"").Uint(base + 15);
      html->Raw("\" text-anchor=\"middle\">");
      AppendFitted(Shown(bar), kMaxLabel, kSmallFontPx, html);
      html->Raw("</text>");
    }
    html->Raw("</g>\n");
  }
  html->Raw("</svg>\n");
}

// Horizontal bars, the first kMaxBars drawn and the rest sharing an "others" bar.
void AppendBarChart(const Tally& tally, HtmlText* html) {
  const size_t total = tally.counts.size();
  const size_t drawn = total <= kMaxBars + 1 ? total : kMaxBars;
  std::vector<Bar> bars(drawn);
  for (size_t i = 0; i < drawn; ++i) {
    bars[i].label = tally.counts[i].first;
    bars[i].count = tally.counts[i].second;
  }
  uint64_t rest_leads = 0;
  for (size_t i = drawn; i < total; ++i) rest_leads += tally.counts[i].second;
  if (drawn < total) {
    Bar& others = bars.emplace_back();
    others.count = rest_leads;
    others.others = true;
    others.owned = "Others (" + std::to_string(total - drawn) + " more)";
  }
  AppendHorizontal(tally, bars, html);
  if (drawn < total) {
    html->Raw("<p class=\"note\">The first ").Uint(drawn).Raw(" of ").Uint(total);
    html->Raw(" values are drawn; the other ").Uint(total - drawn).Raw(" (");
    html->GroupedUint(rest_leads).Raw(rest_leads == 1 ? " lead" : " leads");
    html->Raw(") share the last bar.</p>\n");
  }
}

// Vertical bars in time order. The months (YYYY-MM) are drawn on a continuous axis, the
// months without leads as empty slots; labels that are not months ("(no date)") are left
// out of the chart and counted in a note under it.
void AppendMonthChart(const Tally& tally, HtmlText* html) {
  constexpr int kMaxFilledSpan = 240;  // wider ranges are drawn as listed, without gaps
  std::vector<Bar> bars;
  uint64_t undated = 0;
  int first = -1, last = -1;
  bool ascending = true;
  for (const auto& [label, count] : tally.counts) {
    const int month = MonthIndex(label);
    if (month < 0) {
      undated += count;
      continue;
    }
    if (first < 0) first = month;
    ascending = ascending && month > last;
    last = month;
  }
  const bool fill = ascending && first >= 0 && last - first < kMaxFilledSpan;
  int next = first;
  for (const auto& [label, count] : tally.counts) {
    const int month = MonthIndex(label);
    if (month < 0) continue;
    for (; fill && next < month; ++next) {  // the months between, without leads
      Bar& gap = bars.emplace_back();
      gap.owned = fmt::format("{:04}-{:02}", next / 12, next % 12 + 1);
    }
    next = month + 1;
    Bar& bar = bars.emplace_back();
    bar.label = label;
    bar.count = count;
  }
  if (bars.empty()) {
    html->Raw("<p class=\"empty\">");
    html->Raw(undated == 0 ? "No leads." : "No lead has a date.").Raw("</p>\n");
    return;
  }
  AppendVertical(tally, bars, fill, html);
  if (undated > 0) {
    html->Raw("<p class=\"note\">Not drawn: ").GroupedUint(undated);
    html->Raw(undated == 1 ? " lead" : " leads").Raw(" without a date.</p>\n");
  }
}

}  // namespace

size_t EstimateTextWidth(std::string_view text, size_t font_px) {
  size_t tenths = 0, i = 0;
  while (i < text.size()) tenths += CharTenths(NextCodePoint(text, &i), font_px);
  return (tenths + 9) / 10;
}

void AppendTallyChart(const Tally& tally, HtmlText* html) {
  html->Raw("<figure class=\"chart\" data-key=\"").Escaped(tally.key).Raw("\">\n<figcaption>");
  html->Escaped(tally.title).Raw("</figcaption>\n");
  if (tally.key == "month") {
    AppendMonthChart(tally, html);
  } else if (tally.counts.empty()) {
    html->Raw("<p class=\"empty\">No leads.</p>\n");
  } else {
    AppendBarChart(tally, html);
  }
  html->Raw("</figure>\n");
}

int MonthIndex(std::string_view label) {
  if (label.size() != 7 || label[4] != '-') return -1;
  int year = 0, month = 0;
  for (size_t k = 0; k < 7; ++k) {
    if (k == 4) continue;
    if (label[k] < '0' || label[k] > '9') return -1;
    (k < 4 ? year : month) = (k < 4 ? year : month) * 10 + (label[k] - '0');
  }
  if (month < 1 || month > 12) return -1;
  return year * 12 + month - 1;
}

}  // namespace casesift
