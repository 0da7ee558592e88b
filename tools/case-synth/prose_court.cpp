// The court's prose: the evidence and its 认证, the found facts beyond the story, and the
// analysis of the 争议焦点.
#include <algorithm>

#include "cause_catalog.h"
#include "prose_words.h"
#include "prose_writer.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kEvidenceIntros[] = {
    "{P}{p}为证明其主张，向{C}提交了以下证据：", "{P}{p}围绕其诉讼请求，向{C}提交了如下证据：",
    "为支持其诉讼主张，{P}{p}向{C}提交了以下证据材料："};

constexpr std::string_view kChallenges[] = {
    "对证据{a}的真实性无异议，但对其证明目的有异议，认为该证据不能证明{p}的主张",
    "对证据{a}的真实性、合法性和关联性均有异议，该证据系{p}单方制作，不予认可",
    "对证据{a}的真实性无异议，但认为该证据只能证明双方曾有往来，不能证明{p}所主张的事实",
    "证据{a}系复印件，无原件核对，对其真实性不予认可"};

constexpr std::string_view kFindings[] = {
    "{P}{p}提交的证据{a}系原件，{D}{d}对其真实性无异议，且与本案待证事实相关联，{C}予以确认，"
    "可以作为认定本案事实的依据",
    "证据{a}虽为复印件，但与其他证据能够相互印证，{C}对其证明力予以确认",
    "{D}{d}对证据{a}的证明目的虽有异议，但未提交相反证据予以反驳，{C}对其真实性予以确认，"
    "对其证明力将结合其他证据综合认定",
    "证据{a}与本案争议的事实缺乏关联性，{C}不予采信"};

// Found facts any cause can have. Those with 庭审中 need the defendant in court.
constexpr std::string_view kGenericFacts[] = {
    "庭审中，{C}组织双方当事人围绕争议事实进行了陈述和辩论。{P}{p}坚持其起诉时的主张及理由；"
    "{D}{d}坚持其答辩意见，双方各执一词。",
    "{C}在审理过程中依法向双方当事人释明了举证责任的分配及逾期举证的法律后果，双方均表示清楚。",
    "{1}，{p}与{d}通过微信就相关事宜进行了沟通，{d}在聊天中表示“最近比较忙，过段时间再处理”，"
    "{p}回复要求其尽快落实。",
    "庭审中，{P}{p}陈述，纠纷发生后其曾委托朋友居中协调，{d}起初表示愿意协商，后又以各种理由拖延；"
    "{D}{d}对此表示，其从未拒绝协商，只是双方对具体方案存在分歧。",
    "{2}，{p}向{d}发送短信，内容为“请尽快处理我们之间的事情，否则我只能通过法律途径解决”，"
    "{d}未予回复。",
    "庭审中，经{C}询问，双方均确认除本案所涉事项外，不存在其他需要一并处理的纠纷。",
    "庭审中，{D}{d}陈述，其与{p}此前一直相处融洽，本次纠纷系因双方对约定内容的理解不同所致。",
    "{C}在审理过程中组织双方当事人进行了协商，因双方意见分歧较大，未能达成一致。",
    "{p}提交的手机截图显示，{1}至{3}期间，{p}先后多次通过电话、短信与{d}联系，其中部分通话时长"
    "较短，部分短信未获回复；{d}对上述通话及短信记录的真实性未提出反驳意见，但称相关内容系正常的"
    "业务沟通。",
    "庭审中，{P}{p}补充陈述，双方在纠纷发生前曾有过多次往来，往来过程中均未发生争议，本次纠纷"
    "发生后，其考虑到双方多年的关系，曾给予{d}较长的宽限期；{D}{d}对双方此前的往来情况予以确认，"
    "但对宽限期的说法不予认可。",
    "{3}，{p}就本案纠纷向当地人民调解委员会申请调解，人民调解员组织双方进行了沟通，因{d}未到场，"
    "该次调解未能进行。",
    "庭审中，{C}要求双方当事人就争议事实提供相应的原始凭证。{P}{p}当庭出示了原件，{D}{d}经核对"
    "后确认复印件与原件一致；{D}{d}称其相关材料因搬迁遗失，无法提供。",
    "另，{p}在庭审中明确表示，其在本案中仅主张起诉时所列的各项请求，对于其他可能存在的权利，"
    "保留另行主张的权利。"};

constexpr std::string_view kClauseNumbers[] = {"三", "四", "五", "六", "八", "九", "十"};

constexpr std::string_view kFactsSummaries[] = {
    "上述事实，有{x}及当事人的庭审陈述等证据在案佐证，足以认定。",
    "以上事实，有{x}以及当事人陈述等在卷为证，{C}予以确认。"};

