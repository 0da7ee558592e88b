#include "case_extract.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "case_extractor.h"
#include "common/cause_list.h"
#include "common/record_splice.h"
#include "document_source.h"

namespace casesift {
namespace {

constexpr size_t kBatchDocuments = 64;
constexpr size_t kBatchBytes = size_t{1} << 20;

std::string RecordLine(const Document& doc, const CaseExtractOptions& options,
                       const ExtractOptions& extract) {
  CaseRecord r = ExtractCase(doc.text, extract);
  r.src_file = doc.file;
  r.src_line = doc.line;
  if (doc.record.empty()) return CaseRecordJson(r);
  thread_local CaseFields fields;
  thread_local std::vector<SplicedField> splice;
  splice.clear();
  // The text field goes, unless it is kept (as `text`, among the case fields).
  if (options.text_field != "text" || !options.keep_text)
    splice.push_back({options.text_field, ""});
  for (const SplicedField& f : fields.Write(r)) splice.push_back(f);
  std::string line;
  SpliceFields(doc.record, splice, &line);
  return line;
}

// A run of documents read together, and their output lines once extracted.
struct Batch {
  std::vector<Document> documents;
  std::vector<std::string> lines;
  size_t bytes = 0;
};

// Reads the next batch; false at the end of the input (the batch may still hold documents).
bool ReadBatch(DocumentSource* source, Batch* batch) {
  batch->documents.clear();
  batch->bytes = 0;
  Document doc;
  while (batch->documents.size() < kBatchDocuments && batch->bytes < kBatchBytes) {
    if (!source->Next(&doc)) return false;
    batch->bytes += doc.text.size();
    batch->documents.push_back(std::move(doc));
  }
  return true;
}

void ExtractBatch(Batch* batch, const CaseExtractOptions& options, const ExtractOptions& extract) {
  batch->lines.resize(batch->documents.size());
  for (size_t i = 0; i < batch->documents.size(); ++i) {
    batch->lines[i] = RecordLine(batch->documents[i], options, extract);
  }
}

Status WriteBatch(const Batch& batch, Output* out, Progress* progress, uint64_t* documents,
                  uint64_t* bytes) {
  for (const std::string& line : batch.lines) CASESIFT_RETURN_IF_ERROR(out->WriteRecord(line));
  *documents += batch.documents.size();
  *bytes += batch.bytes;
  progress->Update(*documents, *bytes, true);
  return Status::OK();
}

// One thread does everything: the -j 1 baseline, with no hand-offs.
Status RunSequential(DocumentSource* source, const CaseExtractOptions& options,
                     const ExtractOptions& extract, Output* out, Progress* progress) {
  uint64_t documents = 0, bytes = 0;
  Batch batch;
  for (bool more = true; more;) {
    more = ReadBatch(source, &batch);
    CASESIFT_RETURN_IF_ERROR(source->status());
    ExtractBatch(&batch, options, extract);
    CASESIFT_RETURN_IF_ERROR(WriteBatch(batch, out, progress, &documents, &bytes));
  }
  return Status::OK();
}

// The extraction pipeline for -j N: every thread (the calling one and N - 1 more) takes the
// next batch from the input (one reader at a time, so documents and rejects keep their
// order), extracts it itself (the text it has just read is still in its core's cache),
// and hands it to the writer; the batches are written in input order by whichever thread
// completes the run that can be written. A thread that gets far ahead waits, so memory
// stays bounded whatever the input size.
class Pipeline {
 public:
  Pipeline(DocumentSource* source, const CaseExtractOptions& options, const ExtractOptions& extract,
           Output* out, Progress* progress)
      : source_(source), options_(options), extract_(extract), out_(out), progress_(progress) {}

  Status Run(unsigned jobs) {
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) {
      threads.emplace_back([this, t] {
        // The first helper compiles the causes' pattern database (when it is not embedded)
        // while the calling thread compiles the layout's on its first document.
        if (t == 1) (void)CauseList::Civil2020().FindIn("");
        Work();
      });
    }
    Work();
    for (std::thread& t : threads) t.join();
    if (!read_status_.ok()) return read_status_;
    return write_status_;
  }

 private:
  // How many extracted batches may wait for an earlier one.
  static constexpr size_t kMaxWaiting = 4;

