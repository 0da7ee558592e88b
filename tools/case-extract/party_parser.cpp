#include "party_parser.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <array>
#include <span>

#include "common/chinese_date.h"
#include "common/id_number.h"
#include "common/org_name.h"
#include "text_util.h"

namespace casesift {
namespace {

enum class RoleKind { kParty, kAgent, kRepresentative };

struct RoleWord {
  std::string_view word;
  RoleKind kind;
  std::string_view side;  // for parties
};

// Longest first, so that 被上诉人 wins over 上诉人 and 申请执行人 over 申请人.
constexpr std::array kRoles = {
    RoleWord{"附带民事诉讼原告人", RoleKind::kParty, "plaintiff"},
    RoleWord{"执行事务合伙人", RoleKind::kRepresentative, ""},
    RoleWord{"委托诉讼代理人", RoleKind::kAgent, ""},
    RoleWord{"特别授权代理人", RoleKind::kAgent, ""},
    RoleWord{"再审被申请人", RoleKind::kParty, "respondent"},
    RoleWord{"二审被上诉人", RoleKind::kParty, "appellee"},
    RoleWord{"再审申请人", RoleKind::kParty, "applicant"},
    RoleWord{"复议申请人", RoleKind::kParty, "applicant"},
    RoleWord{"申请复议人", RoleKind::kParty, "applicant"},
    RoleWord{"原审第三人", RoleKind::kParty, "third_party"},
    RoleWord{"一审第三人", RoleKind::kParty, "third_party"},
    RoleWord{"申请执行人", RoleKind::kParty, "applicant"},
    RoleWord{"二审上诉人", RoleKind::kParty, "appellant"},
    RoleWord{"主要负责人", RoleKind::kRepresentative, ""},
    RoleWord{"委托代理人", RoleKind::kAgent, ""},
    RoleWord{"诉讼代理人", RoleKind::kAgent, ""},
    RoleWord{"法定代理人", RoleKind::kAgent, ""},
    RoleWord{"指定代理人", RoleKind::kAgent, ""},
    RoleWord{"法定代表人", RoleKind::kRepresentative, ""},
    RoleWord{"被上诉人", RoleKind::kParty, "appellee"},
    RoleWord{"被申请人", RoleKind::kParty, "respondent"},
    RoleWord{"被执行人", RoleKind::kParty, "respondent"},
    RoleWord{"原审原告", RoleKind::kParty, "plaintiff"},
    RoleWord{"原审被告", RoleKind::kParty, "defendant"},
    RoleWord{"一审原告", RoleKind::kParty, "plaintiff"},
    RoleWord{"一审被告", RoleKind::kParty, "defendant"},
    RoleWord{"公诉机关", RoleKind::kParty, "plaintiff"},
    RoleWord{"反诉原告", RoleKind::kParty, "defendant"},
    RoleWord{"反诉被告", RoleKind::kParty, "plaintiff"},
    RoleWord{"利害关系人", RoleKind::kParty, "third_party"},
    RoleWord{"上诉人", RoleKind::kParty, "appellant"},
    RoleWord{"申请人", RoleKind::kParty, "applicant"},
    RoleWord{"第三人", RoleKind::kParty, "third_party"},
    RoleWord{"被告人", RoleKind::kParty, "defendant"},
    RoleWord{"异议人", RoleKind::kParty, "applicant"},
    RoleWord{"案外人", RoleKind::kParty, "third_party"},
    RoleWord{"起诉人", RoleKind::kParty, "plaintiff"},
    RoleWord{"自诉人", RoleKind::kParty, "plaintiff"},
    RoleWord{"负责人", RoleKind::kRepresentative, ""},
    RoleWord{"经营者", RoleKind::kRepresentative, ""},
    RoleWord{"投资人", RoleKind::kRepresentative, ""},
    RoleWord{"代表人", RoleKind::kRepresentative, ""},
    RoleWord{"辩护人", RoleKind::kAgent, ""},
    RoleWord{"原告", RoleKind::kParty, "plaintiff"},
    RoleWord{"被告", RoleKind::kParty, "defendant"},
};

const RoleWord* MatchRole(std::string_view s) {
  for (const RoleWord& r : kRoles) {
    if (StartsWith(s, r.word)) return &r;
  }
  return nullptr;
}

// "上列两原告共同委托诉讼代理人", "二原告委托诉讼代理人": an agent shared by every party
// of the named role. Captures the role and the agent title.
const RE2& SharedAgentRe() {
  static thread_local const RE2 re(
      "^(?:上列|以上|上述)?(?:[两二三四五六七八九十0-9]+)?(?:名|位|个)?"
      "(原告|被告|上诉人|被上诉人|申请人|被申请人|第三人|申请执行人|被执行人|再审申请人)"
      "(?:共同)?(委托诉讼代理人|委托代理人|诉讼代理人|法定代理人)");
  return re;
}

// Address words, best first for persons and for organisations.
constexpr std::string_view kPersonAddress[] = {"现住址", "现住", "经常居住地", "住址",   "住所地",
                                               "住所",   "住",   "户籍所在地", "户籍地", "户籍"};
constexpr std::string_view kOrgAddress[] = {"住所地", "住所", "营业场所", "经营场所",
                                            "地址",   "住址", "住"};

// Trailing job titles of an agent's organisation: "上海市某某律师事务所律师".
constexpr std::string_view kTitles[] = {"实习律师", "律师助理", "律师", "法律工作者", "工作人员",
                                        "员工",     "职员",     "职工", "法务"};

struct Unit {
  std::string_view text;
};

// Splits the block into paragraphs: at line ends, and at '。' outside brackets.
std::vector<std::string_view> Paragraphs(std::string_view block) {
  std::vector<std::string_view> out;
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i < block.size();) {
    // （ is EF BC 88, ） EF BC 89 and 。 E3 80 82: only those lead bytes need a closer look.
    const auto c = static_cast<unsigned char>(block[i]);
    std::string_view rest = c == 0xEF || c == 0xE3 ? block.substr(i, 3) : std::string_view();
    size_t len = 1;
    bool cut = false;
    if (c == '\n') {
      cut = true;
    } else if (rest == "（" || c == '(') {
      ++depth;
      len = c == '(' ? 1 : 3;
    } else if (rest == "）" || c == ')') {
      if (depth > 0) --depth;
      len = c == ')' ? 1 : 3;
    } else if (rest == "。" && depth == 0) {
      cut = true;
      len = 3;
    }
    if (cut) {
      std::string_view p = Trim(block.substr(start, i - start));
      if (!p.empty()) out.push_back(p);
      start = i + len;
    }
    i += len;
  }
  std::string_view p = Trim(block.substr(start));
  if (!p.empty()) out.push_back(p);
  return out;
}

// The details of a party paragraph: its parts between '，', ',' and '；', trimmed, empty
// ones skipped. A range read lazily (a party paragraph is split several times over; a
// vector each time would be an allocation each time):
//   for (std::string_view d : Details(s)) ...
class Details {
 public:
  explicit Details(std::string_view s) : s_(s) {}

