// JoinSpec: what is joined on, parsed from the command line once and shared by the
// reference loader and the matcher.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_JOIN_SPEC_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_JOIN_SPEC_H_

#include <optional>
#include <string>
#include <vector>

#include "common/field_path.h"
#include "common/status.h"

namespace casesift {

struct PathPair {
  FieldPath left, right;
  std::string text;  // as given: "LEFT=RIGHT" or "PATH"
};

struct JoinSpec {
  std::vector<PathPair> on;              // --on, in order: a composite key
  std::optional<PathPair> exclude_same;  // --exclude-same
  std::vector<FieldPath> fields;         // --fields: the parts of a match kept; empty: all
  std::vector<PathPair> compare;         // --compare (fuzzy scoring)
};

// Parses "LEFT=RIGHT" (or "PATH" for both sides) as given to `option`; errors are usage
// errors naming the option and the column.
Result<PathPair> ParsePathPair(const std::string& text, const char* option);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_JOIN_SPEC_H_
