#include "outcome.h"

#include <re2/re2.h>

#include "money_items.h"
#include "text_util.h"

namespace casesift {
namespace {

bool Has(std::string_view s, const RE2& re) { return RE2::PartialMatch(s, re); }

const RE2& WithdrawnRe() {
  static thread_local const RE2 re(
      "(?:准许|准予|同意).{0,40}?撤(?:回|诉)|按(?:撤诉|自动撤回)(?:起诉|上诉)?处理");
  return re;
}
const RE2& DismissedRe() {
  static thread_local const RE2 re("驳回.{0,40}?起诉");
  return re;
}
const RE2& TransferredRe() {
  static thread_local const RE2 re("移送.{0,30}?(?:法院|公安|检察|仲裁|处理|审理)");
  return re;
}
const RE2& SuspendedRe() {
  static thread_local const RE2 re("中止(?:诉讼|审理|执行)");
  return re;
}
const RE2& TerminatedRe() {
  static thread_local const RE2 re("终结(?:诉讼|执行|本次执行)|终结.{0,80}?的执行");
  return re;
}
const RE2& GrantedRe() {
  static thread_local const RE2 re(
      "禁止被申请人|责令被申请人|准予|准许.{0,20}?申请|确认.{0,40}?有效|"
      "(?:^|[；。\\n])[\\s]*(?:冻结|查封|扣押)|"
      "解除.{0,40}?(?:查封|冻结|扣押)|予以执行|撤销.{0,30}?(?:仲裁|裁决)");
  return re;
}
// Closing sentences of a ruling that are not items of the decision.
const RE2& BoilerplateRe() {
  static thread_local const RE2 re(
      "^(?:本(?:裁定|判决|决定|调解书)|如不服|案外人、当事人|当事人.{0,12}不服|"
      "上述协议|双方(?:当事人)?(?:再无|无其他)|.{0,16}?对本(?:裁定|判决|决定)不服)");
  return re;
}
const RE2& RefusalItemRe() {
  static thread_local const RE2 re(
      "^(?:驳回|不准(?:予|许)?|维持原判|不予支持)|(?:不予支持|不予准许)$");
  return re;
}

// How the items of a decision read: whether there is any, and whether every one refuses.
// Setting aside a lower court's judgment (撤销…民事判决) neither grants nor refuses.
struct ItemsRead {
  bool any_item = false, all_refusals = true;
};
ItemsRead ReadItems(std::string_view decision) {
  ItemsRead read;
  size_t start = 0;
  for (size_t i = 0; i <= decision.size(); ++i) {
    // ； is EF BC 9B and 。 is E3 80 82: compare only at those lead bytes.
    bool end = i == decision.size() || decision[i] == '\n' ||
               ((decision[i] == '\xEF' || decision[i] == '\xE3') &&
                (decision.substr(i, 3) == "；" || decision.substr(i, 3) == "。"));
    if (!end) continue;
    std::string_view item = Trim(decision.substr(start, i - start));
    start = i + (i < decision.size() && decision[i] != '\n' ? 3 : 1);
    size_t mark = item.find("、");
    if (mark != std::string_view::npos && mark <= 9) item = item.substr(mark + 3);
    if (item.empty()) continue;
    if (RE2::PartialMatch(item, BoilerplateRe())) break;  // the items are over
    if (StartsWith(item, "撤销") && item.find("判决") != std::string_view::npos &&
        item.find("仲裁") == std::string_view::npos) {
      continue;
    }
    read.any_item = true;
    if (!RE2::PartialMatch(item, RefusalItemRe())) read.all_refusals = false;
  }
  return read;
}

// The lower court's decision that 维持原判 upholds, as the text restates it before
// `decision` (…判决：一、…；二、…。): up to the sentence's end. Empty when none is found.
std::string_view RestatedDecision(std::string_view decision, std::string_view text) {
  if (decision.data() < text.data() || decision.data() > text.data() + text.size()) return {};
  std::string_view before = text.substr(0, static_cast<size_t>(decision.data() - text.data()));
  size_t opener = FindLast(before, "判决如下");
  if (opener != std::string_view::npos) before = before.substr(0, opener);
  size_t at = std::string_view::npos;
  for (std::string_view w : {"判决：", "判决:"}) {
    size_t pos = FindLast(before, w);
    if (pos != std::string_view::npos && (at == std::string_view::npos || pos > at)) {
      at = pos + w.size();
    }
  }
  if (at == std::string_view::npos) return {};
  std::string_view items = before.substr(at);
  size_t stop = items.find("。");
  return items.substr(0, stop == std::string_view::npos ? items.size() : stop + 3);
}

}  // namespace

std::string ClassifyOutcome(std::string_view doc_type, std::string_view decision,
                            std::string_view text) {
  if (doc_type.find("调解书") != std::string_view::npos) return "mediated";
  if (decision.empty()) {
    if (text.find("经本院主持调解") != std::string_view::npos &&
        text.find("达成") != std::string_view::npos) {
      return "mediated";
    }
    return doc_type.find("判决书") != std::string_view::npos ? "judgment" : "other";
  }
  if (Has(decision, WithdrawnRe())) return "withdrawn";
  if (Has(decision, TransferredRe())) return "transferred";
  if (Has(decision, TerminatedRe())) return "terminated";
  if (Has(decision, SuspendedRe())) return "suspended";
  // Every item a refusal: rejected (or dismissed, when it is the suit that is refused).
  // Upholding a lower judgment that grants something is a judgment.
  ItemsRead read = ReadItems(decision);
  if (read.any_item && read.all_refusals && Find(decision, "维持原判") != std::string_view::npos &&
      doc_type.find("判决书") != std::string_view::npos) {
    ItemsRead upheld = ReadItems(RestatedDecision(decision, text));
    if (upheld.any_item && !upheld.all_refusals) return "judgment";
  }
  if (read.any_item && read.all_refusals) {
    if (Has(decision, DismissedRe()) && Find(decision, "诉讼请求") == std::string_view::npos) {
      return "dismissed";
    }
    return "rejected";
  }
  if (Has(decision, DismissedRe()) && Find(decision, "诉讼请求") == std::string_view::npos &&
      doc_type.find("裁定") != std::string_view::npos) {
    return "dismissed";
  }
  if (doc_type.find("保护令") != std::string_view::npos || Has(decision, GrantedRe())) {
    if (doc_type.find("判决书") == std::string_view::npos) return "granted";
  }
  if (doc_type.find("判决书") != std::string_view::npos) return "judgment";
  return "other";
}

}  // namespace casesift