  class iterator {
   public:
    iterator(std::string_view s, size_t from) : s_(s), next_(from) { Advance(); }
    std::string_view operator*() const { return part_; }
    iterator& operator++() {
      Advance();
      return *this;
    }
    bool operator!=(const iterator& o) const { return done_ != o.done_ || next_ != o.next_; }

   private:
    // Moves to the next non-empty part at or after next_.
    void Advance() {
      while (next_ <= s_.size()) {
        size_t start = next_, i = next_, len = 0;
        for (; i < s_.size(); ++i) {
          std::string_view rest = s_.substr(i);
          len = StartsWith(rest, "，") || StartsWith(rest, "；") ? 3 : s_[i] == ',' ? 1 : 0;
          if (len > 0) break;
        }
        next_ = i < s_.size() ? i + len : s_.size() + 1;
        part_ = Trim(s_.substr(start, i - start));
        if (!part_.empty()) return;
      }
      done_ = true;
      next_ = s_.size() + 1;
    }
    std::string_view s_, part_;
    size_t next_;
    bool done_ = false;
  };

  iterator begin() const { return iterator(s_, 0); }
  iterator end() const { return iterator(s_, s_.size() + 1); }
  bool empty() const { return !(begin() != end()); }
  std::string_view front() const { return *begin(); }

