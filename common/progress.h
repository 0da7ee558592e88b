// Progress: one self-updating line on standard error for long runs (CLI.md, "Progress").
//
//   rule-match: 1,204,311 records  1.21 GB  912 MB/s  48%  0:01 left
//
// Shown when standard error is a terminal, unless --no-progress or -q; --progress forces
// it on even into a pipe or file, where it prints a plain line per second instead of
// redrawing. Records, bytes and the rate always; percent and time left when the total
// input size is known. Messages printed through diagnostics.h erase the line first.
//
// Update() is cheap enough to call per record: it looks at the clock once every 1024
// calls and redraws at most five times a second. Not thread-safe: one Progress, updated
// from one thread.
#ifndef CASESIFT_COMMON_PROGRESS_H_
#define CASESIFT_COMMON_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace casesift {

class Progress {
 public:
  enum class Mode { kAuto, kOn, kOff };

  Progress(Mode mode, bool quiet);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }
  // Total input bytes, when known (0: unknown).
  void SetTotalBytes(uint64_t total) { total_bytes_ = total; }

  void Update(uint64_t records, uint64_t bytes, bool force = false) {
    if (!enabled_) return;
    if (!force && (++calls_ & 1023) != 0) return;
    MaybeDraw(records, bytes, force);
  }

  // Erases the line; call when the work is done.
  void Finish();

  // The line's text (without terminal controls). Exposed for tests.
  static std::string Format(uint64_t records, uint64_t bytes, uint64_t total_bytes, double seconds);

 private:
  using Clock = std::chrono::steady_clock;
  void MaybeDraw(uint64_t records, uint64_t bytes, bool force);

  bool enabled_;
  bool terminal_;
  uint64_t calls_ = 0;
  uint64_t total_bytes_ = 0;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_PROGRESS_H_
