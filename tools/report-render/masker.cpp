#include "masker.h"

#include <algorithm>

#include "common/org_name.h"
#include "common/path_pair.h"
#include "common/utf8.h"

namespace casesift {

namespace {

// The last member name of a field path: "evidence.parties[side=x].name" -> "name".
std::string_view LastMember(std::string_view path) {
  size_t end = path.size();
  while (end > 0 && path[end - 1] == ']') {  // "a.b[*]" -> "a.b"
    size_t open = path.rfind('[', end - 1);
    if (open == std::string_view::npos) break;
    end = open;
  }
  path = path.substr(0, end);
  size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

// A path without its brackets: "evidence.parties[*].name" and "evidence.parties.name" name
// the same field for --mask.
std::string WithoutBrackets(std::string_view path) {
  std::string out;
  int depth = 0;
  for (char c : path) {
    if (c == '[') ++depth;
    if (depth == 0) out.push_back(c);
    if (c == ']' && depth > 0) --depth;
  }
  return out;
}

bool IsAddressMember(std::string_view member) {
  return member.find("address") != std::string_view::npos || member == "addr";
}

bool IsNameMember(std::string_view member) {
  return member == "subject" || member == "name" || member == "legal_rep" ||
         member.ends_with("_name") || member == "names" || member == "subjects";
}

}  // namespace

Masker::Masker(bool enabled, std::vector<std::string> fields) : enabled_(enabled) {
  for (const std::string& f : fields) fields_.push_back(WithoutBrackets(f));
  // The number must stand alone: not inside a longer run of digits, nor the fraction of a
  // decimal number (a '.' right after a digit); letters around it are fine (ID990101...,
  // No.990101...). RE2 has no look-around, so the characters before and after are
  // captured and put back (Mask() runs the replacement again for IDs one character apart).
  const char* before = R"((^|[^0-9.]|[^0-9]\.|^\.))";
  const char* after = R"(($|[^0-9]))";
  id18_ = std::make_unique<RE2>(
      std::string(before) +
      R"(([1-9]\d{2})(\d{3}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(\d{3}[\dXx]))" +
      after);
  id15_ = std::make_unique<RE2>(std::string(before) +
                                R"(([1-9]\d{2})(\d{5}(?:0[1-9]|1[0-2])[0-3])(\d{4}))" + after);
}

Masker::~Masker() = default;

Masker::Kind Masker::KindOf(std::string_view field) const {
  std::string_view member = LastMember(field);
  if (!fields_.empty()) {
    std::string plain = WithoutBrackets(field);
    bool listed = std::find(fields_.begin(), fields_.end(), plain) != fields_.end();
    if (!listed) return Kind::kNone;
    return IsAddressMember(member) ? Kind::kAddress : Kind::kName;
  }
  if (IsAddressMember(member)) return Kind::kAddress;
  if (IsNameMember(member)) return Kind::kName;
  return Kind::kNone;
}

uint64_t Masker::FieldBit(std::string_view field) {
  auto it = std::find(masked_fields_.begin(), masked_fields_.end(), field);
  size_t i = it - masked_fields_.begin();
  if (it == masked_fields_.end()) masked_fields_.emplace_back(field);
  return i < 64 ? uint64_t{1} << i : 0;
}

MaskSummary Masker::Summarize(const MaskCount& count) const {
  MaskSummary s;
  s.enabled = enabled_;
  s.id_numbers = count.ids;
  s.names = count.names;
  s.addresses = count.addresses;
  for (size_t i = 0; i < masked_fields_.size() && i < 64; ++i) {
    if (count.name_fields >> i & 1) s.name_fields.push_back(masked_fields_[i]);
    if (count.address_fields >> i & 1) s.address_fields.push_back(masked_fields_[i]);
  }
  return s;
}

std::string Masker::MaskName(std::string_view name) {
  size_t i = 0;
  while (i < name.size() && (name[i] == ' ' || name[i] == '\t')) ++i;
  if (i == name.size()) return std::string(name);
  size_t first = ValidUtf8Length(name, i);
  if (first == 0) first = 1;
  return std::string(name.substr(i, first)) + "*";
}

std::string Masker::CutAddress(std::string_view address) {
  // After the first district-level word (区 县 旗; not the 区 of a 小区 or 社区); else after
  // the first 市 (a county-level city, 浙江省义乌市); else after 省; else nothing of it is
  // shown: an address with no administrative word is all detail.
  size_t cut = std::string_view::npos;
  for (std::string_view word : {"区", "县", "旗"}) {
    for (size_t at = address.find(word, 3); at != std::string_view::npos;
         at = address.find(word, at + 3)) {
      std::string_view before = address.substr(at - 3, 3);
      if (word == "区" && (before == "小" || before == "社" || before == "园")) continue;
      cut = std::min(cut, at + word.size());
      break;
    }
  }
  if (cut == std::string_view::npos) {
    size_t city = address.find("市", 3);
    if (city != std::string_view::npos) cut = city + 3;
  }
  if (cut == std::string_view::npos) {
    size_t province = address.find("省", 3);
    if (province != std::string_view::npos) cut = province + 3;
  }
  if (cut == std::string_view::npos) return "***";
  return std::string(address.substr(0, cut));
}

bool Masker::Mask(std::string_view field, std::string_view text, std::string* masked,
                  MaskCount* count) {
  MaskCount ignored;
  if (count == nullptr) count = &ignored;
  if (!enabled_ || text.empty()) return false;
  // ID numbers anywhere: a run of 15 digits is rare in text, so look for one first.
  size_t digits = 0, longest = 0;
  for (char c : text) {
    digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
    longest = std::max(longest, digits);
  }
  Kind kind = KindOf(field);
  if (kind == Kind::kNone && longest < 15) return false;
  bool changed = false;
  masked->assign(text);
  if (kind == Kind::kName) {
    // Several names joined by "; " are masked one by one.
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find("; ", start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view one = text.substr(start, end - start);
      if (start > 0) out += "; ";
      if (!one.empty() && !IsMaskedText(one) && !HasOrganisationWord(one)) {
        out += MaskName(one);
        ++count->names;
      } else {
        out += one;
      }
      start = end + 2;
    }
    if (out != text) {
      *masked = std::move(out);
      changed = true;
      count->name_fields |= FieldBit(field);
    }
  } else if (kind == Kind::kAddress) {  // masked or not: 上海市某某路 is cut too
    std::string cut = CutAddress(text);
    if (cut != text) {
      *masked = std::move(cut);
      ++count->addresses;
      changed = true;
      count->address_fields |= FieldBit(field);
    }
  }
  if (longest >= 15) {
    for (int pass = 0; pass < 4; ++pass) {
      int n = RE2::GlobalReplace(masked, *id18_, R"(\1\2***********\4\5)");
      n += RE2::GlobalReplace(masked, *id15_, R"(\1\2********\4\5)");
      if (n == 0) break;
      count->ids += static_cast<uint64_t>(n);
      changed = true;
    }
  }
  return changed;
}

}  // namespace casesift
