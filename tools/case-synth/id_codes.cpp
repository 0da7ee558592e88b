#include "id_codes.h"

#include <fmt/format.h>

#include "common/id_number.h"

namespace casesift::synth {
namespace {

// The USCC character set without I, O, S, V, Z.
constexpr std::string_view kUsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

void AppendCounty(Rng& rng, std::string_view city4, std::string* out) {
  out->append(city4);
  out->push_back('9');
  out->push_back(static_cast<char>('0' + rng.Below(10)));
}

}  // namespace

void AppendIdNumber(Rng& rng, std::string_view city4, const Date& birth, bool female,
                    std::string* out) {
  char first17[18];
  std::string prefix;
  AppendCounty(rng, city4, &prefix);
  uint32_t seq = rng.Below(500) * 2 + (female ? 0 : 1);
  fmt::format_to_n(first17, sizeof(first17), "{}{:04}{:02}{:02}{:03}", prefix, birth.year,
                   birth.month, birth.day, seq);
  std::string_view body(first17, 17);
  out->append(body);
  out->push_back(IdCheckChar(body));
}

void AppendMaskedIdNumber(Rng& rng, std::string_view id, std::string* out) {
  size_t keep_front = rng.Percent(50) ? 4 : 6;
  out->append(id.substr(0, keep_front));
  out->append(18 - keep_front - 4, '*');
  out->append(id.substr(14));
}

void AppendUscc(Rng& rng, std::string_view city4, char category, std::string* out) {
  std::string code = "9";
  code.push_back(category);
  AppendCounty(rng, city4, &code);
  std::string body;
  if (rng.Percent(60)) {
    // Registered after 2015: the 主体标识码 starts MA.
    body = "MA";
    while (body.size() < 8) body.push_back(kUsccChars[rng.Below(kUsccChars.size())]);
  } else {
    while (body.size() < 8) body.push_back(static_cast<char>('0' + rng.Below(10)));
  }
  code.append(body);
  code.push_back(OrgCodeCheckChar(body));
  code.push_back(UsccCheckChar(code));
  out->append(code);
}

void AppendMaskedUscc(Rng& rng, std::string_view uscc, std::string* out) {
  size_t hidden = rng.Percent(50) ? 5 : 4;
  out->append(uscc.substr(0, 18 - hidden));
  out->append(hidden, '*');
}

}  // namespace casesift::synth
