#include "rule_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/json_builder.h"
#include "rules.h"
#include "suggest.h"

namespace casesift {

namespace fs = std::filesystem;

Location Source::At(const YAML::Mark& mark, size_t extra_columns) const {
  if (mark.line < 0) return {file_, 0, 0};
  return {file_, static_cast<uint64_t>(mark.line) + 1,
          static_cast<uint64_t>(mark.column) + 1 + extra_columns};
}

std::string_view Source::Line(const YAML::Mark& mark) const {
  if (mark.line < 0 || static_cast<size_t>(mark.line) >= lines_.size()) return {};
  return lines_[static_cast<size_t>(mark.line)];
}

bool IsPlain(const YAML::Node& node) { return node.Tag() == "?"; }

std::optional<Value> Literal(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (IsPlain(node)) {
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return std::nullopt;
    if (s == "true" || s == "True" || s == "TRUE") return Value::Bool(true);
    if (s == "false" || s == "False" || s == "FALSE") return Value::Bool(false);
    if (std::optional<double> d = ParseDecimal(s)) return Value::Number(*d);
  }
  return Value::String(s);
}

void ToJson(const YAML::Node& node, JsonBuilder& b) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      b.BeginObject();
      for (const auto& kv : node) {
        b.Key(kv.first.Scalar());
        ToJson(kv.second, b);
      }
      b.EndObject();
      break;
    case YAML::NodeType::Sequence:
      b.BeginArray();
      for (const auto& item : node) ToJson(item, b);
      b.EndArray();
      break;
    case YAML::NodeType::Scalar: {
      std::optional<Value> v = Literal(node);
      if (!v) {
        b.Null();
      } else if (v->kind == Value::Kind::kBool) {
        b.Bool(v->boolean);
      } else if (v->kind == Value::Kind::kNumber) {
        b.Raw(node.Scalar());  // as written: 500000.00 stays exact
      } else {
        b.String(v->string);
      }
      break;
    }
    default:
      b.Null();
  }
}

namespace {

void AppendCanonical(const YAML::Node& node, std::string* out) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      std::vector<std::pair<std::string, std::string>> entries;
      for (const auto& kv : node) {
        std::string key, value;
        AppendCanonical(kv.first, &key);
        AppendCanonical(kv.second, &value);
        entries.emplace_back(std::move(key), std::move(value));
      }
      std::sort(entries.begin(), entries.end());
      *out += '{';
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) *out += ',';
        *out += entries[i].first;
        *out += ':';
        *out += entries[i].second;
      }
      *out += '}';
      break;
    }
    case YAML::NodeType::Sequence: {
      *out += '[';
      bool first = true;
      for (const auto& item : node) {
        if (!first) *out += ',';
        first = false;
        AppendCanonical(item, out);
      }
      *out += ']';
      break;
    }
    case YAML::NodeType::Scalar: {
      // Typed as Literal types it: "民间借贷纠纷" quoted or not is one string, 100000 plain a
      // number (as written) and "100000" quoted a string.
      std::optional<Value> v = Literal(node);
      if (!v) {
        *out += '~';
      } else if (v->kind == Value::Kind::kString) {
        AppendJsonString(out, v->string);
      } else {
        *out += v->kind == Value::Kind::kBool ? (v->boolean ? "true" : "false") : node.Scalar();
      }
      break;
    }
    default:
      *out += '~';
  }
}

}  // namespace

std::string CanonicalText(const YAML::Node& node) {
  std::string out;
  AppendCanonical(node, &out);
  return out;
}

Status CollectFiles(const std::string& path, std::vector<std::string>* files) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st))
    return Status::IoError(fmt::format("{}: no such file or folder", path));
  if (!fs::is_directory(st)) {
    files->push_back(path);
    return Status::OK();
  }
  std::vector<std::string> found;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (it->is_regular_file() && (p.extension() == ".yaml" || p.extension() == ".yml")) {
      found.push_back(p.string());
    }
  }
  if (ec) return Status::IoError(fmt::format("{}: {}", path, ec.message()));
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
  return Status::OK();
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("{}: cannot open", path));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Status::IoError(fmt::format("{}: cannot read", path));
  *out = s.str();
  return Status::OK();
}

std::vector<ParsedFile> ParseFiles(const std::vector<std::string>& files, unsigned threads) {
  std::vector<ParsedFile> parsed(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      ParsedFile& p = parsed[i];
      p.read = ReadFile(files[i], &p.text);
      if (!p.read.ok()) continue;
      try {
        p.docs = YAML::LoadAll(p.text);
      } catch (const YAML::Exception& e) {
        p.error = e;
      }
    }
  };
  threads = static_cast<unsigned>(std::clamp<size_t>(threads, 1, files.size()));
  std::vector<std::thread> extra;
  for (unsigned t = 1; t < threads; ++t) extra.emplace_back(work);
  work();
  for (std::thread& t : extra) t.join();
  return parsed;
}

Status LoadLists(const std::string& dir, std::map<std::string, std::vector<Value>>* lists) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::IoError(fmt::format("{}: not a folder", dir));
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::string text;
    CASESIFT_RETURN_IF_ERROR(ReadFile(p.string(), &text));
    std::vector<Value> values;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t a = line.find_first_not_of(" \t"), b = line.find_last_not_of(" \t");
      if (a == std::string::npos || line[a] == '#') continue;
      values.push_back(Value::String(line.substr(a, b - a + 1)));
    }
    (*lists)[p.stem().string()] = std::move(values);
  }
  return Status::OK();
}

Status ResolveLists(const std::map<std::string, std::vector<Value>>& lists,
                    std::vector<Entry>* entries) {
  for (Entry& e : *entries) {
    for (const Entry::ListRef& ref : e.lists) {
      auto it = lists.find(ref.name);
      if (it == lists.end()) {
        std::vector<std::string> names;
        for (const auto& [n, v] : lists) names.push_back(n);
        std::string hint = Suggest(ref.name, names);
        return Status::Usage(
                   fmt::format("no list named '@{}'{}", ref.name,
                               hint.empty() ? "" : fmt::format(" (did you mean '@{}'?)", hint)))
            .At(ref.location, ref.source_line);
      }
      e.literals.insert(e.literals.end(), it->second.begin(), it->second.end());
    }
    if (e.norm && e.op != Entry::Op::kRe) {
      const NameNormalizer& normalizer = **NameNormalizer::Get();  // it started for |norm
      for (Value& l : e.literals) {
        if (l.kind == Value::Kind::kString) l.string = normalizer.Normalize(l.string, *e.norm);
      }
    }
    for (auto& alt : e.nested) CASESIFT_RETURN_IF_ERROR(ResolveLists(lists, &alt));
  }
  return Status::OK();
}

}  // namespace casesift
