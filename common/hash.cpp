#include "common/hash.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <vector>

namespace casesift {

uint64_t Hash64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

std::string FormatHash(uint64_t hash) { return fmt::format("xxh3:{:016x}", hash); }

Result<uint64_t> ParseHash(std::string_view text) {
  constexpr std::string_view kPrefix = "xxh3:";
  if (text.size() != kPrefix.size() + 16 || text.substr(0, kPrefix.size()) != kPrefix) {
    return Status::InvalidData(
        fmt::format("'{}' is not a hash (expected xxh3: and 16 hex digits)", text));
  }
  uint64_t v = 0;
  for (char c : text.substr(kPrefix.size())) {
    int d = (c >= '0' && c <= '9')   ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                     : -1;
    if (d < 0) {
      return Status::InvalidData(
          fmt::format("'{}' is not a hash (expected xxh3: and 16 hex digits)", text));
    }
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  return v;
}

Hasher::Hasher() : state_(XXH3_createState()) {
  XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_));
}

Hasher::~Hasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void Hasher::Update(std::string_view data) {
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), data.data(), data.size());
}

uint64_t Hasher::Digest() const {
  return XXH3_64bits_digest(static_cast<const XXH3_state_t*>(state_));
}

Result<uint64_t> HashFile(const std::string& path, uint64_t* size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(fmt::format("cannot open '{}'", path), errno);
  Hasher hasher;
  std::vector<char> buf(1 << 20);
  uint64_t total = 0;
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Status::FromErrno(fmt::format("cannot read '{}'", path), err);
    }
    if (n == 0) break;
    hasher.Update(std::string_view(buf.data(), static_cast<size_t>(n)));
    total += static_cast<uint64_t>(n);
  }
  ::close(fd);
  if (size) *size = total;
  return hasher.Digest();
}

}  // namespace casesift
