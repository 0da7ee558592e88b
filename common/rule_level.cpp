#include "common/rule_level.h"

#include <array>

namespace casesift {

namespace {
constexpr std::array<std::string_view, 5> kLevels = {"info", "low", "medium", "high", "critical"};
}  // namespace

int LevelRank(std::string_view level) {
  // Sorting calls this for every comparison: one character and the length decide the
  // candidate, one comparison confirms it.
  int rank;
  switch (level.empty() ? '\0' : level[0]) {
    case 'i':
      rank = 0;
      break;
    case 'l':
      rank = 1;
      break;
    case 'm':
      rank = 2;
      break;
    case 'h':
      rank = 3;
      break;
    case 'c':
      rank = 4;
      break;
    default:
      return -1;
  }
  return level == kLevels[static_cast<size_t>(rank)] ? rank : -1;
}

std::string_view LevelName(int rank) { return kLevels[static_cast<size_t>(rank)]; }

}  // namespace casesift
