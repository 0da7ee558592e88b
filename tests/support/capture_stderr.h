// CaptureStderr: collects what the code under test writes to file descriptor 2, for tests
// of messages printed with write(2). Restores standard error when destroyed.
#ifndef CASESIFT_TESTS_SUPPORT_CAPTURE_STDERR_H_
#define CASESIFT_TESTS_SUPPORT_CAPTURE_STDERR_H_

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace casesift::testing {

class CaptureStderr {
 public:
  CaptureStderr() {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    char path[] = "/tmp/casesift-stderr-XXXXXX";
    fd_ = ::mkstemp(path);
    ::unlink(path);
    ::dup2(fd_, STDERR_FILENO);
  }
  ~CaptureStderr() { Restore(); }
  CaptureStderr(const CaptureStderr&) = delete;
  CaptureStderr& operator=(const CaptureStderr&) = delete;

  // Everything written so far; stops capturing.
  std::string Text() {
    Restore();
    std::string out;
    char buf[4096];
    ::lseek(fd_, 0, SEEK_SET);
    for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;)
      out.append(buf, static_cast<size_t>(n));
    return out;
  }

 private:
  void Restore() {
    if (saved_ >= 0) {
      ::dup2(saved_, STDERR_FILENO);
      ::close(saved_);
      saved_ = -1;
    }
  }
  int saved_ = -1;
  int fd_ = -1;
};

}  // namespace casesift::testing

#endif  // CASESIFT_TESTS_SUPPORT_CAPTURE_STDERR_H_
