#include "doc_writer.h"

namespace casesift::synth {
namespace {

enum Form : uint8_t {
  kPlainForm,
  kGroupedForm,
  kDecimalsForm,
  kWanForm,
  kLowerForm,
  kUpperForm,
  kYenForm,
  kRmbForm,
  kFullWidthForm,
  kApproxForm,
  kFormCount
};

// Weights per section: claims, facts, decision, fee.
constexpr uint32_t kFormWeights[4][kFormCount] = {
    {25, 35, 8, 12, 2, 4, 4, 8, 1, 0},  // claims
    {28, 25, 5, 14, 5, 5, 3, 5, 2, 8},  // facts
    {35, 45, 8, 4, 0, 1, 1, 6, 0, 0},   // decision
    {55, 30, 15, 0, 0, 0, 0, 0, 0, 0},  // fee
};

// ".5" or ".25": the hundredths `rem` (0..99) without a trailing zero.
void AppendDecimals(std::string* out, int64_t rem) {
  if (rem == 0) return;
  auto it = std::back_inserter(*out);
  if (rem % 10 == 0) {
    fmt::format_to(it, ".{}", rem / 10);
  } else {
    fmt::format_to(it, ".{:02}", rem);
  }
}

void AppendWan(std::string* out, int64_t yuan) {
  // yuan is a multiple of 100: at most two decimals of 万 (or of 亿).
  auto it = std::back_inserter(*out);
  if (yuan >= 100000000 && yuan % 1000000 == 0) {
    fmt::format_to(it, "{}", yuan / 100000000);
    AppendDecimals(out, yuan % 100000000 / 1000000);
    out->append("亿元");
    return;
  }
  fmt::format_to(it, "{}", yuan / 10000);
  AppendDecimals(out, yuan % 10000 / 100);
  out->append("万元");
}

void AppendSpacedName(std::string* out, std::string_view name) {
  // Two-character names are spaced with U+3000: 张　毅.
  if (name.size() == 6) {
    out->append(name.substr(0, 3));
    out->append("　");
    out->append(name.substr(3));
  } else {
    out->append(name);
  }
}

}  // namespace

void DocWriter::MoneyStyled(int64_t fen, Section section, Section style, Tally tally,
                            bool approx_ok) {
  if (section == Section::kFacts) section = story_section_;
  size_t start = text_->size();
  int64_t yuan = fen / 100;
  bool whole = fen % 100 == 0;
  uint32_t weights[kFormCount];
  for (int i = 0; i < kFormCount; ++i) {
    weights[i] = kFormWeights[static_cast<int>(style)][i];
  }
  if (!(whole && yuan >= 10000 && yuan % 100 == 0)) weights[kWanForm] = 0;
  if (!(whole && yuan >= 100 && yuan % 100 == 0 && yuan < 1000000000)) weights[kLowerForm] = 0;
  if (!(approx_ok && whole && yuan >= 1000 && yuan % 1000 == 0)) weights[kApproxForm] = 0;
  Rng& rng = *rng_;
  switch (static_cast<Form>(rng.Weighted(weights, kFormCount))) {
    case kPlainForm:
      AppendArabicYuan(text_, fen, kPlain);
      Put("元");
      break;
    case kGroupedForm:
      AppendArabicYuan(text_, fen, kGrouped);
      Put("元");
      break;
    case kDecimalsForm:
      AppendArabicYuan(text_, fen, rng.Percent(50) ? kGrouped | kTwoDecimals : kTwoDecimals);
      Put("元");
      break;
    case kWanForm:
      AppendWan(text_, yuan);
      break;
    case kLowerForm:
      AppendChineseInteger(text_, static_cast<uint64_t>(yuan), rng.Percent(30));
      Put("元");
      break;
    case kUpperForm:
      if (rng.Percent(50)) Put("人民币");
      AppendUppercaseAmount(text_, fen);
      break;
    case kYenForm:
      Put(rng.Percent(70) ? "￥" : "¥");
      AppendArabicYuan(text_, fen, rng.Percent(50) ? kGrouped : kPlain);
      Put("元");
      break;
    case kRmbForm:
      Put("人民币");
      AppendArabicYuan(text_, fen, rng.Percent(60) ? kGrouped : kPlain);
      Put("元");
      break;
    case kFullWidthForm:
      AppendArabicYuan(text_, fen, kFullWidthDigits);
      Put("元");
      break;
    case kApproxForm:
      if (yuan % 10000 == 0 && yuan >= 20000) {
        Fmt("{}万余元", yuan / 10000);
      } else {
        Fmt("{}余元", yuan);
      }
      break;
    case kFormCount:
      break;
  }
  Amount& amount = record_->amounts.emplace_back();
  amount.fen = fen;
  amount.text.assign(*text_, start, std::string::npos);
  amount.section = section;
  amount.tally = tally;
}

void DocWriter::ChineseDate(const Date& date, bool placeholder_day) {
  static constexpr std::string_view kZeros[] = {"〇", "○", "零"};
  static constexpr uint32_t kWeights[] = {88, 8, 4};
  AppendChineseDate(text_, date, kZeros[rng_->Weighted(kWeights)], placeholder_day);
}

void AppendCaseNumber(std::string* out, bool full_width, int year, std::string_view court_code,
                      std::string_view special, std::string_view type_code,
                      std::string_view legacy_type, int64_t seq, std::string_view suffix) {
  auto it = std::back_inserter(*out);
  if (full_width) {
    fmt::format_to(it, "（{}）", year);
  } else {
    fmt::format_to(it, "({})", year);
  }
  out->append(court_code);
  if (legacy_type.empty()) {
    out->append(special);
    out->append(type_code);
    fmt::format_to(it, "{}号", seq);
  } else {
    for (size_t i = 0; i < legacy_type.size();) {
      std::string_view rest = legacy_type.substr(i);
      if (!full_width && rest.substr(0, 3) == "（") {
        out->push_back('(');
        i += 3;
      } else if (!full_width && rest.substr(0, 3) == "）") {
        out->push_back(')');
        i += 3;
      } else {
        out->push_back(legacy_type[i]);
        ++i;
      }
    }
    fmt::format_to(it, "第{}号", seq);
  }
  out->append(suffix);
}

void DocWriter::WriteTitle(const CasePlan& plan, const Title& title) {
  Rng& rng = *rng_;
  CaseRecord& r = *record_;
  Put(title.court);
  EndParagraph();
  if (rng.Percent(65)) {
    std::string_view gap = rng.Percent(85) ? " " : "　";
    for (size_t i = 0; i < title.doc_type.size(); i += 3) {
      if (i > 0) Put(gap);
      Put(title.doc_type.substr(i, 3));
    }
  } else {
    Put(title.doc_type);
  }
  EndParagraph();
  std::string_view legacy_type = plan.legacy ? title.legacy_type : std::string_view();
  std::string_view court_code = plan.legacy ? title.legacy_abbr : title.court_code;
  AppendCaseNumber(text_, plan.full_width, plan.year, court_code, title.special, title.type_code,
                   legacy_type, plan.seq, title.suffix);
  EndParagraph();

  r.court.assign(title.court);
  r.doc_type.assign(title.doc_type);
  AppendCaseNumber(&r.case_no, false, plan.year, court_code, title.special, title.type_code,
                   legacy_type, plan.seq, title.suffix);
  CaseNoParts& p = r.case_no_parts;
  p.year = plan.year;
  p.court_code.assign(court_code);
  p.special.assign(plan.legacy ? std::string_view() : title.special);
  p.type_code.assign(title.type_code);
  p.seq = plan.seq;
  p.suffix.assign(title.suffix);
  p.legacy = plan.legacy;
}

void DocWriter::CaseNumber(const CasePlan& plan, int year, std::string_view court_code,
                           std::string_view type_code, int64_t seq) {
  AppendCaseNumber(text_, plan.full_width, year, court_code, "", type_code, "", seq, "");
}

void DocWriter::WriteSignature(const CasePlan& plan) {
  Rng& rng = *rng_;
  bool spaced = rng.Percent(80);
  std::string_view gap = rng.Percent(75) ? "　　" : "　";
  auto line = [&](std::string_view spaced_label, std::string_view label, std::string_view name) {
    Put(spaced ? spaced_label : label);
    Put(gap);
    AppendSpacedName(text_, name);
    EndParagraph();
  };
  size_t n = plan.judges.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string& name = plan.judges[i];
    if (n == 1) {
      if (plan.year < 2017 && rng.Percent(20)) {
        line("代理审判员", "代理审判员", name);
      } else {
        line("审　判　员", "审判员", name);
      }
    } else if (i == 0) {
      line("审　判　长", "审判长", name);
    } else if ((plan.kind == Kind::kJudgment || plan.kind == Kind::kMediation ||
                plan.kind == Kind::kRuling) &&
               rng.Percent(60)) {
      line("人民陪审员", "人民陪审员", name);
    } else {
      line("审　判　员", "审判员", name);
    }
  }
  bool placeholder = rng.PerMille(15);
  ChineseDate(plan.decided, placeholder);
  EndParagraph();
  if (placeholder) {
    record_->decided_date_null = true;
  } else {
    record_->decided_date = plan.decided;
  }
  if (rng.Percent(15)) {
    Put("本件与原本核对无异");
    EndParagraph();
  }
  if (!plan.assistant.empty()) line("法官助理", "法官助理", plan.assistant);
  line("书　记　员", "书记员", plan.clerk);
}

}  // namespace casesift::synth
