// DedupeState's rows in bulk: the keys table read on a second thread (PrefetchKeys), and
// the run's keys and key_info rows written by one statement each (WriteKeys, WriteNames)
// over two eponymous virtual tables that hand SQLite the run's rows one by one.
#include <fmt/format.h>
#include <sqlite3.h>

#include <functional>
#include <memory>
#include <string_view>
#include <utility>

#include "dedupe_state.h"
#include "dedupe_state_sql.h"

namespace casesift {

using state_sql::kScanKeys;
using state_sql::Statement;

namespace {

struct RunKeysCursor : sqlite3_vtab_cursor {
  DedupeRunKeys* keys = nullptr;
  size_t k = 0;
  DedupeState::Update u{};
  bool found = false;
  void Fetch() {
    for (; k < keys->count; ++k) {
      int64_t before = static_cast<int64_t>(u.id);
      u = DedupeState::Update{};
      (*keys->row)(k, &u, &found);
      if (keys->names) {
        if (u.info) return;
        continue;  // no names to write
      }
      if (k > 0 && static_cast<int64_t>(u.id) <= before) {  // ids increase: equal is two keys
        keys->duplicate = true;
        keys->duplicate_id = u.id;
        k = keys->count;
      }
      return;
    }
  }
};

struct RunKeysTable : sqlite3_vtab {
  DedupeRunKeys* keys = nullptr;
};

int RunKeysConnect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
  int rc = sqlite3_declare_vtab(db,
                                "CREATE TABLE x(id, check_hash, members_hash, members, level, "
                                "first_seen, last_seen, last_emitted, seen_count, runs)");
  if (rc != SQLITE_OK) return rc;
  auto* table = new RunKeysTable();
  table->keys = static_cast<DedupeRunKeys*>(aux);
  *out = table;
  return SQLITE_OK;
}

int RunNamesConnect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
  int rc =
      sqlite3_declare_vtab(db, "CREATE TABLE x(id, key, lead_id, rule, rule_version, cluster)");
  if (rc != SQLITE_OK) return rc;
  auto* table = new RunKeysTable();
  table->keys = static_cast<DedupeRunKeys*>(aux);
  *out = table;
  return SQLITE_OK;
}

int RunKeysDisconnect(sqlite3_vtab* table) {
  delete static_cast<RunKeysTable*>(table);
  return SQLITE_OK;
}

int RunKeysBestIndex(sqlite3_vtab* table, sqlite3_index_info* info) {
  info->estimatedRows = static_cast<sqlite3_int64>(static_cast<RunKeysTable*>(table)->keys->count);
  info->estimatedCost = static_cast<double>(info->estimatedRows);
  return SQLITE_OK;
}

int RunKeysOpen(sqlite3_vtab* table, sqlite3_vtab_cursor** out) {
  auto* cursor = new RunKeysCursor();
  cursor->keys = static_cast<RunKeysTable*>(table)->keys;
  *out = cursor;
  return SQLITE_OK;
}

int RunKeysClose(sqlite3_vtab_cursor* cursor) {
  delete static_cast<RunKeysCursor*>(cursor);
  return SQLITE_OK;
}

int RunKeysFilter(sqlite3_vtab_cursor* cursor, int, const char*, int, sqlite3_value**) {
  auto* c = static_cast<RunKeysCursor*>(cursor);
  c->k = 0;
  c->Fetch();
  return SQLITE_OK;
}

int RunKeysNext(sqlite3_vtab_cursor* cursor) {
  auto* c = static_cast<RunKeysCursor*>(cursor);
  ++c->k;
  c->Fetch();
  return SQLITE_OK;
}

int RunKeysEof(sqlite3_vtab_cursor* cursor) {
  auto* c = static_cast<RunKeysCursor*>(cursor);
  return c->k >= c->keys->count;
}

// A whole number, or NULL for a negative one (as BindNatural).
void ResultNatural(sqlite3_context* ctx, int64_t v) {
  if (v < 0) {
    sqlite3_result_null(ctx);
  } else {
    sqlite3_result_int64(ctx, v);
  }
}

