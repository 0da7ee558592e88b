// lead-dedupe: one lead per finding, within a run and across runs. See man/lead-dedupe.1.
#ifndef CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_DEDUPE_H_
#define CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_DEDUPE_H_

#include <string>
#include <vector>

#include "common/cli.h"
#include "common/status.h"

namespace casesift {

struct LeadDedupeOptions {
  std::vector<std::string> keys;  // -k; empty: lead_id
  std::string state;              // --state FILE
  bool all = false;
  std::string repeat_after;  // "30d"
  std::string as_of;
  bool dry_run = false;
  std::string verdicts;
  bool export_state = false;
  std::string expire;  // a date, or a span back from today
  double wait = 0;
  std::vector<std::string> cluster;
  std::vector<std::string> compare;
  double min_score = 0.5;
  unsigned jobs = 1;  // -j: 2 or more reads the state, and writes it, beside the leads
};

Status RunLeadDedupe(const LeadDedupeOptions& options, const CommonOptions& common);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_DEDUPE_H_
