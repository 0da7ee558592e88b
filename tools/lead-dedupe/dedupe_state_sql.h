// What dedupe_state.cpp and run_rows.cpp share: SQLite helpers, the keys scan and the rows
// the virtual tables of WriteKeys and WriteNames read. Internal to lead-dedupe's state.
#ifndef CASESIFT_TOOLS_LEAD_DEDUPE_DEDUPE_STATE_SQL_H_
#define CASESIFT_TOOLS_LEAD_DEDUPE_DEDUPE_STATE_SQL_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <string_view>

#include "dedupe_state.h"

namespace casesift {

// The rows of DedupeState::WriteKeys, read by the virtual table casesift_run_keys (the keys
// table's columns, one row a key, in the order given), and of WriteNames, read by
// casesift_run_names (key_info's columns, one row a key whose Update has `info`).
struct DedupeRunKeys {
  size_t count = 0;
  const std::function<void(size_t, DedupeState::Update*, bool*)>* row = nullptr;
  bool names = false;      // WriteNames' rows
  bool duplicate = false;  // two keys with one id: the rows stopped there
  uint64_t duplicate_id = 0;
};

namespace state_sql {

// Every key's row in id order (DedupeState::ReadRow's columns after the id).
inline constexpr const char* kScanKeys =
    "SELECT id, check_hash, level, members_hash, first_seen, last_emitted, seen_count, runs, "
    "last_seen FROM keys ORDER BY id";

// A statement's lifetime, for the ones run once.
struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};

inline std::string_view Text(sqlite3_stmt* stmt, int column) {
  const unsigned char* p = sqlite3_column_text(stmt, column);
  return p == nullptr ? std::string_view()
                      : std::string_view(reinterpret_cast<const char*>(p),
                                         static_cast<size_t>(sqlite3_column_bytes(stmt, column)));
}

// A day number, or -1 for NULL.
inline int64_t Days(sqlite3_stmt* stmt, int column) {
  return sqlite3_column_type(stmt, column) == SQLITE_NULL ? -1 : sqlite3_column_int64(stmt, column);
}

}  // namespace state_sql
}  // namespace casesift

#endif  // CASESIFT_TOOLS_LEAD_DEDUPE_DEDUPE_STATE_SQL_H_
