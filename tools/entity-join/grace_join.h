// A join with a reference larger than --memory: a grace hash join.
//
// Both sides are partitioned to temporary files by the hash of their join keys, so that a
// record and the rows it can match always meet in the same partition:
//   1. every reference row goes, numbered in the whole reference, to each partition one of
//      its key combinations hashes to ("ROW\t{json}" lines);
//   2. every input record is kept in order in a spool file, and goes, numbered, to each
//      partition one of its combinations hashes to;
//   3. each partition's rows are loaded alone (a Reference about 1/P of the whole) and its
//      records looked up, the matches written to a result file in record order, with the
//      row's number, tier and combination;
//   4. the spool is read again in order beside the P result files, and each record's
//      matches merged, by row (a row found in several partitions keeps its strongest
//      tier, of the first combination), cut by --best, and written as a join in memory
//      writes them.
// So the output is the same bytes as without --memory. --unpaired-ref reads a spool of the
// reference at the end, in order. Malformed lines are rejected during the partitioning,
// each side in its order. Temporary files go to $TMPDIR (default /tmp) and are removed at
// the end, also when the run fails.
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_GRACE_JOIN_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_GRACE_JOIN_H_

#include <cstddef>
#include <string>

#include "common/cli.h"
#include "common/name_normalize.h"
#include "common/output.h"
#include "common/status.h"
#include "entity_join.h"
#include "join_spec.h"
#include "reference.h"

namespace casesift {

struct GraceJoin {
  const EntityJoinOptions& options;
  const JoinSpec& spec;
  const NameNormalizer& norm;
  const Reference::Options& reference;  // what each partition keeps
  std::string as;                       // the --as member, empty for none
  size_t partitions;                    // P >= 2
};

// Runs the join on `stream`'s input and output; `unpaired` (may be null) receives the
// rows nothing matched. Does not Finish the stream.
Status RunGraceJoin(const GraceJoin& join, Stream* stream, Output* unpaired);

// The partitions a join needs for references of `bytes` under `budget` bytes: 1 when it
// fits. `keep_rows`: the rows' text is kept (about 1.5 bytes of memory a byte of
// reference, else 0.5).
size_t PartitionsFor(uint64_t bytes, uint64_t budget, bool keep_rows);

// Parses a --memory SIZE: bytes, or a number with K, M, G or T (powers of 1024), e.g.
// 512M. Errors: Usage.
Result<uint64_t> ParseMemorySize(const std::string& text);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_GRACE_JOIN_H_
