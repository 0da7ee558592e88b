#include "report_render.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>

#include "common/bad_records.h"
#include "common/build_info.h"
#include "common/diagnostics.h"
#include "common/hash.h"
#include "common/jsonl_reader.h"
#include "common/output.h"
#include "common/path_pair.h"
#include "common/text_arena.h"
#include "html_writer.h"
#include "lead_fields.h"
#include "masker.h"
#include "output_names.h"
#include "report_builder.h"
#include "template_writer.h"
#include "text_writers.h"
#include "xlsx_writer.h"

namespace casesift {

namespace {

enum class Format { kHtml, kMarkdown, kCsv, kXlsx, kJson, kTemplate };

Result<Format> ChooseFormat(const ReportRenderOptions& options, const CommonOptions& common) {
  if (!options.template_path.empty()) {
    if (!options.format.empty()) {
      return Status::Usage("--template renders through the template: leave out -f (" +
                           options.format + ")");
    }
    return Format::kTemplate;
  }
  std::string f = options.format;
  if (f.empty()) {
    std::string ext = std::filesystem::path(common.output).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext.empty() || ext == ".html" || ext == ".htm") {
      f = "html";
    } else if (ext == ".md" || ext == ".markdown") {
      f = "md";
    } else if (ext == ".csv" || ext == ".xlsx" || ext == ".json") {
      f = ext.substr(1);
    } else {
      return Status::Usage(fmt::format(
          "-o {}: cannot tell the format from '{}': give -f (html, md, csv, xlsx or json)",
          common.output, ext));
    }
  }
  if (f == "html") return Format::kHtml;
  if (f == "md" || f == "markdown") return Format::kMarkdown;
  if (f == "csv") return Format::kCsv;
  if (f == "xlsx") return Format::kXlsx;
  if (f == "json") return Format::kJson;
  return Status::Usage(fmt::format("-f {}: unknown format (html, md, csv, xlsx or json)", f));
}

// The fields the options name, resolved: built-ins by name, the rest as field paths.
class FieldResolver {
 public:
  Result<FieldRef> Resolve(const std::string& name, std::string_view option) {
    if (std::optional<Builtin> b = BuiltinNamed(name)) return FieldRef{b, -1, name};
    for (size_t i = 0; i < paths_.size(); ++i) {
      if (paths_[i].text() == name) return FieldRef{std::nullopt, static_cast<int>(i), name};
    }
    Result<FieldPath> path = FieldPath::Parse(name);
    if (!path.ok()) {
      return Status::Usage(fmt::format("{} '{}': {}", option, name, path.status().message()));
    }
    paths_.push_back(std::move(*path));
    return FieldRef{std::nullopt, static_cast<int>(paths_.size() - 1), name};
  }
  std::vector<FieldPath> Take() { return std::move(paths_); }

 private:
  std::vector<FieldPath> paths_;
};

// "LABEL=FIELD" or "FIELD": a '=' before any '[' separates a label.
std::pair<std::string, std::string> LabelAndField(const std::string& spec) {
  size_t eq = spec.find('=');
  size_t bracket = spec.find('[');
  if (eq == std::string::npos || (bracket != std::string::npos && bracket < eq)) return {"", spec};
  return {spec.substr(0, eq), spec.substr(eq + 1)};
}

// The report's time: SOURCE_DATE_EPOCH (whole seconds since 1970, up to the year 9999) when
// set, else the clock. A malformed SOURCE_DATE_EPOCH is a usage error, not the clock: a
// reproducible build must not quietly stop being one.
Result<std::time_t> GeneratedAt(bool* from_epoch) {
  *from_epoch = false;
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch == nullptr || *epoch == '\0') return std::time(nullptr);
  std::string_view text(epoch);
  long long v = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 0 || v > 253402300799) {
    return Status::Usage(
        fmt::format("SOURCE_DATE_EPOCH='{}' is not a time: give whole seconds since 1970-01-01 UTC "
                    "(at most 253402300799)",
                    text));
  }
  *from_epoch = true;
  return static_cast<std::time_t>(v);
}

// `t` as ISO 8601 UTC: "2026-11-27T00:00:00Z".
std::string IsoUtc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The --split-by field when it is a worked-out one (court, date, status): those split by
// their one value; any other field by each value its path yields (a lead with two
// recipients is in both reports).
std::optional<Builtin> SplitBuiltin(const std::string& name) {
  std::optional<Builtin> b = BuiltinNamed(name);
  if (b == Builtin::kCourt || b == Builtin::kDate || b == Builtin::kStatus) return b;
  return std::nullopt;
}

