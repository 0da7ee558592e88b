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

bool IsAddressMember(std::string_view member) {
  return member.find("address") != std::string_view::npos || member == "addr";
}

bool IsNameMember(std::string_view member) {
  return member == "subject" || member == "name" || member == "legal_rep" ||
         member.ends_with("_name") || member == "names" || member == "subjects";
}

}  // namespace

Masker::Masker(bool enabled, std::vector<std::string> fields)
    : enabled_(enabled), fields_(std::move(fields)) {
  // The number must stand alone: not inside a longer run of letters and digits (a credit
  // code, an account number) nor after a decimal point; Chinese text around it is fine.
  // RE2 has no look-behind, so the character before is captured and put back.
  id18_ = std::make_unique<RE2>(
      R"((^|[^0-9A-Za-z.])([1-9]\d{2})(\d{3}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(\d{3}[\dXx])\b)");
  id15_ = std::make_unique<RE2>(
      R"((^|[^0-9A-Za-z.])([1-9]\d{2})(\d{5}(?:0[1-9]|1[0-2])[0-3])(\d{4})\b)");
  summary_.enabled = enabled_;
}

Masker::~Masker() = default;

Masker::Kind Masker::KindOf(std::string_view field) const {
  std::string_view member = LastMember(field);
  if (!fields_.empty()) {
    bool listed = std::find(fields_.begin(), fields_.end(), field) != fields_.end();
    if (!listed) return Kind::kNone;
    return IsAddressMember(member) ? Kind::kAddress : Kind::kName;
  }
  if (IsAddressMember(member)) return Kind::kAddress;
  if (IsNameMember(member)) return Kind::kName;
  return Kind::kNone;
}

void Masker::Note(std::vector<std::string>* fields, std::string_view field) {
  if (std::find(fields->begin(), fields->end(), field) == fields->end()) {
    fields->emplace_back(field);
  }
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
  // After the first district-level word (区 县 旗) past the first character; else after the
  // last 市 (a county-level city); else after 省; else as it is.
  for (std::string_view word : {"区", "县", "旗"}) {
    size_t at = address.find(word, 3);
    if (at != std::string_view::npos) return std::string(address.substr(0, at + word.size()));
  }
  size_t city = address.rfind("市");
  if (city != std::string_view::npos && city > 0) {
    return std::string(address.substr(0, city + 3));
  }
  size_t province = address.find("省");
  if (province != std::string_view::npos && province > 0) {
    return std::string(address.substr(0, province + 3));
  }
  return std::string(address);
}

bool Masker::Mask(std::string_view field, std::string_view text, std::string* masked) {
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
      if (!one.empty() && !IsMaskedText(one) && !IsOrganisationName(one)) {
        out += MaskName(one);
        ++summary_.names;
      } else {
        out += one;
      }
      start = end + 2;
    }
    if (out != text) {
      *masked = std::move(out);
      changed = true;
      Note(&summary_.name_fields, field);
    }
  } else if (kind == Kind::kAddress) {  // masked or not: 上海市某某路 is cut too
    std::string cut = CutAddress(text);
    if (cut != text) {
      *masked = std::move(cut);
      ++summary_.addresses;
      changed = true;
      Note(&summary_.address_fields, field);
    }
  }
  if (longest >= 15) {
    int n = RE2::GlobalReplace(masked, *id18_, R"(\1\2***********\4)");
    n += RE2::GlobalReplace(masked, *id15_, R"(\1\2********\4)");
    if (n > 0) {
      summary_.id_numbers += static_cast<uint64_t>(n);
      changed = true;
    }
  }
  return changed;
}

}  // namespace casesift
