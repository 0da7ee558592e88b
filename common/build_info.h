// Build information, generated at build time by cmake/build_info.cmake.
#ifndef CASESIFT_COMMON_BUILD_INFO_H_
#define CASESIFT_COMMON_BUILD_INFO_H_

namespace casesift {

extern const char* const kVersion;    // the project version, e.g. "0.1.0"
extern const char* const kGitCommit;  // `git describe --always --dirty`, or "unknown"

}  // namespace casesift

#endif  // CASESIFT_COMMON_BUILD_INFO_H_
