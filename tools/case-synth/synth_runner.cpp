#include "synth_runner.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "common/hash.h"
#include "common/json_builder.h"
#include "common/output.h"
#include "common/progress.h"
#include "document_generator.h"
#include "txt_folder.h"

namespace casesift::synth {
namespace {

// What one batch of documents produced.
struct Batch {
  std::string docs;   // JSON Lines documents
  std::string truth;  // JSON Lines case records
  uint64_t records = 0;
  uint64_t bytes = 0;  // document text
  Status status;
  void Clear() {
    docs.clear();
    truth.clear();
    records = 0;
    bytes = 0;
    status = Status::OK();
  }
};

struct Context {
  const SynthOptions* options;
  std::vector<Kind> kinds;
  bool jsonl;
  bool want_truth;
  int id_width;
  std::string folder;  // txt: the folder as named, for src.file
  std::string file;    // jsonl: the output file as named (empty for standard output)
  const TxtFolder* txt = nullptr;
};

// Generates documents [begin, end) into *batch; txt documents are written as files.
class Worker {
 public:
  explicit Worker(const Context& ctx) : ctx_(ctx), gen_(ctx.options->seed, ctx.kinds) {}

  void Run(uint64_t begin, uint64_t end, Batch* batch) {
    batch->Clear();
    for (uint64_t i = begin; i < end && batch->status.ok(); ++i) {
      gen_.Generate(i, &text_, &record_);
      id_.clear();
      fmt::format_to(std::back_inserter(id_), "{:0{}}", i + 1, ctx_.id_width);
      if (ctx_.jsonl) {
        batch->docs.append("{\"id\":");
        AppendJsonString(&batch->docs, id_);
        batch->docs.push_back(',');
        AppendJsonString(&batch->docs, ctx_.options->text_field);
        batch->docs.push_back(':');
        AppendJsonString(&batch->docs, text_);
        batch->docs.append("}\n");
      } else {
        name_.assign(id_);
        name_.append(".txt");
        batch->status = ctx_.txt->Write(name_, text_);
      }
      if (ctx_.want_truth) {
        record_.id = id_;
        record_.text_hash = Hash64(text_);
        if (ctx_.jsonl) {
          record_.src_file = ctx_.file;
          record_.src_line = i + 1;
        } else {
          record_.src_file = ctx_.folder;
          record_.src_file.append(name_);
        }
        AppendCaseRecordJson(record_, &batch->truth);
        batch->truth.push_back('\n');
      }
      ++batch->records;
      batch->bytes += text_.size();
    }
  }

 private:
  const Context& ctx_;
  DocumentGenerator gen_;
  std::string text_;
  std::string id_;
  std::string name_;
  CaseRecord record_;
};

using Consume = std::function<Status(Batch&)>;

Status RunSequential(const Context& ctx, uint64_t count, uint64_t batch_size,
                     const Consume& consume) {
  Worker worker(ctx);
  Batch batch;
  for (uint64_t begin = 0; begin < count; begin += batch_size) {
    worker.Run(begin, std::min(count, begin + batch_size), &batch);
    CASESIFT_RETURN_IF_ERROR(batch.status);
    CASESIFT_RETURN_IF_ERROR(consume(batch));
  }
  return Status::OK();
}

// Worker w makes batches w, w+n, w+2n… into two slots of its own; the caller's thread
// takes the batches in order, so the output order is the document order.
Status RunParallel(const Context& ctx, unsigned n, uint64_t count, uint64_t batch_size,
                   const Consume& consume) {
  struct Slot {
    Batch batch;
    bool ready = false;
  };
  uint64_t batches = (count + batch_size - 1) / batch_size;
  std::vector<Slot> slots(2 * n);
  std::mutex mu;
  std::condition_variable cv;
  bool stop = false;
  auto work = [&](unsigned w) {
    Worker worker(ctx);
    uint64_t k = 0;
    for (uint64_t b = w; b < batches; b += n, ++k) {
      Slot& slot = slots[2 * w + k % 2];
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return !slot.ready || stop; });
        if (stop) return;
      }
      worker.Run(b * batch_size, std::min(count, (b + 1) * batch_size), &slot.batch);
      {
        std::lock_guard<std::mutex> lock(mu);
        slot.ready = true;
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < n; ++w) threads.emplace_back(work, w);
  Status status;
  for (uint64_t b = 0; b < batches && status.ok(); ++b) {
    Slot& slot = slots[2 * (b % n) + (b / n) % 2];
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return slot.ready; });
    }
    status = slot.batch.status;
    if (status.ok()) status = consume(slot.batch);
    {
      std::lock_guard<std::mutex> lock(mu);
      slot.ready = false;
      if (!status.ok()) stop = true;
    }
    cv.notify_all();
  }
  for (std::thread& t : threads) t.join();
  return status;
}

