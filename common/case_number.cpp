#include "common/case_number.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <array>
#include <charconv>
#include <unordered_map>
#include <utility>

#include "common/case_number_chars.h"

namespace casesift::embedded {
extern const std::string_view kTypeCodesTsv;
}  // namespace casesift::embedded

namespace casesift {
namespace {

constexpr std::array<std::string_view, 7> kCategoryNames = {
    "", "civil", "criminal", "administrative", "enforcement", "compensation", "other"};
// clang-format off
constexpr std::array<std::string_view, 12> kProcedureNames = {
    "", "first_instance", "second_instance", "retrial_review", "retrial", "enforcement",
    "preservation", "special", "protection_order", "bankruptcy", "jurisdiction", "other"};
// clang-format on

using case_number_chars::CharLen;
using case_number_chars::kDivisionNumerals;
using case_number_chars::kProvinceChars;
using case_number_chars::kSuffixNumerals;
using case_number_chars::kSupremeCourt;

// The first UTF-8 character of `s` ("" when s is empty).
std::string_view FirstChar(std::string_view s) {
  if (s.empty()) return s;
  return s.substr(0, std::min(CharLen(static_cast<unsigned char>(s[0])), s.size()));
}

// Whether the one-character string `c` occurs in `set` as a whole character.
bool CharIn(std::string_view c, std::string_view set) {
  for (size_t i = 0; i < set.size(); i += CharLen(static_cast<unsigned char>(set[i]))) {
    if (set.substr(i, c.size()) == c) return true;
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Decodes the code point at s[i] (invalid bytes decode as themselves) and advances i.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t len = std::min(CharLen(b), s.size() - i);
  char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// Half-width brackets, ASCII digits and hyphen, no spaces (CaseNumber::case_no).
std::string Normalize(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    size_t start = i;
    char32_t cp = NextCodePoint(in, i);
    if (cp >= 0xFF10 && cp <= 0xFF19) {
      out += static_cast<char>('0' + (cp - 0xFF10));
    } else if (cp == 0xFF08 || cp == 0x3014 || cp == 0x3010 || cp == 0xFF3B || cp == '[') {
      out += '(';
    } else if (cp == 0xFF09 || cp == 0x3015 || cp == 0x3011 || cp == 0xFF3D || cp == ']') {
      out += ')';
    } else if (cp == 0xFF0D) {
      out += '-';
    } else if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0) {
      // dropped
    } else {
      out.append(in.substr(start, i - start));
    }
  }
  return out;
}

struct TypeTable {
  std::vector<TypeCodeInfo> rows;
  std::unordered_map<std::string_view, size_t> index;
  size_t max_chars = 0;  // the longest code, in characters
};

template <size_t N>
int IndexOf(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t i = 1; i < N; ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Status ParseTypeTable(std::string_view tsv, TypeTable& table) {
  size_t line_no = 0;
  std::unordered_map<std::string_view, size_t> first_line;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    auto fail = [&](const std::string& msg) {
      return Status::InvalidData(fmt::format("type_codes.tsv:{}: {}", line_no, msg));
    };
    if (fields.size() != 4) {
      return fail(fmt::format(
          "expected 4 tab-separated fields (code, category, procedure, description), found {}",
          fields.size()));
    }
    if (fields[0].empty()) return fail("empty type code");
    int category = IndexOf(kCategoryNames, fields[1]);
    if (category < 0) {
      return fail(fmt::format(
          "unknown category '{}' (expected civil, criminal, administrative, enforcement, "
          "compensation or other)",
          fields[1]));
    }
    int procedure = IndexOf(kProcedureNames, fields[2]);
    if (procedure < 0) {
      return fail(fmt::format(
          "unknown procedure '{}' (expected first_instance, second_instance, retrial_review, "
          "retrial, enforcement, preservation, special, protection_order, bankruptcy, "
          "jurisdiction or other)",
          fields[2]));
    }
    auto [it, inserted] = first_line.emplace(fields[0], line_no);
    if (!inserted) {
      return fail(
          fmt::format("duplicate type code '{}' (first on line {})", fields[0], it->second));
    }
    TypeCodeInfo info;
    info.code = fields[0];
    info.category = static_cast<CaseCategory>(category);
    info.procedure = static_cast<CaseProcedure>(procedure);
    info.description = fields[3];
    info.legacy = StartsWith(fields[3], "LEGACY");
    info.unverified = fields[3].find("UNVERIFIED") != std::string_view::npos;
    table.index.emplace(info.code, table.rows.size());
    table.rows.push_back(info);
    size_t chars = 0;
    for (size_t i = 0; i < info.code.size(); NextCodePoint(info.code, i)) ++chars;
    table.max_chars = std::max(table.max_chars, chars);
  }
  return Status::OK();
}

// The embedded table, parsed once. A malformed embedded table leaves it empty (the unit tests
// check that it parses).
const TypeTable& Table() {
  static const TypeTable table = [] {
    TypeTable t;
    if (!ParseTypeTable(embedded::kTypeCodesTsv, t).ok()) t = TypeTable();
    return t;
  }();
  return table;
}

// A court code of the 2016 form: 最高法, or a province character with 0, 2 or 4 digits.
bool IsModernCourtCode(std::string_view code) {
  if (code == kSupremeCourt) return true;
  std::string_view first = FirstChar(code);
  if (first.empty() || !CharIn(first, kProvinceChars)) return false;
  std::string_view digits = code.substr(first.size());
  for (char c : digits) {
    if (!IsDigit(c)) return false;
  }
  return digits.empty() || digits.size() == 2 || digits.size() == 4;
}

// Fills the court and type of a pre-2016 number from `middle` (what stands between the year and
// 字): the court abbreviation is the shortest prefix after which a type code of the legacy
// grammar follows. Chamber marks in brackets (民二(商)终, as Shanghai writes them) are skipped
// when reading the type and kept in written_type_code.
void ParseLegacyMiddle(std::string_view middle, CaseNumber& out) {
  out.legacy = true;
  std::string bare;            // middle without bracketed groups
  std::vector<size_t> origin;  // for each byte of bare, its offset in middle
  for (size_t i = 0; i < middle.size(); ++i) {
    size_t close = middle[i] == '(' ? middle.find(')', i) : std::string_view::npos;
    if (close != std::string_view::npos && close - i <= 7) {
      i = close;
      continue;
    }
    bare += middle[i];
    origin.push_back(i);
  }
  for (size_t i = 0; i < bare.size(); i += CharLen(static_cast<unsigned char>(bare[i]))) {
    std::optional<std::string> modern = ModernTypeCode(std::string_view(bare).substr(i));
    if (modern) {
      out.court_code = bare.substr(0, i);
      out.written_type_code = std::string(middle.substr(origin[i]));
      out.type_code = *modern;
      return;
    }
  }
  out.written_type_code = std::string(middle);
  out.type_code = std::string(middle);
  if (middle.empty()) {
    out.warnings.push_back("missing type code");
  } else {
    out.warnings.push_back(fmt::format("unknown type code '{}'", middle));
  }
}

// Fills court, special and type of a 2016-form number from `middle` (court code + type code).
void ParseModernMiddle(std::string_view middle, CaseNumber& out) {
  size_t pos = 0;
  std::string_view first = FirstChar(middle);
  if (StartsWith(middle, kSupremeCourt)) {
    pos = kSupremeCourt.size();
  } else if (!first.empty() && CharIn(first, kProvinceChars)) {
    pos = first.size();
    while (pos < middle.size() && IsDigit(middle[pos])) ++pos;
    size_t digits = pos - first.size();
    if (digits != 0 && digits != 2 && digits != 4) {
      out.warnings.push_back(
          fmt::format("court code '{}' should have 0, 2 or 4 digits after the province",
                      middle.substr(0, pos)));
    }
  } else if (!first.empty() && IsDigit(first[0])) {
    while (pos < middle.size() && IsDigit(middle[pos])) ++pos;
    out.warnings.push_back(
        fmt::format("court code '{}' lacks its province abbreviation", middle.substr(0, pos)));
  } else if (!middle.empty() && !LongestTypeCodePrefix(middle).known()) {
    // A free-form court abbreviation: the pre-2016 form written without 字.
    ParseLegacyMiddle(middle, out);
    out.warnings.push_back("no 字 before the number of a pre-2016 case number");
    return;
  } else {
    out.warnings.push_back("missing court code");
  }
  out.court_code = std::string(middle.substr(0, pos));
  std::string_view rest = middle.substr(pos);
  if (StartsWith(rest, "知") && LongestTypeCodePrefix(rest.substr(3)).known()) {
    out.special = "知";
    rest.remove_prefix(3);
  }
  if (rest.empty()) {
    out.warnings.push_back("missing type code");
    return;
  }
  TypeCodeInfo info = LongestTypeCodePrefix(rest);
  if (!info.known()) {
    out.written_type_code = out.type_code = std::string(rest);
    out.warnings.push_back(fmt::format("unknown type code '{}'", rest));
    return;
  }
  out.written_type_code = std::string(info.code);
  out.type_code = ModernTypeCode(info.code).value_or(std::string(info.code));
  if (info.legacy) out.legacy = true;
  if (rest.size() > info.code.size()) {
    out.warnings.push_back(fmt::format("unexpected text '{}' after type code '{}'",
                                       rest.substr(info.code.size()), info.code));
  }
}

std::string StripSpaces(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t cp = NextCodePoint(s, i);
    if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0)
      out.append(s.substr(start, i - start));
  }
  return out;
}

