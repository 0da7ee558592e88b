// Money found in a part of a judgment, and the pieces it is read in: the items of a list
// (1、 2. （3） 四、), sentences, and the first of several words. The amounts and
// allocations readers share these; all functions are pure and thread-safe.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_MONEY_ITEMS_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_MONEY_ITEMS_H_

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "common/chinese_number.h"
#include "document_layout.h"

namespace casesift {

// An amount with byte offsets into the whole document.
struct MoneyAt {
  size_t begin = 0, end = 0;
  int64_t fen = 0;
};
using MoneyList = std::vector<MoneyAt>;

// The amounts in text[span], with offsets into `text`, in order. One FindMoney pass.
MoneyList FindMoneyIn(std::string_view text, Span span, const MoneyScanOptions& options);

// The items of a list in `s`: spans relative to `s`, in order, covering it. An item starts
// at the separator (line end, ；, 。, ：) before its marker; text before the first marker is
// an item of its own.
std::vector<Span> ItemsOf(std::string_view s);

// Whether an item marker (at the start of `s` or after a separator) ends at `pos`, spaces
// aside: true for pos 5 in "：1．请求判令".
bool ItemMarkerEndsAt(std::string_view s, size_t pos);

// The offset just past the separator and marker that open `item` ("；\n二、" -> 7), or 0.
size_t ItemMarkerEnd(std::string_view item);

// The first occurrence of `word` in `s` at or after `from`, or npos. Same result as
// std::string_view::find, by memmem: on Chinese text nearly every byte is a candidate
// first byte for find's memchr, so memmem is several times cheaper.
size_t Find(std::string_view s, std::string_view word, size_t from = 0);

// The last occurrence of `word` in `s`, or npos: Find repeated, because
// std::string_view::rfind compares at every byte.
size_t FindLast(std::string_view s, std::string_view word);

// A fixed set of words looked for together in one pass over the text, for the short
// stretches read around each amount. Built once (static), then read-only.
class WordSet {
 public:
  // REQUIRES: every word is at least 3 bytes long (a Chinese character or more).
  WordSet(std::initializer_list<std::string_view> words);
  // The first position at or after `from` where a word of the set starts, or npos;
  // `length` (optional) gets the length of the longest word there.
  size_t Find(std::string_view s, size_t from = 0, size_t* length = nullptr) const;
  // The last such position, or npos.
  size_t FindLast(std::string_view s, size_t* length = nullptr) const;
  bool In(std::string_view s) const { return Find(s) != std::string_view::npos; }

 private:
  size_t LongestAt(std::string_view s, size_t i) const;
  bool first_[256] = {};
  std::vector<bool> next_ = std::vector<bool>(1 << 16);  // bytes 2 and 3 of a first character
  std::vector<std::string_view> words_;
};

// The earliest occurrence in `s` at or after `from` of any of `words`, or npos; `length`
// (optional, initialised by the caller) gets the length of the word found; a longer word
// wins a tie.
size_t FindFirst(std::string_view s, std::initializer_list<std::string_view> words, size_t from = 0,
                 size_t* length = nullptr);
bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words);
bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> words);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_MONEY_ITEMS_H_
