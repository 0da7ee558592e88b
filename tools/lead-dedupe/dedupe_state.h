// DedupeState: what lead-dedupe remembers between runs, in one SQLite database (--state).
//
// THE SCHEMA (man/lead-dedupe.1, STATE, is the user's copy). PRAGMA application_id is
// 0x63736674 ('csft') and user_version 1; journal_mode WAL; page_size 16384 when new (an
// older state keeps 4096). Days count from 1970-01-01.
//   keys(id INTEGER PRIMARY KEY      -- the low 64 bits of the canonical key's XXH3-128,
//                                    --   as a signed integer
//        check_hash INTEGER          -- the high 64 bits: a collision of ids is caught,
//                                    --   not merged
//        members_hash, members       -- the member set as last seen (hash, size)
//        level INTEGER               -- 0 info ... 4 critical, as last seen; NULL none
//        first_seen, last_seen INTEGER, last_emitted INTEGER (NULL: never written)
//        seen_count, runs INTEGER)   -- the run's hot table: narrow, integers only
//   key_info(id INTEGER PRIMARY KEY, key TEXT, lead_id TEXT, rule TEXT,
//            rule_version INTEGER, cluster TEXT)   -- written when a key is new or changed
//   verdicts(lead_id TEXT PRIMARY KEY, verdict TEXT ('tp' or 'fp'), rule TEXT,
//            rule_version INTEGER, recorded INTEGER)
//   runs(run INTEGER PRIMARY KEY, as_of INTEGER, leads_in, keys, new, changed, repeats,
//        suppressed, false_positives, verdicts, expired INTEGER,
//        output TEXT)                -- a complete output not yet renamed into place
//                                    --   (NULL once it is): see PendingOutputs
//   VIEW leads: keys and key_info together with ISO dates, level names and the verdict
//        (what --export writes).
//
// ONE TRANSACTION PER RUN. Open() takes the run's lock (flock(2) on the state file, held
// until the DedupeState is destroyed, so past the output's rename) and begins the
// transaction (BEGIN IMMEDIATE), before any lead is read: a second run waits for the first
// or fails, and never decides against a state the first is about to change. Commit() ends
// the transaction. A run that dies before
// Commit() leaves the state exactly as it was (SQLite's journal). A dry run reads a
// snapshot and writes nothing; a missing state file is then an empty state, not created.
//
// Not thread-safe, apart from PrefetchKeys: the state reads its keys table on a thread of
// its own while the caller does other work, and every other call waits for that reading
// to end (or stops it) before it uses the database.
#ifndef CASESIFT_TOOLS_LEAD_DEDUPE_DEDUPE_STATE_H_
#define CASESIFT_TOOLS_LEAD_DEDUPE_DEDUPE_STATE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/output.h"
#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace casesift {
struct DedupeRunKeys;  // the rows WriteKeys writes (dedupe_state.cpp)
}

namespace casesift {

class DedupeState {
 public:
  struct Options {
    std::string path;
    double wait_seconds = 0;  // how long to wait for another run's lock
    bool dry_run = false;
  };
  // Opens (or creates) the state and begins the run's transaction. Errors: usage (2) for a
  // file that is not a casesift state or is from a newer casesift; I/O (3) for one that
  // cannot be opened, or a lock still held after wait_seconds.
  static Result<std::unique_ptr<DedupeState>> Open(const Options& options);
  ~DedupeState();

  // A key's row, as stored.
  struct Row {
    bool found = false;
    int level = -1;
    uint64_t members_hash = 0;
    int64_t first_seen = 0, last_seen = 0, last_emitted = -1;  // days; -1: never emitted
    int64_t seen_count = 0, runs = 0;
  };
  // Looks key `id` up; `check` is the key's second hash. Errors: InvalidData when the id
  // is another key's.
  Status Lookup(uint64_t id, uint64_t check, Row* row);

  // Looks `count` keys up in the table's order: key(k) is the k-th key's id and second hash
  // (ids not decreasing as signed integers), and visit(k, row) is called for k = 0, 1, ...
  // in turn with its row (row.found false: not stored). One scan of the table when that
  // reads less than a lookup per key. `visit` must not use the state; its error stops the
  // lookups and is returned.
  struct KeyId {
    uint64_t id, check;
  };
  Status LookupSorted(size_t count, const std::function<KeyId(size_t)>& key,
                      const std::function<Status(size_t, const Row&)>& visit);

  // Starts reading the whole keys table, in id order, on a second thread, for the next
  // LookupSorted (lead-dedupe -j 2: the state is read while the leads are). LookupSorted
  // then takes the rows from memory, or, for a run of few keys (under an eighth of the rows
  // read so far), stops the reading and looks its keys up one by one. The answers are the
  // same either way. Does nothing for an empty state.
  void PrefetchKeys();

