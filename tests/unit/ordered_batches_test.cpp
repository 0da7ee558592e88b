// OrderedBatches: batches are written in the order they were read, whatever the number of
// threads and however long each takes to work on; a write error stops the run.
#include "common/ordered_batches.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace casesift {
namespace {

struct Numbers {
  std::vector<uint64_t> in, out;
  bool empty() const { return in.empty(); }
};

// Reads `total` numbers in batches of `size` (the last one short), squares them in `work`
// after a random pause, and collects what is written.
struct Squares {
  Squares(uint64_t total_numbers, size_t batch_size) : total(total_numbers), size(batch_size) {}
  uint64_t total;
  size_t size;
  uint64_t next = 0;
  std::vector<uint64_t> written;

  OrderedBatches<Numbers>::Steps Steps(uint64_t seed) {
    OrderedBatches<Numbers>::Steps steps;
    steps.read = [this](Numbers* b) {
      while (b->in.size() < size && next < total) b->in.push_back(next++);
      return next < total;
    };
    steps.work = [seed](Numbers* b, unsigned thread) {
      std::mt19937_64 rng(seed ^ (b->in.empty() ? 0 : b->in[0]) ^ thread);
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300));
      for (uint64_t x : b->in) b->out.push_back(x * x);
    };
    steps.write = [this](Numbers* b) {
      written.insert(written.end(), b->out.begin(), b->out.end());
      return Status::OK();
    };
    return steps;
  }
};

TEST_CASE("OrderedBatches writes in input order on any number of threads", "[ordered_batches]") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (uint64_t total : {uint64_t{0}, uint64_t{1}, uint64_t{7}, uint64_t{1000}}) {
      Squares sq(total, 7);
      REQUIRE(OrderedBatches<Numbers>::Run(threads, sq.Steps(threads * 1000 + total)).ok());
      REQUIRE(sq.written.size() == total);
      for (uint64_t i = 0; i < total; ++i) REQUIRE(sq.written[i] == i * i);
    }
  }
}

TEST_CASE("OrderedBatches stops at the first write error and writes nothing after it",
          "[ordered_batches]") {
  for (unsigned threads : {1u, 2u, 4u}) {
    Squares sq(500, 10);
    OrderedBatches<Numbers>::Steps steps = sq.Steps(threads);
    size_t batches = 0;
    steps.write = [&](Numbers* b) {
      if (++batches == 5) return Status::IoError("disk full");
      sq.written.insert(sq.written.end(), b->out.begin(), b->out.end());
      return Status::OK();
    };
    Status st = OrderedBatches<Numbers>::Run(threads, steps);
    REQUIRE(!st.ok());
    REQUIRE(st.message() == "disk full");
    REQUIRE(batches == 5);
    REQUIRE(sq.written.size() == 40);  // the four batches before the failing one
    for (uint64_t i = 0; i < sq.written.size(); ++i) REQUIRE(sq.written[i] == i * i);
  }
}

TEST_CASE("OrderedBatches works on, and writes, the part read before the reader stops",
          "[ordered_batches]") {
  // A reader that fails keeps its error and returns false: what it read before still goes.
  for (unsigned threads : {1u, 2u, 3u}) {
    Squares sq(1000, 16);
    OrderedBatches<Numbers>::Steps steps = sq.Steps(threads);
    steps.read = [&](Numbers* b) {
      while (b->in.size() < sq.size && sq.next < 100) b->in.push_back(sq.next++);
      if (sq.next == 100) {
        b->in.push_back(sq.next++);  // the last good one, then the "error"
        return false;
      }
      return true;
    };
    REQUIRE(OrderedBatches<Numbers>::Run(threads, steps).ok());
    REQUIRE(sq.written.size() == 101);
    for (uint64_t i = 0; i < sq.written.size(); ++i) REQUIRE(sq.written[i] == i * i);
  }
}

TEST_CASE("OrderedBatches calls start once on each extra thread", "[ordered_batches]") {
  Squares sq(100, 5);
  OrderedBatches<Numbers>::Steps steps = sq.Steps(1);
  std::mutex mu;
  std::vector<unsigned> started;
  steps.start = [&](unsigned t) {
    std::lock_guard<std::mutex> lock(mu);
    started.push_back(t);
  };
  REQUIRE(OrderedBatches<Numbers>::Run(4, steps).ok());
  std::sort(started.begin(), started.end());
  REQUIRE(started == std::vector<unsigned>{1, 2, 3});
}

}  // namespace
}  // namespace casesift
