// Case numbers (案号): parsing one, finding all in a text, and what their type codes mean.
//
// A 案号 since 2016 (法〔2015〕137号, amended by 法〔2018〕335号) reads
//
//   (2016)沪0115民初80205号      (year) court code, type code, sequence number, 号
//   (2019)最高法知民终123号之一   ... with a 专门审判代字 (知) and a suffix
//
// and before 2016 courts wrote a free-form court abbreviation, often a division digit, and 字第:
//
//   (2014)宣汉民初字第430号   (2009)萧民二初字第33号   (2013)川民终字第268号
//
// ParseCaseNumber reads either form and never gives up on a broken one: it returns every part it
// could read plus a warning for each part it could not (a missing year or province, an unknown
// type code), and fails only when the text does not look like a case number at all.
// FindCaseNumbers scans a document for every case number in it: the document's own number on
// its header lines, and the earlier cases cited in the body (原审 numbers in an appeal, 执
// numbers of enforcement cases).
//
// Type codes (类型代字) come from common/data/type_codes.tsv, compiled into the binary: the
// 《人民法院案件类型及其代字标准》 rows, the pre-2016 legacy codes (民二初 ...) and two practice
// codes marked UNVERIFIED. Matching is longest-first: 民辖终 before 民辖, 执恢 before 执.
//
// Input is UTF-8. Accepted spellings: full- and half-width brackets （）()〔〕[]【】［］,
// full-width digits, spaces anywhere (ASCII, U+3000, NBSP), 第 or 字第 before the number, a "-N"
// sub-number (财保1016-1号) and 之一, 之二 ... after 号.
//
// Thread safety: every function here may be called from any number of threads. The tables are
// parsed once, on first use, under the function-local static initialisation rules of C++11.
// string_views returned in TypeCodeInfo and CourtInfo point into those tables and stay valid
// for the life of the process.
#ifndef CASESIFT_COMMON_CASE_NUMBER_H_
#define CASESIFT_COMMON_CASE_NUMBER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace casesift {

// The `category` field of a case record (RECORDS.md). kUnknown means "omit the field".
enum class CaseCategory : uint8_t {
  kUnknown,
  kCivil,
  kCriminal,
  kAdministrative,
  kEnforcement,
  kCompensation,
  kOther,
};

// The `procedure` field of a case record (RECORDS.md). kUnknown means "omit the field".
enum class CaseProcedure : uint8_t {
  kUnknown,
  kFirstInstance,
  kSecondInstance,
  kRetrialReview,
  kRetrial,
  kEnforcement,
  kPreservation,
  kSpecial,
  kProtectionOrder,
  kBankruptcy,
  kJurisdiction,
  kOther,
};

// The record spelling: "civil", "first_instance" ...; "" for kUnknown.
std::string_view CategoryName(CaseCategory category);
std::string_view ProcedureName(CaseProcedure procedure);

// One row of the type-code table.
struct TypeCodeInfo {
  std::string_view code;  // the 代字 as in the table ("民初"); empty when not in the table
  CaseCategory category = CaseCategory::kUnknown;
  CaseProcedure procedure = CaseProcedure::kUnknown;
  std::string_view description;  // the standard's 4-digit code(s) and type name
  bool legacy = false;           // a pre-2016 代字 such as 民二初 (description starts LEGACY)
  bool unverified = false;       // seen in practice, not in the standard (民诉前调, 执破)

  bool known() const { return !code.empty(); }
};

// The table row for exactly `code` ("民辖终"); a TypeCodeInfo with known() false when none.
TypeCodeInfo LookupTypeCode(std::string_view code);

// The row of the longest table code that `text` starts with: for "民辖终12号" that is 民辖终, for
// "执恢3号" 执恢. known() is false when no table code is a prefix of `text`.
TypeCodeInfo LongestTypeCodePrefix(std::string_view text);

// The 2016 代字 that a written type code stands for: "民初" for 民初, 民一初, 民二初, 民简初 and
// 商初; "民终" for 民二终; "民再" for 民再初; "刑终" for 刑三终; "执异" for 执异. Codes of the
// table map to themselves. std::nullopt when `written` is not a type code this grammar knows:
// a category character (民 商 知 刑 行 行赔 执), any division numerals 一..九, optionally 简 or
// 再, then a procedure ending that completes a table code.
std::optional<std::string> ModernTypeCode(std::string_view written);

// OK when `tsv` is a well-formed type-code table (the format of common/data/type_codes.tsv);
// otherwise an InvalidData status naming the line, e.g.
// "type_codes.tsv:12: unknown category 'civl' (expected civil, criminal, ...)".
[[nodiscard]] Status ValidateTypeCodeTable(std::string_view tsv);