// Reads "(2016)" (or "2016)") at the start of the normalised `n` into out.year and year_part
// ("(2016)"); returns the rest of `n`.
std::string_view ReadYear(std::string_view n, std::string& year_part, CaseNumber& out) {
  if (!StartsWith(n, "(") && !(n.size() > 4 && IsDigit(n[0]) && n[4] == ')')) {
    out.warnings.push_back("missing year");
    return n;
  }
  size_t open = n[0] == '(' ? 1 : 0;
  size_t close = n.find(')');
  if (close == std::string_view::npos) close = open;  // "(" alone: read on
  std::string_view inner = n.substr(open, close - open);
  year_part = "(" + std::string(inner) + ")";
  if (open == 0) out.warnings.push_back("missing '(' before the year");
  int year = 0;
  auto [end, ec] = std::from_chars(inner.data(), inner.data() + inner.size(), year);
  if (inner.empty()) {
    out.warnings.push_back("missing year");
  } else if (ec != std::errc() || end != inner.data() + inner.size() || inner.size() != 4) {
    out.warnings.push_back(fmt::format("unreadable year '{}'", inner));
  } else {
    out.year = year;
    if (year < 1949 || year > 2100)
      out.warnings.push_back(fmt::format("implausible year {}", year));
  }
  return n.substr(std::min(close + 1, n.size()));
}

