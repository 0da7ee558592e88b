// Identity numbers in court documents: the 居民身份证号码 of a person and the 统一社会信用代码
// (USCC) or older 组织机构代码 of an organisation (DOMAIN.md §4). Each can be checked, put in
// one canonical form for joins, and told apart from a masked value.
//
// The three kinds of identifier, as this module reads them:
//  - 居民身份证号码 (GB 11643-1999): 18 characters, a 6-digit address code (GB/T 2260), the
//    birth date YYYYMMDD, a 3-digit sequence number (odd for men, even for women) and a check
//    character by ISO 7064 MOD 11-2 ('0'-'9' or 'X'). Legacy numbers have 15 digits (address,
//    YYMMDD, sequence; no check) and are upgraded to 18 by inserting "19" and computing the
//    check. The birth date must be a real calendar date with a year in 1800..2100. The address
//    code is not looked up in GB/T 2260, and a birth date in the future is not rejected (this
//    module does not read the clock).
//  - 统一社会信用代码 (GB 32100-2015): 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY"
//    (no I, O, S, V, Z); the last is a check character with weights 3^(i-1) mod 31. Positions
//    9-17 hold the organisation's 组织机构代码.
//  - 组织机构代码 (GB 11714): 8 body characters (digits or capital letters, A=10..Z=35) and a
//    check character ('0'-'9' or 'X', weights 3 7 9 10 5 8 4 2), written "74033824-2" or
//    "740338242".
//
// How text is read: surrounding ASCII white space and U+3000 are ignored; full-width digits
// and letters (０-９, Ａ-Ｚ, ａ-ｚ) count as their ASCII forms, and letters are case-insensitive.
// A value is *masked* when the court hid some of its characters (法释〔2016〕19号 Art. 10):
// it contains one of * ＊ × 某, or, in an ID number, an x or X anywhere but as the check
// character of an 18-character number (`310***********1234`, `4224211971********`,
// `×××2530`, `330727xxxxxxxx8478`). A masked value is reported as masked, never as valid or
// invalid: records keep it as written (RECORDS.md).
//
// Every function here is pure: no state, safe from any number of threads, linear in the size
// of its input. None allocates more than the strings it returns.
#ifndef CASESIFT_COMMON_ID_NUMBER_H_
#define CASESIFT_COMMON_ID_NUMBER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casesift {

// Why an ID number is not valid.
enum class IdCardProblem : uint8_t {
  kNone,       // valid, or masked (see IdCard::masked)
  kLength,     // not 15 or 18 characters (nor a masked form)
  kCharacter,  // a character that is no digit, no mask and no final check 'X'
  kDate,       // the embedded birth date is not a real date in 1800..2100
  kCheck,      // the check character does not match the other 17
};

// What ParseIdCard made of a text. Exactly one of `valid`, `masked` and a problem other than
// kNone holds.
struct IdCard {
  // For a valid number: its 18-character form with an upper-case 'X' (a 15-digit number
  // upgraded). For a masked one: the characters folded to ASCII with every mask character
  // written '*' (`3101**********123X`); compare masked values with IdCardMatchesMasked. For
  // an invalid one: the text folded to ASCII, as far as it could be ('?' for a character with
  // no ASCII form), for messages.
  std::string normalized;
  bool valid = false;
  bool masked = false;
  bool legacy = false;  // valid, and written in the 15-digit form
  IdCardProblem problem = IdCardProblem::kNone;
  // Only when valid:
  std::string birth;         // "YYYY-MM-DD"
  char gender = 0;           // 'm' or 'f' from the sequence number; 0 when not valid
  std::string address_code;  // the first 6 digits (GB/T 2260 code at the time of issue)
};

// Reads one 居民身份证号码 (15 or 18 characters, or a masked form), e.g.
// "11010519491231002x" -> valid, normalized "11010519491231002X", birth "1949-12-31",
// gender 'f'. The text is the number alone: a label ("身份证号码：") or other words make it
// invalid with kCharacter.
[[nodiscard]] IdCard ParseIdCard(std::string_view text);

