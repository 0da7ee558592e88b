// entity-join: joins a stream of records with reference files (registers, or the same
// cases) on identifiers, normalised names and, with --fuzzy, similar names. See
// man/entity-join.1.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_ENTITY_JOIN_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_ENTITY_JOIN_H_

#include <string>
#include <vector>

#include "common/cli.h"
#include "common/status.h"

namespace casesift {

enum class JoinKind { kInner, kLeft, kAnti, kSemi };

struct EntityJoinOptions {
  std::vector<std::string> refs;     // --ref FILE, in order
  std::vector<std::string> on;       // --on LEFT=RIGHT: a composite key
  JoinKind kind = JoinKind::kInner;  // --inner, --left, --anti, --semi
  std::string as;                    // --as NAME (default "matches" for inner and left joins)
  std::vector<std::string> fields;   // --fields a,b
  std::string count_as;              // --count-as NAME
  std::string unpaired_ref;          // --unpaired-ref FILE
  std::string exclude_same;          // --exclude-same PATH (or LEFT=RIGHT)
  std::string encoding = "utf-8";    // --encoding of CSV references
  bool best = false;                 // --best: keep the single best match
  bool fuzzy = false;                // --fuzzy
  double min_score = -1;             // --min-score; < 0: the default
  std::vector<std::string> compare;  // --compare LEFT=RIGHT
  std::string memory;                // --memory SIZE
  unsigned jobs = 1;                 // -j N: look records up on N threads
};

Status RunEntityJoin(const EntityJoinOptions& options, const CommonOptions& common);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_ENTITY_JOIN_H_
