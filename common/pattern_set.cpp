#include "common/pattern_set.h"

#include <fmt/format.h>
#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdlib>

#include "common/hash.h"

namespace casesift {
namespace {

// One scratch space per thread, grown to fit every database the thread has scanned with.
class ThreadScratch {
 public:
  ~ThreadScratch() {
    if (scratch_ != nullptr) hs_free_scratch(scratch_);
  }
  hs_scratch_t* For(const hs_database_t* db, uint64_t serial) {
    if (std::find(fitted_.begin(), fitted_.end(), serial) == fitted_.end()) {
      // Only fails on allocation failure, which the caller cannot recover from either.
      if (hs_alloc_scratch(db, &scratch_) != HS_SUCCESS) std::abort();
      fitted_.push_back(serial);
    }
    return scratch_;
  }

 private:
  hs_scratch_t* scratch_ = nullptr;
  std::vector<uint64_t> fitted_;  // the serials of the sets it fits
};

ThreadScratch& ThisThreadScratch() {
  thread_local ThreadScratch scratch;
  return scratch;
}

struct ScanContext {
  std::vector<PatternHit>* hits;
  const std::vector<bool>* without_start;
};

int OnMatch(unsigned int id, unsigned long long from, unsigned long long to,  // NOLINT(runtime/int)
            unsigned int /*flags*/, void* context) {
  auto* c = static_cast<ScanContext*>(context);
  // Without HS_FLAG_SOM_LEFTMOST, `from` is always 0: the begin is reported as the end.
  bool no_start = id < c->without_start->size() && (*c->without_start)[id];
  c->hits->push_back({id, static_cast<size_t>(no_start ? to : from), static_cast<size_t>(to)});
  return 0;
}

// The registered databases and the sink (set at the start of main, read-only after).
const PatternSet::Precompiled* g_precompiled = nullptr;
size_t g_precompiled_count = 0;
PatternSet::CompiledSink g_sink = nullptr;
void* g_sink_context = nullptr;

// The registered database with `key`, deserialized, or nullptr when there is none or it
// does not load (corrupt, or for another Hyperscan).
hs_database_t* LoadPrecompiled(uint64_t key) {
  for (size_t i = 0; i < g_precompiled_count; ++i) {
    const PatternSet::Precompiled& p = g_precompiled[i];
    if (p.key != key) continue;
    hs_database_t* db = nullptr;
    if (hs_deserialize_database(reinterpret_cast<const char*>(p.bytes), p.size, &db) !=
        HS_SUCCESS) {
      return nullptr;
    }
    // Allocating scratch validates the database for this host (HS_DB_PLATFORM_ERROR).
    hs_scratch_t* scratch = nullptr;
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
      hs_free_database(db);
      return nullptr;
    }
    hs_free_scratch(scratch);
    return db;
  }
  return nullptr;
}

}  // namespace

uint64_t PatternSet::KeyOf(const std::vector<Pattern>& patterns) {
  Hasher h;
  h.Update(hs_version());
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) == HS_SUCCESS) {
    h.Update(fmt::format("|{}|{}|", platform.tune, platform.cpu_features));
  }
  for (const Pattern& p : patterns) {
    h.Update(fmt::format("{}|{}|{}|", p.regex.size(), p.id, p.start ? 1 : 0));
    h.Update(p.regex);
  }
  return h.Digest();
}

void PatternSet::UsePrecompiled(const Precompiled* databases, size_t count) {
  g_precompiled = databases;
  g_precompiled_count = databases == nullptr ? 0 : count;
}

void PatternSet::OnCompiled(CompiledSink sink, void* context) {
  g_sink = sink;
  g_sink_context = context;
}

void PatternSet::DatabaseDeleter::operator()(hs_database* db) const { hs_free_database(db); }

PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;
PatternSet::~PatternSet() = default;

Result<PatternSet> PatternSet::Compile(const std::vector<Pattern>& patterns) {
  static std::atomic<uint64_t> serials{0};
  PatternSet set;
  set.serial_ = ++serials;
  for (const Pattern& p : patterns) {
    if (p.start) continue;
    if (set.without_start_.size() <= p.id) set.without_start_.resize(p.id + size_t{1});
    set.without_start_[p.id] = true;
  }
  const uint64_t key = g_precompiled_count > 0 || g_sink != nullptr ? KeyOf(patterns) : 0;
  if (g_precompiled_count > 0) {
    if (hs_database_t* loaded = LoadPrecompiled(key)) {
      set.db_.reset(loaded);
      set.precompiled_ = true;
      return set;
    }
  }
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags, ids;
  for (const Pattern& p : patterns) {
    expressions.push_back(p.regex.c_str());
    flags.push_back(p.start ? HS_FLAG_SOM_LEFTMOST : 0);
    ids.push_back(p.id);
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned int>(patterns.size()), HS_MODE_BLOCK, nullptr, &db,
                       &error) != HS_SUCCESS) {
    std::string where =
        error->expression >= 0 && static_cast<size_t>(error->expression) < patterns.size()
            ? fmt::format(" in pattern {}", patterns[error->expression].regex)
            : "";
    Status st = Status::Usage(fmt::format("cannot compile{}: {}", where, error->message));
    hs_free_compile_error(error);
    return st;
  }
  set.db_.reset(db);
  if (g_sink != nullptr) {
    char* bytes = nullptr;
    size_t size = 0;
    if (hs_serialize_database(db, &bytes, &size) == HS_SUCCESS) {
      g_sink(key, std::string_view(bytes, size), g_sink_context);
      std::free(bytes);
    }
  }
  return set;
}

void PatternSet::Scan(std::string_view text, std::vector<PatternHit>* hits) const {
  ThreadScratch& scratch = ThisThreadScratch();
  size_t first = hits->size();
  const auto length = static_cast<unsigned int>(std::min<size_t>(text.size(), UINT_MAX));
  ScanContext context{hits, &without_start_};
  hs_scan(db_.get(), text.data(), length, 0, scratch.For(db_.get(), serial_), OnMatch, &context);
  std::sort(hits->begin() + static_cast<std::ptrdiff_t>(first), hits->end(),
            [](const PatternHit& a, const PatternHit& b) {
              if (a.begin != b.begin) return a.begin < b.begin;
              if (a.end != b.end) return a.end < b.end;
              return a.id < b.id;
            });
}

bool PatternSet::Matches(std::string_view text) const {
  ThreadScratch& scratch = ThisThreadScratch();
  const auto length = static_cast<unsigned int>(std::min<size_t>(text.size(), UINT_MAX));
  auto stop = [](unsigned int, unsigned long long, unsigned long long,  // NOLINT(runtime/int)
                 unsigned int, void*) { return 1; };
  return hs_scan(db_.get(), text.data(), length, 0, scratch.For(db_.get(), serial_), stop,
                 nullptr) == HS_SCAN_TERMINATED;
}

}  // namespace casesift
