#include "common/org_name.h"

namespace casesift {

namespace {

constexpr std::string_view kOrgWords[] = {
    "公司",   "银行",   "支行", "分行", "委员会", "事务所",  "合作社",  "集团",   "协会",
    "学会",   "中心",   "学校", "学院", "大学",   "医院",    "卫生院",  "幼儿园", "政府",
    "办事处", "管理局", "厂",   "店",   "行",     "部",      "社",      "所",     "局",
    "院",     "站",     "馆",   "会",   "处",     "队",      "场",      "检察院", "企业",
    "工作室", "俱乐部", "商行", "基金", "Ltd",    "LIMITED", "Limited", "Co."};

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

bool HasOrganisationWord(std::string_view name) {
  if (CountChars(name) <= 3 && name.find("某") != std::string_view::npos) return false;
  for (std::string_view w : kOrgWords) {
    if (w.size() >= 6 && name.find(w) != std::string_view::npos) return true;
    if (w.size() < 6 && name.ends_with(w) && CountChars(name) >= 4) return true;
  }
  return false;
}

bool IsOrganisationName(std::string_view name) {
  if (CountChars(name) <= 3 && name.find("某") != std::string_view::npos) return false;
  return HasOrganisationWord(name) || CountChars(name) > 8;
}

}  // namespace casesift