  void Work() {
    while (true) {
      auto batch = std::make_unique<Batch>();
      uint64_t seq = 0;
      {
        std::lock_guard<std::mutex> lock(read_mu_);
        if (end_ || stop_) break;
        end_ = !ReadBatch(source_, batch.get());
        if (Status st = source_->status(); !st.ok()) {
          read_status_ = st;
          stop_ = true;
          break;
        }
        if (batch->documents.empty()) break;
        seq = next_read_++;
      }
      ExtractBatch(batch.get(), options_, extract_);
      std::unique_lock<std::mutex> lock(write_mu_);
      written_cv_.wait(lock, [&] { return stop_ || seq < next_write_ + kMaxWaiting; });
      if (stop_) break;
      waiting_[seq] = std::move(batch);
      bool wrote = false;
      for (auto it = waiting_.find(next_write_); it != waiting_.end();
           it = waiting_.find(next_write_)) {
        Status st = WriteBatch(*it->second, out_, progress_, &documents_, &bytes_);
        waiting_.erase(it);
        ++next_write_;
        wrote = true;
        if (!st.ok()) {
          write_status_ = st;
          stop_ = true;
          break;
        }
      }
      if (wrote || stop_) written_cv_.notify_all();
    }
    // A thread that leaves early (an error) must not leave others waiting for it.
    std::lock_guard<std::mutex> lock(write_mu_);
    written_cv_.notify_all();
  }

  DocumentSource* source_;
  const CaseExtractOptions& options_;
  const ExtractOptions& extract_;
  Output* out_;
  Progress* progress_;

  std::mutex read_mu_;  // guards the source and the fields below up to write_mu_
  bool end_ = false;
  uint64_t next_read_ = 0;
  Status read_status_;

  std::mutex write_mu_;  // guards the output and the fields below
  std::condition_variable written_cv_;
  std::map<uint64_t, std::unique_ptr<Batch>> waiting_;
  uint64_t next_write_ = 0, documents_ = 0, bytes_ = 0;
  Status write_status_;
  std::atomic<bool> stop_{false};
};

Status RunParallel(DocumentSource* source, const CaseExtractOptions& options,
                   const ExtractOptions& extract, Output* out, Progress* progress) {
  Pipeline pipeline(source, options, extract, out, progress);
  return pipeline.Run(options.jobs);
}

}  // namespace

Status RunCaseExtract(const CaseExtractOptions& options, const CommonOptions& common) {
  if (!common.rejects.empty() && common.on_error == OnError::kFail) {
    return Status::Usage("--rejects needs --on-error=skip or --on-error=warn");
  }
  Result<Encoding> encoding = ParseEncoding(options.encoding);
  if (!encoding.ok()) return encoding.status();
  if (options.jobs == 0) return Status::Usage("-j needs at least 1 thread");

  Progress progress(common.progress, common.quiet);
  BadRecords bad(common.on_error, nullptr);
  DocumentSource::Options sopts;
  sopts.inputs = common.inputs;
  sopts.encoding = *encoding;
  sopts.text_field = options.text_field;
  sopts.max_line = static_cast<size_t>(common.max_line);
  DocumentSource source(sopts, &bad);
  CASESIFT_RETURN_IF_ERROR(source.Init());

  Result<std::unique_ptr<Output>> out = Output::Open(common.output, OutputOptionsFor(common));
  if (!out.ok()) return out.status();
  std::unique_ptr<Output> rejects;
  if (!common.rejects.empty()) {
    Result<std::unique_ptr<Output>> r = Output::Open(common.rejects);
    if (!r.ok()) return r.status();
    rejects = std::move(*r);
    bad = BadRecords(common.on_error, rejects.get());
  }

  ExtractOptions extract{options.keep_text, options.sections};
  CASESIFT_RETURN_IF_ERROR(options.jobs == 1
                               ? RunSequential(&source, options, extract, out->get(), &progress)
                               : RunParallel(&source, options, extract, out->get(), &progress));
  progress.Finish();
  CASESIFT_RETURN_IF_ERROR((*out)->Commit());
  if (rejects) CASESIFT_RETURN_IF_ERROR(rejects->Commit());
  bad.Finish(common.quiet);
  return Status::OK();
}

}  // namespace casesift
