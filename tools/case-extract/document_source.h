// DocumentSource: the judgment documents case-extract reads, one at a time, in order.
//
// Inputs are files, folders and "-" (standard input), in the order given:
//  - a folder is walked recursively and its documents taken in byte order of their paths;
//    hidden entries (".name") are skipped, and so are files that are not documents
//    (documents end in .txt, .text or .docx);
//  - a file is one document: a .docx (or any zip archive) gives the text of its
//    paragraphs; anything else is text in UTF-8, GB18030 or UTF-16 (text_decoder.h);
//  - with a text field (--text-field NAME), every input is JSON Lines instead and each
//    record is one document: its NAME field is the text and the record's other fields pass
//    through into the case record; a folder then contributes its *.jsonl files.
// An unreadable or undecodable document is a located error: under --on-error=fail it
// stops the run (status 1), otherwise it is reported, counted and skipped.
//
// Not thread-safe; a Document is owned by the caller and may be moved to another thread.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_DOCUMENT_SOURCE_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_DOCUMENT_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/bad_records.h"
#include "common/jsonl_reader.h"
#include "common/status.h"
#include "text_decoder.h"

namespace casesift {

struct Document {
  std::string file;    // the input's name as given, or the path found in a folder
  uint64_t line = 0;   // 1-based line of a JSON Lines record; 0 for a document file
  std::string text;    // the document, UTF-8
  std::string record;  // JSON Lines input: the record's own bytes; empty otherwise
};

class DocumentSource {
 public:
  struct Options {
    std::vector<std::string> inputs;  // empty: standard input
    Encoding encoding = Encoding::kAuto;
    std::string text_field;  // non-empty: inputs are JSON Lines
    size_t max_line = size_t{64} << 20;
  };

  // `bad` decides what happens to unreadable documents; it must outlive the source.
  DocumentSource(Options options, BadRecords* bad);
  ~DocumentSource();

  // Expands folders and checks that every input exists. Call once before Next().
  Status Init();

  // The next document, or false at the end or on an error that stops the run (status()).
  bool Next(Document* doc);
  const Status& status() const { return status_; }

  // Number of document files found (after Init); for progress.
  size_t file_count() const { return files_.size(); }

 private:
  bool NextFile(Document* doc);
  bool NextRecord(Document* doc);

  Options options_;
  BadRecords* bad_;
  std::vector<std::string> files_;  // expanded inputs
  size_t next_file_ = 0;
  std::unique_ptr<JsonlReader> reader_;  // JSON Lines mode
  Status status_;
};

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_DOCUMENT_SOURCE_H_
