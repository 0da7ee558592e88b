#include "lead_texts.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

namespace casesift {

namespace {

constexpr std::align_val_t kHugePage{size_t{2} << 20};
constexpr size_t kWindow = size_t{4} << 20;

}  // namespace

std::unique_ptr<LeadTexts> LeadTexts::Open(const std::vector<std::string>& inputs) {
  std::unique_ptr<LeadTexts> texts(new LeadTexts());
  bool files = !inputs.empty();
  for (const std::string& in : inputs) {
    if (in == "-") files = false;
  }
  for (size_t i = 0; files && i < inputs.size(); ++i) {
    int fd = ::open(inputs[i].c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      if (fd >= 0) ::close(fd);
      files = false;  // the reader reports what is wrong with it
      break;
    }
    texts->fds_.push_back(fd);
  }
  if (!files) {
    for (int fd : texts->fds_) ::close(fd);
    texts->fds_.clear();
  } else {
    texts->names_ = inputs;
  }
  return texts;
}

LeadTexts::~LeadTexts() {
  for (int fd : fds_) ::close(fd);
}

LeadTexts::Ref LeadTexts::Keep(const JsonlReader::Record& rec) {
  Ref ref;
  ref.size = static_cast<uint32_t>(rec.text.size());
  if (fds_.empty()) {
    ref.where = reinterpret_cast<uintptr_t>(arena_.Keep(rec.text).data());
    return ref;
  }
  if (rec.line <= line_ || *rec.file != names_[input_]) {
    for (size_t next = input_ + 1; next < names_.size(); ++next) {
      if (names_[next] == *rec.file) {
        input_ = next;
        break;
      }
    }
  }
  line_ = rec.line;
  ref.where = rec.offset;
  ref.input = static_cast<uint32_t>(input_);
  ref.hash = XXH3_64bits(rec.text.data(), rec.text.size());
  return ref;
}

Status LeadTexts::ReadAt(uint32_t input, uint64_t offset, size_t size, char* to) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fds_[input], to + done, size - done, static_cast<off_t>(offset + done));
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else if (n == 0) {
      return Status::IoError(
          fmt::format("'{}' became shorter while lead-dedupe read it", names_[input]));
    } else if (errno != EINTR) {
      return Status::FromErrno(fmt::format("cannot read '{}' again", names_[input]), errno);
    }
  }
  return Status::OK();
}

Status LeadTexts::Check(const Ref& ref, std::string_view text) const {
  if (XXH3_64bits(text.data(), text.size()) == ref.hash) return Status::OK();
  return Status::IoError(
      fmt::format("'{}' changed while lead-dedupe read it (the lead at byte {} is not what it was)",
                  names_[ref.input], ref.where));
}

Status LeadTexts::Read(const Ref& ref, std::string_view* text) {
  if (fds_.empty()) {
    *text = std::string_view(reinterpret_cast<const char*>(ref.where), ref.size);
    return Status::OK();
  }
  if (ref.input != window_input_ || ref.where < window_begin_ ||
      ref.where + ref.size > window_begin_ + window_size_) {
    // The window from this text on, as much of the file as the window holds.
    struct stat st;
    if (::fstat(fds_[ref.input], &st) != 0) {
      return Status::FromErrno(fmt::format("cannot read '{}' again", names_[ref.input]), errno);
    }
    uint64_t file_size = static_cast<uint64_t>(st.st_size);
    uint64_t left = file_size > ref.where ? file_size - ref.where : 0;
    size_t want = static_cast<size_t>(std::min<uint64_t>(std::max<size_t>(kWindow, ref.size),
                                                         std::max<uint64_t>(left, ref.size)));
    if (want > window_capacity_) {
      window_.reset(new char[want]);
      window_capacity_ = want;
    }
    window_input_ = UINT32_MAX;
    CASESIFT_RETURN_IF_ERROR(ReadAt(ref.input, ref.where, want, window_.get()));
    window_input_ = ref.input;
    window_begin_ = ref.where;
    window_size_ = want;
  }
  *text = std::string_view(window_.get() + (ref.where - window_begin_), ref.size);
  return Check(ref, *text);
}

Status LeadTexts::ReadOne(const Ref& ref, std::string_view* text) {
  if (fds_.empty()) return Read(ref, text);
  one_.resize(ref.size);
  CASESIFT_RETURN_IF_ERROR(ReadAt(ref.input, ref.where, ref.size, one_.data()));
  *text = one_;
  return Check(ref, *text);
}

}  // namespace casesift