constexpr std::string_view kFocusIntros[] = {
    "根据双方当事人的诉辩意见及庭审查明的事实，本案的争议焦点为：",
    "结合当事人的诉辩意见，{C}归纳本案的争议焦点为：",
    "经庭审归纳，并征询双方当事人意见，本案的争议焦点为："};

constexpr std::string_view kRejectedAnalyses[] = {
    "关于{p}的主张能否成立的问题。{e}规定，当事人对自己提出的诉讼请求所依据的事实或者反驳对方"
    "诉讼请求所依据的事实，应当提供证据加以证明，但法律另有规定的除外；在作出判决前，当事人未能"
    "提供证据或者证据不足以证明其事实主张的，由负有举证证明责任的当事人承担不利的后果。本案中，"
    "{p}虽提交了{c}等证据，但{d}对此提出了合理的反驳，{p}未能进一步举证证明其主张的事实，"
    "应当承担举证不能的不利后果。",
    "{p}提交的证据之间存在矛盾之处，且{p}对相关事实的陈述前后不一，{C}无法据此认定{p}所主张的"
    "事实。{p}经{C}释明后亦未申请调查取证或者补充提交证据，对其主张{C}难以支持。"};

constexpr std::string_view kRebuttals[] = {
    "{D}{d}的相关抗辩意见，缺乏事实和法律依据，{C}不予采纳。",
    "对于{D}{d}的该项抗辩，因其未提交证据予以证明，{C}不予支持。",
    "{D}{d}虽对此持有异议，但未能提供相反证据予以反驳，其抗辩理由不能成立。"};

// Reasoning any case can carry (the contract ones only in contract cases).
constexpr std::string_view kContractReasons[] = {
    "当事人应当按照约定全面履行自己的义务，并应当遵循诚信原则，根据合同的性质、目的和交易习惯"
    "履行通知、协助、保密等义务。",
    "对合同条款的理解有争议的，应当按照所使用的词句，结合相关条款、行为的性质和目的、习惯以及"
    "诚信原则，确定争议条款的含义。",
    "当事人一方违约后，对方应当采取适当措施防止损失的扩大；没有采取适当措施致使损失扩大的，"
    "不得就扩大的损失请求赔偿。"};
constexpr std::string_view kGenericReasons[] = {
    "诚实信用原则是民事活动的基本原则，当事人行使权利、履行义务应当遵循诚信原则，秉持诚实，"
    "恪守承诺。",
    "{C}综合全案证据，对{p}主张的事实进行了审查判断，认为{p}提交的证据能够相互印证，形成完整的"
    "证据链，其证明力明显大于{d}提交的反驳证据。",
    "{D}{d}在本案中虽提出了多项抗辩，但均未能提交充分的证据予以证明，亦未申请{C}调取证据，"
    "应当承担相应的不利后果。",
    "民事案件的证明标准为高度可能性标准，即{C}"
    "在审查证据并结合相关事实后，确信待证事实的存在具有高度"
    "可能性的，应当认定该事实存在。本案现有证据已经达到了这一证明标准。",
    "{p}在纠纷发生后多次主张权利，其主张权利的行为具有连续性，{d}关于{p}怠于行使权利的意见，"
    "与查明的事实不符。",
    "{C}注意到，{d}在庭审中的陈述与其此前在往来信息中的表述存在明显出入，且未能作出合理解释，"
    "对其庭审中的相关陈述，{C}不予采信。",
    "当事人在诉讼中应当如实陈述案件事实，不得歪曲事实、虚构事实，{C}对双方的陈述均结合在案证据"
    "予以审查，对有证据佐证的部分予以采信。"};

constexpr std::string_view kBurdens[] = {
    "需要指出的是，{e}规定，当事人对自己提出的诉讼请求所依据的事实或者反驳对方诉讼请求所依据"
    "的事实，应当提供证据加以证明。当事人未能提供证据或者证据不足以证明其事实主张的，由负有举证"
    "证明责任的当事人承担不利的后果。",
    "民事诉讼中，人民法院应当按照法定程序，全面、客观地审查核实证据，依照法律规定，运用逻辑推理"
    "和日常生活经验，对证据有无证明力和证明力大小进行判断，并公开判断的理由和结果。"};

bool IsMoney(const ClaimItem& item) { return item.claim_fen > 0 && !item.periodic; }

std::string_view RoleOf(const std::vector<std::string_view>& words) {
  return words.empty() ? std::string_view() : words[0];
}

}  // namespace

