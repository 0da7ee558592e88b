#include "prose_words.h"

#include <algorithm>

#include "legal_refs.h"

namespace casesift::synth {

const ProseWords& WordsOf(Cause cause) {
  switch (cause) {
    case Cause::kPrivateLoan:
      return kLoanWords;
    case Cause::kArrears:
      return kArrearsWords;
    case Cause::kFinancialLoan:
      return kBankWords;
    case Cause::kCreditCard:
      return kCardWords;
    case Cause::kSale:
      return kSaleWords;
    case Cause::kService:
      return kPrepaidWords;
    case Cause::kEducation:
      return kEducationWords;
    case Cause::kPropertyFee:
      return kPropertyWords;
    case Cause::kLabour:
      return kLabourWords;
    case Cause::kTraffic:
      return kTrafficWords;
    case Cause::kTrademark:
      return kTrademarkWords;
    case Cause::kDivorce:
    case Cause::kProtectionOrder:
      return kDivorceWords;
  }
  return kLoanWords;
}

namespace {

struct Statutes {
  std::string_view liability_code, liability_old;
  std::string_view force_code, force_old;
};

Statutes StatutesOf(Cause cause) {
  switch (cause) {
    case Cause::kTraffic:
      return {"《中华人民共和国民法典》第一千一百六十五条", "《中华人民共和国侵权责任法》第六条",
              "《中华人民共和国道路交通安全法》第七十六条",
              "《中华人民共和国道路交通安全法》第七十六条"};
    case Cause::kLabour:
      return {"《中华人民共和国劳动合同法》第三十条", "《中华人民共和国劳动合同法》第三十条",
              "《中华人民共和国劳动合同法》第三条", "《中华人民共和国劳动合同法》第三条"};
    case Cause::kTrademark:
      return {"《中华人民共和国商标法》第五十七条", "《中华人民共和国商标法》第五十七条",
              "《中华人民共和国商标法》第五十六条", "《中华人民共和国商标法》第五十六条"};
    case Cause::kDivorce:
    case Cause::kProtectionOrder:
      return {"《中华人民共和国民法典》第一千零七十九条", "《中华人民共和国婚姻法》第三十二条",
              "《中华人民共和国民法典》第一千零八十七条", "《中华人民共和国婚姻法》第三十九条"};
    default:
      return {"《中华人民共和国民法典》第五百七十七条", "《中华人民共和国合同法》第一百零七条",
              "《中华人民共和国民法典》第四百六十五条", "《中华人民共和国合同法》第八条"};
  }
}

}  // namespace

Slots::Slots(const CasePlan& plan, std::string_view plaintiff_role,
             std::string_view defendant_role) {
  const ProseWords& words = WordsOf(plan.cause);
  static const std::string kEmpty;
  const std::string& p = plan.plaintiffs.empty() ? kEmpty : plan.plaintiffs[0].short_name;
  const std::string& d = plan.defendants.empty() ? kEmpty : plan.defendants[0].short_name;
  values_['p'] = p;
  values_['d'] = d;
  values_['t'] = plan.defendants.size() > 1 ? std::string_view(plan.defendants[1].short_name)
                                            : std::string_view(d);
  values_['C'] = "本院";
  values_['P'] = plaintiff_role;
  values_['D'] = defendant_role;
  values_['c'] = words.contract;
  values_['r'] = words.relation;
  values_['b'] = words.debt;
  bool goods = plan.cause == Cause::kSale || plan.cause == Cause::kService ||
               plan.cause == Cause::kEducation || plan.cause == Cause::kLabour;
  values_['g'] = goods && !plan.aux_word[0].empty() ? plan.aux_word[0] : words.debt;
  // The dates are the story's: the same in the plaintiff's and the court's voice.
  Rng facts(plan.story_seed ^ 0x6a09e667f3bcc909ULL);
  int64_t span = DaysFromCivil(plan.suit) - DaysFromCivil(plan.event);
  if (span < 8) span = 8;
  int64_t first = span * facts.Range(5, 25) / 100;
  int64_t second = span * facts.Range(30, 55) / 100;
  int64_t third = span * facts.Range(65, 92) / 100;
  const int64_t offsets[3] = {first, second, third};
  for (int i = 0; i < 3; ++i) {
    AppendArabicDate(&dates_[i + 1], AddDays(plan.event, static_cast<int>(offsets[i])));
  }
  AppendArabicDate(&dates_[0], AddDays(plan.event, -static_cast<int>(facts.Range(200, 2500))));
  for (int i = 0; i < 4; ++i) values_['0' + i] = dates_[i];
  Statutes s = StatutesOf(plan.cause);
  bool code = CivilCode(plan.decided);
  values_['k'] = code ? s.liability_code : s.liability_old;
  values_['l'] = code ? s.force_code : s.force_old;
  bool interpretation = DaysFromCivil(plan.decided) >= DaysFromCivil({2015, 2, 4});
  values_['e'] = interpretation
                     ? "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条"
                     : "《最高人民法院关于民事诉讼证据的若干规定》第二条";
}

void Slots::Expand(DocWriter& w, std::string_view tmpl) const {
  std::string& out = w.text();
  size_t at = 0;
  while (at < tmpl.size()) {
    size_t open = tmpl.find('{', at);
    if (open == std::string_view::npos || open + 2 >= tmpl.size()) break;
    out.append(tmpl.substr(at, open - at));
    unsigned char key = static_cast<unsigned char>(tmpl[open + 1]);
    out.append(values_[key & 0x7f]);
    at = open + 3;  // past "{k}"
  }
  if (at < tmpl.size()) out.append(tmpl.substr(at));
}

void PickDistinct(Rng& rng, size_t n, size_t k, size_t* out) {
  size_t pool[32];
  n = std::min<size_t>(n, 32);
  k = std::min(k, n);
  for (size_t i = 0; i < n; ++i) pool[i] = i;
  for (size_t i = 0; i < k; ++i) {
    size_t j = i + rng.Below(static_cast<uint32_t>(n - i));
    std::swap(pool[i], pool[j]);
    out[i] = pool[i];
  }
}

size_t SkewedCount(Rng& rng, size_t lo, size_t hi) {
  size_t n = lo + rng.Below(2);
  while (n < hi && rng.Percent(45)) ++n;
  return std::min(n, hi);
}

}  // namespace casesift::synth
