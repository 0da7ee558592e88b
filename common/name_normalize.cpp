#include "common/name_normalize.h"

#include <utf8proc.h>

#include <cstdlib>
#include <utility>

#include "common/name_normalize_chars.h"
#include "common/name_normalize_t2s.h"
#include "common/name_normalize_tables.h"

namespace casesift {

struct NameNormalizer::Impl {
  std::unique_ptr<T2s> t2s;
};

namespace {

using name_chars::AppendUtf8;
using name_chars::DecodeStrict;
using name_chars::DecodeValid;
using name_chars::Encode;
using name_chars::FastNfkc;
using name_chars::IsHan;
using name_chars::kBad;
using name_tables::LegalForm;
using name_tables::PlaceUse;
using name_tables::SuffixKind;

// Whether the `name` level keeps `cp`, and as what: lower case for letters, 0 when dropped.
inline char32_t Kept(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return cp;
    return 0;
  }
  if (IsHan(cp)) return cp;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
      return cp;
    default:
      return 0;
  }
}

inline bool IsOpen(char32_t cp) {
  if (cp < 0x80) return cp == '(' || cp == '[' || cp == '{';
  return !IsHan(cp) && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_PS;
}

inline bool IsClose(char32_t cp) {
  if (cp < 0x80) return cp == ')' || cp == ']' || cp == '}';
  return !IsHan(cp) && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_PE;
}

// Whether `text` is one or more place names in a row (any use), or 中国.
bool IsRegion(std::string_view text) {
  if (text.empty()) return false;
  const auto& places = name_tables::Places();
  PlaceUse use;
  while (!text.empty()) {
    const size_t n = places.LongestPrefix(text, &use);
    if (n == 0) return false;
    text.remove_prefix(n);
  }
  return true;
}

// Steps 3 to 5 of the `name` level: `cps` to UTF-8 in *out.
void EmitKept(const std::u32string& cps, std::string* out, std::string* scratch) {
  out->clear();
  out->reserve(cps.size() * 3);
  const size_t n = cps.size();
  for (size_t i = 0; i < n; ++i) {
    const char32_t cp = cps[i];
    if (const char32_t k = Kept(cp); k != 0) {
      AppendUtf8(k, out);
      continue;
    }
    if (!IsOpen(cp)) continue;
    size_t depth = 1;
    size_t j = i + 1;
    for (; j < n; ++j) {
      if (IsOpen(cps[j])) {
        ++depth;
      } else if (IsClose(cps[j]) && --depth == 0) {
        break;
      }
    }
    if (j == n) continue;  // unclosed: the bracket is punctuation
    scratch->clear();
    for (size_t k = i + 1; k < j; ++k) {
      if (const char32_t c = Kept(cps[k]); c != 0) AppendUtf8(c, scratch);
    }
    if (IsRegion(*scratch)) i = j;
  }
}

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// In a branch's name, makes the parent's legal form (the last one ending at or before byte
// `parent_end`) canonical.
void CanonicalizeParent(std::string* out, size_t parent_end) {
  const auto& forms = name_tables::LegalForms();
  const std::string_view all(*out);
  for (size_t end = parent_end; end > 0; --end) {
    if (end < all.size() && (static_cast<unsigned char>(all[end]) & 0xC0) == 0x80) continue;
    LegalForm form;
    const size_t len = forms.LongestSuffix(all.substr(0, end), &form);
    if (len == 0 || form.kind == SuffixKind::kBranch) continue;
    if (all.substr(end - len, len) != form.canonical) {
      out->replace(end - len, len, form.canonical);
    }
    return;
  }
}

// Step 6 of the `name` level. Returns the legal form now at the end of *out and sets *len to its
// length; *len is 0 when there is none.
LegalForm CanonicalizeLegalForm(std::string* out, size_t* len) {
  LegalForm form;
  *len = name_tables::LegalForms().LongestSuffix(*out, &form);
  if (*len == 0) return form;
  const size_t start = out->size() - *len;
  if (std::string_view(*out).substr(start) != form.canonical) {
    out->replace(start, *len, form.canonical);
  }
  *len = form.canonical.size();
  if (form.kind == SuffixKind::kBranch) CanonicalizeParent(out, out->size() - *len);
  return form;
}