 private:
  std::string_view s_;
};

// After a role: an optional bracketed procedural role and an optional colon.
// Returns the role as written; *rest gets what follows.
std::string_view RoleAsWritten(std::string_view para, size_t role_len, std::string_view* rest) {
  size_t i = role_len;
  std::string_view after = para.substr(i);
  if (StartsWith(after, "（") || StartsWith(after, "(")) {
    size_t close = FindClosingBracket(para, i);
    if (close != std::string_view::npos) i = close;
  }
  std::string_view role = para.substr(0, i);
  after = para.substr(i);
  if (StartsWith(after, "：")) {
    after.remove_prefix(3);
  } else if (StartsWith(after, ":")) {
    after.remove_prefix(1);
  }
  *rest = Trim(after);
  return role;
}

// The name: up to the first detail separator; a trailing "（以下简称…）" or "（曾用名…）"
// is not part of it.
std::string_view NameOf(std::string_view s, std::string_view* details) {
  Details parts(s);
  if (parts.empty()) {
    *details = {};
    return {};
  }
  std::string_view name = parts.front();
  *details = Trim(s.substr(static_cast<size_t>(name.data() + name.size() - s.data())));
  for (std::string_view strip :
       {"（以下简称", "（下称", "（曾用名", "（系", "(以下简称", "(下称"}) {
    size_t pos = name.find(strip);
    if (pos != std::string_view::npos && pos > 0) name = name.substr(0, pos);
  }
  if (EndsWith(name, "。")) name.remove_suffix(3);
  return Trim(name);
}

std::string_view AfterLabel(std::string_view detail, std::string_view label) {
  std::string_view v = detail.substr(label.size());
  if (StartsWith(v, "：")) v.remove_prefix(3);
  if (StartsWith(v, ":")) v.remove_prefix(1);
  if (StartsWith(v, "为")) v.remove_prefix(3);
  return Trim(v);
}

// A birth date in a detail: "1966年7月18日生", "1972年4月出生", "生于1989年2月27日",
// "1984年10月26日出生于浙江省金华市".
std::string BirthIn(std::string_view detail) {
  std::string_view d = detail;
  if (StartsWith(d, "生于")) {
    d.remove_prefix(6);
  } else if (StartsWith(d, "出生于")) {
    d.remove_prefix(9);
  } else if (StartsWith(d, "出生日期")) {
    d = AfterLabel(d, "出生日期");
  } else {
    size_t pos = d.find("出生");
    if (pos == std::string_view::npos) pos = d.find("生");
    if (pos == std::string_view::npos || pos == 0) return {};
    d = d.substr(0, pos);
  }
  std::optional<ChineseDate> date = ParseChineseDate(Trim(d));
  if (!date || date->placeholder || date->month == 0) return {};
  return date->IsoPrefix();
}

void ApplyDetails(std::string_view details, Party* p, const Party* previous) {
  size_t address_rank = SIZE_MAX;
  bool org = p->kind == "org";
  for (std::string_view d : Details(details)) {
    if (EndsWith(d, "。")) d.remove_suffix(3);
    if (d == "男" || d == "性别男") {
      p->gender = "male";
      continue;
    }
    if (d == "女" || d == "性别女") {
      p->gender = "female";
      continue;
    }
    if (EndsWith(d, "族") && CountChars(d) <= 6 && CountChars(d) >= 2) {
      p->ethnicity = std::string(d);
      continue;
    }
    bool handled = false;
    for (std::string_view label : {"公民身份号码", "身份证号码", "身份证号", "身份号码"}) {
      size_t pos = d.find(label);
      if (pos != std::string_view::npos) {
        std::string_view v = AfterLabel(d.substr(pos), label);
        p->id_no = FoldToAscii(v);
        IdCard id = ParseIdCard(v);
        p->id_valid = id.valid && !id.legacy;
        handled = true;
        break;
      }
    }
    if (handled) continue;
    size_t pos = d.find("统一社会信用代码");
    if (pos != std::string_view::npos) {
      std::string_view v = AfterLabel(d.substr(pos), "统一社会信用代码");
      p->uscc = FoldToAscii(v);
      p->uscc_valid = ParseUscc(v).valid;
      continue;
    }
    if (p->birth.empty() && p->kind == "person") {
      std::string birth = BirthIn(d);
      if (!birth.empty()) {
        p->birth = birth;
        continue;
      }
    }
    const auto& words = org ? std::span<const std::string_view>(kOrgAddress)
                            : std::span<const std::string_view>(kPersonAddress);
    for (size_t rank = 0; rank < words.size(); ++rank) {
      if (!StartsWith(d, words[rank])) continue;
      std::string_view v = AfterLabel(d, words[rank]);
      if (StartsWith(v, "所在地")) v = AfterLabel(v, "所在地");
      if (v.empty()) break;
      if (rank < address_rank) {
        address_rank = rank;
        if ((v == "同上" || v == "址同上") && previous != nullptr) {
          p->address = previous->address;
        } else {
          p->address = std::string(v);
        }
      }
      break;
    }
  }
}

// The organisation in an agent's detail: up to the end of its last organisation word, so
// that the position after it (律师, 人事专员, …) is cut: "上海某某物流有限公司人事专员".
std::string_view AgentOrg(std::string_view d) {
  static constexpr std::string_view kOrgEnds[] = {
      "律师事务所", "法律服务所", "法律援助中心", "有限责任公司", "有限公司", "公司",
      "事务所",     "中心",       "支行",         "分行",         "银行",     "委员会",
      "协会",       "学校",       "医院",         "大学",         "学院",     "研究所",
      "工作室",     "商行",       "合作社",       "政府",         "局",       "厂"};
  // "…法律援助中心指派的上海某某律师事务所律师": the law firm.
  size_t assigned = d.find("指派的");
  if (assigned != std::string_view::npos)
    d = d.substr(assigned + std::string_view("指派的").size());
  // The rightmost end of an organisation word. Every word is Chinese, so it ends with a
  // whole three-byte character: only positions after one are tried.
  for (size_t end = d.size(); end >= 3; --end) {
    if (static_cast<unsigned char>(d[end - 3]) < 0xE0) continue;
    const char* last = d.data() + end - 3;
    std::string_view head = d.substr(0, end);
    for (std::string_view w : kOrgEnds) {
      const char* f = w.data() + w.size() - 3;
      if (last[0] == f[0] && last[1] == f[1] && last[2] == f[2] && EndsWith(head, w)) return head;
    }
  }
  return {};
}

std::vector<Rep> MakeReps(std::string_view role, std::string_view rest) {
  std::vector<Rep> reps;
  std::string_view details;
  std::string_view names = NameOf(rest, &details);
  std::string org;
  for (std::string_view d : Details(details)) {
    if (EndsWith(d, "。")) d.remove_suffix(3);
    if (StartsWith(d, "该") || StartsWith(d, "系") || StartsWith(d, "其")) continue;
    std::string_view o = AgentOrg(d);
    if (!o.empty()) {
      org = std::string(o);
      break;
    }
  }
  // "葛建平、邱雯": one agent per name.
  for (size_t start = 0; start <= names.size();) {
    size_t sep = names.find("、", start);
    std::string_view one =
        Trim(names.substr(start, sep == std::string_view::npos ? sep : sep - start));
    size_t paren = one.find("（");
    if (paren != std::string_view::npos) one = Trim(one.substr(0, paren));
    if (!one.empty()) reps.push_back(Rep{std::string(role), std::string(one), org});
    if (sep == std::string_view::npos) break;
    start = sep + 3;
  }
  return reps;
}

}  // namespace

