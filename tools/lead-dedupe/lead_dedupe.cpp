#include "lead_dedupe.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <thread>

#include "clusterer.h"
#include "common/diagnostics.h"
#include "common/json_builder.h"
#include "common/jsonl_reader.h"
#include "common/path_pair.h"
#include "common/prefetch.h"
#include "common/run_date.h"
#include "dedupe_state.h"
#include "lead_set.h"
#include "lead_texts.h"

namespace casesift {

namespace {

// For the crash-safety test (tests/checks/lead_dedupe_sigkill.sh): with
// CASESIFT_TEST_KILL_AT=POINT:N in the environment, the process kills itself with SIGKILL
// the Nth time it reaches POINT (lead, output, state, commit, committed). Nothing else
// reads it; unset, each check is one comparison.
class KillPoints {
 public:
  KillPoints() {
    const char* spec = std::getenv("CASESIFT_TEST_KILL_AT");
    if (spec == nullptr) return;
    std::string_view s(spec);
    size_t colon = s.find(':');
    point_ = s.substr(0, colon);
    at_ = colon == std::string_view::npos ? 1 : std::strtoull(spec + colon + 1, nullptr, 10);
  }
  void Reach(std::string_view point) {
    if (point_.empty() || point != point_) return;
    if (++count_ == at_) std::raise(SIGKILL);
  }

 private:
  std::string point_;
  uint64_t at_ = 0, count_ = 0;
};

Status ReadVerdicts(const std::string& path, DedupeState* state, int64_t today,
                    uint64_t* recorded) {
  JsonlReader::Options options;
  options.inputs = {path};
  JsonlReader reader(options, nullptr);  // a malformed verdicts file stops the run
  JsonlReader::Record rec;
  while (reader.Next(&rec)) {
    std::string_view lead_id, verdict, rule;
    int64_t version = -1;
    if (rec.root["lead_id"].get_string().get(lead_id) != simdjson::SUCCESS || lead_id.empty()) {
      return JsonlReader::ErrorAt(rec, 0, "a verdict needs the \"lead_id\" (a string) it is about");
    }
    simdjson::dom::element v;
    if (rec.root["verdict"].get(v) != simdjson::SUCCESS || v.is_null()) continue;  // unreviewed
    if (v.get_string().get(verdict) != simdjson::SUCCESS || (verdict != "tp" && verdict != "fp")) {
      return JsonlReader::ErrorAt(
          rec, 0, "\"verdict\" must be \"tp\" (a true positive), \"fp\" or null (not reviewed)");
    }
    if (rec.root["rule"].get_string().get(rule) != simdjson::SUCCESS) rule = {};
    if (rec.root["rule_version"].get(v) == simdjson::SUCCESS && !v.is_null() &&
        v.get_int64().get(version) != simdjson::SUCCESS) {
      return JsonlReader::ErrorAt(rec, 0, "\"rule_version\" must be a whole number");
    }
    CASESIFT_RETURN_IF_ERROR(state->RecordVerdict(lead_id, verdict, rule, version, today));
    ++*recorded;
  }
  return reader.status();
}

// Reads a whole file; on failure errno says why.
Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status::FromErrno(fmt::format("cannot read the pending output '{}'", path), errno);
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::FromErrno(fmt::format("cannot read '{}'", path), errno);
  return Status::OK();
}

Result<std::vector<FieldPath>> ParsePaths(const std::vector<std::string>& texts,
                                          const char* option) {
  std::vector<FieldPath> paths;
  for (const std::string& text : texts) {
    Result<FieldPath> path = FieldPath::Parse(text);
    if (!path.ok()) {
      return Status::Usage(fmt::format("{} '{}': {}", option, text, path.status().message()));
    }
    paths.push_back(std::move(*path));
  }
  return paths;
}

Status CheckOptions(const LeadDedupeOptions& o, const CommonOptions& common) {
  if (o.state.empty()) {
    auto needs_state = [](bool given, const char* option) {
      return given ? Status::Usage(fmt::format("{} needs --state FILE (the state it reads or "
                                               "changes)",
                                               option))
                   : Status::OK();
    };
    CASESIFT_RETURN_IF_ERROR(needs_state(o.all, "--all"));
    CASESIFT_RETURN_IF_ERROR(needs_state(!o.repeat_after.empty(), "--repeat-after"));
    CASESIFT_RETURN_IF_ERROR(needs_state(o.dry_run, "--dry-run"));
    CASESIFT_RETURN_IF_ERROR(needs_state(!o.verdicts.empty(), "--verdicts"));
    CASESIFT_RETURN_IF_ERROR(needs_state(o.export_state, "--export"));
    CASESIFT_RETURN_IF_ERROR(needs_state(!o.expire.empty(), "--expire"));
    CASESIFT_RETURN_IF_ERROR(needs_state(o.wait > 0, "--wait"));
  }
  if (o.cluster.empty() && !o.compare.empty()) {
    return Status::Usage("--compare goes with --cluster (the names it supports)");
  }
  if (o.export_state && !common.inputs.empty()) {
    return Status::Usage("--export writes the state and reads no leads: give no input file");
  }
  if (o.wait < 0) return Status::Usage("--wait: expected seconds, 0 or more");
  if (!(o.min_score >= 0 && o.min_score <= 1)) {  // NaN too
    return Status::Usage("--min-score: expected a number from 0 to 1");
  }
  return Status::OK();
}

}  // namespace

