#include "case_extract.h"

#include <condition_variable>
#include <deque>
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

constexpr size_t kBatchDocuments = 256;
constexpr size_t kBatchBytes = size_t{4} << 20;

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

// The extraction pipeline: the calling thread reads batches and writes their lines in input
// order, and extracts too while it waits; `jobs - 1` worker threads extract. At most a few
// batches are in flight, so memory stays bounded whatever the input size.
class Pipeline {
 public:
  Pipeline(const CaseExtractOptions& options, const ExtractOptions& extract)
      : options_(options), extract_(extract) {
    for (unsigned t = 1; t < options.jobs; ++t) {
      workers_.emplace_back([this, t] {
        // The first worker compiles the causes' pattern database while the calling thread
        // reads and, on its first document, compiles the layout's: the two one-off costs
        // (tens of milliseconds each) are paid at once, not one after the other.
        if (t == 1) (void)CauseList::Civil2020().FindIn("");
        Work();
      });
    }
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
      todo_.clear();
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  size_t capacity() const { return 2 * workers_.size() + 4; }

  void Submit(uint64_t seq, std::unique_ptr<Batch> batch) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      todo_.emplace_back(seq, std::move(batch));
    }
    work_ready_.notify_one();
  }

  // Hands back batch `seq` once extracted; while it is not, extracts waiting batches on the
  // calling thread.
  std::unique_ptr<Batch> Take(uint64_t seq) {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      auto it = done_.find(seq);
      if (it != done_.end()) {
        std::unique_ptr<Batch> batch = std::move(it->second);
        done_.erase(it);
        return batch;
      }
      if (todo_.empty()) {
        done_ready_.wait(lock);
        continue;
      }
      std::pair<uint64_t, std::unique_ptr<Batch>> job = std::move(todo_.front());
      todo_.pop_front();
      lock.unlock();
      ExtractBatch(job.second.get(), options_, extract_);
      lock.lock();
      done_[job.first] = std::move(job.second);
    }
  }

 private:
  void Work() {
    while (true) {
      std::pair<uint64_t, std::unique_ptr<Batch>> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_ready_.wait(lock, [&] { return closing_ || !todo_.empty(); });
        if (todo_.empty()) return;
        job = std::move(todo_.front());
        todo_.pop_front();
      }
      ExtractBatch(job.second.get(), options_, extract_);
      {
        std::lock_guard<std::mutex> lock(mu_);
        done_[job.first] = std::move(job.second);
      }
      done_ready_.notify_all();
    }
  }

  const CaseExtractOptions& options_;
  const ExtractOptions& extract_;
  std::mutex mu_;
  std::condition_variable work_ready_, done_ready_;
  std::deque<std::pair<uint64_t, std::unique_ptr<Batch>>> todo_;
  std::map<uint64_t, std::unique_ptr<Batch>> done_;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

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

Status RunParallel(DocumentSource* source, const CaseExtractOptions& options,
                   const ExtractOptions& extract, Output* out, Progress* progress) {
  Pipeline pipeline(options, extract);
  uint64_t documents = 0, bytes = 0, read = 0, written = 0;
  for (bool more = true; more || written < read;) {
    if (more && read - written < pipeline.capacity()) {
      auto batch = std::make_unique<Batch>();
      more = ReadBatch(source, batch.get());
      CASESIFT_RETURN_IF_ERROR(source->status());
      if (!batch->documents.empty()) pipeline.Submit(read++, std::move(batch));
      continue;
    }
    std::unique_ptr<Batch> batch = pipeline.Take(written++);
    CASESIFT_RETURN_IF_ERROR(WriteBatch(*batch, out, progress, &documents, &bytes));
  }
  return Status::OK();
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
