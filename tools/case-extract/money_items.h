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

// The sentence around byte `pos` of `s`: it begins after the previous 。 or line end and
// ends just past the next 。 (or at the next line end).
size_t SentenceBegin(std::string_view s, size_t pos);
size_t SentenceEnd(std::string_view s, size_t pos);

// The earliest occurrence in `s` at or after `from` of any of `words`, or npos; `length`
// (optional, initialised by the caller) gets the length of the word found; a longer word
// wins a tie.
size_t FindFirst(std::string_view s, std::initializer_list<std::string_view> words, size_t from = 0,
                 size_t* length = nullptr);
bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words);
bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> words);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_MONEY_ITEMS_H_