Status RunLeadDedupe(const LeadDedupeOptions& options, const CommonOptions& common) {
  CASESIFT_RETURN_IF_ERROR(CheckOptions(options, common));
  Result<std::vector<FieldPath>> keys =
      ParsePaths(options.keys.empty() ? std::vector<std::string>{"lead_id"} : options.keys, "-k");
  if (!keys.ok()) return keys.status();
  ClusterSpec cluster;
  cluster.min_score = options.min_score;
  if (Result<std::vector<FieldPath>> names = ParsePaths(options.cluster, "--cluster"); names.ok()) {
    cluster.names = std::move(*names);
  } else {
    return names.status();
  }
  for (const std::string& text : options.compare) {
    Result<PathPair> pair = ParsePathPair(text, "--compare");
    if (!pair.ok()) return pair.status();
    cluster.compare.push_back(std::move(*pair));
  }
  Result<int64_t> today = RunDate(options.as_of);
  if (!today.ok()) return today.status();
  std::optional<int64_t> repeat_after;
  if (!options.repeat_after.empty()) {
    repeat_after = ParseDaySpan(options.repeat_after);
    if (!repeat_after) {
      return Status::Usage(fmt::format(
          "--repeat-after {}: expected a span such as 30d, 6w, 3m or 1y", options.repeat_after));
    }
  }
  std::optional<int64_t> expire_before;
  if (!options.expire.empty()) {
    expire_before = IsoDateDays(options.expire);
    if (!expire_before) {
      if (std::optional<int64_t> span = ParseDaySpan(options.expire)) {
        expire_before = *today - *span;
      } else {
        return Status::Usage(fmt::format(
            "--expire {}: expected a date (YYYY-MM-DD) or a span back from today (365d, 1y)",
            options.expire));
      }
    }
  }
  const NameNormalizer* norm = nullptr;
  if (!cluster.names.empty()) {
    Result<const NameNormalizer*> n = NameNormalizer::Get();
    if (!n.ok()) return n.status();
    norm = *n;
  }
  KillPoints kill;

  // The inputs checked and the output opened first (a missing file changes no state), then
  // the state: its lock is held before any lead is read.
  Result<std::unique_ptr<Stream>> stream = Stream::Open(common);
  if (!stream.ok()) return stream.status();
  Output& out = (*stream)->out();
  std::unique_ptr<DedupeState> state;
  // --export alone only reads: like a dry run it takes no lock and records no run, and a
  // state that is not there is a mistake (a mistyped name), not an empty state.
  const bool read_only = options.dry_run || (options.export_state && options.verdicts.empty() &&
                                             options.expire.empty());
  if (read_only && options.export_state && ::access(options.state.c_str(), F_OK) != 0) {
    return Status::FromErrno(fmt::format("cannot open the state '{}'", options.state), errno);
  }
  if (!options.state.empty()) {
    DedupeState::Options so{options.state, options.wait, read_only};
    Result<std::unique_ptr<DedupeState>> opened = DedupeState::Open(so);
    if (!opened.ok()) return opened.status();
    state = std::move(*opened);
  }
  DedupeState::RunCounts counts;
  counts.as_of = *today;
  if (!options.verdicts.empty()) {
    CASESIFT_RETURN_IF_ERROR(ReadVerdicts(options.verdicts, state.get(), *today, &counts.verdicts));
  }
  if (expire_before) {
    Result<uint64_t> expired = state->Expire(*expire_before);
    if (!expired.ok()) return expired.status();
    counts.expired = *expired;
    PrintMessage(fmt::format("{} {} key{} last seen before {}",
                             options.dry_run ? "would expire" : "expired", *expired,
                             *expired == 1 ? "" : "s", IsoDate(*expire_before)));
  }

  bool maintenance = options.export_state || !options.verdicts.empty() || expire_before;
  if (options.export_state) {
    CASESIFT_RETURN_IF_ERROR(state->Export(&out));
  }
  if (maintenance && common.inputs.empty()) {
    CASESIFT_RETURN_IF_ERROR((*stream)->Finish());
    return state->Commit(counts);
  }

  // Outputs that earlier runs committed but never renamed into place (they died in
  // between) hold leads the state counts as pushed: they go out first, once.
  std::vector<std::string> carried;  // removed once this run's output holds them
  if (state && !options.dry_run) {
    Result<std::vector<std::pair<int64_t, std::string>>> pending = state->PendingOutputs();
    if (!pending.ok()) return pending.status();
    for (const auto& [run, path] : *pending) {
      std::string bytes;
      if (Status read = ReadWholeFile(path, &bytes); read.ok()) {
        CASESIFT_RETURN_IF_ERROR(out.Write(bytes));
        if (!common.quiet) {
          PrintMessage(
              fmt::format("the output of run {} never reached its place: its leads "
                          "are written first",
                          run));
        }
      } else if (errno != ENOENT) {
        // Gone means renamed into place (delivered); anything else leaves the mark for a
        // run that can read it: its leads are counted as pushed.
        return read;
      }
      CASESIFT_RETURN_IF_ERROR(state->ClearPending(run));
      carried.push_back(path);
    }
  }
  // Collapse the run's leads by key. The first leads' texts are read back from the input
  // files at the end when they can be (LeadTexts), not held.
  std::unique_ptr<LeadTexts> texts = LeadTexts::Open(common.inputs);
  LeadSet leads(std::move(*keys), texts.get());
  // With -j 2 the state's keys are read on the second core while the leads are read here.
  if (state && options.jobs > 1) state->PrefetchKeys();
  JsonlReader& reader = (*stream)->reader();
  BadRecords& bad = (*stream)->bad_records();
  JsonlReader::Record rec;
  while (reader.Next(&rec)) {
    Status added = leads.Add(rec);
    if (added.IsInvalidData()) {
      CASESIFT_RETURN_IF_ERROR(bad.Reject(JsonlReader::ErrorAt(rec, 0, added.message()), rec.text));
    } else if (!added.ok()) {
      return added;
    }
    kill.Reach("lead");
  }
  CASESIFT_RETURN_IF_ERROR(reader.status());
  leads.Finish();
  const size_t n = leads.size();
  counts.leads_in = leads.input_leads();
  counts.keys = n;

  std::optional<Clusterer> clusters;
  if (norm != nullptr) {
    clusters.emplace(cluster, *norm);
    simdjson::dom::parser parser;
    for (size_t i = 0; i < n; ++i) {
      simdjson::dom::element root;
      std::string_view text;
      CASESIFT_RETURN_IF_ERROR(texts->Read(leads[i].text, &text));
      // The text parsed once already (the same bytes: LeadTexts checks them).
      if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) {
        return Status::IoError("a lead could not be parsed a second time");
      }
      clusters->Add(root, leads[i].key);
    }
    CASESIFT_RETURN_IF_ERROR(clusters->Run());
  }

  // The keys in id order as the state sorts them (signed): the table's pages are then read
  // and written once, in order. What the decisions and the keys table need of each key is
  // gathered in one pass over the leads (in order) and sorted with the id, so that the
  // leads are visited at random only for the names of new and changed keys.
  enum Decision : uint8_t { kHeld, kNew, kChanged, kRepeat };
  struct Shown {  // what a written lead's dedupe member says
    uint8_t decision = kNew;
    int32_t first_seen = 0;  // days
    int64_t seen_count = 0, runs = 0;
  };
  std::vector<Shown> shown;
  ReserveHugePages(&shown, n);
  shown.resize(n);
  // A key and then, once its row is read, what the state will hold of it.
  struct ById {
    int64_t id;
    uint64_t check, members_hash;
    int64_t seen_count;  // this run's leads, then with the stored count
    int64_t runs;
    uint32_t index, members;
    int32_t first_seen, last_emitted;  // days; -1: never emitted
    int8_t level;
    uint8_t decision;
    bool found;  // the key was in the state
    bool operator<(const ById& o) const { return id < o.id; }
  };
  std::vector<ById> by_id;
  if (state) {
    ReserveHugePages(&by_id, n);
    for (uint32_t i = 0; i < n; ++i) {
      const MergedLead& lead = leads[i];
      by_id.push_back({static_cast<int64_t>(lead.key_hash), lead.check_hash, lead.members_hash,
                       static_cast<int64_t>(lead.leads), 0, i, lead.members, 0, -1, lead.level,
                       kNew, false});
    }
    if (options.jobs > 1) {
      // Ids are hashes, so the negative ones are about half: each half is sorted on its own
      // core, and the two follow each other in order (the order of one sort).
      auto middle =
          std::partition(by_id.begin(), by_id.end(), [](const ById& key) { return key.id < 0; });
      std::thread upper([&] { std::sort(middle, by_id.end()); });
      std::sort(by_id.begin(), middle);
      upper.join();
    } else {
      std::sort(by_id.begin(), by_id.end());
    }
    auto key_of = [&](size_t k) {
      return DedupeState::KeyId{static_cast<uint64_t>(by_id[k].id), by_id[k].check};
    };
    auto decide = [&](size_t k, const DedupeState::Row& stored) {
      ById& key = by_id[k];
      DedupeState::Row row = stored;
      if (options.dry_run && expire_before && row.found && row.last_seen < *expire_before) {
        row = DedupeState::Row();  // what the run would write once --expire removed it
      }
      uint8_t decision;
      if (state->HasFalsePositives() && !leads[key.index].lead_id.empty() &&
          state->IsFalsePositive(leads[key.index].lead_id)) {
        ++counts.false_positives;
        decision = kHeld;
      } else if (!row.found || row.last_emitted < 0) {
        decision = kNew;  // never pushed before
      } else if (row.members_hash != key.members_hash || key.level > row.level) {
        decision = kChanged;
      } else if (options.all || (repeat_after && *today - row.last_emitted >= *repeat_after)) {
        decision = kRepeat;
      } else {
        decision = kHeld;
        ++counts.suppressed;
      }
      counts.fresh += decision == kNew;
      counts.changed += decision == kChanged;
      counts.repeats += decision == kRepeat;
      key.decision = decision;
      key.found = row.found;
      key.first_seen = static_cast<int32_t>(row.found ? row.first_seen : *today);
      key.last_emitted = static_cast<int32_t>(row.last_emitted);
      key.seen_count += row.seen_count;
      key.runs = row.runs + 1;
      shown[key.index] = {decision, key.first_seen, key.seen_count, key.runs};
      return Status::OK();
    };
    CASESIFT_RETURN_IF_ERROR(state->LookupSorted(n, key_of, decide));
  }
  // The state's rows written in id order: before the output (one thread), or on a second
  // thread while the output is written (-j 2); the commit waits for both either way.
  auto write_state = [&](const std::stop_token& stop) -> Status {
    auto key_row = [&](size_t k, DedupeState::Update* u, bool* found) {
      const ById& key = by_id[k];
      u->id = static_cast<uint64_t>(key.id);
      u->check = key.check;
      u->members = key.members;
      u->members_hash = key.members_hash;
      u->level = key.level;
      u->first_seen = key.first_seen;
      u->last_seen = *today;
      u->last_emitted = key.decision != kHeld ? *today : key.last_emitted;
      u->seen_count = key.seen_count;
      u->runs = key.runs;
      *found = key.found;
    };
    CASESIFT_RETURN_IF_ERROR(state->WriteKeys(n, key_row));
    if (stop.stop_requested()) return Status::OK();  // the run failed: nothing commits
    // The key's text and names only when they are new or may have changed.
    auto needs_names = [&](const ById& key) {
      return !key.found || key.decision == kNew || key.decision == kChanged || clusters;
    };
    auto names_row = [&](size_t k, DedupeState::Update* u, bool* found) {
      const ById& key = by_id[k];
      if (k + 16 < n && needs_names(by_id[k + 16])) {
        // The leads are visited at random: one is asked for ahead of its turn.
        const MergedLead* ahead = &leads[by_id[k + 16].index];
        PrefetchLine(ahead);
        PrefetchLine(reinterpret_cast<const char*>(ahead) + 64);
      }
      if (needs_names(key)) {
        const MergedLead& lead = leads[key.index];
        u->id = static_cast<uint64_t>(key.id);
        u->info = true;
        u->key = lead.key;
        u->lead_id = lead.lead_id;
        u->rule = lead.rule;
        u->rule_version = lead.rule_version;
        if (clusters) u->cluster = clusters->ClusterOf(key.index);
      }
      *found = key.found;
      kill.Reach("state");
    };
    CASESIFT_RETURN_IF_ERROR(state->WriteNames(n, names_row));
    return Status::OK();
  };
  Status written;
  std::atomic<bool> writing_failed{false};
  std::jthread writer;  // a return before its join stops it and waits for it
  if (state && options.jobs > 1) {
    writer = std::jthread([&](const std::stop_token& stop) {
      written = write_state(stop);
      if (!written.ok()) writing_failed = true;
    });
  } else if (state) {
    CASESIFT_RETURN_IF_ERROR(write_state(std::stop_token()));
  }

  // Write, in the order of the keys' first leads.
  std::string dedupe, line;
  for (size_t i = 0; i < n && !writing_failed.load(std::memory_order_relaxed); ++i) {
    const Shown& s = shown[i];
    if (s.decision == kHeld) continue;
    const MergedLead& lead = leads[i];
    dedupe.clear();
    JsonBuilder b(&dedupe);
    b.BeginObject();
    if (state) {
      b.Key("status").String(s.decision == kNew       ? "new"
                             : s.decision == kChanged ? "changed"
                                                      : "repeat");
      b.Key("first_seen").String(IsoDate(s.first_seen));
      b.Key("last_seen").String(IsoDate(*today));
      b.Key("seen_count").Uint(static_cast<uint64_t>(s.seen_count));
      b.Key("runs").Uint(static_cast<uint64_t>(s.runs));
    } else {
      b.Key("seen_count").Uint(lead.leads);
    }
    if (clusters) {
      b.Key("cluster").String(clusters->ClusterOf(i)).Key("members").Uint(clusters->MembersOf(i));
    }
    b.EndObject();
    std::string_view text;
    CASESIFT_RETURN_IF_ERROR(texts->Read(lead.text, &text));
    leads.Render(i, text, dedupe, &line);
    CASESIFT_RETURN_IF_ERROR(out.WriteRecord(line));
    kill.Reach("output");
  }
  if (writer.joinable()) writer.join();
  CASESIFT_RETURN_IF_ERROR(written);

  // The output complete and on disk, recorded with the commit, then put in place: a run
  // that dies before the commit changes nothing (its leads come again); one that dies
  // after it leaves its output for the next run to carry (PendingOutputs).
  if (state) {
    Result<std::string> sealed = out.Seal();
    if (!sealed.ok()) return sealed.status();
    CASESIFT_RETURN_IF_ERROR((*stream)->FinishRejects());  // no rejected line lost either
    if (!sealed->empty()) counts.output = std::filesystem::absolute(*sealed).string();
    kill.Reach("commit");
    CASESIFT_RETURN_IF_ERROR(state->Commit(counts));
    kill.Reach("committed");
  }
  CASESIFT_RETURN_IF_ERROR((*stream)->Finish());
  if (state) {
    kill.Reach("renamed");
    for (const std::string& path : carried) ::unlink(path.c_str());
    if (!counts.output.empty()) {
      // Best effort: a run that finds the file gone clears the mark itself.
      (void)state->ClearPending(state->run());
    }
    if (!common.quiet) {
      PrintMessage(fmt::format(
          "{}{} lead{} in {} key{}: {} new, {} changed, {} repeat{} written; {} repeat{} and {} "
          "false positive{} held back",
          options.dry_run ? "dry run (state unchanged): " : "", counts.leads_in,
          counts.leads_in == 1 ? "" : "s", counts.keys, counts.keys == 1 ? "" : "s", counts.fresh,
          counts.changed, counts.repeats, counts.repeats == 1 ? "" : "s", counts.suppressed,
          counts.suppressed == 1 ? "" : "s", counts.false_positives,
          counts.false_positives == 1 ? "" : "s"));
    }
  }
  return Status::OK();
}

}  // namespace casesift
