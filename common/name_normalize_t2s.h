// OpenCC's traditional-to-simplified conversion (t2s) for the name normaliser, with the set of
// characters it can change, so that names without any of them skip OpenCC altogether.
//
// OpenCC converts by longest dictionary match; a text is left unchanged unless it contains the
// key of an entry whose value differs from the key. For every such entry one character of the
// key is recorded (where key and value differ; every character when their lengths differ), so
// a text with none of the recorded characters cannot be changed by OpenCC.
//
// Lifetime and threads: a T2s is immutable after Load; Convert and MayChange may be called from
// any number of threads. OpenCC's exceptions stop in this module.
#ifndef CASESIFT_COMMON_NAME_NORMALIZE_T2S_H_
#define CASESIFT_COMMON_NAME_NORMALIZE_T2S_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace casesift {

class T2s {
 public:
  // Loads an OpenCC configuration: a file name OpenCC finds in its data directory ("t2s.json")
  // or a path. A Usage status naming the file and the fix when it cannot be loaded.
  [[nodiscard]] static Result<std::unique_ptr<T2s>> Load(const std::string& config);

  T2s(const T2s&) = delete;
  T2s& operator=(const T2s&) = delete;
  ~T2s();

  // False when no text containing `cp` can be changed by the conversion because of `cp`.
  bool MayChange(char32_t cp) const {
    return cp < bits_.size() * 64 && ((bits_[cp >> 6] >> (cp & 63)) & 1) != 0;
  }
  // The number of characters for which MayChange is true.
  size_t CountChangeable() const;

  // `text` converted. REQUIRES: `text` is well-formed UTF-8 (OpenCC reads past the end of
  // broken sequences). Should OpenCC fail, `text` is returned unchanged.
  std::string Convert(const std::string& text) const;

 private:
  struct Rep;
  explicit T2s(std::unique_ptr<Rep> rep);

  std::unique_ptr<Rep> rep_;
  std::vector<uint64_t> bits_;  // one bit per code point, up to the largest changeable one
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_NAME_NORMALIZE_T2S_H_
