#include "money_items.h"

#include <algorithm>
#include <cstring>

#include "common/utf8.h"
#include "text_util.h"

namespace casesift {
namespace {

constexpr size_t kNone = std::string_view::npos;

// The length of the separator ending just before s[i] (line end, ; : ； 。 ：), 0 if none.
size_t SeparatorAt(std::string_view s, size_t i) {
  char c = s[i];
  if (c == '\n' || c == ';' || c == ':') return 1;
  // ； and ： are EF BC xx, 。 is E3 80 82.
  if (c != '\xEF' && c != '\xE3') return 0;
  std::string_view three = s.substr(i, 3);
  return three == "；" || three == "。" || three == "：" ? 3 : 0;
}

// The number of ASCII digits at s[i], when it is 1 or 2; else 0.
size_t Digits(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && n < 3 && s[i + n] >= '0' && s[i + n] <= '9') ++n;
  return n <= 2 ? n : 0;
}

// The end of an item marker that starts at s[i] after optional spaces, or kNone:
// 1. 2、 3． （4） (5) 六、
size_t MarkerEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
      ++i;
    } else if (s.substr(i, 3) == "\u3000") {
      i += 3;
    } else {
      break;
    }
  }
  if (size_t d = Digits(s, i)) {
    std::string_view rest = s.substr(i + d);
    if (StartsWith(rest, ".")) return i + d + 1;
    if (StartsWith(rest, "、") || StartsWith(rest, "．")) return i + d + 3;
    return kNone;
  }
  std::string_view rest = s.substr(i);
  size_t open = StartsWith(rest, "（") ? 3 : StartsWith(rest, "(") ? 1 : 0;
  if (open > 0) {
    size_t d = Digits(s, i + open);
    if (d == 0) return kNone;
    std::string_view close = s.substr(i + open + d);
    if (StartsWith(close, ")")) return i + open + d + 1;
    if (StartsWith(close, "）")) return i + open + d + 3;
    return kNone;
  }
  constexpr std::string_view kNumerals = "一二三四五六七八九十";
  size_t n = 0;
  while (n < 9 && i + n + 3 <= s.size() && kNumerals.find(s.substr(i + n, 3)) != kNone) n += 3;
  if (n > 0 && StartsWith(s.substr(i + n), "、")) return i + n + 3;
  return kNone;
}

// Bytes i+1 and i+2 of `s` as one 16-bit key. REQUIRES: i + 2 < s.size().
size_t Next(std::string_view s, size_t i) {
  return static_cast<size_t>(static_cast<unsigned char>(s[i + 1])) << 8 |
         static_cast<unsigned char>(s[i + 2]);
}

}  // namespace

MoneyList FindMoneyIn(std::string_view text, Span span, const MoneyScanOptions& options) {
  MoneyList out;
  if (span.empty()) return out;
  for (const MoneySpan& m : FindMoney(span.In(text), options)) {
    out.push_back({span.begin + m.begin, span.begin + m.end, m.fen});
  }
  return out;
}

std::vector<Span> ItemsOf(std::string_view s) {
  std::vector<size_t> starts;
  if (!s.empty() && MarkerEnd(s, 0) != kNone) starts.push_back(0);
  for (size_t i = 0; i < s.size(); ++i) {
    size_t sep = SeparatorAt(s, i);
    if (sep == 0) continue;
    if (MarkerEnd(s, i + sep) != kNone) starts.push_back(i);
    i += sep - 1;
  }
  std::vector<Span> items;
  if (starts.empty() || starts[0] > 0) items.push_back({0, starts.empty() ? s.size() : starts[0]});
  for (size_t i = 0; i < starts.size(); ++i) {
    items.push_back({starts[i], i + 1 < starts.size() ? starts[i + 1] : s.size()});
  }
  return items;
}

bool ItemMarkerEndsAt(std::string_view s, size_t pos) {
  while (pos > 0 && s[pos - 1] == ' ') --pos;
  for (size_t k = 1; k <= 12 && k <= pos; ++k) {
    size_t q = pos - k;
    bool after_separator =
        q == 0 || (q >= 1 && SeparatorAt(s, q - 1) == 1) || (q >= 3 && SeparatorAt(s, q - 3) == 3);
    if (after_separator && MarkerEnd(s, q) == pos) return true;
  }
  return false;
}

size_t ItemMarkerEnd(std::string_view item) {
  size_t i = 0;
  while (i < item.size()) {
    size_t sep = SeparatorAt(item, i);
    if (sep == 0) break;
    i += sep;
  }
  size_t end = MarkerEnd(item, i);
  return end == kNone ? 0 : end;
}

size_t Find(std::string_view s, std::string_view word, size_t from) {
  return FindText(s, word, from);
}

size_t FindLast(std::string_view s, std::string_view word) {
  size_t last = kNone;
  for (size_t at = Find(s, word); at != kNone; at = Find(s, word, at + 1)) last = at;
  return last;
}

WordSet::WordSet(std::initializer_list<std::string_view> words) : words_(words) {
  for (std::string_view w : words_) {
    first_[static_cast<unsigned char>(w[0])] = true;
    next_[Next(w, 0)] = true;
  }
}

size_t WordSet::LongestAt(std::string_view s, size_t i) const {
  size_t longest = 0;
  for (std::string_view w : words_) {
    if (w.size() > longest && s.compare(i, w.size(), w) == 0) longest = w.size();
  }
  return longest;
}

size_t WordSet::Find(std::string_view s, size_t from, size_t* length) const {
  for (size_t i = from; i + 2 < s.size(); ++i) {
    if (!first_[static_cast<unsigned char>(s[i])] || !next_[Next(s, i)]) continue;
    if (size_t n = LongestAt(s, i)) {
      if (length != nullptr) *length = n;
      return i;
    }
  }
  return kNone;
}

size_t WordSet::FindLast(std::string_view s, size_t* length) const {
  for (size_t i = s.size() < 3 ? 0 : s.size() - 2; i-- > 0;) {
    if (!first_[static_cast<unsigned char>(s[i])] || !next_[Next(s, i)]) continue;
    if (size_t n = LongestAt(s, i)) {
      if (length != nullptr) *length = n;
      return i;
    }
  }
  return kNone;
}

size_t FindFirst(std::string_view s, std::initializer_list<std::string_view> words, size_t from,
                 size_t* length) {
  size_t best = kNone;
  for (std::string_view w : words) {
    size_t pos = Find(s, w, from);
    if (pos < best || (pos == best && pos != kNone && length != nullptr && w.size() > *length)) {
      best = pos;
      if (length != nullptr) *length = w.size();
    }
  }
  return best;
}

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (Find(s, w) != kNone) return true;
  }
  return false;
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (StartsWith(s, w)) return true;
  }
  return false;
}

}  // namespace casesift
