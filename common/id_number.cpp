#include "common/id_number.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/utf8.h"

namespace casesift {
namespace {

constexpr std::string_view kUsccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kIdWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2};

// Each byte's value in kUsccCharset, -1 for a byte not in it: read once per character of
// every credit code a join reads.
constexpr std::array<int8_t, 256> kUsccValues = [] {
  std::array<int8_t, 256> values{};
  values.fill(-1);
  for (size_t v = 0; v < kUsccCharset.size(); ++v) {
    values[static_cast<unsigned char>(kUsccCharset[v])] = static_cast<int8_t>(v);
  }
  return values;
}();
// The weight of each of the 17 characters: 3^i mod 31.
constexpr std::array<int, 17> kUsccWeights = [] {
  std::array<int, 17> weights{};
  int weight = 1;
  for (int& w : weights) {
    w = weight;
    weight = weight * 3 % 31;
  }
  return weights;
}();

// One ASCII byte per character of `text` without its surrounding white space: digits and
// upper-case letters (full-width forms and lower case folded), '*' for a mask character, '-'
// for a hyphen, '?' for anything else.
std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = NextCodePoint(text, &i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (cp >= 'a' && cp <= 'z') cp -= 'a' - 'A';
    if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || cp == '-' || cp == '*' ||
        cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n') {
      out += static_cast<char>(cp);
    } else if (cp == 0x3000) {
      out += ' ';
    } else if (cp == 0xD7 || cp == 0x67D0) {  // × 某
      out += '*';
    } else {
      out += '?';
    }
  }
  const size_t first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(" \t\r\n") + 1 - first);
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool IsRealDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1800 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

// Whether the birth date of an 18-character identity number (characters 7 to 14) is a real
// day.
bool HasRealBirthDate(std::string_view id18) {
  return IsRealDate(Number(id18.substr(6, 4)), Number(id18.substr(10, 2)),
                    Number(id18.substr(12, 2)));
}

// The value of an organisation-code character: digits 0-9, letters A=10..Z=35; -1 otherwise.
int OrgCharValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

}  // namespace

char IdCheckChar(std::string_view first17) {
  if (first17.size() != 17 || !AllDigits(first17)) return 0;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kIdWeights[i];
  return "10X98765432"[sum % 11];
}

IdCard ParseIdCard(std::string_view text) {
  IdCard card;
  card.normalized = Fold(text);
  std::string s = card.normalized;
  // An x is the check character only in the last place of 18; anywhere else it masks.
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == 'X' && !(s.size() == 18 && i == 17)) s[i] = '*';
  }
  bool has_mask = false;
  bool bad_char = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '*') {
      has_mask = true;
    } else if (!(s[i] >= '0' && s[i] <= '9') && !(s[i] == 'X' && i == 17)) {
      bad_char = true;
    }
  }
  if (bad_char) {
    card.problem = IdCardProblem::kCharacter;
    return card;
  }
  if (has_mask) {
    if (s.size() > 18) {
      card.problem = IdCardProblem::kLength;
    } else {
      card.masked = true;
      card.normalized = std::move(s);
    }
    return card;
  }
  std::string full;
  if (s.size() == 18) {
    full = s;
  } else if (s.size() == 15) {
    full = s.substr(0, 6) + "19" + s.substr(6);
    full += IdCheckChar(full);
  } else {
    card.problem = IdCardProblem::kLength;
    return card;
  }
  if (!HasRealBirthDate(full)) {
    card.problem = IdCardProblem::kDate;
    return card;
  }
  if (IdCheckChar(std::string_view(full).substr(0, 17)) != full[17]) {
    card.problem = IdCardProblem::kCheck;
    return card;
  }
  card.valid = true;
  card.legacy = s.size() == 15;
  card.birth = full.substr(6, 4) + "-" + full.substr(10, 2) + "-" + full.substr(12, 2);
  card.gender = (full[16] - '0') % 2 == 1 ? 'm' : 'f';
  card.address_code = full.substr(0, 6);
  card.normalized = std::move(full);
  return card;
}

