#include "fee_schedule.h"

namespace casesift::synth {

int64_t PropertyCaseFeeFen(int64_t claim_fen) {
  struct Band {
    int64_t upto_fen;  // upper bound of the band
    int64_t basis_points;
  };
  static constexpr int64_t kWan = 10000 * 100;  // 10,000 yuan in fen
  static constexpr Band kBands[] = {
      {10 * kWan, 250}, {20 * kWan, 200},  {50 * kWan, 150},  {100 * kWan, 100}, {200 * kWan, 90},
      {500 * kWan, 80}, {1000 * kWan, 70}, {2000 * kWan, 60}, {INT64_MAX, 50},
  };
  // In units of 1/10000 fen, so every band's share is exact until the final rounding.
  int64_t scaled = int64_t{5000} * 10000;
  int64_t lower = kWan;
  for (const Band& band : kBands) {
    if (claim_fen <= lower) break;
    int64_t upper = claim_fen < band.upto_fen ? claim_fen : band.upto_fen;
    scaled += (upper - lower) * band.basis_points;
    lower = band.upto_fen;
  }
  return (scaled + 5000) / 10000;
}

}  // namespace casesift::synth
