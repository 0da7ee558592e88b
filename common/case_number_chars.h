// Internal to common/: the characters case numbers are made of, shared by the parser
// (case_number.cpp) and the scanner that finds numbers in text (case_number_scan.cpp).
// Not an API for tools.
#ifndef CASESIFT_COMMON_CASE_NUMBER_CHARS_H_
#define CASESIFT_COMMON_CASE_NUMBER_CHARS_H_

#include <cstddef>
#include <string_view>

namespace casesift::case_number_chars {

// Province-level court codes (Art. 4): the provinces, 兵 (XPCC) and 军 (PLA).
inline constexpr std::string_view kProvinceChars =
    "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新兵军";
inline constexpr std::string_view kSupremeCourt = "最高法";
inline constexpr std::string_view kDivisionNumerals = "一二三四五六七八九";
inline constexpr std::string_view kSuffixNumerals = "一二三四五六七八九十百零〇";

// The byte length of the UTF-8 sequence starting with `lead` (1 for stray bytes).
inline size_t CharLen(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace casesift::case_number_chars

#endif  // CASESIFT_COMMON_CASE_NUMBER_CHARS_H_