// The run's leads, in blocks: no lead moves once read (the reports point at them), and
// growing costs no copying. Next() hands out the slot the next lead is read into; Keep()
// keeps it (a rejected record's slot is reused).
class LeadStore {
 public:
  LoadedLead& Next() {
    if (size_ == blocks_.size() * kBlock) blocks_.push_back(std::make_unique<LoadedLead[]>(kBlock));
    return (*this)[size_];
  }
  void Keep() { ++size_; }
  size_t size() const { return size_; }
  LoadedLead& operator[](size_t i) { return blocks_[i / kBlock][i % kBlock]; }

 private:
  static constexpr size_t kBlock = 4096;
  std::vector<std::unique_ptr<LoadedLead[]>> blocks_;
  size_t size_ = 0;
};

// One report, written to its temporary file and waiting to be put in place.
struct Pending {
  std::string path;
  std::unique_ptr<Output> out;
  uint64_t leads = 0;
};

// Each report waits in an open temporary file until all are complete: lets the process
// hold `files` of them (the soft limit raised towards the hard one; advice only).
void RaiseOpenFileLimit(size_t files) {
  struct rlimit lim;
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return;
  rlim_t want = static_cast<rlim_t>(files) + 64;
  if (lim.rlim_cur >= want) return;
  lim.rlim_cur = lim.rlim_max == RLIM_INFINITY ? want : std::min(want, lim.rlim_max);
  ::setrlimit(RLIMIT_NOFILE, &lim);
}

// The XLSX workbook of `report` as bytes: libxlsxwriter writes a file, so it writes an
// unlinked temporary one (through /proc/self/fd), which leaves nothing behind whatever happens.
Status XlsxBytes(const Report& report, std::time_t created, std::string* bytes) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string temp = fmt::format("{}/report-render.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
  int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return Status::FromErrno("cannot create a temporary file in " + temp, errno);
  std::string proc = fmt::format("/proc/self/fd/{}", fd);
  bool unlinked = ::access(proc.c_str(), F_OK) == 0 && ::unlink(temp.c_str()) == 0;
  Status s = WriteXlsx(report, unlinked ? proc : temp, created);
  if (s.ok()) {
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      s = Status::FromErrno("cannot read the workbook back", errno);
    } else {
      bytes->resize(static_cast<size_t>(st.st_size));
      size_t done = 0;
      while (done < bytes->size()) {
        ssize_t n = ::pread(fd, bytes->data() + done, bytes->size() - done, done);
        if (n <= 0) {
          s = Status::FromErrno("cannot read the workbook back", n < 0 ? errno : EIO);
          break;
        }
        done += static_cast<size_t>(n);
      }
    }
  }
  ::close(fd);
  if (!unlinked) ::unlink(temp.c_str());
  return s;
}

}  // namespace

std::string ShellQuote(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    std::string_view a = argv[i];
    // The program by its name, not by where it was installed or run from.
    if (i == 0 && a.rfind('/') != std::string_view::npos) a = a.substr(a.rfind('/') + 1);
    if (i > 0) line += ' ';
    bool plain = !a.empty() && a.find_first_not_of(
                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                   "0123456789_-+=/.,:@%") == std::string_view::npos;
    if (plain) {
      line += a;
      continue;
    }
    line += '\'';
    for (char c : a) {
      if (c == '\'') {
        line += "'\\''";
      } else {
        line += c;
      }
    }
    line += '\'';
  }
  return line;
}

