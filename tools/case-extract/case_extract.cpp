#include "case_extract.h"

#include <memory>
#include <vector>

#include "case_extractor.h"
#include "common/cause_list.h"
#include "common/ordered_batches.h"
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
  bool empty() const { return documents.empty(); }
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

// -j N: documents read in batches, in order; extracted on N threads; written in input order
// (common/ordered_batches.h).
Status RunParallel(DocumentSource* source, const CaseExtractOptions& options,
                   const ExtractOptions& extract, Output* out, Progress* progress) {
  uint64_t documents = 0, bytes = 0;
  OrderedBatches<Batch>::Steps steps;
  // The first helper compiles the causes' pattern database (when it is not embedded) while
  // the calling thread compiles the layout's on its first document.
  steps.start = [](unsigned thread) {
    if (thread == 1) (void)CauseList::Civil2020().FindIn("");
  };
  steps.read = [&](Batch* batch) {
    bool more = ReadBatch(source, batch);
    if (!source->status().ok()) {  // as -j 1: nothing of the batch the error cut short
      batch->documents.clear();
      return false;
    }
    return more;
  };
  steps.work = [&](Batch* batch, unsigned) { ExtractBatch(batch, options, extract); };
  steps.write = [&](Batch* batch) { return WriteBatch(*batch, out, progress, &documents, &bytes); };
  CASESIFT_RETURN_IF_ERROR(OrderedBatches<Batch>::Run(options.jobs, steps));
  return source->status();
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
