// JoinWriter: what entity-join writes for one input record, given its matches (the same in
// a join in memory and in a partitioned one).
#ifndef CASESIFT_TOOLS_ENTITY_JOIN_JOIN_OUTPUT_H_
#define CASESIFT_TOOLS_ENTITY_JOIN_JOIN_OUTPUT_H_

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/output.h"
#include "common/status.h"
#include "entity_join.h"
#include "join_matcher.h"
#include "join_spec.h"
#include "reference.h"

namespace casesift {

class JoinWriter {
 public:
  // `as` empty: no array; `count_as` empty: no count. Not owned: `out`.
  JoinWriter(JoinKind kind, std::string as, std::string count_as, Output* out)
      : kind_(kind), as_(std::move(as)), count_as_(std::move(count_as)), out_(out) {}

  // Writes `record` as the join kind says: unchanged (anti, semi), or with the array of
  // `elements` (each one match's JSON) and the count spliced in; or nothing.
  Status Write(std::string_view record, const std::vector<std::string>& elements, size_t matches) {
    std::string_view line;
    return Format(record, elements, matches, &line) ? out_->WriteRecord(line) : Status::OK();
  }
  // The same into *line (valid until the next call); false when nothing is written.
  bool Format(std::string_view record, const std::vector<std::string>& elements, size_t matches,
              std::string_view* line);
  // The same with the array's text given whole (`[` elements `]`, ignored without --as),
  // appended to *out: a caller that builds the array in a reused buffer copies no element.
  bool Append(std::string_view record, std::string_view array, size_t matches, std::string* out);

  bool wants_elements() const { return !as_.empty(); }
  // Whether Append would write `record` with the array added as a new member and nothing
  // else, so that a caller may write the array straight into its text instead:
  // BeginNewMember(record, as(), text), '[', the elements, ']', EndNewMember(record, text).
  bool AddsArrayOnly(std::string_view record, size_t matches) const;
  const std::string& as() const { return as_; }

 private:
  JoinKind kind_;
  std::string as_, count_as_;
  Output* out_;
  std::string array_, count_, line_;
};

// Appends the array element of a match found by `matcher`'s last Find: the row's kept
// text (cut to the --fields when the reference kept whole rows and `project_here`) with
// `_match` spliced in.
Status AppendElement(const JoinMatcher& matcher, const Reference& ref, const JoinMatch& match,
                     const JoinSpec& spec, bool project_here, simdjson::dom::parser* parser,
                     std::string* out);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_ENTITY_JOIN_JOIN_OUTPUT_H_