std::vector<std::string> SplitFieldList(const std::string& text) {
  std::vector<std::string> out;
  for (size_t start = 0; start <= text.size();) {
    size_t comma = FindOutsidePaths(text, ',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Status RunReportRender(const ReportRenderOptions& options, const CommonOptions& common) {
  if (!common.rejects.empty() && common.on_error == OnError::kFail) {
    return Status::Usage("--rejects needs --on-error=skip or --on-error=warn");
  }
  Result<Format> format = ChooseFormat(options, common);
  if (!format.ok()) return format.status();
  bool to_stdout = common.output.empty() || common.output == "-";
  if (*format == Format::kXlsx && to_stdout && ::isatty(STDOUT_FILENO)) {
    return Status::Usage(
        "-f xlsx writes a binary workbook: name a file with -o (e.g. -o leads.xlsx)");
  }
  if (!options.split_by.empty()) {
    if (to_stdout) {
      return Status::Usage(fmt::format(
          "--split-by {0} writes one report per value: name them with -o and the placeholder "
          "{{{0}}} (e.g. -o 'out/{{{0}}}.html')",
          options.split_by));
    }
    CASESIFT_RETURN_IF_ERROR(CheckOutputPattern(common.output, options.split_by));
  }

  // The fields the options name.
  FieldResolver resolver;
  ReportSpec spec;
  spec.expand_evidence = *format == Format::kCsv || *format == Format::kXlsx;
  for (const std::string& c : options.columns) {
    auto [label, name] = LabelAndField(c);
    if (name.empty()) return Status::Usage(fmt::format("--column '{}': no field named", c));
    Result<FieldRef> ref = resolver.Resolve(name, "--column");
    if (!ref.ok()) return ref.status();
    if (label.empty()) label = ref->builtin ? std::string(BuiltinLabel(*ref->builtin)) : name;
    spec.columns.push_back({label, *ref});
  }
  for (const std::string& list : options.sort) {
    for (std::string key : SplitFieldList(list)) {
      bool desc = key.starts_with('-');
      if (desc || key.starts_with('+')) key.erase(0, 1);
      Result<FieldRef> ref = resolver.Resolve(key, "--sort");
      if (!ref.ok()) return ref.status();
      spec.sort.push_back({*ref, desc});
    }
  }
  if (!options.group_by.empty()) {
    Result<FieldRef> ref = resolver.Resolve(options.group_by, "--group-by");
    if (!ref.ok()) return ref.status();
    spec.group = *ref;
  }
  std::optional<FieldPath> split_path;
  const std::optional<Builtin> split_builtin = SplitBuiltin(options.split_by);
  if (!options.split_by.empty() && !split_builtin) {
    Result<FieldPath> p = FieldPath::Parse(options.split_by);
    if (!p.ok()) {
      return Status::Usage(
          fmt::format("--split-by '{}': {}", options.split_by, p.status().message()));
    }
    split_path = std::move(*p);
  }
  std::vector<std::string> mask_fields;
  for (const std::string& list : options.mask) {
    for (std::string& f : SplitFieldList(list)) mask_fields.push_back(std::move(f));
  }
  if (options.no_mask && !mask_fields.empty()) {
    return Status::Usage("--no-mask and --mask contradict each other: give one");
  }
  std::unique_ptr<TemplateWriter> tmpl;
  if (*format == Format::kTemplate) {
    Result<std::unique_ptr<TemplateWriter>> t = TemplateWriter::Load(options.template_path);
    if (!t.ok()) return t.status();
    tmpl = std::move(*t);
  }
  LeadFields fields(resolver.Take(), std::move(split_path), split_builtin);
  // The formats that show the evidence as one column join it; templates read the lead.
  const bool join_evidence = !spec.expand_evidence;
  fields.set_join_evidence(join_evidence);
  fields.set_keep_json(*format == Format::kTemplate);

  // Provenance that needs no input (a bad SOURCE_DATE_EPOCH stops the run before it reads).
  Provenance provenance;
  Result<std::time_t> generated = GeneratedAt(&provenance.time_from_source_date_epoch);
  if (!generated.ok()) return generated.status();
  provenance.generated_at = IsoUtc(*generated);
  // libxlsxwriter takes a creation time of 0 for "none" and uses the clock: 1970-01-01
  // itself is written one second later.
  const std::time_t created = std::max<std::time_t>(1, *generated);
  provenance.program = fmt::format("report-render (casesift) {} commit {}", kVersion, kGitCommit);
  provenance.libraries = {
      fmt::format("simdjson {}.{}.{}", int{simdjson::SIMDJSON_VERSION_MAJOR},
                  int{simdjson::SIMDJSON_VERSION_MINOR}, int{simdjson::SIMDJSON_VERSION_REVISION}),
      fmt::format("libxlsxwriter {}", LXW_VERSION)};
  if (*format == Format::kTemplate) provenance.libraries.push_back("kainjow mustache 4.1");
  provenance.command_line = options.command_line;

  // Inputs that can be read only once (standard input, a pipe) are hashed as the records
  // are read; files are hashed whole afterwards.
  std::vector<std::string> inputs = common.inputs;
  if (inputs.empty()) inputs.push_back("-");
  std::map<std::string, std::pair<std::unique_ptr<Hasher>, uint64_t>> streamed;
  for (const std::string& in : inputs) {
    struct stat st;
    if (in == "-") {
      streamed["<stdin>"] = {std::make_unique<Hasher>(), 0};
    } else if (::stat(in.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      streamed[in] = {std::make_unique<Hasher>(), 0};
    }
  }

  // Masking: every format is for people (the JSON summary names split and group values).
  Masker masker(!options.no_mask, std::move(mask_fields));
  if (!options.no_mask) fields.set_masker(&masker);

  // Read the leads.
  JsonlReader::Options ropts;
  ropts.inputs = common.inputs;
  ropts.max_line = static_cast<size_t>(common.max_line);
  BadRecords bad(common.on_error, nullptr);
  std::unique_ptr<Output> rejects;
  JsonlReader reader(ropts, &bad);
  CASESIFT_RETURN_IF_ERROR(reader.CheckInputs());
  if (!common.rejects.empty()) {
    Result<std::unique_ptr<Output>> r = Output::Open(common.rejects);
    if (!r.ok()) return r.status();
    rejects = std::move(*r);
    bad = BadRecords(common.on_error, rejects.get());
  }
  TextArena arena;  // every lead's text, for the whole run
  LeadStore leads;
  JsonlReader::Record rec;
  const std::string* last_file = nullptr;
  std::pair<std::unique_ptr<Hasher>, uint64_t>* hashing = nullptr;
  while (reader.Next(&rec)) {
    if (rec.file != last_file) {
      last_file = rec.file;
      auto it = streamed.find(*rec.file);
      hashing = it == streamed.end() ? nullptr : &it->second;
    }
    if (hashing != nullptr) {
      hashing->first->Update(rec.text);
      hashing->first->Update("\n");
      hashing->second += rec.text.size() + 1;
    }
    LoadedLead& lead = leads.Next();
    lead.masked = MaskCount{};
    Status s = fields.Read(rec, &arena, &lead);
    if (!s.ok()) {
      CASESIFT_RETURN_IF_ERROR(bad.Reject(s, rec.text));
      continue;
    }
    lead.order = leads.size();
    leads.Keep();
  }
  CASESIFT_RETURN_IF_ERROR(reader.status());
  for (const std::string& in : inputs) {
    std::string name = in == "-" ? "<stdin>" : in;
    auto it = streamed.find(name);
    if (it != streamed.end()) {
      provenance.inputs.push_back(
          {name, it->second.second, FormatHash(it->second.first->Digest())});
      continue;
    }
    uint64_t size = 0;
    Result<uint64_t> h = HashFile(in, &size);
    if (!h.ok()) return h.status();
    provenance.inputs.push_back({in, size, FormatHash(*h)});
  }

  // Mask what the reports show, counting per lead (each report sums its own leads).
  std::string masked, field;
  for (size_t l = 0; l < leads.size(); ++l) {
    LoadedLead& lead = leads[l];
    auto mask = [&](std::string_view name, Cell* cell) {
      if (cell->kind == Cell::Kind::kNumber) {
        // Amounts and counts are never names; a number of 15 or 18 digits may be an ID.
        bool digits = (cell->text.size() == 15 || cell->text.size() == 18) &&
                      cell->text.find_first_not_of("0123456789") == std::string_view::npos;
        if (!digits) return false;
      }
      if (!masker.Mask(name, cell->text, &masked, &lead.masked)) return false;
      cell->text = arena.Keep(masked);
      cell->kind = Cell::Kind::kText;
      return true;
    };
    for (size_t b = 0; b < kBuiltinCount; ++b) {
      if (b == size_t(Builtin::kEvidence)) continue;
      Cell& cell = lead.builtin[b];
      Cell::Kind kind = cell.kind;
      if (mask(BuiltinName(static_cast<Builtin>(b)), &cell) && kind == Cell::Kind::kLevel) {
        cell.kind = kind;
      }
    }
    bool evidence_changed = false;
    for (auto& [name, cell] : lead.evidence) {
      field.assign("evidence.").append(name);
      evidence_changed = mask(field, &cell) || evidence_changed;
    }
    if (evidence_changed && join_evidence) JoinEvidence(&arena, &lead);
    for (size_t p = 0; p < lead.paths.size(); ++p) {
      mask(fields.paths()[p].text(), &lead.paths[p]);
    }
  }

  // Split: each value's leads, values in byte order. A report is named and titled by its
  // value masked like everything else (two people both 张* get two reports, told apart by
  // a number).
  std::map<std::string_view, std::vector<const LoadedLead*>> parts;
  if (options.split_by.empty()) {
    auto& all = parts[""];
    all.reserve(leads.size());
    for (size_t l = 0; l < leads.size(); ++l) all.push_back(&leads[l]);
  } else {
    for (size_t l = 0; l < leads.size(); ++l) {
      for (std::string_view v : leads[l].split_values) parts[v].push_back(&leads[l]);
    }
  }
  std::vector<std::string> shown;
  for (const auto& [value, part] : parts) {
    shown.push_back(masker.Mask(options.split_by, value, &masked) ? masked : std::string(value));
  }
  std::vector<std::string> paths = options.split_by.empty()
                                       ? std::vector<std::string>{common.output}
                                       : OutputNames(common.output, options.split_by, shown);
  if (parts.size() > 1) RaiseOpenFileLimit(parts.size());

  // Render each report into its temporary file; rename them all into place only when every
  // one is complete, so a failed run leaves none of them.
  std::vector<Pending> pending;
  size_t i = 0;
  for (const auto& [value, part] : parts) {
    const std::string& path = paths[i];
    spec.title = options.title.empty() ? "Leads" : options.title;
    if (!options.split_by.empty()) {
      std::string placeholder = "{" + options.split_by + "}";
      std::string label = shown[i].empty() ? "(none)" : shown[i];
      size_t at = spec.title.find(placeholder);
      if (at != std::string::npos) {
        spec.title.replace(at, placeholder.size(), label);
      } else {
        spec.title += " — " + label;
      }
    }
    MaskCount count;
    for (const LoadedLead* lead : part) count.Add(lead->masked);
    Report report = BuildReport(spec, part, masker.Summarize(count), provenance);
    if (!options.split_by.empty()) {
      report.split_field = options.split_by;
      report.split_value = shown[i];
    }
    std::string text;
    switch (*format) {
      case Format::kHtml:
        CASESIFT_RETURN_IF_ERROR(WriteHtml(report, &text));
        break;
      case Format::kMarkdown:
        WriteMarkdown(report, &text);
        break;
      case Format::kCsv:
        WriteCsv(report, {options.bom, !options.no_provenance}, &text);
        break;
      case Format::kJson:
        WriteJsonSummary(report, &text);
        break;
      case Format::kXlsx:
        CASESIFT_RETURN_IF_ERROR(XlsxBytes(report, created, &text));
        break;
      case Format::kTemplate:
        CASESIFT_RETURN_IF_ERROR(tmpl->Render(report, &masker, &text));
        break;
    }
    if (!to_stdout) {
      std::filesystem::path parent = std::filesystem::path(path).parent_path();
      std::error_code ec;
      if (!parent.empty()) std::filesystem::create_directories(parent, ec);
      if (ec) {
        return Status::IoError(
            fmt::format("cannot create the folder '{}': {}", parent.string(), ec.message()));
      }
    }
    Result<std::unique_ptr<Output>> out = Output::Open(path, OutputOptionsFor(common));
    if (!out.ok()) return out.status();
    CASESIFT_RETURN_IF_ERROR((*out)->Write(text));
    CASESIFT_RETURN_IF_ERROR((*out)->Flush());
    pending.push_back({path, std::move(*out), part.size()});
    ++i;
  }
  if (rejects) CASESIFT_RETURN_IF_ERROR(rejects->Commit());
  for (Pending& p : pending) CASESIFT_RETURN_IF_ERROR(p.out->Commit());
  bad.Finish(common.quiet);
  if (!options.split_by.empty() && pending.empty() && !common.quiet) {
    PrintMessage(fmt::format("no leads, so no report by {}", options.split_by));
  }
  if (!options.split_by.empty() && !common.quiet) {
    for (const Pending& p : pending) {
      PrintMessage(fmt::format("{}: {} lead{}", p.path, p.leads, p.leads == 1 ? "" : "s"));
    }
  }
  return Status::OK();
}

}  // namespace casesift
