// SVG charts of the report's tallies, drawn by the program: no script, no library, no
// fetch. Each chart is a <figure> holding an inline <svg> (role="img", an aria-label that
// reads out every bar) whose size follows from the data.
//
//   - Leads per month: vertical bars on a time axis, every month drawn (months without
//     leads as empty slots, when the tally spans at most 20 years); the month labels under
//     the bars thin out when the bars are narrow. Labels that are not months ("(no date)")
//     are not drawn; a note under the chart counts their leads.
//   - Every other tally (rule, level, recipient, court): horizontal bars, which leave room
//     for long Chinese names, in the tally's order. Past kMaxBars + 1 values the first
//     kMaxBars are drawn and the rest share one "others" bar, and a note under the chart
//     says so. Labels too wide for the label column are cut with "…".
// Every bar is a <rect class="bar ..."> with its count written beside it and a <title>
// ("label: N leads") for the tooltip. Levels get their level colour (classes lv0..lv4).
//
// Output depends only on the tally (integer geometry, no floating point), so it is
// deterministic. Stateless; safe from any thread.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_SVG_CHART_H_
#define CASESIFT_TOOLS_REPORT_RENDER_SVG_CHART_H_

#include <cstddef>
#include <string_view>

#include "html_text.h"
#include "report.h"

namespace casesift {

// The most bars a horizontal chart draws before the rest share an "others" bar.
inline constexpr size_t kMaxBars = 30;

// Appends <figure class="chart">…</figure> for `tally` to `*html`: its title as the
// caption, then the chart, or "No leads." when the tally has no counts.
void AppendTallyChart(const Tally& tally, HtmlText* html);

// The month a tally label names, as year * 12 + month - 1, when it is "YYYY-MM"; else -1
// (the month tally's "(no date)").
int MonthIndex(std::string_view label);

// The width in CSS pixels that `text` takes at `font_px`, estimated: East Asian wide
// characters one em, everything else 0.6 em. Exposed for tests.
size_t EstimateTextWidth(std::string_view text, size_t font_px);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_SVG_CHART_H_
