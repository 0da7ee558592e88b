#include "case_extract.h"

#include <atomic>
#include <thread>
#include <vector>

#include "case_extractor.h"
#include "common/record_splice.h"
#include "document_source.h"

namespace casesift {
namespace {

constexpr size_t kBatchDocuments = 1024;
constexpr size_t kBatchBytes = size_t{16} << 20;

std::string RecordLine(const Document& doc, const CaseExtractOptions& options,
                       const ExtractOptions& extract) {
  CaseRecord r = ExtractCase(doc.text, extract);
  r.src_file = doc.file;
  r.src_line = doc.line;
  if (doc.record.empty()) return CaseRecordJson(r);
  std::vector<std::pair<std::string, std::string>> fields = CaseFields(r);
  std::vector<SplicedField> splice;
  // The text field goes, unless it is kept (as `text`, among the case fields).
  if (options.text_field != "text" || !options.keep_text)
    splice.push_back({options.text_field, ""});
  for (const auto& [name, json] : fields) splice.push_back({name, json});
  std::string line;
  SpliceFields(doc.record, splice, &line);
  return line;
}

// Extracts documents[i] into lines[i] on `jobs` threads (the caller's among them).
void ExtractBatch(const std::vector<Document>& documents, const CaseExtractOptions& options,
                  const ExtractOptions& extract, std::vector<std::string>* lines) {
  lines->assign(documents.size(), std::string());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < documents.size();) {
      (*lines)[i] = RecordLine(documents[i], options, extract);
    }
  };
  std::vector<std::thread> threads;
  unsigned extra = std::min<size_t>(options.jobs, documents.size()) - 1;
  for (unsigned t = 0; t + 1 < options.jobs && t < extra; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
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
  std::vector<Document> batch;
  std::vector<std::string> lines;
  uint64_t documents = 0, bytes = 0;
  for (bool more = true; more;) {
    batch.clear();
    size_t batch_bytes = 0;
    Document doc;
    while (batch.size() < kBatchDocuments && batch_bytes < kBatchBytes) {
      if (!source.Next(&doc)) {
        more = false;
        break;
      }
      batch_bytes += doc.text.size();
      batch.push_back(std::move(doc));
    }
    CASESIFT_RETURN_IF_ERROR(source.status());
    ExtractBatch(batch, options, extract, &lines);
    for (const std::string& line : lines) CASESIFT_RETURN_IF_ERROR((*out)->WriteRecord(line));
    documents += batch.size();
    bytes += batch_bytes;
    progress.Update(documents, bytes, true);
  }
  progress.Finish();
  CASESIFT_RETURN_IF_ERROR((*out)->Commit());
  if (rejects) CASESIFT_RETURN_IF_ERROR(rejects->Commit());
  bad.Finish(common.quiet);
  return Status::OK();
}

}  // namespace casesift
