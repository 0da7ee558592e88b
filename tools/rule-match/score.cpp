#include "score.h"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "common/bad_records.h"
#include "common/cli.h"
#include "common/json_builder.h"
#include "common/jsonl_reader.h"
#include "common/output.h"

namespace casesift {
namespace {

struct Counts {
  uint64_t tp = 0, fp = 0, unreviewed = 0;
  void Add(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    unreviewed += o.unreviewed;
  }
  std::optional<double> precision() const {
    if (tp + fp == 0) return std::nullopt;
    return static_cast<double>(tp) / static_cast<double>(tp + fp);
  }
};

std::string Row(const std::string& rule, std::optional<int64_t> version, const Counts& c,
                bool json) {
  std::optional<double> p = c.precision();
  if (!json) {
    return fmt::format("{:<32} {:>7} {:>7} {:>7} {:>10} {:>9}", rule,
                       version ? std::to_string(*version) : "all", c.tp, c.fp, c.unreviewed,
                       p ? fmt::format("{:.3f}", *p) : "-");
  }
  std::string out;
  JsonBuilder b(&out);
  b.BeginObject().Key("rule").String(rule).Key("version");
  version ? b.Int(*version) : b.Null();
  b.Key("tp").Uint(c.tp).Key("fp").Uint(c.fp).Key("unreviewed").Uint(c.unreviewed);
  b.Key("precision");
  p ? b.Double(*p) : b.Null();
  b.EndObject();
  return out;
}

}  // namespace

Status RunScore(const std::string& verdicts, bool json, const CommonOptions& common) {
  CommonOptions options = common;
  options.inputs = {verdicts};
  Result<std::unique_ptr<Stream>> stream = Stream::Open(options);
  if (!stream.ok()) return stream.status();
  JsonlReader& reader = (*stream)->reader();
  BadRecords& bad = (*stream)->bad_records();
  Output& out = (*stream)->out();

  std::map<std::string, std::map<int64_t, Counts>> scores;
  JsonlReader::Record rec;
  while (reader.Next(&rec)) {
    std::string_view rule, verdict;
    int64_t version = 0;
    if (rec.root["rule"].get_string().get(rule) != simdjson::SUCCESS) {
      CASESIFT_RETURN_IF_ERROR(bad.Reject(
          reader.ErrorAt(rec, 0, "a marked lead needs its \"rule\" (a string)"), rec.text));
      continue;
    }
    if (rec.root["rule_version"].get_int64().get(version) != simdjson::SUCCESS) {
      CASESIFT_RETURN_IF_ERROR(bad.Reject(
          reader.ErrorAt(rec, 0, "a marked lead needs its \"rule_version\" (a whole number)"),
          rec.text));
      continue;
    }
    Counts& c = scores[std::string(rule)][version];
    simdjson::dom::element v;
    if (rec.root["verdict"].get(v) != simdjson::SUCCESS || v.is_null()) {
      ++c.unreviewed;
    } else if (v.get_string().get(verdict) == simdjson::SUCCESS &&
               (verdict == "tp" || verdict == "fp")) {
      ++(verdict == "tp" ? c.tp : c.fp);
    } else {
      CASESIFT_RETURN_IF_ERROR(bad.Reject(
          reader.ErrorAt(rec, 0, "\"verdict\" must be \"tp\" or \"fp\" (or absent)"), rec.text));
    }
  }
  CASESIFT_RETURN_IF_ERROR(reader.status());

  if (!json) {
    CASESIFT_RETURN_IF_ERROR(
        out.WriteRecord(fmt::format("{:<32} {:>7} {:>7} {:>7} {:>10} {:>9}", "rule", "version",
                                    "tp", "fp", "unreviewed", "precision")));
  }
  for (const auto& [rule, versions] : scores) {
    Counts total;
    for (const auto& [version, c] : versions) {
      CASESIFT_RETURN_IF_ERROR(out.WriteRecord(Row(rule, version, c, json)));
      total.Add(c);
    }
    CASESIFT_RETURN_IF_ERROR(out.WriteRecord(Row(rule, std::nullopt, total, json)));
  }
  return (*stream)->Finish();
}

}  // namespace casesift