// A text, or NULL for an empty one (as BindText). The text outlives the statement.
void ResultText(sqlite3_context* ctx, std::string_view s) {
  if (s.empty()) {
    sqlite3_result_null(ctx);
  } else {
    sqlite3_result_text(ctx, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
}

int RunKeysColumn(sqlite3_vtab_cursor* cursor, sqlite3_context* ctx, int column) {
  const auto* c = static_cast<RunKeysCursor*>(cursor);
  const DedupeState::Update& u = c->u;
  if (c->keys->names) {
    switch (column) {  // key_info's columns, in their order
      case 0:
        sqlite3_result_int64(ctx, static_cast<int64_t>(u.id));
        break;
      case 1:
        ResultText(ctx, u.key);
        break;
      case 2:
        ResultText(ctx, u.lead_id);
        break;
      case 3:
        ResultText(ctx, u.rule);
        break;
      case 4:
        ResultNatural(ctx, u.rule_version);
        break;
      case 5:
        ResultText(ctx, u.cluster);
        break;
      default:
        sqlite3_result_null(ctx);
    }
    return SQLITE_OK;
  }
  switch (column) {  // the columns of Write's statements, in their order
    case 0:
      sqlite3_result_int64(ctx, static_cast<int64_t>(u.id));
      break;
    case 1:
      sqlite3_result_int64(ctx, static_cast<int64_t>(u.check));
      break;
    case 2:
      sqlite3_result_int64(ctx, static_cast<int64_t>(u.members_hash));
      break;
    case 3:
      sqlite3_result_int64(ctx, static_cast<int64_t>(u.members));
      break;
    case 4:
      ResultNatural(ctx, u.level);
      break;
    case 5:
      sqlite3_result_int64(ctx, u.first_seen);
      break;
    case 6:
      sqlite3_result_int64(ctx, u.last_seen);
      break;
    case 7:
      ResultNatural(ctx, u.last_emitted);
      break;
    case 8:
      sqlite3_result_int64(ctx, u.seen_count);
      break;
    case 9:
      sqlite3_result_int64(ctx, u.runs);
      break;
    default:
      sqlite3_result_null(ctx);
  }
  return SQLITE_OK;
}

int RunKeysRowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* rowid) {
  *rowid = static_cast<sqlite3_int64>(static_cast<RunKeysCursor*>(cursor)->k);
  return SQLITE_OK;
}

// An eponymous-only virtual table (no xCreate): it exists on the connection that registers
// it, never in the state file.
const sqlite3_module kRunKeysModule = {
    /* iVersion */ 0,
    /* xCreate */ nullptr,
    /* xConnect */ RunKeysConnect,
    /* xBestIndex */ RunKeysBestIndex,
    /* xDisconnect */ RunKeysDisconnect,
    /* xDestroy */ RunKeysDisconnect,
    /* xOpen */ RunKeysOpen,
    /* xClose */ RunKeysClose,
    /* xFilter */ RunKeysFilter,
    /* xNext */ RunKeysNext,
    /* xEof */ RunKeysEof,
    /* xColumn */ RunKeysColumn,
    /* xRowid */ RunKeysRowid,
    /* xUpdate */ nullptr,
    /* xBegin */ nullptr,
    /* xSync */ nullptr,
    /* xCommit */ nullptr,
    /* xRollback */ nullptr,
    /* xFindFunction */ nullptr,
    /* xRename */ nullptr,
    /* xSavepoint */ nullptr,
    /* xRelease */ nullptr,
    /* xRollbackTo */ nullptr,
    /* xShadowName */ nullptr,
};

const sqlite3_module kRunNamesModule = {
    /* iVersion */ 0,
    /* xCreate */ nullptr,
    /* xConnect */ RunNamesConnect,
    /* xBestIndex */ RunKeysBestIndex,
    /* xDisconnect */ RunKeysDisconnect,
    /* xDestroy */ RunKeysDisconnect,
    /* xOpen */ RunKeysOpen,
    /* xClose */ RunKeysClose,
    /* xFilter */ RunKeysFilter,
    /* xNext */ RunKeysNext,
    /* xEof */ RunKeysEof,
    /* xColumn */ RunKeysColumn,
    /* xRowid */ RunKeysRowid,
    /* xUpdate */ nullptr,
    /* xBegin */ nullptr,
    /* xSync */ nullptr,
    /* xCommit */ nullptr,
    /* xRollback */ nullptr,
    /* xFindFunction */ nullptr,
    /* xRename */ nullptr,
    /* xSavepoint */ nullptr,
    /* xRelease */ nullptr,
    /* xRollbackTo */ nullptr,
    /* xShadowName */ nullptr,
};

}  // namespace

void DedupeState::PrefetchKeys() {
  if (empty_ || prefetch_.joinable() || prefetched_) return;
  stop_prefetch_ = false;
  prefetched_count_ = 0;
  prefetch_status_ = Status::OK();
  prefetch_ = std::thread([this] { ReadPrefetched(); });
}

