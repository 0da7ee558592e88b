#include "decision_writer.h"

#include "cause_catalog.h"
#include "fee_schedule.h"
#include "legal_refs.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kChineseOrdinals[] = {"一", "二", "三", "四", "五",   "六",
                                                 "七", "八", "九", "十", "十一", "十二"};

bool IsDebtor(const CasePlan& plan, size_t i) {
  if (static_cast<int>(i) == plan.guarantor) return false;
  // An insurer pays only in traffic cases, and there through its own items.
  return !(plan.cause == Cause::kTraffic && plan.defendants[i].type == ActorType::kBranch);
}

size_t DebtorCount(const CasePlan& plan) {
  size_t n = 0;
  for (size_t i = 0; i < plan.defendants.size(); ++i) n += IsDebtor(plan, i) ? 1 : 0;
  return n;
}

int64_t Award(const ClaimItem& item, DecisionMode mode) {
  return mode == DecisionMode::kQuoted ? item.first_award_fen : item.award_fen;
}

void WritePlaintiffs(DocWriter& w, const CasePlan& plan, bool words) {
  for (size_t i = 0; i < plan.plaintiffs.size(); ++i) {
    if (i > 0) w.Put("、");
    WritePlaintiff(w, plan, i, words && i == 0);
  }
}

}  // namespace

Tally AwardTally(const DocWriter& w, DecisionMode mode, bool counted) {
  if (!counted) return Tally::kNone;
  return mode != DecisionMode::kQuoted || w.quoted_award() ? Tally::kAward : Tally::kNone;
}

void WriteFirstCaseNumber(DocWriter& w, const CasePlan& plan) {
  bool legacy = plan.first_year < 2016;
  AppendCaseNumber(&w.text(), plan.full_width, plan.first_year,
                   legacy ? plan.court->legacy_abbr : plan.court->code, "", "民初",
                   legacy ? plan.court->legacy_first : std::string_view(), plan.first_seq, "");
}

void ItemList::Begin() {
  items_.emplace_back();
  saved_ = w_->Redirect(&items_.back());
}

void ItemList::End() {
  w_->Redirect(saved_);
  saved_ = nullptr;
}

void ItemList::Emit(NumberStyle style, bool paragraphs) {
  for (size_t i = 0; i < items_.size(); ++i) {
    if (paragraphs) w_->BeginParagraph();
    if (items_.size() > 1) {
      switch (style) {
        case NumberStyle::kArabicDot:
          w_->Fmt("{}.", i + 1);
          break;
        case NumberStyle::kArabicComma:
          w_->Fmt("{}、", i + 1);
          break;
        case NumberStyle::kArabicFullDot:
          w_->Fmt("{}．", i + 1);
          break;
        case NumberStyle::kParen:
          w_->Fmt("（{}）", i + 1);
          break;
        case NumberStyle::kChinese:
          w_->Put(kChineseOrdinals[i < 12 ? i : 11]);
          w_->Put("、");
          break;
      }
    }
    w_->Put(items_[i]);
    w_->Put(i + 1 == items_.size() ? "。" : "；");
    if (paragraphs) w_->EndParagraph();
  }
}

NumberStyle PickClaimNumbering(Rng& rng) {
  static constexpr uint32_t kWeights[] = {45, 30, 10, 10, 5};
  return static_cast<NumberStyle>(rng.Weighted(kWeights));
}

void WritePlaintiff(DocWriter& w, const CasePlan& plan, size_t i, bool words) {
  if (words) w.Put(i < plan.plaintiff_word.size() ? plan.plaintiff_word[i] : "原告");
  w.Put(plan.plaintiffs[i].name);
}

void WriteDefendant(DocWriter& w, const CasePlan& plan, size_t i, bool words) {
  if (words) w.Put(i < plan.defendant_word.size() ? plan.defendant_word[i] : "被告");
  w.Put(plan.defendants[i].name);
}

void WriteDebtors(DocWriter& w, const CasePlan& plan, bool words) {
  bool first = true;
  for (size_t i = 0; i < plan.defendants.size(); ++i) {
    if (!IsDebtor(plan, i)) continue;
    if (!first) w.Put("、");
    WriteDefendant(w, plan, i, words && first);
    first = false;
  }
}

