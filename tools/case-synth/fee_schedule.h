// The 案件受理费 a court charges, per 《诉讼费用交纳办法》 (国务院令第481号, 2007).
//
// Art. 13(1), property cases, marginal rates on the claim (标的额): up to 10,000 yuan a
// flat 50 yuan; then 2.5% to 100,000; 2% to 200,000; 1.5% to 500,000; 1% to 1,000,000;
// 0.9% to 2,000,000; 0.8% to 5,000,000; 0.7% to 10,000,000; 0.6% to 20,000,000; 0.5%
// above. Art. 13(2): divorce 50-300 yuan per case; Art. 13(5): labour disputes 10 yuan.
// Art. 15/16: halved when the case is mediated, withdrawn or tried in simple procedure.
// All amounts are integer fen, rounded half up.
//
// Thread safety: pure functions.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_FEE_SCHEDULE_H_
#define CASESIFT_TOOLS_CASE_SYNTH_FEE_SCHEDULE_H_

#include <cstdint>

namespace casesift::synth {

// The fee for a property claim of `claim_fen`. REQUIRES: claim_fen >= 0.
int64_t PropertyCaseFeeFen(int64_t claim_fen);

// Half of `fen`, rounded half up to the fen.
inline int64_t HalveFen(int64_t fen) { return (fen + 1) / 2; }

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_FEE_SCHEDULE_H_
