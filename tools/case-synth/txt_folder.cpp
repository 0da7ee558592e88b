#include "txt_folder.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace casesift::synth {
namespace {

// Whether the folder holds anything but . and ..; -1 with errno when it cannot be read.
int NonEmpty(const std::string& path) {
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) return -1;
  int found = 0;
  while (struct dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") {
      found = 1;
      break;
    }
  }
  ::closedir(dir);
  return found;
}

}  // namespace

Result<std::unique_ptr<TxtFolder>> TxtFolder::Open(const std::string& path, bool force) {
  std::unique_ptr<TxtFolder> f(new TxtFolder());
  f->path_ = path;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) {
      return Status::Usage(fmt::format("'{}' exists and is not a folder", path));
    }
    int non_empty = NonEmpty(path);
    if (non_empty < 0) return Status::FromErrno(fmt::format("cannot read '{}'", path), errno);
    if (non_empty == 1) {
      if (!force) {
        return Status::Usage(
            fmt::format("output folder '{}' is not empty (use --force to write into it)", path));
      }
      f->dir_ = path;
      return f;
    }
  }
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  size_t slash = trimmed.rfind('/');
  std::string parent = slash == std::string::npos ? "." : trimmed.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
  std::string pattern =
      fmt::format("{}{}.{}.XXXXXX", parent, parent.back() == '/' ? "" : "/", base);
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (::mkdtemp(buf.data()) == nullptr) {
    return Status::FromErrno(fmt::format("cannot create '{}'", path), errno);
  }
  f->dir_ = buf.data();
  f->temporary_ = true;
  return f;
}

TxtFolder::~TxtFolder() {
  if (temporary_ && !committed_) RemoveTemporary();
}

void TxtFolder::RemoveTemporary() {
  DIR* dir = ::opendir(dir_.c_str());
  if (dir != nullptr) {
    while (struct dirent* e = ::readdir(dir)) {
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      std::string file = dir_ + "/" + e->d_name;
      ::unlink(file.c_str());
    }
    ::closedir(dir);
  }
  ::rmdir(dir_.c_str());
}

Status TxtFolder::MakeDir(std::string_view name) const {
  std::string path = fmt::format("{}/{}", dir_, name);
  if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
    return Status::FromErrno(fmt::format("cannot create '{}/{}'", path_, name), errno);
  }
  return Status::OK();
}

Status TxtFolder::Write(std::string_view name, std::string_view data) const {
  std::string file = fmt::format("{}/{}", dir_, name);
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    return Status::FromErrno(fmt::format("cannot create '{}/{}'", path_, name), errno);
  }
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Status::FromErrno(fmt::format("cannot write '{}/{}'", path_, name), err);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  if (::close(fd) != 0) {
    return Status::FromErrno(fmt::format("cannot write '{}/{}'", path_, name), errno);
  }
  return Status::OK();
}

Status TxtFolder::Commit() {
  if (!temporary_) {
    committed_ = true;
    return Status::OK();
  }
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(dir_.c_str(), 0777 & ~mask);
  if (::rename(dir_.c_str(), path_.c_str()) != 0) {
    return Status::FromErrno(fmt::format("cannot create '{}'", path_), errno);
  }
  committed_ = true;
  return Status::OK();
}

}  // namespace casesift::synth
