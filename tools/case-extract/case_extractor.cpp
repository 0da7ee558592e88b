#include "case_extractor.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "amounts.h"
#include "common/case_number.h"
#include "common/cause_list.h"
#include "common/chinese_date.h"
#include "common/hash.h"
#include "document_layout.h"
#include "outcome.h"
#include "party_parser.h"
#include "text_util.h"

namespace casesift {
namespace {

constexpr size_t kNone = std::string_view::npos;
constexpr size_t kHeaderWindow = 1200;  // bytes from the start where the header may be

struct Header {
  std::string court, doc_type;
  std::optional<FoundCaseNumber> number;
  size_t end = 0;
};

const RE2& DocTypeRe() {
  // Letter-spaced or not: 民 事 判 决 书.
  static thread_local const RE2 re(
      "((?:(?:民|刑)[\\s\\x{3000}]*事|行[\\s\\x{3000}]*政|执[\\s\\x{3000}]*行|"
      "国[\\s\\x{3000}]*家[\\s\\x{3000}]*赔[\\s\\x{3000}]*偿|"
      "司[\\s\\x{3000}]*法[\\s\\x{3000}]*赔[\\s\\x{3000}]*偿)?[\\s\\x{3000}]*"
      "(?:判[\\s\\x{3000}]*决[\\s\\x{3000}]*书|裁[\\s\\x{3000}]*定[\\s\\x{3000}]*书|"
      "调[\\s\\x{3000}]*解[\\s\\x{3000}]*书|决[\\s\\x{3000}]*定[\\s\\x{3000}]*书|"
      "支[\\s\\x{3000}]*付[\\s\\x{3000}]*令|通[\\s\\x{3000}]*知[\\s\\x{3000}]*书|"
      "人[\\s\\x{3000}]*身[\\s\\x{3000}]*安[\\s\\x{3000}]*全[\\s\\x{3000}]*保[\\s\\x{3000}]*"
      "护[\\s\\x{3000}]*令))");
  return re;
}

size_t Offset(std::string_view text, std::string_view part) {
  return static_cast<size_t>(part.data() - text.data());
}

Header ParseHeader(std::string_view text) {
  Header h;
  std::string_view window = text.substr(0, std::min(text.size(), kHeaderWindow));
  // The court: the first line (or the text before the title) up to 法院, with a branch
  // court's 分院 after it; no punctuation, at most 40 characters.
  size_t court_end = window.substr(0, std::min<size_t>(window.size(), 180)).find("法院");
  if (court_end != kNone) {
    court_end += 6;
    std::string_view rest = window.substr(court_end, 60);
    size_t branch = rest.find("分院");
    if (branch != kNone && rest.substr(0, branch).find('\n') == kNone &&
        rest.substr(0, branch).find("，") == kNone) {
      court_end += branch + 6;
    }
  }
  std::string_view court_text =
      court_end == kNone ? std::string_view() : Trim(window.substr(0, court_end));
  bool court_ok = !court_text.empty() && CountChars(court_text) <= 40 &&
                  court_text.find_first_of("\n:()") == kNone;
  for (std::string_view stop : {"，", "。", "：", "、", "（", "）"}) {
    if (court_ok && court_text.find(stop) != kNone) court_ok = false;
  }
  if (court_ok) {
    std::string_view court = court_text;
    h.court = RemoveSpaces(court);
    h.end = Offset(text, court) + court.size();
  }
  re2::StringPiece doc_type_piece;
  std::string_view after_court = window.substr(h.end);
  // The title follows the court within a short distance; look no further than 200 bytes.
  std::string_view near = after_court.substr(0, std::min<size_t>(after_court.size(), 200));
  if (RE2::PartialMatch(near, DocTypeRe(), &doc_type_piece)) {
    std::string_view doc_type = View(doc_type_piece);
    h.doc_type = RemoveSpaces(doc_type);
    h.end = Offset(text, doc_type) + doc_type.size();
  }
  // The 案号 stands right after the title: look at the next few lines only.
  std::string_view number_window = window.substr(0, std::min(window.size(), h.end + 240));
  // After the court and title when they were found (a number inside them is not it).
  size_t from = h.end > 0 && !h.court.empty() ? h.end : 0;
  if (std::optional<FoundCaseNumber> f = FindFirstCaseNumber(number_window, from)) {
    // The document's own number stands before the first party paragraph.
    std::string_view before = window.substr(h.end, f->offset - std::min(f->offset, h.end));
    if (CountChars(Trim(before)) <= 12) {
      h.end = f->offset + f->length;
      h.number = std::move(f);
    }
  }
  return h;
}

const RE2& FiledRe() {
  static thread_local const RE2 re(
      "于([0-9０-９〇○零一二三四五六七八九十]{2,4}年[^，。；]{1,12}?日)"
      "(?:立案|受理|登记立案|收到)");
  return re;
}

const RE2& ProcedureRe() {
  static thread_local const RE2 re("(简易程序|普通程序|小额诉讼程序|小额诉讼)");
  return re;
}

// An administrative case opened without 一案: "原告甲公司（以下简称甲公司）不服被告某区人社局
// （以下简称区人社局）工伤认定，于2020年6月5日向本院提起行政诉讼". The cause is the act
// complained of: the clause after 不服, less bracketed asides, the defendant (by role word and
// name) and 作出的; kept only when what is left is a short run of Han characters.
std::string AdministrativeCause(std::string_view origin, const std::vector<Party>& parties) {
  size_t suit = origin.find("提起行政诉讼");
  size_t against = origin.find("不服");
  if (suit == kNone || against == kNone || against > suit) return {};
  std::string_view clause = origin.substr(against + 6, suit - against - 6);
  for (std::string_view stop : {"，", "。", ","}) {
    size_t pos = clause.find(stop);
    if (pos != kNone) clause = clause.substr(0, pos);
  }
  std::string act;
  for (size_t i = 0, depth = 0; i < clause.size();) {  // without （…） and (…)
    std::string_view rest = clause.substr(i);
    size_t len = StartsWith(rest, "（") || StartsWith(rest, "）") ? 3 : 1;
    if (StartsWith(rest, "（") || rest[0] == '(') {
      ++depth;
    } else if ((StartsWith(rest, "）") || rest[0] == ')') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      act.append(rest.substr(0, len));
    }
    i += len;
  }
  std::string_view a = act;
  for (std::string_view role : {"被告", "被申请人"}) {
    if (StartsWith(a, role)) a.remove_prefix(role.size());
  }
  size_t longest = 0;
  for (const Party& p : parties) {
    if (!p.name.empty() && StartsWith(a, p.name)) longest = std::max(longest, p.name.size());
  }
  a.remove_prefix(longest);
  for (std::string_view lead : {"所作出的", "作出的", "的"}) {
    if (StartsWith(a, lead)) {
      a.remove_prefix(lead.size());
      break;
    }
  }
  if (a.empty() || CountChars(a) > 20) return {};
  for (size_t i = 0; i < a.size(); i += 3) {
    unsigned char lead = static_cast<unsigned char>(a[i]);
    if (lead < 0xE4 || lead > 0xE9) return {};
  }
  return std::string(a);
}

// The cause as the 案件由来 sentence names it: the words before 一案, after the last party
// name (or alias) or connective there.
void FindCauseAndListing(std::string_view origin, const std::vector<Party>& parties,
                         CaseRecord* r) {
  size_t an = origin.find("一案");
  if (an != kNone) {
    // The run of Han characters (and 、) just before 一案.
    size_t start = an;
    while (start >= 3) {
      std::string_view ch = origin.substr(start - 3, 3);
      unsigned char lead = static_cast<unsigned char>(ch[0]);
      bool han = lead >= 0xE4 && lead <= 0xE9;
      if (!han && ch != "、") break;
      start -= 3;
    }
    std::string_view run = origin.substr(start, an - start);
    size_t cut = 0;
    auto consider = [&](std::string_view word) {
      if (word.empty()) return;
      // The last occurrence, unless an earlier one leaves a listed cause after it (被告金金
      // 金融借款合同纠纷: the name ends before 金融, not after its last 金金).
      size_t pos = run.rfind(word);
      for (size_t at = pos; at != kNone && at > 0; at = run.rfind(word, at - 1)) {
        if (IsListedCause(run.substr(at + word.size()))) {
          pos = at;
          break;
        }
      }
      if (pos != kNone && pos + word.size() > cut && pos + word.size() < run.size()) {
        cut = pos + word.size();
      }
    };
    for (const Party& p : parties) consider(p.name);
    // Aliases defined in the sentence: （以下简称某某公司）.
    for (size_t a = origin.find("简称"); a != kNone && a < an; a = origin.find("简称", a + 1)) {
      size_t close = origin.find("）", a);
      if (close != kNone && close < an) consider(origin.substr(a + 6, close - a - 6));
    }
    // Role words after the last known name (…与被告甲公司、第三人乙公司买卖合同纠纷), or
    // no known name at all: the names are written in a form we did not parse, so take the
    // longest listed cause that ends the run.
    static thread_local const RE2 role_word("原告|被告|申请人|上诉人|第三人|执行人");
    if (!IsListedCause(run.substr(cut)) && RE2::PartialMatch(run.substr(cut), role_word)) {
      {
        for (size_t i = cut; i < run.size(); i += 3) {
          if (IsListedCause(run.substr(i))) {
            cut = i;
            break;
          }
        }
      }
    }
    std::string_view cause = Trim(run.substr(cut));
    for (bool again = true; again;) {
      again = false;
      for (std::string_view w : {"、", "与", "诉", "因", "之间", "的"}) {
        if (StartsWith(cause, w) && !IsListedCause(cause)) {
          cause.remove_prefix(w.size());
          again = true;
        }
      }
    }
    if (!cause.empty()) {
      r->cause = std::string(cause);
      r->cause_listed = IsListedCause(cause);
      return;
    }
  }
  std::string admin = AdministrativeCause(origin, parties);
  if (!admin.empty()) {
    r->cause_listed = IsListedCause(admin);
    r->cause = std::move(admin);
    return;
  }
  if (std::optional<CauseMatch> m = FindCauseIn(origin)) {
    r->cause = std::string(m->cause->name);
    r->cause_listed = true;
  }
}

// "本院于2020年3月2日立案执行" anywhere before the decision: this court's registration.
const RE2& CourtFiledRe() {
  static thread_local const RE2 re(
      "本院于([0-9０-９〇○零一二三四五六七八九十]{2,4}年[^，。；]{1,12}?日)"
      "(?:立案|受理)");
  return re;
}

// `body`: the text from the origin to the decision, for a filing stated outside the origin.
void FindDatesInOrigin(std::string_view origin, std::string_view body, CaseRecord* r) {
  re2::StringPiece date_text;
  if (RE2::PartialMatch(origin, FiledRe(), &date_text) ||
      RE2::PartialMatch(body, CourtFiledRe(), &date_text)) {
    if (std::optional<ChineseDate> d = ParseChineseDate(View(date_text))) {
      if (std::optional<std::string> iso = d->IsoDate()) r->filed_date = *iso;
    }
  } else {
    // "…于2021年11月26日向本院申请强制执行，本院于同日立案执行": the date named last before it.
    static thread_local const RE2 same_day("本院(?:于)?(?:同日|当日|当天)(?:立案|受理|登记立案)");
    for (std::string_view scope : {origin, body}) {
      re2::StringPiece m;
      if (!same_day.Match(scope, 0, scope.size(), RE2::UNANCHORED, &m, 1)) continue;
      std::vector<DateSpan> dates =
          FindDates(scope.substr(0, static_cast<size_t>(m.data() - scope.data())));
      if (!dates.empty()) {
        if (std::optional<std::string> iso = dates.back().date.IsoDate()) r->filed_date = *iso;
      }
      break;
    }
  }
  // The procedure last named wins: 适用简易程序…后转为普通程序.
  re2::StringPiece rest(origin.data(), origin.size()), proc;
  while (RE2::FindAndConsume(&rest, ProcedureRe(), &proc)) {
    r->trial_procedure = proc == "普通程序" ? "ordinary" : "simple";
  }
}

void FindDecidedDate(std::string_view signature, CaseRecord* r) {
  for (const DateSpan& d : FindDates(signature)) {
    r->decided_date_stated = true;
    r->decided_date = d.date.IsoDate().value_or("");
  }
}

}  // namespace

CaseRecord ExtractCase(std::string_view text, const ExtractOptions& options) {
  CaseRecord r;
  r.src_hash = Hash64(text);
  Header header = ParseHeader(text);
  r.court = header.court;
  r.doc_type = header.doc_type;
  if (header.number) {
    const CaseNumber& n = header.number->number;
    r.case_no = n.case_no;
    CaseNumberParts parts;
    parts.year = n.year;
    parts.court_code = n.court_code;
    parts.special = n.special;
    parts.type_code = n.type_code;
    parts.seq = n.seq;
    parts.suffix = n.suffix;
    parts.legacy = n.legacy;
    r.case_no_parts = parts;
    CaseKind kind = ClassifyCase(n.type_code, r.doc_type);
    if (kind.category != CaseCategory::kUnknown) r.category = CategoryName(kind.category);
    if (kind.procedure != CaseProcedure::kUnknown) r.procedure = ProcedureName(kind.procedure);
    for (const std::string& w : n.warnings) r.warnings.push_back("case number: " + w);
    if (r.court.empty()) r.court = std::string(CourtNameForCode(n.court_code));
  } else {
    r.warnings.push_back("no case number (案号) in the header");
  }
  if (r.court.empty()) r.warnings.push_back("no court name in the header");
  if (r.doc_type.empty()) r.warnings.push_back("no document type in the header");

  DocumentLayout layout = FindLayout(text, header.end);
  r.parties = ParseParties(layout.parties.In(text), &r.warnings);
  if (r.parties.empty()) r.warnings.push_back("no parties found");

  // The 案件由来 sentence: at least the whole first sentence after the parties, even when a
  // block opens inside it (本院在执行申请执行人…一案中，申请执行人…向本院申请执行).
  std::string_view origin = layout.origin.In(text);
  if (!layout.parties.empty() || !layout.origin.empty()) {
    size_t begin = layout.origin.begin;
    size_t stop = text.find("。", begin);
    size_t end = stop == kNone ? text.size() : stop + 3;
    if (end > layout.origin.end) origin = text.substr(begin, end - begin);
  }
  FindCauseAndListing(origin, r.parties, &r);
  if (r.cause.empty()) r.warnings.push_back("no cause of action (案由) found");
  size_t body_end = layout.decision.empty() ? text.size() : layout.decision.begin;
  std::string_view body = layout.origin.begin < body_end
                              ? text.substr(layout.origin.begin, body_end - layout.origin.begin)
                              : std::string_view();
  FindDatesInOrigin(origin, body, &r);
  FindDecidedDate(layout.signature.In(text), &r);

  ExtractAmounts(text, layout, &r);
  // The decision's items without the fee clause that may close them.
  std::string_view decision = layout.decision.In(text);
  if (!layout.fee.empty() && layout.fee.begin > layout.decision.begin &&
      layout.fee.begin < layout.decision.end) {
    decision = text.substr(layout.decision.begin, layout.fee.begin - layout.decision.begin);
  }
  r.outcome = ClassifyOutcome(r.doc_type, decision, text);
  r.allocations = FindAllocations(decision, r.parties);
  // Upholding a judgment that grants something is a judgment, not a refusal.
  if (r.outcome == "rejected" && r.award_fen && decision.find("维持原判") != kNone) {
    r.outcome = "judgment";
  }

  if (options.keep_text) r.text = std::string(text);
  if (options.sections) {
    // One member per section name: repeated blocks (two defences, a restated first
    // instance) are joined with a line break.
    for (const auto& [name, span] : NamedSections(layout)) {
      std::string part(Trim(span.In(text)));
      auto same = std::find_if(r.sections.begin(), r.sections.end(),
                               [&](const auto& s) { return s.first == name; });
      if (same == r.sections.end()) {
        r.sections.emplace_back(name, std::move(part));
      } else {
        same->second += "\n" + part;
      }
    }
  }
  return r;
}

}  // namespace casesift
