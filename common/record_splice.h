// Splicing: adding fields to a record without re-serialising it.
//
// A tool that adds fields (entity-join's matches, rule-match's annotations, lead-dedupe's
// `dedupe` member) keeps every byte of the original record and writes only the new
// values, built with JsonBuilder:
//
//   {"case_no":"(2016)沪0115民初80205号", "x" : 1 }   + other_cases=[...]
//   {"case_no":"(2016)沪0115民初80205号", "x" : 1 ,"other_cases":[...]}
//
// A field the record already has (a top-level member of that name, compared byte for
// byte with its text as written between the quotes) has its value replaced in place,
// like jq's `. + {k: v}`; every occurrence is replaced when a malformed-but-accepted
// record repeats the key. Other fields are added before the closing brace, in the order
// given. A field with an empty `json` is removed instead (with its comma), like jq's
// `del(.k)`; removing a field the record does not have changes nothing.
#ifndef CASESIFT_COMMON_RECORD_SPLICE_H_
#define CASESIFT_COMMON_RECORD_SPLICE_H_

#include <span>
#include <string>
#include <string_view>

namespace casesift {

struct SplicedField {
  std::string_view name;  // the member name, unescaped; escaped as needed when written
  std::string_view json;  // the value: one valid JSON value, e.g. built with JsonBuilder;
                          // empty: remove the field
};

// Appends to *out the text of `record` with `fields` set.
// REQUIRES: `record` is one valid JSON object (as JsonlReader delivers it, possibly with
// surrounding whitespace); `fields` has no two entries with the same name.
void SpliceFields(std::string_view record, std::span<const SplicedField> fields, std::string* out);

// Whether `record` may have a top-level member `name`: false when `"name"` occurs nowhere
// in its text, the test SpliceFields makes first.
bool MayHaveMember(std::string_view record, std::string_view name);

// A new field as SpliceFields adds it, its value written by the caller straight into *out
// in between (no copy of it built apart): BeginNewMember appends `record` up to its
// closing brace, a comma unless the object is empty, and the name and ':';
// EndNewMember appends the closing brace and what follows it.
// REQUIRES: as for SpliceFields; !MayHaveMember(record, name).
void BeginNewMember(std::string_view record, std::string_view name, std::string* out);
void EndNewMember(std::string_view record, std::string* out);

}  // namespace casesift

#endif  // CASESIFT_COMMON_RECORD_SPLICE_H_