void WriteEvidence(DocWriter& w, const CasePlan& plan) {
  Rng& rng = w.rng();
  const ProseWords& words = WordsOf(plan.cause);
  Slots slots(plan, RoleOf(plan.plaintiff_word), RoleOf(plan.defendant_word));
  size_t count = SkewedCount(rng, 2, std::min<size_t>(words.exhibit_count, 7));
  size_t picks[32];
  PickDistinct(rng, words.exhibit_count, count, picks);
  std::sort(picks, picks + count);
  bool circled = rng.Percent(30);
  w.BeginParagraph();
  slots.Expand(w, rng.Pick(kEvidenceIntros));
  for (size_t k = 0; k < count; ++k) {
    const Exhibit& e = words.exhibits[picks[k]];
    if (circled) {
      w.Fmt("证据{}，", k + 1);
    } else {
      w.Fmt("{}.", k + 1);
    }
    slots.Expand(w, e.item);
    w.Put("，证明");
    slots.Expand(w, e.proves);
    w.Put(k + 1 < count ? "；" : "。");
  }
  w.EndParagraph();
  bool absent = (plan.absent & 1u) != 0;
  std::string labels[2];
  fmt::format_to(std::back_inserter(labels[0]), "{}", count > 1 ? "1、2" : "1");
  fmt::format_to(std::back_inserter(labels[1]), "{}", count);
  w.BeginParagraph();
  if (absent) {
    slots.Expand(w, "{D}{d}未到庭参加诉讼，亦未提交证据，视为放弃举证和质证的权利。");
    w.EndParagraph();
    return;
  }
  slots.Expand(w, rng.Percent(50) ? "{D}{d}质证称：" : "{D}{d}发表质证意见如下：");
  size_t said = 1 + rng.Below(2);
  for (size_t k = 0; k < said; ++k) {
    slots.Set('a', labels[k]);
    slots.Expand(w, kChallenges[(picks[0] + k * 2 + rng.Below(2)) % std::size(kChallenges)]);
    w.Put(k + 1 < said ? "；" : "。");
  }
  if (words.counter_count > 0 && rng.Percent(45)) {
    const Exhibit& e =
        words.counter_exhibits[rng.Below(static_cast<uint32_t>(words.counter_count))];
    slots.Expand(w, "{D}{d}为支持其抗辩，向{C}提交了");
    slots.Expand(w, e.item);
    w.Put("，拟证明");
    slots.Expand(w, e.proves);
    slots.Expand(w, "。{P}{p}质证认为，该证据不能达到其证明目的。");
  }
  w.EndParagraph();
  w.BeginParagraph();
  w.Put(rng.Percent(50) ? "本院对证据认证如下：" : "对当事人有争议的证据，本院认定如下：");
  size_t found = 1 + rng.Below(2);
  for (size_t k = 0; k < found; ++k) {
    slots.Set('a', labels[k]);
    slots.Expand(w, kFindings[(k * 2 + rng.Below(2)) % std::size(kFindings)]);
    w.Put(k + 1 < found ? "；" : "。");
  }
  w.EndParagraph();
}