  struct Update {
    uint64_t id, check;
    uint64_t members, members_hash;
    int level;                                    // -1: none
    int64_t first_seen, last_seen, last_emitted;  // -1: never emitted
    int64_t seen_count, runs;
    // key_info, written when `info`:
    bool info;
    std::string_view key, lead_id, rule;
    int64_t rule_version;      // -1: none
    std::string_view cluster;  // empty: none
  };
  // Writes the run's keys rows in one statement, for `count` keys in id order (ids
  // increasing as signed integers): row(k, &u, &found) fills the k-th key's columns (the
  // keys table's part of an Update) and says whether Lookup found it (then its row is
  // updated, else inserted). Errors: InvalidData for two keys with one id.
  Status WriteKeys(size_t count, const std::function<void(size_t, Update*, bool* found)>& row);
  // Writes the run's key_info rows in one statement, after WriteKeys: row(k, &u, &found)
  // for k = 0 ... count - 1 in turn (once each) fills the k-th key's Update; a key with
  // u.info set gets its names written (and its text too when it is new).
  Status WriteNames(size_t count, const std::function<void(size_t, Update*, bool* found)>& row);

  // Whether a reviewer marked the lead a false positive.
  bool IsFalsePositive(std::string_view lead_id) const {
    return false_positives_.count(std::string(lead_id)) != 0;
  }
  // Whether a reviewer marked any lead a false positive.
  bool HasFalsePositives() const { return !false_positives_.empty(); }
  // Records a verdict ("tp" or "fp"), replacing an earlier one for the same lead.
  Status RecordVerdict(std::string_view lead_id, std::string_view verdict, std::string_view rule,
                       int64_t rule_version, int64_t today);
  // Removes the keys last seen before `before` (days); returns how many.
  Result<uint64_t> Expire(int64_t before);
  // Writes every key as a JSON object, by key in byte order, with its verdict.
  Status Export(Output* out);

  struct RunCounts {
    int64_t as_of = 0;
    uint64_t leads_in = 0, keys = 0, fresh = 0, changed = 0, repeats = 0, suppressed = 0,
             false_positives = 0, verdicts = 0, expired = 0;
    // The run's output, complete and synced but not yet in place (its temporary file), or
    // empty: see PendingOutputs.
    std::string output;
  };
  // The outputs of earlier runs that committed but died before renaming their output into
  // place: (run, temporary file). The file holds exactly the leads that run pushed, so the
  // next run writes it first (lead-dedupe: a lead is neither lost nor pushed twice).
  Result<std::vector<std::pair<int64_t, std::string>>> PendingOutputs();
  // Marks run's output as in place (or carried on). Within the run's transaction, or after
  // Commit() on its own.
  Status ClearPending(int64_t run);

  // Records the run and commits (a dry run rolls back instead).
  Status Commit(const RunCounts& counts);

  // The run's number: 1 for the first run on a state.
  int64_t run() const { return run_; }

 private:
  DedupeState() = default;
  Status Exec(const char* sql);
  Status Begin();
  Status LockRun();
  Status Busy() const;
  Status Prepare(const char* sql, sqlite3_stmt** stmt);
  Status Error(std::string_view what) const;
  Status CreateOrCheck(bool fresh);
  // A stored key as PrefetchKeys keeps it: its id, its second hash and its row.
  struct StoredKey {
    int64_t id;
    uint64_t check;
    Row row;
  };
  void ReadPrefetched();
  // Waits for (or, with `stop`, stops) the prefetch thread; returns its status.
  Status EndPrefetch(bool stop);
  Status CheckId(uint64_t stored_check, uint64_t check, uint64_t id) const;
  // Registers the virtual tables of WriteKeys and WriteNames on the connection (run_rows.cpp).
  Status RegisterRunRows();

  Options options_;
  sqlite3* db_ = nullptr;
  int lock_fd_ = -1;    // flock(2) held for the whole run (not a dry run)
  bool empty_ = false;  // a dry run without a state file
  bool in_transaction_ = false;
  int64_t run_ = 1;
  Status ReadRow(sqlite3_stmt* stmt, int first_column, uint64_t check, uint64_t id, Row* row);
  // The row in the columns after the second hash's (first_column: the level), found.
  static void DecodeRow(sqlite3_stmt* stmt, int first_column, Row* row);

  sqlite3_stmt* lookup_ = nullptr;
  sqlite3_stmt* verdict_ = nullptr;
  std::unordered_set<std::string> false_positives_;

  std::thread prefetch_;  // running PrefetchKeys' reading, while joinable
  std::atomic<bool> stop_prefetch_{false};
  std::atomic<size_t> prefetched_count_{0};  // rows read so far
  bool prefetched_ = false;                  // stored_ holds the whole keys table
  Status prefetch_status_;
  std::vector<StoredKey> stored_;

  std::unique_ptr<DedupeRunKeys> run_keys_;  // the module casesift_run_keys reads
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_LEAD_DEDUPE_DEDUPE_STATE_H_