// The `core` level from the `name` level `s`, whose legal form (`form_len` bytes) is at its end.
std::string_view Core(std::string_view s, const LegalForm& form, size_t form_len) {
  const auto& forms = name_tables::LegalForms();
  const auto& places = name_tables::Places();
  // The legal form; after a wrapper form the one before it too (启明会计师事务所特殊普通合伙);
  // after a branch form the places that name the branch, then the parent's form.
  LegalForm last = form;
  for (size_t n = form_len; n > 0 && n < s.size(); n = forms.LongestSuffix(s, &last)) {
    s.remove_suffix(n);
    if (last.kind == SuffixKind::kCompany) break;
    if (last.kind != SuffixKind::kBranch) continue;
    PlaceUse use;
    for (size_t p; (p = places.LongestSuffix(s, &use)) > 0 && use == PlaceUse::kAnywhere &&
                   CountChars(s.substr(0, s.size() - p)) >= 2;) {
      s.remove_suffix(p);
    }
  }
  PlaceUse use;
  for (size_t n; (n = places.LongestPrefix(s, &use)) > 0 && use == PlaceUse::kAnywhere &&
                 CountChars(s.substr(n)) >= 2;) {
    s.remove_prefix(n);
  }
  const auto& words = name_tables::IndustryWords();
  bool industry;
  for (size_t n;
       (n = words.LongestSuffix(s, &industry)) > 0 && CountChars(s.substr(0, s.size() - n)) >= 2;) {
    s.remove_suffix(n);
  }
  return s;
}

struct Scratch {
  std::u32string cps;
  std::string text;
};

}  // namespace

std::string name_chars::Nfkc(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  std::string out = n >= 0
                        ? std::string(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n))
                        : std::string(text);
  std::free(mapped);
  return out;
}

NameNormalizer::NameNormalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NameNormalizer::~NameNormalizer() = default;

Result<std::unique_ptr<NameNormalizer>> NameNormalizer::Create(const std::string& opencc_config) {
  Result<std::unique_ptr<T2s>> t2s = T2s::Load(opencc_config);
  if (!t2s.ok()) return t2s.status();
  auto impl = std::make_unique<Impl>();
  impl->t2s = std::move(*t2s);
  // Build the tables now rather than in the first Normalize.
  (void)name_tables::LegalForms();
  (void)name_tables::Places();
  (void)name_tables::IndustryWords();
  return std::unique_ptr<NameNormalizer>(new NameNormalizer(std::move(impl)));
}

Result<const NameNormalizer*> NameNormalizer::Get() {
  static const Result<std::unique_ptr<NameNormalizer>> kInstance = Create("t2s.json");
  if (!kInstance.ok()) return kInstance.status();
  return static_cast<const NameNormalizer*>(kInstance->get());
}

size_t NameNormalizer::CountConvertibleChars() const { return impl_->t2s->CountChangeable(); }

void NameNormalizer::Normalize(std::string_view name, NameLevel level, std::string* out) const {
  thread_local Scratch scratch;
  std::u32string& cps = scratch.cps;
  const T2s& t2s = *impl_->t2s;
  // 1. NFKC, a character at a time when every character allows it; bad bytes dropped.
  cps.clear();
  bool slow = false;
  bool convert = false;
  for (size_t i = 0; i < name.size();) {
    const char32_t cp = DecodeStrict(name, &i);
    if (cp == kBad) continue;
    char32_t folded = FastNfkc(cp);
    if (folded == kBad) {
      slow = true;
      folded = cp;
    }
    convert = convert || t2s.MayChange(folded);
    cps.push_back(folded);
  }
  if (slow) {
    Encode(cps, &scratch.text);
    DecodeValid(name_chars::Nfkc(scratch.text), &cps);
    convert = false;
    for (char32_t cp : cps) convert = convert || t2s.MayChange(cp);
  }
  // 2. Traditional to simplified, only when OpenCC could change something.
  if (convert) {
    Encode(cps, &scratch.text);
    DecodeValid(t2s.Convert(scratch.text), &cps);
  }
  // 3-5. Lower case, region qualifiers, punctuation.
  EmitKept(cps, out, &scratch.text);
  // A combining mark that followed a removed space now follows a letter: compose them again.
  if (slow) *out = name_chars::Nfkc(*out);
  // 6. The legal form.
  size_t form_len = 0;
  const LegalForm form = CanonicalizeLegalForm(out, &form_len);
  if (level == NameLevel::kCore) {
    const std::string_view core = Core(*out, form, form_len);
    if (core.size() != out->size()) {
      const size_t start = static_cast<size_t>(core.data() - out->data());
      out->erase(start + core.size());
      out->erase(0, start);
    }
  }
}

std::string NameNormalizer::Normalize(std::string_view name, NameLevel level) const {
  std::string out;
  Normalize(name, level, &out);
  return out;
}

}  // namespace casesift