void WriteFactsDetail(DocWriter& w, const CasePlan& plan, bool quoted) {
  Rng& rng = w.rng();
  const ProseWords& words = WordsOf(plan.cause);
  // This court with the document's role words, or the first-instance court quoted in a
  // second-instance document, naming the parties bare.
  Slots slots(plan, quoted ? "" : RoleOf(plan.plaintiff_word),
              quoted ? "" : RoleOf(plan.defendant_word));
  if (quoted) slots.Set('C', "一审法院");
  // The pool: the cause's facts, a quoted clause, the plaintiff's figure (restated from
  // the plan: the facts section lists it), and the defendant's registration.
  size_t facts = words.facts.size;
  size_t clause = words.clauses.size > 0 ? 1 : 0;
  bool restate = !plan.items.empty() && IsMoney(plan.items[0]) && words.contract_case &&
                 !plan.items[0].excluded;
  bool company = !plan.defendants.empty() && plan.defendants[0].type == ActorType::kCompany;
  size_t generic = std::size(kGenericFacts);
  size_t total = facts + clause + (restate ? 1 : 0) + (company ? 1 : 0) + generic;
  bool absent = (plan.absent & 1u) != 0;
  size_t count = SkewedCount(rng, 10, std::min<size_t>(total, 16));
  size_t picks[32];
  PickDistinct(rng, total, count, picks);
  std::sort(picks, picks + count);
  for (size_t k = 0; k < count; ++k) {
    size_t i = picks[k];
    std::string_view text = i < facts ? words.facts.items[i] : std::string_view();
    if (i >= total - generic) text = kGenericFacts[i - (total - generic)];
    if (absent && text.find("庭审中") != std::string_view::npos) continue;
    w.BeginParagraph();
    if (!text.empty()) {
      if (k > 0 && rng.Percent(30) && text.find("庭审中") != 0 && text.find("另") != 0) {
        w.Put("另查明，");
      }
      slots.Expand(w, text);
    } else if ((i -= facts) < clause) {
      w.Put(rng.Percent(50) ? "另查明，" : "");
      w.Fmt("{}第{}条约定：“", words.contract, rng.Pick(kClauseNumbers));
      slots.Expand(w, words.clauses.items[rng.Below(static_cast<uint32_t>(words.clauses.size))]);
      w.Put("。”");
    } else if (restate && (i -= clause) == 0) {
      const ClaimItem& item = plan.items[0];
      slots.Expand(w,
                   rng.Percent(50) ? "庭审中，{P}{p}明确其主张的" : "{P}{p}在庭审中确认，其主张的");
      w.Put(item.label);
      w.Put("为");
      w.Money(item.claim_fen, Section::kFacts, Tally::kNone);
      if (plan.absent & 1u) {
        w.Put("。");
      } else {
        slots.Expand(w,
                     rng.Percent(50) ? "；{D}{d}对该数额不予认可。" : "，{D}{d}对此发表了意见。");
      }
    } else {
      slots.Expand(w, "{D}{d}系依法登记设立的有限责任公司，成立于{0}，登记状态为存续。");
    }
    w.EndParagraph();
  }
  if (rng.Percent(60)) {
    std::string exhibits;
    for (size_t k = 0; k < words.exhibit_count && k < 3; ++k) {
      std::string_view item = words.exhibits[k].item;
      if (item.find('{') != std::string_view::npos) continue;
      if (!exhibits.empty()) exhibits.append("、");
      exhibits.append(item);
    }
    if (exhibits.empty()) return;
    slots.Set('x', exhibits);
    w.BeginParagraph();
    slots.Expand(w, rng.Pick(kFactsSummaries));
    w.EndParagraph();
  }
}

void WriteReasoningAnalysis(DocWriter& w, const CasePlan& plan, ProseScale scale, bool quoted) {
  Rng& rng = w.rng();
  const ProseWords& words = WordsOf(plan.cause);
  // This court with the document's role words, or the first-instance court quoted in a
  // second-instance document, naming the parties bare.
  Slots slots(plan, quoted ? "" : RoleOf(plan.plaintiff_word),
              quoted ? "" : RoleOf(plan.defendant_word));
  if (quoted) slots.Set('C', "一审法院");
  w.Fmt("本案系{}。", SpecOf(plan.cause).name);
  size_t focuses = std::min(words.focuses.size, words.analyses.size);
  size_t count = scale == ProseScale::kFull ? std::max<size_t>(focuses - rng.Below(2), 1) : 1;
  slots.Expand(w, rng.Pick(kFocusIntros));
  for (size_t k = 0; k < count; ++k) {
    if (count > 1) w.Fmt("{}、", std::string_view("一二三四五").substr(k * 3, 3));
    slots.Expand(w, words.focuses.items[k]);
    w.Put(k + 1 < count ? "；" : "。");
  }
  slots.Expand(w, rng.Percent(50) ? "{C}分析评判如下：" : "对此，{C}评析如下：");
  w.EndParagraph();
  // A rejected claim (other than a divorce, whose analysis is even-handed) fails on proof.
  bool fails = plan.rejected && plan.cause != Cause::kDivorce;
  if (fails) count = std::min(count, std::size(kRejectedAnalyses));
  size_t reasons = words.contract_case ? std::size(kContractReasons) : 0;
  size_t extra[32];
  size_t extras =
      fails ? 0 : std::min(SkewedCount(rng, 4, 9), reasons + std::size(kGenericReasons));
  PickDistinct(rng, reasons + std::size(kGenericReasons), extras, extra);
  for (size_t k = 0; k < count; ++k) {
    w.BeginParagraph();
    if (fails) {
      slots.Expand(w, kRejectedAnalyses[k]);
    } else {
      slots.Expand(w, words.analyses.items[k]);
      for (size_t e = k; e < extras; e += count) {
        size_t i = extra[e];
        slots.Expand(w, i < reasons ? kContractReasons[i] : kGenericReasons[i - reasons]);
      }
      if (rng.Percent(60)) slots.Expand(w, rng.Pick(kRebuttals));
    }
    w.EndParagraph();
  }
  if (scale == ProseScale::kFull && rng.Percent(35)) {
    w.BeginParagraph();
    slots.Expand(w, rng.Pick(kBurdens));
    w.EndParagraph();
  }
}

}  // namespace casesift::synth