// Reads "80205" or "1016-1" into out.seq and out.suffix.
void ReadSequence(std::string_view number, bool has_hao, CaseNumber& out) {
  size_t dash = number.find('-');
  std::string_view seq_text = number.substr(0, dash);
  if (dash != std::string_view::npos) out.suffix = std::string(number.substr(dash)) + out.suffix;
  if (seq_text.empty()) {
    out.warnings.push_back("missing sequence number");
  } else if (seq_text.size() > 18) {
    out.warnings.push_back(fmt::format("sequence number '{}' is too long", seq_text));
  } else {
    int64_t seq = 0;
    std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), seq);
    out.seq = seq;
    if (!has_hao) out.warnings.push_back("missing 号 after the sequence number");
  }
}

}  // namespace

std::string_view CategoryName(CaseCategory category) {
  return kCategoryNames[static_cast<size_t>(category)];
}

std::string_view ProcedureName(CaseProcedure procedure) {
  return kProcedureNames[static_cast<size_t>(procedure)];
}

TypeCodeInfo LookupTypeCode(std::string_view code) {
  const TypeTable& table = Table();
  auto it = table.index.find(code);
  return it == table.index.end() ? TypeCodeInfo() : table.rows[it->second];
}

TypeCodeInfo LongestTypeCodePrefix(std::string_view text) {
  const TypeTable& table = Table();
  std::vector<size_t> ends;  // byte offsets after the 1st, 2nd ... character
  for (size_t i = 0; i < text.size() && ends.size() < table.max_chars;) {
    NextCodePoint(text, i);
    ends.push_back(i);
  }
  for (size_t k = ends.size(); k > 0; --k) {
    TypeCodeInfo info = LookupTypeCode(text.substr(0, ends[k - 1]));
    if (info.known()) return info;
  }
  return TypeCodeInfo();
}