std::optional<std::string> NormalizeIdCard(std::string_view text) {
  IdCard card = ParseIdCard(text);
  if (!card.valid) return std::nullopt;
  return std::move(card.normalized);
}

bool IdCardMatchesMasked(std::string_view masked, std::string_view full) {
  const IdCard m = ParseIdCard(masked);
  const IdCard f = ParseIdCard(full);
  if (!m.masked || !f.valid || m.normalized.size() != 18) return false;
  for (size_t i = 0; i < 18; ++i) {
    if (m.normalized[i] != '*' && m.normalized[i] != f.normalized[i]) return false;
  }
  return true;
}

char UsccCheckChar(std::string_view first17) {
  if (first17.size() != 17) return 0;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const int v = kUsccValues[static_cast<unsigned char>(first17[i])];
    if (v < 0) return 0;
    sum += v * kUsccWeights[i];
  }
  return kUsccCharset[(31 - sum % 31) % 31];
}

Uscc ParseUscc(std::string_view text) {
  Uscc uscc;
  uscc.normalized = Fold(text);
  const std::string& s = uscc.normalized;
  if (s.find('*') != std::string::npos) {
    uscc.masked = true;
  } else if (s.size() == 18) {
    const char check = UsccCheckChar(std::string_view(s).substr(0, 17));
    uscc.valid = check != 0 && check == s[17];
  }
  return uscc;
}

std::optional<std::string> NormalizeUscc(std::string_view text) {
  Uscc uscc = ParseUscc(text);
  if (!uscc.valid) return std::nullopt;
  return std::move(uscc.normalized);
}

bool IsValidUscc(std::string_view text) { return ParseUscc(text).valid; }

char OrgCodeCheckChar(std::string_view first8) {
  if (first8.size() != 8) return 0;
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    const int v = OrgCharValue(first8[i]);
    if (v < 0) return 0;
    sum += v * kOrgWeights[i];
  }
  const int check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
}

std::optional<std::string> NormalizeOrgCode(std::string_view text) {
  std::string s = Fold(text);
  if (s.size() == 10 && s[8] == '-') s.erase(8, 1);
  if (s.size() != 9) return std::nullopt;
  const char check = OrgCodeCheckChar(std::string_view(s).substr(0, 8));
  if (check == 0 || check != s[8]) return std::nullopt;
  s.insert(8, 1, '-');
  return s;
}

namespace {

// For AppendIdentifierKey's common case, 18 bytes (an identity number or a credit code):
// whether the 18 bytes at `text` are all printable ASCII other than a space (what Fold maps
// byte for byte), and then them with lower-case letters made upper case in code[] and
// whether the first 17 are digits in *digits. REQUIRES: 18 bytes readable at `text`. SSE2 for the
// first 16: GCC's own vectorising of a plain byte loop stored the vector to the stack and read it
// back one byte at a time.
bool FoldAscii18(const char* text, char (&code)[18], bool* digits) {
  auto printable = [](unsigned char c) { return c > ' ' && c <= '~'; };
  auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  auto upper = [](unsigned char c) {
    return static_cast<char>(c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
  };
  size_t i = 0;
  bool all_printable = true, all_digits = true;
#if defined(__SSE2__)
  // Signed compares: a byte of 0x80 or more is negative, so it is not above ' '.
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text));
  const __m128i is_printable =
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(' ')), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7f)));
  const __m128i is_digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                         _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  const __m128i is_lower = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                                         _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(code),
                   _mm_sub_epi8(v, _mm_and_si128(is_lower, _mm_set1_epi8('a' - 'A'))));
  all_printable = _mm_movemask_epi8(is_printable) == 0xffff;
  all_digits = _mm_movemask_epi8(is_digit) == 0xffff;
  i = 16;
