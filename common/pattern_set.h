// PatternSet: many patterns found in one pass over a text (Hyperscan, block mode).
//
// A scanner that needs the places of a dozen kinds of words in a document (the words that
// open each part of a judgment, say) would otherwise run a regular expression per kind,
// and each over most of the text. A PatternSet compiles them all into one Hyperscan
// database and reports every match of every pattern in a single pass.
//
// Patterns are byte-oriented (no HS_FLAG_UTF8), so any input is safe to scan, valid UTF-8
// or not: write multi-byte characters as literals and alternations ("(?::|：)"), never in
// a character class. Each hit carries the leftmost start of a match ending at its end
// (HS_FLAG_SOM_LEFTMOST); all ends are reported, so a pattern that can match several
// lengths at one start gives several hits. Callers that need the exact leftmost-first
// extent of a match confirm it with RE2 at the hit's start.
//
// A PatternSet is immutable after Compile and may be scanned from any number of threads at
// once; each thread keeps its own scratch space.
//
// Compiling takes tens of milliseconds for a large set, paid by every run of a program. A
// program may instead embed its databases compiled ahead of time (at build time: see
// tools/case-extract/precompile_main.cpp) and register them at the start of main with
// UsePrecompiled; Compile then deserializes the database whose key matches. The key covers
// the patterns, their flags and ids, the Hyperscan version and the CPU features the host
// gives Hyperscan, so a stale database, or one built for another CPU, is never used:
// Compile compiles as before. A registered database that does not load is compiled too.
#ifndef CASESIFT_COMMON_PATTERN_SET_H_
#define CASESIFT_COMMON_PATTERN_SET_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

struct hs_database;

namespace casesift {

struct PatternHit {
  uint32_t id;   // the pattern's id as given to Compile
  size_t begin;  // byte offsets into the scanned text
  size_t end;
};

class PatternSet {
 public:
  struct Pattern {
    std::string regex;  // Hyperscan (PCRE-like) syntax, matched over bytes
    uint32_t id;
    // Whether hits carry the start of the match. Without it (much cheaper to compile and
    // scan) a hit's begin equals its end: for patterns of one length, whose caller knows it.
    bool start = true;
  };

  // Compiles the patterns; a pattern Hyperscan rejects gives a usage error naming it.
  static Result<PatternSet> Compile(const std::vector<Pattern>& patterns);

  // A database compiled ahead of time: the key of its patterns and its serialized bytes.
  struct Precompiled {
    uint64_t key;
    const unsigned char* bytes;
    size_t size;
  };
  // The key Compile looks databases up by, on this host.
  static uint64_t KeyOf(const std::vector<Pattern>& patterns);
  // Registers databases for Compile to load instead of compiling. The array must outlive
  // every later Compile. Call it before any thread compiles (at the start of main).
  static void UsePrecompiled(const Precompiled* databases, size_t count);
  // From now on, hands every database Compile compiles (not those it loads) to `sink`,
  // serialized, with its key: for the build step that writes them out. Same rule of use.
  using CompiledSink = void (*)(uint64_t key, std::string_view bytes, void* context);
  static void OnCompiled(CompiledSink sink, void* context);

  // Whether this set was loaded from a registered database rather than compiled.
  bool precompiled() const { return precompiled_; }

  // Whether some pattern matches somewhere in `text`: stops at the first match.
  bool Matches(std::string_view text) const;

  // Appends every match in `text` to *hits, sorted by (begin, end, id). Texts longer than
  // 4 GiB are scanned up to 4 GiB (Hyperscan's limit). Never fails once compiled.
  void Scan(std::string_view text, std::vector<PatternHit>* hits) const;

  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;
  ~PatternSet();

 private:
  PatternSet() = default;
  struct DatabaseDeleter {
    void operator()(hs_database* db) const;
  };
  std::unique_ptr<hs_database, DatabaseDeleter> db_;
  std::vector<bool> without_start_;  // by id: compiled without start of match
  bool precompiled_ = false;
  // Unique per compiled set in the process: what a thread's scratch space remembers it was
  // fitted to (an address could be reused by a later set with a larger database).
  uint64_t serial_ = 0;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_PATTERN_SET_H_
