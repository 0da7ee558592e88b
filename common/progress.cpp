#include "common/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>

#include "common/diagnostics.h"

namespace casesift {
namespace {

std::atomic<bool> g_line_shown{false};

void EraseLine() {
  if (g_line_shown.exchange(false)) {
    ssize_t rc = ::write(STDERR_FILENO, "\r\033[K", 4);
    (void)rc;
  }
}

std::string Grouped(uint64_t n) {
  std::string digits = fmt::format("{}", n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Bytes(double b) {
  if (b >= 1e9) return fmt::format("{:.2f} GB", b / 1e9);
  if (b >= 1e6) return fmt::format("{:.1f} MB", b / 1e6);
  if (b >= 1e3) return fmt::format("{:.1f} kB", b / 1e3);
  return fmt::format("{} B", static_cast<uint64_t>(b));
}

}  // namespace

Progress::Progress(Mode mode, bool quiet) {
  terminal_ = ::isatty(STDERR_FILENO) == 1;
  enabled_ = mode == Mode::kOn || (mode == Mode::kAuto && !quiet && terminal_);
  start_ = last_draw_ = Clock::now();
  if (enabled_ && terminal_) SetStatusLineEraser(EraseLine);
}

Progress::~Progress() { Finish(); }

std::string Progress::Format(uint64_t records, uint64_t bytes, uint64_t total_bytes,
                             double seconds) {
  double rate = seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
  std::string line = fmt::format("{} records  {}  {}/s", Grouped(records),
                                 Bytes(static_cast<double>(bytes)), Bytes(rate));
  if (total_bytes > 0 && bytes <= total_bytes) {
    line += fmt::format("  {}%", bytes * 100 / total_bytes);
    if (rate > 0) {
      auto left = static_cast<uint64_t>(static_cast<double>(total_bytes - bytes) / rate);
      line += fmt::format("  {}:{:02} left", left / 60, left % 60);
    }
  }
  return line;
}

void Progress::MaybeDraw(uint64_t records, uint64_t bytes, bool force) {
  auto now = Clock::now();
  auto interval = terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(1000);
  if (now - last_draw_ < interval && !(force && terminal_)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string text =
      fmt::format("{}: {}", ProgramName(), Format(records, bytes, total_bytes_, seconds));
  text = terminal_ ? "\r" + text + "\033[K" : text + "\n";
  ssize_t rc = ::write(STDERR_FILENO, text.data(), text.size());
  (void)rc;
  if (terminal_) g_line_shown.store(true);
}

void Progress::Finish() {
  if (enabled_ && terminal_) EraseLine();
}

}  // namespace casesift
