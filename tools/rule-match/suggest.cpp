#include "suggest.h"

#include <fmt/format.h>

#include <algorithm>

namespace casesift {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string Suggest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string LetNameHint(std::string_view name, const std::vector<std::string>& defined) {
  std::string hint = Suggest(name, defined);
  return hint.empty() ? "" : fmt::format(" (did you mean ${}?)", hint);
}

std::string Unknown(std::string_view what, std::string_view word,
                    const std::vector<std::string>& known) {
  std::string hint = Suggest(word, known);
  return fmt::format("unknown {} '{}'{}", what, word,
                     hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
}

}  // namespace casesift
