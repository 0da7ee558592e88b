// "Did you mean" hints for names a rule writer mistyped (keys, modifiers, selections,
// functions, lists).
#ifndef CASESIFT_TOOLS_RULE_MATCH_SUGGEST_H_
#define CASESIFT_TOOLS_RULE_MATCH_SUGGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {

// The Levenshtein distance between two byte strings.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` within an edit distance of 2 (or a third of its length),
// or "" when none is that close.
std::string Suggest(std::string_view word, const std::vector<std::string>& candidates);

// "unknown WHAT 'word'", with " (did you mean 'x'?)" when Suggest finds a known name.
std::string Unknown(std::string_view what, std::string_view word,
                    const std::vector<std::string>& known);

// " (did you mean $share?)" for the name closest to `name` (a `$name` without its '$')
// among `defined`, as Suggest finds it; "" when none is that close.
std::string LetNameHint(std::string_view name, const std::vector<std::string>& defined);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_SUGGEST_H_
