// LeadTexts: the text of each key's first lead, from the moment lead-dedupe reads it until it
// writes it at the end of the run.
//
// When every input is a regular file, a text is not copied: it is kept as where it is (the
// input, its offset and size) with a hash of its bytes, and read back from the file when
// wanted. The run then holds no copy of its input: on a machine where fresh memory is dear
// (each new page costs a fault and a clearing) that is most of what a run of a million leads
// spent. Read back in input order (the run's output), a text comes from one large read that
// serves the texts after it too. A file changed while the run reads it is an error, not
// wrong output: the bytes read back must have the hash they had.
//
// Otherwise (standard input, a pipe) each text is copied into an arena, as it must be.
//
// Not thread-safe. The files stay open as long as the LeadTexts.
#ifndef CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_TEXTS_H_
#define CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_TEXTS_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/jsonl_reader.h"
#include "common/status.h"
#include "common/text_arena.h"

namespace casesift {

class LeadTexts {
 public:
  // Where a text is: in an input file, or (no input) in the arena at `where`.
  struct Ref {
    uint64_t where = 0;  // the offset in the input, or the arena address
    uint64_t hash = 0;   // XXH3-64 of the bytes (files only)
    uint32_t size = 0;
    uint32_t input = 0;  // index in the inputs given to Open
  };

  // `inputs` as the run's reader has them (empty or "-": standard input). Reads back from
  // the files when every one is a regular file that opens; copies otherwise.
  static std::unique_ptr<LeadTexts> Open(const std::vector<std::string>& inputs);
  ~LeadTexts();
  LeadTexts(const LeadTexts&) = delete;
  LeadTexts& operator=(const LeadTexts&) = delete;

  // Whether texts are read back from the files (else copied).
  bool from_files() const { return !fds_.empty(); }

  // Keeps the text of `rec`, a record of the reader over the inputs given to Open (records
  // come in the reader's order).
  Ref Keep(const JsonlReader::Record& rec);

  // The text of `ref`. For texts wanted in input order: a read from a file brings the
  // texts after it into memory too. *text stays valid until the next call of Read or
  // ReadOne. Errors: IoError when the file cannot be read or no longer holds the text.
  Status Read(const Ref& ref, std::string_view* text);
  // The same for one text out of order: reads only its bytes.
  Status ReadOne(const Ref& ref, std::string_view* text);

 private:
  LeadTexts() = default;
  Status Check(const Ref& ref, std::string_view text) const;

  TextArena arena_;
  std::vector<std::string> names_;
  // The input the last record came from (a record's line number falls when the next input
  // starts, and the reader passes over inputs without records), and its line.
  size_t input_ = 0;
  uint64_t line_ = 0;
  std::vector<int> fds_;
  // The window of Read: bytes [window_begin_, window_begin_ + window_.size()) of input
  // window_input_.
  std::unique_ptr<char[]> window_;
  size_t window_capacity_ = 0, window_size_ = 0;
  uint64_t window_begin_ = 0;
  uint32_t window_input_ = UINT32_MAX;
  std::string one_;  // ReadOne's bytes
  // Reads `size` bytes at `offset` of input `input` into `to`.
  Status ReadAt(uint32_t input, uint64_t offset, size_t size, char* to);
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_LEAD_DEDUPE_LEAD_TEXTS_H_