// Whether the details describe a person (a sex, a birth date or an ethnicity: 男, 女,
// 性别男, 2015年1月生, 汉族): then the party is a person, whatever the name ends with
// (夏中心, 王建社 end with organisation words).
bool StatesGender(std::string_view details) {
  for (std::string_view d : Details(details)) {
    if (EndsWith(d, "。")) d.remove_suffix(3);
    if (d == "男" || d == "女" || d == "性别男" || d == "性别女") return true;
    if (EndsWith(d, "族") && CountChars(d) <= 6 && CountChars(d) >= 2) return true;
    if (!BirthIn(d).empty()) return true;
  }
  return false;
}

// An agent's role without a note of the authority given: 委托代理人（特别授权） is a
// 委托代理人.
std::string_view WithoutAuthorityNote(std::string_view role) {
  for (std::string_view open : {"（", "("}) {
    size_t at = role.find(open);
    if (at == std::string_view::npos) continue;
    std::string_view note = role.substr(at + open.size());
    for (std::string_view word : {"特别授权", "一般授权", "一般代理", "特别代理"}) {
      if (StartsWith(note, word)) return role.substr(0, at);
    }
  }
  return role;
}

// Where a party role word starts inside `name` (after its first character), or npos: the
// sign of party paragraphs run together without punctuation.
size_t NextPartyRole(std::string_view name) {
  size_t best = std::string_view::npos;
  for (std::string_view role : {"原告", "被告", "第三人"}) {
    size_t at = name.find(role, 3);
    if (at != std::string_view::npos && at < best) best = at;
  }
  return best;
}

// Where an agent's paragraph starts inside a party's details (委托诉讼代理人：… after a
// comma), or npos.
size_t AgentInDetails(std::string_view details) {
  for (size_t at = 0; at < details.size();) {
    std::string_view rest = details.substr(at);
    const RoleWord* word = MatchRole(rest);
    if (word != nullptr && word->kind == RoleKind::kAgent) return at;
    size_t comma = details.find("，", at);
    if (comma == std::string_view::npos) break;
    at = comma + std::string_view("，").size();
  }
  return std::string_view::npos;
}