// The category and procedure a case record gets from its type code and its document type (the
// title line, e.g. 民事判决书; letter-spacing is ignored). The rules, in order:
//  1. 人身安全保护令 in the document type: civil / protection_order.
//  2. 支付令 in the document type: civil / special.
//  3. A type code of the table (or one ModernTypeCode maps into it): the table's pair. The
//     document type does not change it: 民事调解书 with 民初 is civil / first_instance, 执行裁定书
//     with 执异 is enforcement / enforcement, 民事裁定书 with 破 is civil / bankruptcy.
//  4. Otherwise the category from the document type's prefix (民事 civil, 刑事 criminal, 行政赔偿
//     and 国家赔偿 compensation, 行政 administrative, 执行 enforcement with procedure
//     enforcement) and kUnknown for the rest.
struct CaseKind {
  CaseCategory category = CaseCategory::kUnknown;
  CaseProcedure procedure = CaseProcedure::kUnknown;
};
CaseKind ClassifyCase(std::string_view type_code, std::string_view doc_type);

// A parsed case number. Fields follow `case_no` and `case_no_parts` of RECORDS.md.
struct CaseNumber {
  // The 案号 as written, normalised: half-width brackets "(" ")", ASCII digits, "-" for a
  // full-width hyphen, no spaces; everything else (第, 字, leading zeros) kept.
  std::string case_no;
  std::optional<int> year;
  std::string court_code;  // "沪0115", "最高法", "粤73"; the free-form abbreviation in legacy
                           // numbers ("宣汉"); "" when missing
  std::string special;     // 专门审判代字 ("知"), "" when none
  std::string type_code;  // the 2016 代字 ("民初", also for legacy 民二初); when the code is
                          // unknown, the text as written
  std::string written_type_code;  // as written: "民二初", "民初"
  std::optional<int64_t> seq;     // 80205; leading zeros dropped
  std::string suffix;             // "之一", "-1" (a sub-number), "" when none
  bool legacy = false;            // the pre-2016 form: 字 before the number, a free-form court
                                  // abbreviation, or a legacy-only 代字
  CaseCategory category = CaseCategory::kUnknown;  // from the type code alone; see ClassifyCase
  CaseProcedure procedure = CaseProcedure::kUnknown;
  // One message per part that could not be read, in lower case, e.g. "missing year",
  // "unknown type code '临鉴'". Empty for a clean number.
  std::vector<std::string> warnings;

  bool clean() const { return warnings.empty(); }
};

// Parses `text` as one case number. Spaces anywhere are ignored; text after the number (after 号
// and any 之X) is reported as a warning and left out of case_no; a year written "2018)" is
// read, warned about and written "(2018)" in case_no. Partial results carry warnings (see
// CaseNumber::warnings). Fails with InvalidData, "not a case number: '<text>' (expected a form
// like (2016)沪0115民初80205号)", unless the type code is known, or the number has a sequence
// number and either a 2016-style court code or a legacy type containing 民 刑 行 执 商 or 赔.
// So 鉴定 numbers such as "[2016]临鉴字第1830号" and a bare "(2019)273号" are rejected.
[[nodiscard]] Result<CaseNumber> ParseCaseNumber(std::string_view text);

// One case number found in a text.
struct FoundCaseNumber {
  size_t offset = 0;  // byte offset of its first byte (the opening bracket, when it has one)
  size_t length = 0;  // its length in bytes, up to and including 号 and any 之X
  CaseNumber number;  // ParseCaseNumber of text.substr(offset, length)
};

// Every case number in `text`, in order of appearance, not overlapping. Candidates are found
// with RE2, run anchored where one may start (a bracketed year, or a year with only its closing
// bracket, then up to 30 characters that may include a bracketed chamber mark, a number and 号; or,
// without a year, a 2016-style court code, a type and a number) and kept when ParseCaseNumber
// accepts them; numbers without a year are kept only when their type code is known. Runs in about
// linear time.
std::vector<FoundCaseNumber> FindCaseNumbers(std::string_view text);

// The first case number FindCaseNumbers would find in text[from, …), scanning no further
// than that: a header needs one number, not all of them.
std::optional<FoundCaseNumber> FindFirstCaseNumber(std::string_view text, size_t from = 0);

// A court known by its code.
struct CourtInfo {
  std::string_view code;  // "沪0115"
  std::string_view name;  // "上海市浦东新区人民法院"
  bool verified = false;  // false: derived from GB/T 2260 and the coding rule, not yet seen
                          // together with the name in a document (DOMAIN.md §2)
};

// The court with `court_code`, for 最高法 and the codes of Shanghai courts in DOMAIN.md §2 (沪,
// 沪01-03, 沪71-74, 沪7101, the district courts, the former 沪0108 闸北 and 沪0230 崇明县);
// std::nullopt for other codes. Only 最高法 and 沪0115 are marked verified.
std::optional<CourtInfo> LookupCourt(std::string_view court_code);

// The name of the court with `court_code` ("上海市浦东新区人民法院" for 沪0115), "" when unknown.
std::string_view CourtNameForCode(std::string_view court_code);

}  // namespace casesift

#endif  // CASESIFT_COMMON_CASE_NUMBER_H_
