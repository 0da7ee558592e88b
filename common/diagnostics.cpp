#include "common/diagnostics.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace casesift {
namespace {

std::string& MutableProgramName() {
  static std::string name = "casesift";
  return name;
}

std::atomic<void (*)()> g_eraser{nullptr};

void WriteAll(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nothing sensible to do when stderr itself fails
    s.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

void SetProgramName(std::string_view name) {
  size_t slash = name.rfind('/');
  MutableProgramName() =
      std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

const std::string& ProgramName() { return MutableProgramName(); }

void PrintMessage(std::string_view message) {
  if (auto eraser = g_eraser.load()) eraser();
  std::string line = ProgramName();
  line += ": ";
  line += message;
  line += '\n';
  WriteAll(STDERR_FILENO, line);
}

void PrintError(const Status& status) { PrintMessage(status.ToString()); }

void SetStatusLineEraser(void (*eraser)()) { g_eraser.store(eraser); }

}  // namespace casesift
