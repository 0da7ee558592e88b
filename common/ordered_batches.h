// OrderedBatches: a stream of batches read in order, worked on by N threads at once, and
// written in the order they were read (CLI.md: "With -j N ... the output order is still
// the input order").
//
// Every thread (the calling one and N - 1 more) takes the next batch from the input (one
// reader at a time, so a reader's rejects keep their order), works on it itself (what it
// has just read is still in its core's cache), and hands it to the writer; batches are
// written in input order by whichever thread completes the run that can be written, one
// thread at a time and outside the lock, so that the others go on working meanwhile. A
// thread that gets far ahead waits, so memory stays bounded whatever the input size.
//
//   OrderedBatches<Batch>::Steps steps;
//   steps.read = [&](Batch* b) { ...fill b...; return more; };   // under the read lock
//   steps.work = [&](Batch* b, unsigned thread) { ... };          // in parallel
//   steps.write = [&](Batch* b) -> Status { ... };                // in order
//   Status st = OrderedBatches<Batch>::Run(jobs, steps);
//
// `read` fills a batch and says whether another may follow; a batch it leaves empty is
// dropped. A reader that fails keeps its own error and returns false: the batches read
// before are still worked on and written, and so is whatever it left in the last one (a
// caller whose one-thread run writes nothing of it empties it). The first error of `write` stops
// the run (no later batch is written) and is what Run returns. `thread` (0 to N - 1) lets `work`
// keep per-thread state. With N = 1 everything runs on the calling thread, in turn.
#ifndef CASESIFT_COMMON_ORDERED_BATCHES_H_
#define CASESIFT_COMMON_ORDERED_BATCHES_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "common/status.h"

namespace casesift {

template <typename Batch>
class OrderedBatches {
 public:
  struct Steps {
    std::function<bool(Batch*)> read;
    std::function<void(Batch*, unsigned thread)> work;
    std::function<Status(Batch*)> write;
    // Called once on each extra thread before it reads (thread 1 to N - 1), for work that
    // is best done there while the calling thread starts on the first batch.
    std::function<void(unsigned thread)> start;
    // Optional: empties a written batch for `read` to fill again. Without it every batch is
    // a new one; with it a run keeps at most a few and their buffers keep their memory, so
    // that filling them takes no fresh pages from the kernel.
    std::function<void(Batch*)> clear;
  };
  // How many worked batches may wait for an earlier one to be written.
  static constexpr size_t kMaxWaiting = 4;

  static Status Run(unsigned threads, const Steps& steps) {
    OrderedBatches run(steps);
    std::vector<std::thread> extra;
    for (unsigned t = 1; t < threads; ++t) {
      extra.emplace_back([&run, t] {
        if (run.steps_.start) run.steps_.start(t);
        run.Work(t);
      });
    }
    run.Work(0);
    for (std::thread& t : extra) t.join();
    return run.write_status_;
  }

 private:
  explicit OrderedBatches(const Steps& steps) : steps_(steps) {}

  void Work(unsigned thread) {
    while (true) {
      std::unique_ptr<Batch> batch = Spare();
      uint64_t seq = 0;
      {
        std::lock_guard<std::mutex> lock(read_mu_);
        if (end_ || stopped()) break;
        end_ = !steps_.read(batch.get());
        if (batch->empty()) continue;  // the loop ends at end_ when nothing is left
        seq = next_read_++;
      }
      steps_.work(batch.get(), thread);
      std::unique_lock<std::mutex> lock(write_mu_);
      written_cv_.wait(lock, [&] { return stop_ || seq < next_write_ + kMaxWaiting; });
      if (stop_) break;
      waiting_[seq] = std::move(batch);
      if (writing_) continue;  // the thread writing writes it in its turn
      // This thread writes what can be written, without the lock: meanwhile the others
      // hand in their batches and go on working (a write into a full pipe may block).
      writing_ = true;
      for (auto it = waiting_.find(next_write_); it != waiting_.end();
           it = waiting_.find(next_write_)) {
        std::unique_ptr<Batch> next = std::move(it->second);
        waiting_.erase(it);
        lock.unlock();
        Status st = steps_.write(next.get());
        if (steps_.clear) steps_.clear(next.get());
        lock.lock();
        if (steps_.clear) spare_.push_back(std::move(next));
        ++next_write_;
        written_cv_.notify_all();
        if (!st.ok()) {
          write_status_ = st;
          stop_ = true;
          written_cv_.notify_all();
          break;
        }
      }
      writing_ = false;
    }
    // A thread that leaves (at the end, or on an error) must not leave others waiting.
    std::lock_guard<std::mutex> lock(write_mu_);
    written_cv_.notify_all();
  }

  // A written batch to fill again, or a new one.
  std::unique_ptr<Batch> Spare() {
    std::lock_guard<std::mutex> lock(write_mu_);
    if (spare_.empty()) return std::make_unique<Batch>();
    std::unique_ptr<Batch> batch = std::move(spare_.back());
    spare_.pop_back();
    return batch;
  }

  bool stopped() {
    std::lock_guard<std::mutex> lock(write_mu_);
    return stop_;
  }

  const Steps& steps_;

  std::mutex read_mu_;  // guards `read` and the fields below up to write_mu_
  bool end_ = false;
  uint64_t next_read_ = 0;

  std::mutex write_mu_;  // guards the fields below; `write` runs on one thread at a time
  std::condition_variable written_cv_;
  std::map<uint64_t, std::unique_ptr<Batch>> waiting_;
  std::vector<std::unique_ptr<Batch>> spare_;  // written and cleared (Steps::clear)
  uint64_t next_write_ = 0;
  bool writing_ = false;  // a thread is writing batches (then it writes them all, in order)
  bool stop_ = false;
  Status write_status_;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_ORDERED_BATCHES_H_