#endif
  for (; i < 18; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    all_printable &= printable(c);
    if (i < 17) all_digits &= digit(c);
    code[i] = upper(c);
  }
  *digits = all_digits;
  return all_printable;
}

// AppendAsciiIdentifierKey for 18 bytes of printable ASCII without spaces, the common case
// (an identity number or a credit code), given them folded to upper case and whether the
// first 17 are digits: the same checks, made on what one pass over the bytes noted.
bool AppendAscii18IdentifierKey(const char (&code)[18], bool digits, std::string* out) {
  const char last = code[17];
  if (digits && ((last >= '0' && last <= '9') || last == 'X')) {
    std::string_view f(code, 18);
    if (HasRealBirthDate(f) && IdCheckChar(f.substr(0, 17)) == last) {
      out->append(code, 18);
      return true;
    }
  }
  const char check = UsccCheckChar(std::string_view(code, 17));
  if (check != 0 && check == last) {
    out->append(code, 18);
    return true;
  }
  return false;
}

// AppendIdentifierKey for text of printable ASCII without spaces, other than 18 bytes long,
// which Fold maps byte for byte (a lower-case letter to upper case, a byte that is no
// letter, digit, '-' or '*' to '?') and does not trim: each check below is the one its
// Parse or Normalize function makes of the folded text, read through Up().
bool AppendAsciiIdentifierKey(std::string_view text, std::string* out) {
  const size_t n = text.size();
  auto up = [&](size_t i) {
    char c = text[i];
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - ('a' - 'A')) : c;
  };
  // 居民身份证号码 of the first generation: 15 digits, read as the 18 they stand for (an X
  // there masks). Those of 18 are AppendAscii18IdentifierKey's.
  if (n == 15) {
    bool digits = true;
    for (size_t i = 0; i < n && digits; ++i) digits = text[i] >= '0' && text[i] <= '9';
    if (digits) {
      char full[18];
      std::memcpy(full, text.data(), 6);
      full[6] = '1';
      full[7] = '9';
      std::memcpy(full + 8, text.data() + 6, 9);
      full[17] = IdCheckChar(std::string_view(full, 17));
      std::string_view f(full, 18);
      if (HasRealBirthDate(f)) {
        out->append(full, 18);
        return true;
      }
    }
  }
  // 组织机构代码: 9 characters, or 10 with a hyphen before the check character.
  if (n == 9 || (n == 10 && text[8] == '-')) {
    char code[10];
    for (size_t i = 0; i < 8; ++i) code[i] = up(i);
    code[8] = '-';
    code[9] = up(n - 1);
    const char check = OrgCodeCheckChar(std::string_view(code, 8));
    if (check != 0 && check == code[9]) {
      out->append(code, 10);
      return true;
    }
  }
  return false;
}

}  // namespace

bool AppendIdentifierKey(std::string_view text, std::string* out) {
  if (text.size() == 18) {
    char code[18];
    bool digits = false;
    if (FoldAscii18(text.data(), code, &digits))
      return AppendAscii18IdentifierKey(code, digits, out);
  }
  bool ascii = true;
  for (char c : text) {
    if (c <= ' ' || c > '~') {  // a space, a control, or a byte of a multi-byte character
      ascii = false;
      break;
    }
  }
  if (ascii) return AppendAsciiIdentifierKey(text, out);
  std::optional<std::string> key = NormalizeIdCard(text);
  if (!key) key = NormalizeUscc(text);
  if (!key) key = NormalizeOrgCode(text);
  if (!key) return false;
  out->append(*key);
  return true;
}

bool IsValidOrgCode(std::string_view text) { return NormalizeOrgCode(text).has_value(); }

std::optional<std::string> UsccOrgCode(std::string_view uscc) {
  const std::optional<std::string> normalized = NormalizeUscc(uscc);
  if (!normalized) return std::nullopt;
  return NormalizeOrgCode(std::string_view(*normalized).substr(8, 9));
}

}  // namespace casesift
