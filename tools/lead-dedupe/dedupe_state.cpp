#include "dedupe_state.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <thread>

#include "common/json_builder.h"
#include "dedupe_state_sql.h"

namespace casesift {

using state_sql::Days;
using state_sql::kScanKeys;
using state_sql::Statement;
using state_sql::Text;

namespace {

constexpr int kApplicationId = 0x63736674;  // 'csft'
constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS keys(
  id INTEGER PRIMARY KEY,
  check_hash INTEGER NOT NULL,
  members_hash INTEGER NOT NULL,
  members INTEGER NOT NULL,
  level INTEGER,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  last_emitted INTEGER,
  seen_count INTEGER NOT NULL,
  runs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS key_info(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  lead_id TEXT,
  rule TEXT,
  rule_version INTEGER,
  cluster TEXT);
CREATE TABLE IF NOT EXISTS verdicts(
  lead_id TEXT PRIMARY KEY,
  verdict TEXT NOT NULL CHECK (verdict IN ('tp', 'fp')),
  rule TEXT,
  rule_version INTEGER,
  recorded INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs(
  run INTEGER PRIMARY KEY,
  as_of INTEGER NOT NULL,
  leads_in INTEGER NOT NULL,
  keys INTEGER NOT NULL,
  new INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  repeats INTEGER NOT NULL,
  suppressed INTEGER NOT NULL,
  false_positives INTEGER NOT NULL,
  verdicts INTEGER NOT NULL,
  expired INTEGER NOT NULL,
  output TEXT);
CREATE VIEW IF NOT EXISTS leads AS
  SELECT i.key, i.lead_id, i.rule, i.rule_version,
         CASE k.level WHEN 0 THEN 'info' WHEN 1 THEN 'low' WHEN 2 THEN 'medium'
                      WHEN 3 THEN 'high' WHEN 4 THEN 'critical' END AS level,
         k.members,
         date(k.first_seen * 86400, 'unixepoch') AS first_seen,
         date(k.last_seen * 86400, 'unixepoch') AS last_seen,
         date(k.last_emitted * 86400, 'unixepoch') AS last_emitted,
         k.seen_count, k.runs, i.cluster, v.verdict
  FROM keys k JOIN key_info i USING (id) LEFT JOIN verdicts v ON v.lead_id = i.lead_id;
)sql";

void BindText(sqlite3_stmt* stmt, int i, std::string_view s) {
  if (s.empty()) {
    sqlite3_bind_null(stmt, i);
  } else {
    sqlite3_bind_text(stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
}

// A whole number, or NULL for a negative one (no date, no version, no level).
void BindNatural(sqlite3_stmt* stmt, int i, int64_t v) {
  if (v < 0) {
    sqlite3_bind_null(stmt, i);
  } else {
    sqlite3_bind_int64(stmt, i, v);
  }
}

// Whether `path` exists and starts as an SQLite database must; *empty when it has no bytes.
Result<bool> LooksLikeSqlite(const std::string& path, bool* exists, bool* empty) {
  struct stat st;
  *exists = ::stat(path.c_str(), &st) == 0;
  *empty = !*exists || st.st_size == 0;
  if (*empty) return true;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::FromErrno(path, errno);
  char header[16] = {};
  size_t n = std::fread(header, 1, sizeof header, f);
  std::fclose(f);
  return n == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

}  // namespace

Status DedupeState::Error(std::string_view what) const {
  std::string message = fmt::format("{}: {}: {}", options_.path, what, sqlite3_errmsg(db_));
  int code = sqlite3_errcode(db_);
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
    return Status::Usage(
        fmt::format("{}: not a casesift state database ({})", options_.path, sqlite3_errmsg(db_)));
  }
  return Status::IoError(message);
}

Status DedupeState::Busy() const {
  return Status::IoError(fmt::format(
      "{}: the state is in use by another lead-dedupe run{}; --wait SECONDS waits for it",
      options_.path,
      options_.wait_seconds > 0 ? fmt::format(" (waited {} s)", options_.wait_seconds) : ""));
}

Status DedupeState::LockRun() {
  // SQLite's own lock covers the transaction only; a run is not over until its output is
  // in place after the commit (PendingOutputs), so the run holds a lock of its own on the
  // file from start to exit. The kernel drops it when the process dies, however it dies.
  lock_fd_ = ::open(options_.path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    return Status::FromErrno(fmt::format("cannot open the state {}", options_.path), errno);
  }
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(std::lround(options_.wait_seconds * 1000));
  while (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      return Status::FromErrno(fmt::format("cannot lock the state {}", options_.path), errno);
    }
    if (std::chrono::steady_clock::now() >= deadline) return Busy();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return Status::OK();
}

Status DedupeState::Begin() {
  int rc = sqlite3_exec(db_, options_.dry_run ? "BEGIN" : "BEGIN IMMEDIATE", nullptr, nullptr,
                        nullptr);  // waits up to --wait for another run (the busy timeout)
  if (rc == SQLITE_BUSY) return Busy();
  if (rc != SQLITE_OK) return Error("beginning the run's transaction");
  in_transaction_ = true;
  return Status::OK();
}

Status DedupeState::Exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return Status::OK();
  sqlite3_free(message);
  return Error(sql);
}

Status DedupeState::Prepare(const char* sql, sqlite3_stmt** stmt) {
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) == SQLITE_OK) {
    return Status::OK();
  }
  return Error("preparing a statement");
}

Result<std::unique_ptr<DedupeState>> DedupeState::Open(const Options& options) {
  std::unique_ptr<DedupeState> state(new DedupeState());
  state->options_ = options;
  bool exists = false, empty = false;
  Result<bool> sqlite = LooksLikeSqlite(options.path, &exists, &empty);
  if (!sqlite.ok()) return sqlite.status();
  if (!*sqlite) {
    return Status::Usage(fmt::format(
        "{}: not a casesift state database (not an SQLite file); give --state a new file "
        "name, or the file an earlier lead-dedupe --state wrote",
        options.path));
  }
  if (options.dry_run && empty) {
    state->empty_ = true;  // nothing to read, and a dry run creates nothing
    return state;
  }
  if (!options.dry_run) CASESIFT_RETURN_IF_ERROR(state->LockRun());
  // NOMUTEX: a DedupeState is used by one thread (its contract), so SQLite need not lock
  // the connection around every call.
  int flags =
      (options.dry_run ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(options.path.c_str(), &state->db_, flags, nullptr) != SQLITE_OK) {
    Status s = Status::IoError(fmt::format("{}: cannot open the state: {}", options.path,
                                           state->db_ ? sqlite3_errmsg(state->db_) : "no memory"));
    return s;
  }
  // A writing run holds the run lock (LockRun): no other run can be writing, so SQLite's
  // own busy answers are transient (the recovery of a write-ahead log a killed run left,
  // a reader's checkpoint) and are waited out for a few seconds even without --wait; a
  // second run is refused or made to wait by the run lock above, as --wait says.
  double wait = options.dry_run ? options.wait_seconds : std::max(options.wait_seconds, 10.0);
  sqlite3_busy_timeout(state->db_, static_cast<int>(std::lround(wait * 1000)));
  if (!options.dry_run) {
    // A new state's pages are 16 KiB: a run reads and rewrites most of the keys table, and
    // in larger pages that is fewer pages to find, journal and copy back (about a fifth of
    // the CPU time of a run of a million keys). An existing state keeps the size it has.
    CASESIFT_RETURN_IF_ERROR(state->Exec("PRAGMA page_size=16384"));
    // WAL: readers (a dry run, --export) never block the run that writes. FULL: the commit
    // is on disk when lead-dedupe exits 0.
    if (sqlite3_exec(state->db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr) ==
        SQLITE_BUSY) {
      return state->Busy();
    }
    CASESIFT_RETURN_IF_ERROR(state->Exec("PRAGMA synchronous=FULL"));
  }
  // 4 MiB of cache: a run reads and writes the keys in id order, so a page is wanted again
  // soon or not at all, and a larger cache is fresh memory that costs more than it saves
  // (64 MiB took a tenth more CPU against a million keys than 16 MiB; 4 MiB about 0.2 s
  // less system time and wall time than 16 MiB, since the rows are written by one
  // statement each).
  CASESIFT_RETURN_IF_ERROR(state->Exec("PRAGMA cache_size=-4096"));
  CASESIFT_RETURN_IF_ERROR(state->Begin());
  CASESIFT_RETURN_IF_ERROR(state->CreateOrCheck(empty));
  return state;
}

Status DedupeState::CreateOrCheck(bool fresh) {
  Statement q;
  CASESIFT_RETURN_IF_ERROR(
      Prepare("SELECT (SELECT application_id FROM pragma_application_id), "
              "(SELECT user_version FROM pragma_user_version), "
              "(SELECT count(*) FROM sqlite_schema)",
              &q.stmt));
  if (sqlite3_step(q.stmt) != SQLITE_ROW) return Error("reading the state's header");
  int app = sqlite3_column_int(q.stmt, 0), version = sqlite3_column_int(q.stmt, 1);
  int64_t objects = sqlite3_column_int64(q.stmt, 2);
  if (app == 0 && objects == 0) {  // an empty SQLite file: ours to set up
    if (options_.dry_run) {
      empty_ = true;
      return Status::OK();
    }
    fresh = true;
  }
  if (fresh) {
    CASESIFT_RETURN_IF_ERROR(Exec(kSchema));
    CASESIFT_RETURN_IF_ERROR(Exec(fmt::format("PRAGMA application_id={}; PRAGMA user_version={}",
                                              kApplicationId, kSchemaVersion)
                                      .c_str()));
    // A new state is committed empty before the run goes on: from then on every run
    // opens it in WAL mode, whatever it finds (a file still being created is read as a
    // rollback-journal database, whose locks a WAL run does not see).
    CASESIFT_RETURN_IF_ERROR(Exec("COMMIT"));
    in_transaction_ = false;
    CASESIFT_RETURN_IF_ERROR(Begin());
  } else if (app != kApplicationId) {
    return Status::Usage(fmt::format(
        "{}: not a casesift state database (an SQLite database of some other program); give "
        "--state a new file name",
        options_.path));
  } else if (version > kSchemaVersion) {
    return Status::Usage(fmt::format(
        "{}: the state was written by a newer lead-dedupe (schema {}, this one reads {})",
        options_.path, version, kSchemaVersion));
  }
  Statement runs;
  CASESIFT_RETURN_IF_ERROR(Prepare("SELECT coalesce(max(run), 0) + 1 FROM runs", &runs.stmt));
  if (sqlite3_step(runs.stmt) != SQLITE_ROW) return Error("reading the runs");
  run_ = sqlite3_column_int64(runs.stmt, 0);
  Statement fps;
  CASESIFT_RETURN_IF_ERROR(Prepare("SELECT lead_id FROM verdicts WHERE verdict = 'fp'", &fps.stmt));
  while (sqlite3_step(fps.stmt) == SQLITE_ROW) false_positives_.emplace(Text(fps.stmt, 0));
  CASESIFT_RETURN_IF_ERROR(
      Prepare("SELECT check_hash, level, members_hash, first_seen, last_emitted, seen_count, runs "
              "FROM keys WHERE id = ?",
              &lookup_));
  if (!options_.dry_run) {
    CASESIFT_RETURN_IF_ERROR(RegisterRunRows());
    CASESIFT_RETURN_IF_ERROR(Prepare(
        "INSERT INTO verdicts(lead_id, verdict, rule, rule_version, recorded) "
        "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(lead_id) DO UPDATE SET verdict = ?2, "
        "rule = coalesce(?3, rule), rule_version = coalesce(?4, rule_version), recorded = ?5",
        &verdict_));
  }
  return Status::OK();
}

DedupeState::~DedupeState() {
  (void)EndPrefetch(true);  // a run that fails early: its error is the one reported
  for (sqlite3_stmt* stmt : {lookup_, verdict_}) sqlite3_finalize(stmt);
  if (db_ != nullptr) {
    if (in_transaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close_v2(db_);
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);  // after SQLite's close: its POSIX locks stay its own
}

Status DedupeState::CheckId(uint64_t stored_check, uint64_t check, uint64_t id) const {
  if (stored_check != check) {
    // Two keys with one XXH3-64 (about one chance in 10^7 with a million keys stored),
    // told apart by the second hash: refuse rather than mix their histories.
    return Status::InvalidData(fmt::format(
        "{}: two keys have the same id {:016x}; lead-dedupe cannot keep both in one state "
        "(start a new state, or add a -k path)",
        options_.path, id));
  }
  return Status::OK();
}

void DedupeState::DecodeRow(sqlite3_stmt* stmt, int c, Row* row) {
  row->found = true;
  row->level = sqlite3_column_type(stmt, c) == SQLITE_NULL ? -1 : sqlite3_column_int(stmt, c);
  row->members_hash = static_cast<uint64_t>(sqlite3_column_int64(stmt, c + 1));
  row->first_seen = Days(stmt, c + 2);
  row->last_emitted = Days(stmt, c + 3);
  row->seen_count = sqlite3_column_int64(stmt, c + 4);
  row->runs = sqlite3_column_int64(stmt, c + 5);
  row->last_seen = sqlite3_column_int64(stmt, c + 6);
}

Status DedupeState::ReadRow(sqlite3_stmt* stmt, int c, uint64_t check, uint64_t id, Row* row) {
  CASESIFT_RETURN_IF_ERROR(
      CheckId(static_cast<uint64_t>(sqlite3_column_int64(stmt, c)), check, id));
  DecodeRow(stmt, c + 1, row);
  return Status::OK();
}

Status DedupeState::Lookup(uint64_t id, uint64_t check, Row* row) {
  *row = Row();
  if (empty_) return Status::OK();
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  sqlite3_reset(lookup_);
  sqlite3_bind_int64(lookup_, 1, static_cast<int64_t>(id));
  int rc = sqlite3_step(lookup_);
  if (rc == SQLITE_DONE) return Status::OK();
  if (rc != SQLITE_ROW) return Error("looking a key up");
  return ReadRow(lookup_, 0, check, id, row);
}

Status DedupeState::LookupSorted(size_t n, const std::function<KeyId(size_t)>& key,
                                 const std::function<Status(size_t, const Row&)>& visit) {
  const Row none;
  if (empty_ || n == 0) {
    for (size_t k = 0; k < n; ++k) CASESIFT_RETURN_IF_ERROR(visit(k, none));
    return Status::OK();
  }
  if (prefetch_.joinable()) {
    // A run of few keys looks them up rather than wait for the whole table.
    CASESIFT_RETURN_IF_ERROR(EndPrefetch(n * 8 < prefetched_count_.load()));
  }
  if (prefetched_) {
    // The same walk as the scan's below, over the rows in memory.
    std::vector<StoredKey> stored = std::move(stored_);
    stored_ = {};
    prefetched_ = false;
    size_t k = 0, s = 0;
    while (k < n) {
      KeyId id = key(k);
      while (s < stored.size() && stored[s].id < static_cast<int64_t>(id.id)) ++s;
      if (s < stored.size() && stored[s].id == static_cast<int64_t>(id.id)) {
        const StoredKey& sk = stored[s++];
        CASESIFT_RETURN_IF_ERROR(CheckId(sk.check, id.check, id.id));
        CASESIFT_RETURN_IF_ERROR(visit(k, sk.row));
      } else {
        CASESIFT_RETURN_IF_ERROR(visit(k, none));
      }
      ++k;
    }
    return Status::OK();
  }
  Statement count;
  CASESIFT_RETURN_IF_ERROR(Prepare("SELECT count(*) FROM keys", &count.stmt));
  if (sqlite3_step(count.stmt) != SQLITE_ROW) return Error("counting the keys");
  auto stored = static_cast<uint64_t>(sqlite3_column_int64(count.stmt, 0));
  Row row;
  // A lookup descends the tree (a few pages, some microseconds); a scan reads each row
  // once in order (a tenth of that).
  if (n * 8 < stored) {
    for (size_t k = 0; k < n; ++k) {
      KeyId id = key(k);
      CASESIFT_RETURN_IF_ERROR(Lookup(id.id, id.check, &row));
      CASESIFT_RETURN_IF_ERROR(visit(k, row));
    }
    return Status::OK();
  }
  Statement scan;
  CASESIFT_RETURN_IF_ERROR(Prepare(kScanKeys, &scan.stmt));
  size_t k = 0;
  KeyId id = key(0);
  int rc = SQLITE_DONE;
  while (k < n && (rc = sqlite3_step(scan.stmt)) == SQLITE_ROW) {
    int64_t stored_id = sqlite3_column_int64(scan.stmt, 0);
    while (static_cast<int64_t>(id.id) < stored_id) {
      CASESIFT_RETURN_IF_ERROR(visit(k, none));
      if (++k == n) break;
      id = key(k);
    }
    if (k < n && static_cast<int64_t>(id.id) == stored_id) {
      row = Row();
      CASESIFT_RETURN_IF_ERROR(ReadRow(scan.stmt, 1, id.check, id.id, &row));
      CASESIFT_RETURN_IF_ERROR(visit(k, row));
      if (++k < n) id = key(k);
    }
  }
  if (k < n && rc != SQLITE_DONE) return Error("reading the keys");
  for (; k < n; ++k) CASESIFT_RETURN_IF_ERROR(visit(k, none));
  return Status::OK();
}

Status DedupeState::RecordVerdict(std::string_view lead_id, std::string_view verdict,
                                  std::string_view rule, int64_t rule_version, int64_t today) {
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  if (verdict == "fp") {
    false_positives_.emplace(lead_id);
  } else {
    false_positives_.erase(std::string(lead_id));
  }
  if (verdict_ == nullptr) return Status::OK();  // a dry run
  sqlite3_reset(verdict_);
  BindText(verdict_, 1, lead_id);
  BindText(verdict_, 2, verdict);
  BindText(verdict_, 3, rule);
  BindNatural(verdict_, 4, rule_version);
  sqlite3_bind_int64(verdict_, 5, today);
  if (sqlite3_step(verdict_) != SQLITE_DONE) return Error("recording a verdict");
  return Status::OK();
}

Result<uint64_t> DedupeState::Expire(int64_t before) {
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  if (empty_) return uint64_t{0};
  Statement q;
  if (options_.dry_run) {
    CASESIFT_RETURN_IF_ERROR(Prepare("SELECT count(*) FROM keys WHERE last_seen < ?1", &q.stmt));
    sqlite3_bind_int64(q.stmt, 1, before);
    if (sqlite3_step(q.stmt) != SQLITE_ROW) return Error("counting old keys");
    return static_cast<uint64_t>(sqlite3_column_int64(q.stmt, 0));
  }
  CASESIFT_RETURN_IF_ERROR(Exec(fmt::format("DELETE FROM key_info WHERE id IN (SELECT id FROM "
                                            "keys WHERE last_seen < {})",
                                            before)
                                    .c_str()));
  CASESIFT_RETURN_IF_ERROR(Prepare("DELETE FROM keys WHERE last_seen < ?1", &q.stmt));
  sqlite3_bind_int64(q.stmt, 1, before);
  if (sqlite3_step(q.stmt) != SQLITE_DONE) return Error("removing old keys");
  return static_cast<uint64_t>(sqlite3_changes64(db_));
}

Status DedupeState::Export(Output* out) {
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  if (empty_) return Status::OK();
  Statement q;
  CASESIFT_RETURN_IF_ERROR(
      Prepare("SELECT * FROM (SELECT key, lead_id, rule, rule_version, level, members, "
              "first_seen, last_seen, last_emitted, seen_count, runs, cluster, verdict FROM leads "
              "UNION ALL "
              "SELECT NULL, v.lead_id, v.rule, v.rule_version, NULL, NULL, NULL, NULL, NULL, NULL, "
              "NULL, NULL, v.verdict FROM verdicts v "
              "WHERE NOT EXISTS (SELECT 1 FROM key_info i WHERE i.lead_id = v.lead_id)) "
              "ORDER BY key IS NULL, key, lead_id",  // the verdicts of keys no longer held last
              &q.stmt));
  std::string line;
  int rc;
  static constexpr const char* kNames[] = {
      nullptr,     "lead_id",      "rule",       "rule_version", "level",   "members", "first_seen",
      "last_seen", "last_emitted", "seen_count", "runs",         "cluster", "verdict"};
  while ((rc = sqlite3_step(q.stmt)) == SQLITE_ROW) {
    line.clear();
    JsonBuilder b(&line);
    b.BeginObject().Key("key");
    std::string_view key = Text(q.stmt, 0);
    key.empty() ? b.Null() : b.Raw(key);
    for (int c = 1; c <= 12; ++c) {
      b.Key(kNames[c]);
      switch (sqlite3_column_type(q.stmt, c)) {
        case SQLITE_NULL:
          b.Null();
          break;
        case SQLITE_INTEGER:
          b.Int(sqlite3_column_int64(q.stmt, c));
          break;
        default:
          b.String(Text(q.stmt, c));
      }
    }
    b.EndObject();
    CASESIFT_RETURN_IF_ERROR(out->WriteRecord(line));
  }
  if (rc != SQLITE_DONE) return Error("reading the state");
  return Status::OK();
}

Result<std::vector<std::pair<int64_t, std::string>>> DedupeState::PendingOutputs() {
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  std::vector<std::pair<int64_t, std::string>> pending;
  if (empty_) return pending;
  Statement q;
  CASESIFT_RETURN_IF_ERROR(
      Prepare("SELECT run, output FROM runs WHERE output IS NOT NULL ORDER BY run", &q.stmt));
  while (sqlite3_step(q.stmt) == SQLITE_ROW) {
    pending.emplace_back(sqlite3_column_int64(q.stmt, 0), std::string(Text(q.stmt, 1)));
  }
  return pending;
}

Status DedupeState::ClearPending(int64_t run) {
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  if (empty_ || options_.dry_run) return Status::OK();
  return Exec(fmt::format("UPDATE runs SET output = NULL WHERE run = {}", run).c_str());
}

Status DedupeState::Commit(const RunCounts& c) {
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  if (empty_) return Status::OK();
  if (options_.dry_run) {
    in_transaction_ = false;
    return Exec("ROLLBACK");
  }
  Statement q;
  CASESIFT_RETURN_IF_ERROR(Prepare(
      "INSERT INTO runs(run, as_of, leads_in, keys, new, changed, repeats, suppressed, "
      "false_positives, verdicts, expired, output) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      &q.stmt));
  sqlite3_bind_int64(q.stmt, 1, run_);
  sqlite3_bind_int64(q.stmt, 2, c.as_of);
  int i = 3;
  for (uint64_t v : {c.leads_in, c.keys, c.fresh, c.changed, c.repeats, c.suppressed,
                     c.false_positives, c.verdicts, c.expired}) {
    sqlite3_bind_int64(q.stmt, i++, static_cast<int64_t>(v));
  }
  BindText(q.stmt, i, c.output);
  if (sqlite3_step(q.stmt) != SQLITE_DONE) return Error("recording the run");
  CASESIFT_RETURN_IF_ERROR(Exec("COMMIT"));
  in_transaction_ = false;
  return Status::OK();
}

}  // namespace casesift