Status CheckOptions(const SynthOptions& o, const CommonOptions& common) {
  bool to_stdout = common.output.empty() || common.output == "-";
  if (o.format != "txt" && o.format != "jsonl") {
    return Status::Usage(
        fmt::format("--format: '{}' is not a format (use txt or jsonl)", o.format));
  }
  if (o.format == "txt" && to_stdout) {
    return Status::Usage("--format txt writes a folder: name it with -o FOLDER");
  }
  if (o.format == "jsonl" && to_stdout && o.truth == "-") {
    return Status::Usage("the documents and --truth cannot both go to standard output");
  }
  if (o.text_field.empty()) return Status::Usage("--text-field: the name cannot be empty");
  if (o.jobs == 0) return Status::Usage("-j: the number of threads must be at least 1");
  return Status::OK();
}

}  // namespace

Status RunSynth(const SynthOptions& options, const CommonOptions& common) {
  CASESIFT_RETURN_IF_ERROR(CheckOptions(options, common));
  Result<std::vector<Kind>> kinds = ParseKinds(options.kinds);
  if (!kinds.ok()) return kinds.status();
  Context ctx;
  ctx.options = &options;
  ctx.kinds = *kinds;
  ctx.jsonl = options.format == "jsonl";
  ctx.want_truth = !options.truth.empty();
  ctx.id_width = std::max(7, static_cast<int>(fmt::formatted_size("{}", options.count)));

  // Open the truth file first: it is the cheaper failure.
  std::unique_ptr<Output> truth;
  if (ctx.want_truth) {
    Result<std::unique_ptr<Output>> opened = Output::Open(options.truth);
    if (!opened.ok()) return opened.status();
    truth = std::move(*opened);
  }
  std::unique_ptr<Output> docs;
  std::unique_ptr<TxtFolder> folder;
  if (ctx.jsonl) {
    bool to_stdout = common.output.empty() || common.output == "-";
    Result<std::unique_ptr<Output>> opened = Output::Open(common.output);
    if (!opened.ok()) return opened.status();
    docs = std::move(*opened);
    if (!to_stdout) ctx.file = common.output;
  } else {
    Result<std::unique_ptr<TxtFolder>> opened = TxtFolder::Open(common.output, options.force);
    if (!opened.ok()) return opened.status();
    folder = std::move(*opened);
    ctx.txt = folder.get();
    ctx.folder = common.output;
    if (ctx.folder.back() != '/') ctx.folder.push_back('/');
  }

  bool line_buffered =
      common.line_buffered ||
      (ctx.jsonl && (common.output.empty() || common.output == "-") && ::isatty(STDOUT_FILENO));
  Progress progress(common.progress, common.quiet);
  uint64_t records = 0;
  uint64_t bytes = 0;
  Consume consume = [&](Batch& batch) -> Status {
    if (docs) {
      CASESIFT_RETURN_IF_ERROR(docs->Write(batch.docs));
      if (line_buffered) CASESIFT_RETURN_IF_ERROR(docs->Flush());
    }
    if (truth) CASESIFT_RETURN_IF_ERROR(truth->Write(batch.truth));
    // One Update per document keeps the progress line's own pacing (it looks at the
    // clock every 1024 calls).
    uint64_t per_doc = batch.records > 0 ? batch.bytes / batch.records : 0;
    for (uint64_t k = 0; k < batch.records; ++k) progress.Update(++records, bytes += per_doc);
    return Status::OK();
  };
  uint64_t batch_size = ctx.jsonl ? 256 : 64;
  Status status = options.jobs == 1
                      ? RunSequential(ctx, options.count, batch_size, consume)
                      : RunParallel(ctx, options.jobs, options.count, batch_size, consume);
  progress.Finish();
  CASESIFT_RETURN_IF_ERROR(status);
  if (docs) CASESIFT_RETURN_IF_ERROR(docs->Commit());
  if (folder) CASESIFT_RETURN_IF_ERROR(folder->Commit());
  if (truth) CASESIFT_RETURN_IF_ERROR(truth->Commit());
  return Status::OK();
}

}  // namespace casesift::synth