std::optional<std::string> ModernTypeCode(std::string_view written) {
  TypeCodeInfo direct = LookupTypeCode(written);
  if (direct.known() && !direct.legacy) return std::string(written);
  std::vector<std::string_view> chars;
  for (size_t i = 0; i < written.size();) {
    size_t start = i;
    NextCodePoint(written, i);
    chars.push_back(written.substr(start, i - start));
  }
  if (chars.empty()) return std::nullopt;
  std::string base;
  size_t idx = 1;
  if (chars[0] == "民" || chars[0] == "商" || chars[0] == "知") {
    base = "民";
  } else if (chars[0] == "刑" || chars[0] == "执") {
    base = std::string(chars[0]);
  } else if (chars[0] == "行") {
    base = "行";
    if (chars.size() > 1 && chars[1] == "赔") {
      base = "行赔";
      idx = 2;
    }
  } else {
    return std::nullopt;
  }
  while (idx < chars.size() && CharIn(chars[idx], kDivisionNumerals)) ++idx;
  if (base == "民" && idx < chars.size() && chars[idx] == "简") ++idx;
  bool retrial = false;
  if (idx + 1 < chars.size() && chars[idx] == "再") {
    retrial = true;
    ++idx;
  }
  std::string ending;
  for (size_t k = idx; k < chars.size(); ++k) ending += chars[k];
  std::string code;
  if (retrial) {
    if (ending != "初" && ending != "终") return std::nullopt;
    code = base + "再";
  } else {
    code = base + ending;
  }
  if (!LookupTypeCode(code).known()) return std::nullopt;
  return code;
}

Status ValidateTypeCodeTable(std::string_view tsv) {
  TypeTable table;
  return ParseTypeTable(tsv, table);
}

CaseKind ClassifyCase(std::string_view type_code, std::string_view doc_type) {
  std::string doc = StripSpaces(doc_type);
  if (doc.find("人身安全保护令") != std::string::npos) {
    return {CaseCategory::kCivil, CaseProcedure::kProtectionOrder};
  }
  if (doc.find("支付令") != std::string::npos)
    return {CaseCategory::kCivil, CaseProcedure::kSpecial};
  TypeCodeInfo info = LookupTypeCode(type_code);
  if (!info.known()) {
    if (std::optional<std::string> modern = ModernTypeCode(type_code)) {
      info = LookupTypeCode(*modern);
    }
  }
  if (info.known()) return {info.category, info.procedure};
  if (StartsWith(doc, "民事")) return {CaseCategory::kCivil, CaseProcedure::kUnknown};
  if (StartsWith(doc, "刑事")) return {CaseCategory::kCriminal, CaseProcedure::kUnknown};
  if (StartsWith(doc, "行政赔偿") || StartsWith(doc, "国家赔偿")) {
    return {CaseCategory::kCompensation, CaseProcedure::kUnknown};
  }
  if (StartsWith(doc, "行政")) return {CaseCategory::kAdministrative, CaseProcedure::kUnknown};
  if (StartsWith(doc, "执行")) return {CaseCategory::kEnforcement, CaseProcedure::kEnforcement};
  return {};
}