// On the prefetch thread: the caller uses no other call of the state meanwhile (each one
// ends the prefetch first), so the connection is this thread's alone.
void DedupeState::ReadPrefetched() {
  Statement scan;
  prefetch_status_ = Prepare(kScanKeys, &scan.stmt);
  if (!prefetch_status_.ok()) return;
  int rc;
  while ((rc = sqlite3_step(scan.stmt)) == SQLITE_ROW) {
    if (stop_prefetch_.load(std::memory_order_relaxed)) return;
    sqlite3_stmt* q = scan.stmt;
    StoredKey k;
    k.id = sqlite3_column_int64(q, 0);
    k.check = static_cast<uint64_t>(sqlite3_column_int64(q, 1));
    DecodeRow(q, 2, &k.row);
    stored_.push_back(k);
    prefetched_count_.store(stored_.size(), std::memory_order_relaxed);
  }
  if (rc != SQLITE_DONE) {
    prefetch_status_ = Error("reading the keys");
    return;
  }
  prefetched_ = true;  // read by the caller after the join
}

Status DedupeState::EndPrefetch(bool stop) {
  if (!prefetch_.joinable()) return Status::OK();
  if (stop) stop_prefetch_ = true;
  prefetch_.join();
  Status status = std::move(prefetch_status_);
  prefetch_status_ = Status::OK();
  if (!status.ok() || stop) {
    stored_ = {};
    prefetched_ = false;
  }
  return status;
}

Status DedupeState::WriteKeys(size_t count,
                              const std::function<void(size_t, Update*, bool*)>& row) {
  if (options_.dry_run || count == 0) return Status::OK();
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  // One statement for all the rows: its cursor on keys stays open from row to row, and
  // no statement is started, bound and reset per key (a fifth less of SQLite's CPU time
  // against a million keys). A stored key's row is updated (not its check_hash or
  // first_seen), a new one inserted.
  Statement upsert;
  CASESIFT_RETURN_IF_ERROR(Prepare(
      "INSERT INTO keys(id, check_hash, members_hash, members, level, first_seen, last_seen, "
      "last_emitted, seen_count, runs) "
      "SELECT id, check_hash, members_hash, members, level, first_seen, last_seen, "
      "last_emitted, seen_count, runs FROM casesift_run_keys WHERE true "
      "ON CONFLICT(id) DO UPDATE SET members_hash = excluded.members_hash, "
      "members = excluded.members, level = excluded.level, last_seen = excluded.last_seen, "
      "last_emitted = excluded.last_emitted, seen_count = excluded.seen_count, "
      "runs = excluded.runs",
      &upsert.stmt));
  *run_keys_ = DedupeRunKeys{count, &row, false, false, 0};
  int rc = sqlite3_step(upsert.stmt);
  DedupeRunKeys done = *run_keys_;
  *run_keys_ = DedupeRunKeys{};
  if (rc != SQLITE_DONE) return Error("writing the keys");
  if (done.duplicate) {
    return Status::InvalidData(fmt::format(
        "{}: two keys have the same id {:016x}; lead-dedupe cannot keep both in one state "
        "(start a new state, or add a -k path)",
        options_.path, done.duplicate_id));
  }
  return Status::OK();
}

Status DedupeState::WriteNames(size_t count,
                               const std::function<void(size_t, Update*, bool*)>& row) {
  if (options_.dry_run || count == 0) return Status::OK();
  CASESIFT_RETURN_IF_ERROR(EndPrefetch(true));
  // One statement, as in WriteKeys. A key's text never changes (it is what the id hashes):
  // a stored key's names are updated, a new key's row inserted.
  Statement upsert;
  CASESIFT_RETURN_IF_ERROR(
      Prepare("INSERT INTO key_info(id, key, lead_id, rule, rule_version, cluster) "
              "SELECT id, key, lead_id, rule, rule_version, cluster FROM casesift_run_names "
              "WHERE true ON CONFLICT(id) DO UPDATE SET lead_id = excluded.lead_id, "
              "rule = excluded.rule, rule_version = excluded.rule_version, "
              "cluster = excluded.cluster",
              &upsert.stmt));
  *run_keys_ = DedupeRunKeys{count, &row, true, false, 0};
  int rc = sqlite3_step(upsert.stmt);
  *run_keys_ = DedupeRunKeys{};
  if (rc != SQLITE_DONE) return Error("writing the keys' names");
  return Status::OK();
}

Status DedupeState::RegisterRunRows() {
  run_keys_ = std::make_unique<DedupeRunKeys>();
  if (sqlite3_create_module_v2(db_, "casesift_run_keys", &kRunKeysModule, run_keys_.get(),
                               nullptr) != SQLITE_OK) {
    return Error("registering casesift_run_keys");
  }
  if (sqlite3_create_module_v2(db_, "casesift_run_names", &kRunNamesModule, run_keys_.get(),
                               nullptr) != SQLITE_OK) {
    return Error("registering casesift_run_names");
  }
  return Status::OK();
}

}  // namespace casesift
