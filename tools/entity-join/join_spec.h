// JoinSpec: what is joined on, parsed from the command line once and shared by the
// reference loader and the matcher.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_JOIN_SPEC_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_JOIN_SPEC_H_

#include <optional>
#include <string>
#include <vector>

#include "common/field_path.h"
#include "common/path_pair.h"
#include "common/status.h"

namespace casesift {

struct JoinSpec {
  std::vector<PathPair> on;              // --on, in order: a composite key
  std::optional<PathPair> exclude_same;  // --exclude-same
  std::vector<FieldPath> fields;         // --fields: the parts of a match kept; empty: all
  std::vector<PathPair> compare;         // --compare (fuzzy scoring)
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_JOIN_SPEC_H_
