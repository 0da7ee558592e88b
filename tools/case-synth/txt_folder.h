// TxtFolder: the output folder of `--format txt`, one NNNNNNN.txt file per document.
//
// The folder appears complete or not at all, like an -o file: documents are written into
// a temporary folder (".NAME.XXXXXX" beside it) that Commit() renames into place. A
// missing folder is created; an existing empty one is replaced. An existing non-empty
// folder is refused unless `force`, and then written into directly (same-named files are
// overwritten, others left alone). Destroying a TxtFolder without Commit() removes the
// temporary folder and what was written into it. (A signal does not: an interrupted run
// can leave a ".NAME.XXXXXX" folder behind.)
//
// Thread safety: Write() may be called from several threads at once (one file each);
// Open, Commit and destruction from one.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_TXT_FOLDER_H_
#define CASESIFT_TOOLS_CASE_SYNTH_TXT_FOLDER_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace casesift::synth {

class TxtFolder {
 public:
  // Errors: Usage when `path` is a non-empty folder (without `force`) or not a folder;
  // IoError when the folder cannot be created.
  static Result<std::unique_ptr<TxtFolder>> Open(const std::string& path, bool force);
  ~TxtFolder();
  TxtFolder(const TxtFolder&) = delete;
  TxtFolder& operator=(const TxtFolder&) = delete;

  // Makes the folder `name` in the folder (nothing when it exists).
  Status MakeDir(std::string_view name) const;
  // Writes `data` as the file `name` in the folder.
  Status Write(std::string_view name, std::string_view data) const;
  // Moves the finished folder into place.
  Status Commit();

 private:
  TxtFolder() = default;
  void RemoveTemporary();

  std::string path_;  // as the user named it
  std::string dir_;   // where files are written
  bool temporary_ = false;
  bool committed_ = false;
};

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_TXT_FOLDER_H_
