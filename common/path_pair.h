// PathPair: a LEFT=RIGHT pair of field paths as options give them (entity-join's --on and
// --compare, lead-dedupe's --compare): the left path is read from one record, the right
// from the other. "PATH" alone names the same path on both sides.
#ifndef CASESIFT_COMMON_PATH_PAIR_H_
#define CASESIFT_COMMON_PATH_PAIR_H_

#include <string>

#include "common/field_path.h"
#include "common/status.h"

namespace casesift {

struct PathPair {
  FieldPath left, right;
  std::string text;  // as given: "LEFT=RIGHT" or "PATH"
};

// Parses "LEFT=RIGHT" (or "PATH" for both sides) as given to `option`. The '=' that parts
// the sides is the first outside brackets and quotes (parties[side=defendant] has its
// own). Errors are usage errors naming the option and the text.
Result<PathPair> ParsePathPair(const std::string& text, const char* option);

// The first `c` in text[from, …) that stands outside brackets and quotes, as separators
// between field paths do ('=' in LEFT=RIGHT, ',' in a list: parties[side=x,kind=org]
// holds its own); npos when there is none.
size_t FindOutsidePaths(std::string_view text, char c, size_t from = 0);

// Whether a value is masked, as judgments publish names and numbers (张某, 上海某某公司,
// 310***********1234): it holds * ＊ × or 某. A masked value is no evidence of identity.
bool IsMaskedText(std::string_view text);

// The text a scorer compares for a value: a string as it is, a number as written; the rest
// (objects, arrays, booleans, null) and masked text nothing ("").
std::string ComparableText(simdjson::dom::element e);

}  // namespace casesift

#endif  // CASESIFT_COMMON_PATH_PAIR_H_
