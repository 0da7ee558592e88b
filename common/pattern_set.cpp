#include "common/pattern_set.h"

#include <fmt/format.h>
#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <cstdlib>

namespace casesift {
namespace {

// One scratch space per thread, grown to fit every database the thread has scanned with.
class ThreadScratch {
 public:
  ~ThreadScratch() {
    if (scratch_ != nullptr) hs_free_scratch(scratch_);
  }
  hs_scratch_t* For(const hs_database_t* db) {
    if (std::find(fitted_.begin(), fitted_.end(), db) == fitted_.end()) {
      // Only fails on allocation failure, which the caller cannot recover from either.
      if (hs_alloc_scratch(db, &scratch_) != HS_SUCCESS) std::abort();
      fitted_.push_back(db);
    }
    return scratch_;
  }

 private:
  hs_scratch_t* scratch_ = nullptr;
  std::vector<const hs_database_t*> fitted_;
};

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

}  // namespace

void PatternSet::DatabaseDeleter::operator()(hs_database* db) const { hs_free_database(db); }

PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;
PatternSet::~PatternSet() = default;

Result<PatternSet> PatternSet::Compile(const std::vector<Pattern>& patterns) {
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
  PatternSet set;
  set.db_.reset(db);
  for (const Pattern& p : patterns) {
    if (p.start) continue;
    if (set.without_start_.size() <= p.id) set.without_start_.resize(p.id + size_t{1});
    set.without_start_[p.id] = true;
  }
  return set;
}

void PatternSet::Scan(std::string_view text, std::vector<PatternHit>* hits) const {
  thread_local ThreadScratch scratch;
  size_t first = hits->size();
  const auto length = static_cast<unsigned int>(std::min<size_t>(text.size(), UINT_MAX));
  ScanContext context{hits, &without_start_};
  hs_scan(db_.get(), text.data(), length, 0, scratch.For(db_.get()), OnMatch, &context);
  std::sort(hits->begin() + static_cast<std::ptrdiff_t>(first), hits->end(),
            [](const PatternHit& a, const PatternHit& b) {
              if (a.begin != b.begin) return a.begin < b.begin;
              if (a.end != b.end) return a.end < b.end;
              return a.id < b.id;
            });
}

}  // namespace casesift