void WriteClaimList(DocWriter& w, const CasePlan& plan, Section section, bool words) {
  Rng& rng = w.rng();
  NumberStyle style = PickClaimNumbering(rng);
  static constexpr std::string_view kAsks[] = {"判令", "请求判令", "", "依法判令"};
  std::string_view ask = rng.Pick(kAsks);
  // The first-instance claims, in this document or restated in a later one.
  auto tally = [&](const ClaimItem& item) {
    return section == Section::kClaims && !item.excluded ? Tally::kClaim : Tally::kNone;
  };
  bool named = !words || rng.Percent(50);  // 判令被告归还原告… or 判令被告王某归还原告王某…
  ItemList list(&w);
  WriteOtherClaims(w, plan, true, words, ask, section, list);
  size_t debtors = DebtorCount(plan);
  if (plan.cause == Cause::kTraffic) {
    list.Begin();
    w.Put(ask);
    if (words) {
      w.Put(plan.defendants.size() > 1 ? "各被告" : "被告");
    } else {
      for (size_t i = 0; i < plan.defendants.size(); ++i) {
        if (i > 0) w.Put("、");
        w.Put(plan.defendants[i].name);
      }
    }
    w.Put("赔偿");
    if (words) w.Put("原告");
    for (size_t i = 0; i < plan.items.size(); ++i) {
      if (i > 0) w.Put("、");
      w.Put(plan.items[i].label);
      w.MoneyStyled(plan.items[i].claim_fen, section, Section::kClaims, tally(plan.items[i]));
    }
    list.End();
  } else {
    for (const ClaimItem& item : plan.items) {
      if (item.claim_fen <= 0 || item.periodic) continue;  // periodic: the cause's own claims
      list.Begin();
      w.Put(ask);
      if (named || !words) {
        WriteDebtors(w, plan, words);
      } else {
        w.Put("被告");
      }
      if (debtors > 1) w.Put("共同");
      w.Put(item.verb);
      if (named || !words) {
        WritePlaintiffs(w, plan, words);
      } else {
        w.Put("原告");
      }
      w.Put(item.label);
      w.MoneyStyled(item.claim_fen, section, Section::kClaims, tally(item));
      w.Put(item.tail);
      list.End();
    }
  }
  if (plan.guarantor >= 0) {
    list.Begin();
    w.Put(ask);
    WriteDefendant(w, plan, static_cast<size_t>(plan.guarantor), words);
    w.Put(rng.Percent(50) ? "对上述债务承担连带清偿责任" : "对上述借款本息承担连带保证责任");
    list.End();
  }
  WriteOtherClaims(w, plan, false, words, ask, section, list);
  list.Begin();
  static constexpr std::string_view kFees[] = {"本案诉讼费用由被告负担", "诉讼费由被告承担",
                                               "本案诉讼费用由被告承担",
                                               "本案受理费、保全费由被告承担"};
  w.Put(rng.Pick(kFees));
  list.End();
  list.Emit(style, false);
}

bool WriteDecision(DocWriter& w, const CasePlan& plan, DecisionMode mode) {
  Rng& rng = w.rng();
  ItemList list(&w);
  bool paid = false;
  bool words = mode != DecisionMode::kQuoted;
  Section section = mode == DecisionMode::kQuoted ? Section::kFacts : Section::kDecision;
  std::string_view within =
      mode == DecisionMode::kQuoted ? "于判决生效之日起十日内" : "于本判决生效之日起十日内";
  if (mode == DecisionMode::kChange) {
    list.Begin();
    w.Fmt("撤销{}", plan.court->name);
    WriteFirstCaseNumber(w, plan);
    w.Put("民事判决");
    list.End();
  }
  if (WriteSpecialDecision(w, plan, mode, list, &paid)) {
    // written by the cause
  } else if (plan.rejected && mode != DecisionMode::kMediation && mode != DecisionMode::kQuoted) {
    list.Begin();
    w.Put("驳回");
    WritePlaintiffs(w, plan, true);
    w.Put(rng.Percent(60) ? "的全部诉讼请求" : "的诉讼请求");
    list.End();
  } else {
    bool partial = false;
    for (const ClaimItem& item : plan.items) {
      int64_t award = Award(item, mode);
      if (award < item.claim_fen) partial = true;
      if (award <= 0) continue;
      bool installments = mode == DecisionMode::kMediation && award >= 2000000 && rng.Percent(30);
      int parts = installments ? 2 : 1;
      int64_t first = installments ? award / 200 * 100 : award;
      for (int part = 0; part < parts; ++part) {
        list.Begin();
        WriteDebtors(w, plan, words);
        if (mode == DecisionMode::kMediation) {
          Date due = AddDays(plan.decided, 15 + 30 * part + static_cast<int>(rng.Below(30)));
          w.Fmt("于{}年{}月{}日前", due.year, due.month, due.day);
        } else {
          w.Put(within);
        }
        if (DebtorCount(plan) > 1) w.Put("共同");
        w.Put(item.verb);
        WritePlaintiffs(w, plan, words);
        w.Put(item.label);
        w.MoneyStyled(part == 0 ? first : award - first, section, Section::kDecision,
                      AwardTally(w, mode, !item.excluded));
        if (mode != DecisionMode::kMediation) w.Put(item.tail);
        list.End();
        paid = true;
      }
    }
    if (plan.guarantor >= 0 && paid) {
      list.Begin();
      WriteDefendant(w, plan, static_cast<size_t>(plan.guarantor), words);
      w.Put("对");
      WriteDebtors(w, plan, words);
      w.Put("的上述债务承担连带清偿责任");
      if (rng.Percent(50)) {
        w.Put("；");
        WriteDefendant(w, plan, static_cast<size_t>(plan.guarantor), words);
        w.Put("承担保证责任后，有权向");
        WriteDebtors(w, plan, words);
        w.Put("追偿");
      }
      list.End();
    }
    if (partial) {
      list.Begin();
      if (mode == DecisionMode::kMediation) {
        WritePlaintiffs(w, plan, words);
        w.Put(rng.Percent(50) ? "自愿放弃其余诉讼请求" : "放弃其他诉讼请求");
      } else {
        w.Put("驳回");
        WritePlaintiffs(w, plan, words);
        w.Put(rng.Percent(70) ? "的其余诉讼请求" : "的其他诉讼请求");
      }
      list.End();
    }
  }
  if (mode == DecisionMode::kMediation && rng.Percent(40)) {
    list.Begin();
    w.Put(rng.Percent(50) ? "双方当事人就本案再无其他争议" : "双方就本案其他事宜再无争议");
    list.End();
  }
  list.Emit(NumberStyle::kChinese, mode != DecisionMode::kQuoted);
  return paid;
}