Result<CaseNumber> ParseCaseNumber(std::string_view text) {
  std::string norm = Normalize(text);
  std::string_view n = norm;
  CaseNumber out;
  std::string year_part;  // "(2016)" as normalised, or empty
  std::string_view rest = ReadYear(n, year_part, out);
  // The number ends at the first 号 after a digit.
  size_t hao = std::string_view::npos;
  for (size_t p = rest.find("号"); p != std::string_view::npos; p = rest.find("号", p + 1)) {
    if (p > 0 && IsDigit(rest[p - 1])) {
      hao = p;
      break;
    }
  }
  std::string_view body = rest;
  size_t end = rest.size();
  if (hao == std::string_view::npos && rest.size() >= 3 && rest.substr(rest.size() - 3) == "号") {
    body.remove_suffix(3);  // "民初号": the number itself is missing
  } else if (hao != std::string_view::npos) {
    body = rest.substr(0, hao);
    end = hao + std::string_view("号").size();
    if (rest.substr(end, 3) == "之") {
      size_t q = end + 3;
      while (q < rest.size() && CharIn(FirstChar(rest.substr(q)), kSuffixNumerals)) q += 3;
      if (q > end + 3) {
        out.suffix = std::string(rest.substr(end, q - end));
        end = q;
      }
    }
    if (end < rest.size()) {
      out.warnings.push_back(
          fmt::format("unexpected text '{}' after the case number", rest.substr(end)));
    }
  }
  out.case_no = year_part + std::string(rest.substr(0, end));
  // The sequence number: trailing digits, with an optional "-N" sub-number.
  size_t digits_start = body.size();
  while (digits_start > 0 && (IsDigit(body[digits_start - 1]) || body[digits_start - 1] == '-')) {
    --digits_start;
  }
  while (digits_start < body.size() && body[digits_start] == '-') ++digits_start;
  std::string_view number = body.substr(digits_start);
  std::string_view middle = body.substr(0, digits_start);
  ReadSequence(number, hao != std::string_view::npos, out);
  auto ends_with = [&](std::string_view suffix) {
    return middle.size() >= suffix.size() && middle.substr(middle.size() - suffix.size()) == suffix;
  };
  if (ends_with("第")) middle.remove_suffix(3);
  bool zi = ends_with("字");
  if (zi) {
    middle.remove_suffix(3);
    ParseLegacyMiddle(middle, out);
  } else {
    ParseModernMiddle(middle, out);
  }
  TypeCodeInfo info = LookupTypeCode(out.type_code);
  out.category = info.category;
  out.procedure = info.procedure;
  bool accepted = info.known();
  if (!accepted && out.seq && !out.written_type_code.empty()) {
    // UTF-8 is self-synchronising: a byte search finds whole characters only.
    auto has = [&](std::string_view c) {
      return out.written_type_code.find(c) != std::string::npos;
    };
    accepted = out.legacy
                   ? has("民") || has("刑") || has("行") || has("执") || has("商") || has("赔")
                   : IsModernCourtCode(out.court_code);
  }
  if (!accepted) {
    return Status::InvalidData(fmt::format(
        "not a case number: '{}' (expected a form like (2016)沪0115民初80205号)", text));
  }
  return out;
}

namespace {

constexpr std::array<CourtInfo, 28> kShanghaiCourts = {{
    {"沪", "上海市高级人民法院", false},
    {"沪01", "上海市第一中级人民法院", false},
    {"沪02", "上海市第二中级人民法院", false},
    {"沪03", "上海市第三中级人民法院", false},
    {"沪71", "上海铁路运输中级法院", false},
    {"沪7101", "上海铁路运输法院", false},
    {"沪72", "上海海事法院", false},
    {"沪73", "上海知识产权法院", false},
    {"沪74", "上海金融法院", false},
    {"沪0101", "上海市黄浦区人民法院", false},
    {"沪0104", "上海市徐汇区人民法院", false},
    {"沪0105", "上海市长宁区人民法院", false},
    {"沪0106", "上海市静安区人民法院", false},
    {"沪0107", "上海市普陀区人民法院", false},
    {"沪0108", "上海市闸北区人民法院", false},
    {"沪0109", "上海市虹口区人民法院", false},
    {"沪0110", "上海市杨浦区人民法院", false},
    {"沪0112", "上海市闵行区人民法院", false},
    {"沪0113", "上海市宝山区人民法院", false},
    {"沪0114", "上海市嘉定区人民法院", false},
    {"沪0115", "上海市浦东新区人民法院", true},
    {"沪0116", "上海市金山区人民法院", false},
    {"沪0117", "上海市松江区人民法院", false},
    {"沪0118", "上海市青浦区人民法院", false},
    {"沪0120", "上海市奉贤区人民法院", false},
    {"沪0151", "上海市崇明区人民法院", false},
    {"沪0230", "上海市崇明县人民法院", false},
    {"最高法", "最高人民法院", true},
}};

}  // namespace

std::optional<CourtInfo> LookupCourt(std::string_view court_code) {
  for (const CourtInfo& court : kShanghaiCourts) {
    if (court.code == court_code) return court;
  }
  return std::nullopt;
}

std::string_view CourtNameForCode(std::string_view court_code) {
  std::optional<CourtInfo> court = LookupCourt(court_code);
  return court ? court->name : std::string_view();
}

}  // namespace casesift
