// The parties' prose: the plaintiff's 事实和理由, the defences, the appeal's reasons and
// answer, and the 财产调查 of an enforcement ruling. The court's prose is in
// prose_court.cpp.
#include "prose_writer.h"

#include <algorithm>

#include "prose_words.h"

namespace casesift::synth {
namespace {

constexpr std::string_view kClaimClosings[] = {
    "综上所述，{p}为维护自身的合法权益，特诉至法院，望判如所请。",
    "为此，{p}依法提起诉讼，请求法院依法支持{p}的请求。",
    "{p}认为，{d}的行为违背了诚实信用原则，依照{k}等法律规定，应当承担相应的法律责任。"
    "故{p}诉至法院，请求依法处理。",
    "{p}为维护自身合法权益，依据相关法律规定提起诉讼，恳请法院查明事实，依法判决。"};

constexpr std::string_view kClaimGeneric[] = {
    "{2}，{p}再次与{d}联系协商，{d}表示同意处理，但此后既不履行也不答复。",
    "{p}为解决纠纷，曾委托他人多次居中协调，{d}始终未能提出切实可行的解决方案。",
    "{d}的行为已严重损害了{p}的合法权益。"};

constexpr std::string_view kDefenceOpenings[] = {
    "不同意{P}{p}的诉讼请求。", "{P}{p}的诉讼请求缺乏事实和法律依据，{d}不予认可。",
    "对{P}{p}陈述的部分事实有异议。", "{P}{p}的起诉与事实不符。"};

constexpr std::string_view kDefenceSupports[] = {
    "对此，{d}将在举证期限内提交相应证据予以证明。",
    "{P}{p}对此心知肚明，却在起诉时故意隐瞒，有违诚信。",
    "这一点从双方往来的聊天记录中可以得到印证。",
    "{P}{p}提交的证据不能证明其主张，应由其承担举证不能的后果。",
    "{d}曾多次就此与{p}沟通，{p}均未予理会。",
    "相关事实有证人可以证明，{d}保留申请证人出庭作证的权利。"};

// A second sentence after a point of defence.
constexpr std::string_view kDefenceElaborations[] = {
    "{P}{p}在起诉状中对此只字未提，显然是有意回避对其不利的事实。",
    "双方当时是口头约定，{d}基于对{p}的信任没有要求形成书面材料，但这并不影响相关事实的成立。",
    "{d}在收到起诉材料后才得知{p}的主张，此前{p}从未就此与{d}进行过沟通。",
    "从双方的交易习惯来看，此前的往来均是按照这一方式处理的，{p}对此从未提出过异议。",
    "{p}提交的证据只能证明双方之间存在往来，不能证明其主张的具体内容，{d}对其证明目的不予认可。",
    "退一步讲，即使法院认定{d}应当承担责任，也应当充分考虑{p}自身的过错，相应减轻{d}的责任。",
    "{d}为此专门整理了相关的书面材料，将在庭审中一并提交。"};

constexpr std::string_view kDefenceClosings[] = {
    "综上，请求法院查明事实，依法驳回{P}{p}的诉讼请求。", "请求法院依法公正处理。",
    "综上所述，{P}{p}的诉讼请求不能成立，请求法院依法驳回。",
    "请求法院在查明事实的基础上依法作出公正的裁判。"};

constexpr std::string_view kGuarantorPoints[] = {
    "{d}仅在借条的见证人处签字，并无为他人提供担保的意思表示",
    "主债务的履行期限已被{p}与债务人私下延长，未经保证人书面同意，保证人不再承担保证责任"};

constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八"};

constexpr std::string_view kAppealPoints[] = {
    "一审判决认定事实不清。一审法院对双方之间的实际履行情况未予全面查明，仅凭{p}单方提交的"
    "证据即作出认定，忽视了{d}提交的反驳证据，显属不当",
    "一审判决适用法律错误。本案应当适用当事人之间的特别约定，一审法院径行适用法律的一般规定，"
    "导致裁判结果有失公平",
    "一审程序存在瑕疵。上诉人在一审中申请调取的证据，一审法院既未调取，也未说明不予调取的理由，"
    "剥夺了上诉人的举证权利",
    "一审判决对举证责任的分配有误。本案中应由对方当事人承担举证责任，一审法院却将不利后果"
    "归于上诉人，违反了法律规定",
    "一审判决对当事人陈述的采信前后矛盾，对同一事实作出了不同的认定"};

constexpr std::string_view kAnswerPoints[] = {
    "一审法院对证据的认定符合法律规定，上诉人在二审中并未提交新的证据推翻原判认定的事实",
    "上诉人所称的程序问题并不存在，一审法院已经依法保障了各方当事人的诉讼权利",
    "上诉人的上诉理由在一审中均已提出，一审法院已经作出了充分的评判",
    "上诉人提起上诉的目的在于拖延履行义务，其上诉理由不能成立"};

constexpr std::string_view kInquiries[] = {
    "本院向不动产登记中心查询，被执行人名下无登记的不动产。",
    "经向车辆管理部门查询，被执行人名下无登记的机动车。",
    "经查询住房公积金管理中心，被执行人无可供提取的公积金。",
    "经向市场监督管理部门查询，被执行人无对外投资的股权。",
    "本院执行人员前往被执行人处进行实地调查，未发现可供执行的财产。",
    "本院依法传唤被执行人到庭接受询问，被执行人未按时到庭。",
    "申请执行人亦未能向本院提供被执行人可供执行的财产线索。",
    "本院已通过执行信息公开网向社会公示被执行人的相关信息。"};

}  // namespace

void WriteClaimReasons(DocWriter& w, const CasePlan& plan, ProseScale scale) {
  Rng& rng = w.rng();
  const ProseWords& words = WordsOf(plan.cause);
  Slots slots(plan, "", "");
  size_t count = scale == ProseScale::kFull     ? SkewedCount(rng, 2, 7)
                 : scale == ProseScale::kMedium ? SkewedCount(rng, 1, 4)
                                                : rng.Below(2);
  // The cause's sentences first, then the generic ones, each at most once.
  size_t total = words.claims.size + std::size(kClaimGeneric);
  size_t picks[32];
  count = std::min(count, total);
  PickDistinct(rng, total, count, picks);
  std::sort(picks, picks + count);
  for (size_t k = 0; k < count; ++k) {
    size_t i = picks[k];
    slots.Expand(
        w, i < words.claims.size ? words.claims.items[i] : kClaimGeneric[i - words.claims.size]);
  }
  if (scale != ProseScale::kShort && rng.Percent(75)) slots.Expand(w, rng.Pick(kClaimClosings));
}

void WriteDefenceArguments(DocWriter& w, const CasePlan& plan, size_t i, std::string_view core) {
  Rng& rng = w.rng();
  const ProseWords& words = WordsOf(plan.cause);
  std::string_view defendant_role = plan.defendant_word.empty() ? "" : plan.defendant_word[0];
  std::string_view plaintiff_role = plan.plaintiff_word.empty() ? "" : plan.plaintiff_word[0];
  Slots slots(plan, plaintiff_role, defendant_role);
  slots.Set('d', plan.defendants[i].short_name);
  if (i > 0 && plan.defendants.size() > 1 && static_cast<int>(i) != plan.guarantor &&
      rng.Percent(40)) {
    w.Fmt("同意{}{}的答辩意见。", defendant_role, plan.defendants[0].short_name);
    w.Put(core);
    w.Put("。");
    return;
  }
  bool guarantor = static_cast<int>(i) == plan.guarantor;
  Phrases points = guarantor ? Phrases(kGuarantorPoints) : words.defences;
  size_t count = SkewedCount(rng, 1, std::min<size_t>(points.size, 5));
  bool opened = rng.Percent(70);
  if (opened) slots.Expand(w, rng.Pick(kDefenceOpenings));
  size_t picks[32];
  PickDistinct(rng, points.size, count, picks);
  size_t elaborations[32];
  PickDistinct(rng, std::size(kDefenceElaborations), std::size(kDefenceElaborations), elaborations);
  size_t next_elaboration = 0;
  if (count > 0 && opened) w.Put(rng.Percent(50) ? "理由如下：" : "具体理由如下：");
  for (size_t k = 0; k <= count; ++k) {
    if (count > 0) w.Fmt("{}、", kNumerals[k]);
    if (k == 0) {
      w.Put(core);
    } else {
      slots.Expand(w, points.items[picks[k - 1]]);
    }
    w.Put("。");
    if (next_elaboration < std::size(kDefenceElaborations) && rng.Percent(70)) {
      slots.Expand(w, kDefenceElaborations[elaborations[next_elaboration++]]);
    }
    if (rng.Percent(35)) slots.Expand(w, rng.Pick(kDefenceSupports));
  }
  if (rng.Percent(75)) slots.Expand(w, rng.Pick(kDefenceClosings));
}

void WriteAppealReasons(DocWriter& w, const CasePlan& plan) {
  Rng& rng = w.rng();
  bool by_defendant = plan.appellant_is_defendant;
  Slots slots(plan, "", "");
  size_t count = SkewedCount(rng, 1, std::size(kAppealPoints));
  size_t picks[32];
  PickDistinct(rng, std::size(kAppealPoints), count, picks);
  std::sort(picks, picks + count);
  for (size_t k = 0; k < count; ++k) {
    w.Fmt("{}、", kNumerals[k]);
    // The appellant's view: "{p}" is the other side when the defendant appeals.
    std::string_view point = kAppealPoints[picks[k]];
    if (!by_defendant && point.find("{p}单方") != std::string_view::npos) {
      w.Put(
          "一审判决认定事实不清。一审法院对双方之间的实际履行情况未予全面查明，对上诉人提交的"
          "证据未予采信，显属不当");
    } else {
      slots.Expand(w, point);
    }
    w.Put("。");
  }
  w.Put(rng.Percent(50) ? "综上，请求二审法院依法支持上诉人的上诉请求。"
                        : "请求二审法院查明事实，依法改判。");
}

void WriteAppealAnswer(DocWriter& w, const CasePlan& plan) {
  Rng& rng = w.rng();
  size_t count = SkewedCount(rng, 0, std::size(kAnswerPoints));
  size_t picks[32];
  PickDistinct(rng, std::size(kAnswerPoints), count, picks);
  for (size_t k = 0; k < count; ++k) {
    w.Put(kAnswerPoints[picks[k]]);
    w.Put("。");
  }
  (void)plan;
}

void WriteEnforcementInquiry(DocWriter& w, const CasePlan& plan) {
  Rng& rng = w.rng();
  Slots slots(plan, "", "");
  size_t count = SkewedCount(rng, 1, std::size(kInquiries));
  size_t picks[32];
  PickDistinct(rng, std::size(kInquiries), count, picks);
  std::sort(picks, picks + count);
  for (size_t k = 0; k < count; ++k) slots.Expand(w, kInquiries[picks[k]]);
}

}  // namespace casesift::synth