std::vector<Party> ParseParties(std::string_view block, std::vector<std::string>* warnings) {
  std::vector<Party> parties;
  bool last_was_party = false;  // the previous paragraph was a party's (not an agent's)
  std::vector<std::string_view> paragraphs = Paragraphs(block);
  std::vector<std::string_view> pending;  // pieces split off a paragraph, parsed next
  for (size_t i = 0; i < paragraphs.size() || !pending.empty();) {
    std::string_view para;
    if (!pending.empty()) {
      para = pending.back();
      pending.pop_back();
    } else {
      para = paragraphs[i++];
    }
    para = Trim(para);
    re2::StringPiece role_piece, title_piece;
    // The pattern starts with a role or a count and holds 代理人: an agent's own paragraph
    // (委托诉讼代理人…) never matches, and is most of what is skipped here.
    if (para.find("代理人") != std::string_view::npos && !StartsWith(para, "委托") &&
        !StartsWith(para, "诉讼") && !StartsWith(para, "法定") &&
        RE2::PartialMatch(para, SharedAgentRe(), &role_piece, &title_piece)) {
      std::string_view shared_role = View(role_piece), shared_title = View(title_piece);
      size_t title_end =
          static_cast<size_t>(shared_title.data() + shared_title.size() - para.data());
      std::string_view rest;
      RoleAsWritten(para, title_end, &rest);
      std::vector<Rep> reps = MakeReps(shared_title, rest);
      bool any = false;
      for (Party& p : parties) {
        if (StartsWith(p.role, shared_role)) {
          p.reps.insert(p.reps.end(), reps.begin(), reps.end());
          any = true;
        }
      }
      if (!any && !parties.empty()) {
        parties.back().reps.insert(parties.back().reps.end(), reps.begin(), reps.end());
      }
      continue;
    }
    const RoleWord* word = MatchRole(para);
    if (word == nullptr && last_was_party && !parties.empty()) {
      // A party's details continued after a full stop: "…有限公司。住所地：…。"
      ApplyDetails(para, &parties.back(),
                   parties.size() > 1 ? &parties[parties.size() - 2] : nullptr);
      continue;
    }
    last_was_party = false;
    if (word == nullptr) {
      if (warnings && CountChars(para) > 1) {
        warnings->push_back(
            fmt::format("party paragraph without a known role: {}", Excerpt(para, 40)));
      }
      continue;
    }
    std::string_view rest;
    std::string_view role = RoleAsWritten(para, word->word.size(), &rest);
    if (word->kind == RoleKind::kAgent) {
      if (!parties.empty()) {
        std::vector<Rep> reps = MakeReps(WithoutAuthorityNote(role), rest);
        parties.back().reps.insert(parties.back().reps.end(), reps.begin(), reps.end());
      }
      continue;
    }
    if (word->kind == RoleKind::kRepresentative) {
      std::string_view details;
      std::string_view name = NameOf(rest, &details);
      if (!parties.empty() && parties.back().legal_rep.empty()) {
        parties.back().legal_rep = std::string(name);
        if (parties.back().kind != "org") parties.back().kind = "org";
      }
      continue;
    }
    last_was_party = true;
    Party p;
    p.role = std::string(role);
    p.side = std::string(word->side);
    std::string_view details;
    std::string_view name = NameOf(rest, &details);
    // "原告吴某被告吴某被告付某": parties run together with no punctuation.
    if (size_t next = NextPartyRole(name); next != std::string_view::npos) {
      pending.push_back(name.substr(next));
      name = name.substr(0, next);
      details = {};
    }
    p.name = std::string(name);
    // "…住云南省会泽县，委托诉讼代理人：李锋，云南某律师事务所律师。": the agent in the
    // party's own paragraph.
    std::string_view agent_text;
    if (size_t at = AgentInDetails(details); at != std::string_view::npos) {
      agent_text = details.substr(at);
      details = details.substr(0, at);
    }
    p.kind = IsOrganisationName(p.name) && !StatesGender(details) ? "org" : "person";
    ApplyDetails(details, &p, parties.empty() ? nullptr : &parties.back());
    if (!agent_text.empty()) {
      const RoleWord* agent = MatchRole(agent_text);
      std::string_view agent_rest;
      std::string_view agent_role = RoleAsWritten(agent_text, agent->word.size(), &agent_rest);
      p.reps = MakeReps(WithoutAuthorityNote(agent_role), agent_rest);
    }
    parties.push_back(std::move(p));
  }
  return parties;
}

}  // namespace casesift
