// Status and Result<T>: how every casesift function reports failure.
//
// A Status is either OK (cheap: no allocation) or carries a category, a message and
// optionally a location {file, line, column} plus the source line it points into. The
// category decides the process exit status (CLI.md): bad input data is 1, usage or
// configuration errors are 2, system errors are 3. A broken pipe is its own category so
// that `tool | head -1` can end quietly with status 0.
//
// Rendering follows the GNU form editors understand, like ninja's lexer errors:
//
//   rules/divorce.yaml:12:7: unknown modifier 'contians' (did you mean 'contains'?)
//       cause|contians: 离婚
//             ^
//
// Exceptions stop at main(): everything below returns Status or Result<T>.
//
// Thread safety: a Status is a value; distinct objects may be used from distinct threads.
#ifndef CASESIFT_COMMON_STATUS_H_
#define CASESIFT_COMMON_STATUS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace casesift {

// Where in some source a problem is. Line and column are 1-based; column counts bytes
// within the line. A line or column of 0 means "unknown" and is not printed.
struct Location {
  std::string file;  // as the user named it; "<stdin>" for standard input
  uint64_t line = 0;
  uint64_t column = 0;
};

class [[nodiscard]] Status {
 public:
  enum class Code : uint8_t {
    kOk = 0,
    kInvalidData,  // malformed input record, failed rule test: exit 1
    kUsage,        // bad option, rules file or template that does not parse: exit 2
    kIo,           // cannot open, read or write a file; disk full; out of memory: exit 3
    kBrokenPipe,   // the reader of our output went away: exit 0, say nothing
  };

  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status InvalidData(std::string_view msg) { return Status(Code::kInvalidData, msg); }
  static Status Usage(std::string_view msg) { return Status(Code::kUsage, msg); }
  static Status IoError(std::string_view msg) { return Status(Code::kIo, msg); }
  // An I/O error described by errno: "<what>: <strerror(err)>".
  static Status FromErrno(std::string_view what, int err);
  static Status BrokenPipe() { return Status(Code::kBrokenPipe, "broken pipe"); }

  bool ok() const { return rep_ == nullptr; }
  Code code() const { return rep_ ? rep_->code : Code::kOk; }
  bool IsInvalidData() const { return code() == Code::kInvalidData; }
  bool IsUsage() const { return code() == Code::kUsage; }
  bool IsIoError() const { return code() == Code::kIo; }
  bool IsBrokenPipe() const { return code() == Code::kBrokenPipe; }

  // The message alone, without location. Empty when OK.
  std::string_view message() const;
  // The location, when one was attached.
  const Location* location() const;

  // Returns a copy located at `loc`. `source_line` is the text of that line (without its
  // line end); when given, ToString() shows it with a caret under the column.
  Status At(Location loc, std::string_view source_line = {}) const;
  // Returns a copy whose message is "<prefix>: <message>".
  Status Prefixed(std::string_view prefix) const;

  // "file:line:col: message", plus the source line and caret when known; "OK" when OK.
  // A location with an empty file prints no prefix but still its caret line (for text
  // that came from a command-line option). No trailing newline.
  std::string ToString() const;

  // The process exit status for this status: 0 (OK, broken pipe), 1, 2 or 3.
  int ExitCode() const;

 private:
  struct Rep {
    Code code;
    std::string message;
    std::optional<Location> location;
    std::string source_line;
  };
  Status(Code code, std::string_view msg);

  std::shared_ptr<const Rep> rep_;  // null when OK; immutable, so copies share it
};

// Either a value or a non-OK Status.
//   Result<int> r = ParseCount(s);
//   if (!r.ok()) return r.status();
//   Use(*r);
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit, like absl::StatusOr
  Result(Status status) : v_(std::move(status)) {}  // NOLINT
  // REQUIRES: !status.ok() when constructing from a Status.

  bool ok() const { return std::holds_alternative<T>(v_); }
  // OK when a value is held.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

// Renders the context line of a diagnostic: `line` cut to about `width` bytes around
// byte column `column` (1-based), then a newline and a caret under that column. Wide
// (East Asian) characters count as two cells, so the caret lines up in a terminal.
std::string RenderCaret(std::string_view line, uint64_t column, size_t width = 80);

}  // namespace casesift

// Returns from the enclosing function when `expr` yields a non-OK Status.
#define CASESIFT_RETURN_IF_ERROR(expr) \
  do {                                 \
    ::casesift::Status _st = (expr);   \
    if (!_st.ok()) return _st;         \
  } while (0)

#endif  // CASESIFT_COMMON_STATUS_H_