void WriteDelayClause(DocWriter& w, const CasePlan& plan) {
  w.BeginParagraph();
  w.Put(w.rng().Percent(70) ? "如果未按本判决指定的期间履行给付金钱义务"
                            : "如未按本判决指定的期间履行给付金钱义务");
  w.Fmt("，应当依照《中华人民共和国民事诉讼法》{}之规定，加倍支付迟延履行期间的债务利息。",
        CplArticle(plan.decided, Cpl::kDelay));
  w.EndParagraph();
}

void WriteFee(DocWriter& w, const CasePlan& plan, int64_t base, FeeMode mode, bool plaintiff_pays) {
  Rng& rng = w.rng();
  bool quoted = mode == FeeMode::kQuoted;
  Section section = quoted ? Section::kFacts : Section::kFee;
  int64_t charged = mode == FeeMode::kHalved ? HalveFen(base) : base;
  bool words = !quoted;
  auto payer = [&] {
    w.Put("由");
    if (plaintiff_pays) {
      WritePlaintiff(w, plan, 0, words);
    } else {
      WriteDefendant(w, plan, 0, words);
    }
    w.Put("负担");
  };
  if (!quoted) w.BeginParagraph();
  w.Put(mode == FeeMode::kAppeal ? "二审案件受理费" : quoted ? "一审案件受理费" : "案件受理费");
  if (mode == FeeMode::kHalved) {
    uint32_t form = rng.Below(10);
    if (form < 5) {
      w.MoneyStyled(base, section, Section::kFee, Tally::kNone);
      w.Put("，减半收取计");
      w.MoneyStyled(charged, section, Section::kFee, Tally::kNone);
      w.Put("，");
    } else if (form < 8) {
      w.Put("减半收取计");
      w.MoneyStyled(charged, section, Section::kFee, Tally::kNone);
      w.Put("，");
    } else {
      w.MoneyStyled(charged, section, Section::kFee, Tally::kNone);
      w.Put("（已减半收取），");
    }
    payer();
  } else {
    w.MoneyStyled(charged, section, Section::kFee, Tally::kNone);
    w.Put("，");
    bool split = !plaintiff_pays && mode != FeeMode::kAppeal && charged >= 20000 && rng.Percent(25);
    if (split) {
      int64_t share = charged / 4 / 100 * 100;
      w.Put("由");
      WritePlaintiff(w, plan, 0, words);
      w.Put("负担");
      w.MoneyStyled(share, section, Section::kFee, Tally::kNone);
      w.Put("，");
      WriteDefendant(w, plan, 0, words);
      w.Put("负担");
      w.MoneyStyled(charged - share, section, Section::kFee, Tally::kNone);
    } else {
      payer();
    }
  }
  if (!quoted) w.record().fee_fen = charged;
  if (quoted) {
    w.Put("。");
    return;
  }
  if (mode != FeeMode::kAppeal && plan.cause != Cause::kDivorce && rng.Percent(10)) {
    // 财产保全费: 30 yuan up to 1,000; 1% to 100,000; 0.5% above; at most 5,000.
    int64_t claim = 0;
    for (const ClaimItem& item : plan.items) claim += item.periodic ? 0 : item.claim_fen;
    int64_t fee = claim <= 100000     ? 3000
                  : claim <= 10000000 ? 2000 + claim / 100
                                      : 52000 + (claim - 10000000) / 200;
    if (fee > 500000) fee = 500000;
    w.Put("，财产保全费");
    w.MoneyStyled(fee, section, Section::kFee, Tally::kNone);
    w.Put("，");
    payer();
  }
  w.Put("。");
  w.EndParagraph();
}

void WriteAppealNotice(DocWriter& w, const CasePlan& plan, bool ruling) {
  Rng& rng = w.rng();
  w.BeginParagraph();
  std::string_view doc = ruling ? "裁定" : "判决";
  w.Fmt("如不服本{}，可{}在{}书送达之日起{}日内，向本院递交上诉状，", doc,
        rng.Percent(70) ? "以" : "", doc, ruling ? "十" : "十五");
  w.Put(rng.Percent(60) ? "并按对方当事人或者代表人的人数提出副本，"
                        : "并按照对方当事人的人数提出副本，");
  w.Fmt("上诉于{}。", plan.court->appeal->name);
  w.EndParagraph();
}

}  // namespace casesift::synth