// The 18-character form of a valid 15- or 18-character ID number (upper-case 'X'), the key
// to join on; std::nullopt when the number is not valid (masked included).
[[nodiscard]] std::optional<std::string> NormalizeIdCard(std::string_view text);

// The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') for the first 17 digits of an
// 18-character ID number. Returns 0 unless `first17` is exactly 17 ASCII digits.
[[nodiscard]] char IdCheckChar(std::string_view first17);

// Whether `masked` (a masked ID number) could be the valid ID number `full`: both have 18
// characters once normalised and agree wherever `masked` shows a character. False when
// `masked` is not masked or not 18 characters long (`1958********` cannot be aligned), or
// when `full` is not valid. A joiner uses it to link a masked party to a registry record.
[[nodiscard]] bool IdCardMatchesMasked(std::string_view masked, std::string_view full);

// What ParseUscc made of a text. At most one of `valid` and `masked` holds.
struct Uscc {
  // For a valid or invalid code: the text folded to upper-case ASCII ('?' for a character
  // with no ASCII form). For a masked one: the same with every mask character written '*'.
  std::string normalized;
  bool valid = false;   // 18 characters of the set, and the check character matches
  bool masked = false;  // contains * ＊ × or 某
};

// Reads one 统一社会信用代码, e.g. "91110108551385082q" -> valid, normalized
// "91110108551385082Q". Only the check character (position 18) decides validity; whether
// positions 9-17 form a valid 组织机构代码 is a separate question (UsccOrgCode).
[[nodiscard]] Uscc ParseUscc(std::string_view text);

// The upper-case ASCII form of a valid USCC; std::nullopt when not valid.
[[nodiscard]] std::optional<std::string> NormalizeUscc(std::string_view text);

// Whether `text` is a valid USCC (ParseUscc(text).valid).
[[nodiscard]] bool IsValidUscc(std::string_view text);

// The check character of a USCC from its first 17 characters (upper-case ASCII from the
// 31-character set). Returns 0 when `first17` is not exactly that.
[[nodiscard]] char UsccCheckChar(std::string_view first17);

// The 组织机构代码 inside a valid USCC (positions 9-17) in the form NormalizeOrgCode gives,
// e.g. "91110108551385082Q" -> "55138508-2"; std::nullopt when the USCC is not valid or
// those positions fail the GB 11714 check. Joins a USCC to a pre-2015 organisation code.
[[nodiscard]] std::optional<std::string> UsccOrgCode(std::string_view uscc);

// Whether `text` is a valid 组织机构代码: 8 body characters (digits or letters), an optional
// hyphen ('-' or '－'), and the GB 11714 check character ('X' in either case).
[[nodiscard]] bool IsValidOrgCode(std::string_view text);

// The canonical form "XXXXXXXX-C" (upper case, with the hyphen) of a valid 组织机构代码;
// std::nullopt when not valid.
[[nodiscard]] std::optional<std::string> NormalizeOrgCode(std::string_view text);

// The GB 11714 check character ('0'-'9' or 'X') for an 8-character body of digits and
// upper-case ASCII letters. Returns 0 when `first8` is not exactly that.
[[nodiscard]] char OrgCodeCheckChar(std::string_view first8);

// The one key an identifier is joined on: NormalizeIdCard(text), else NormalizeUscc(text),
// else NormalizeOrgCode(text), appended to *out; false (and *out unchanged) when `text` is
// none of them. The same as calling the three in turn, but text of printable ASCII alone
// (what registers and records mostly hold) is read in place, without a string allocated.
bool AppendIdentifierKey(std::string_view text, std::string* out);

}  // namespace casesift

#endif  // CASESIFT_COMMON_ID_NUMBER_H_
