#include "common/cause_list.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "common/pattern_set.h"

namespace casesift::embedded {
extern const std::string_view kCivilCauses2020Tsv;
}  // namespace casesift::embedded

namespace casesift {

struct CauseList::Data {
  std::string text;
  std::vector<Cause> causes;
  std::unordered_map<std::string_view, const Cause*> by_name;  // the deepest cause of a name
  std::array<size_t, 5> counts{};
  std::string_view version;
  std::vector<std::string_view> names;  // every name once; a pattern id indexes it
  // All names as one Hyperscan database, compiled on the first FindIn.
  std::once_flag compile_once;
  std::optional<PatternSet> name_set;
};

namespace {

// Strips ASCII spaces, U+3000 and U+00A0 from both ends.
std::string_view Trim(std::string_view s) {
  constexpr std::array<std::string_view, 6> kSpaces = {" ", "\t", "\r", "\n", "\u3000", "\u00a0"};
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view sp : kSpaces) {
      if (s.substr(0, sp.size()) == sp) {
        s.remove_prefix(sp.size());
        changed = true;
      }
      if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) {
        s.remove_suffix(sp.size());
        changed = true;
      }
    }
  }
  return s;
}

}  // namespace

CauseList::CauseList(std::unique_ptr<Data> data) : data_(std::move(data)) {}
CauseList::CauseList(CauseList&&) noexcept = default;
CauseList& CauseList::operator=(CauseList&&) noexcept = default;
CauseList::~CauseList() = default;

Result<CauseList> CauseList::Parse(std::string_view tsv) {
  auto data = std::make_unique<Data>();
  data->text = std::string(tsv);
  std::string_view rest = data->text;
  std::vector<size_t> parents;   // parent index per cause; SIZE_MAX at level 1
  std::array<size_t, 5> open{};  // the latest cause index at each level, +1
  std::array<std::unordered_map<std::string_view, size_t>, 5> seen;  // name -> line, per level
  size_t line_no = 0;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](const std::string& msg) {
      return Status::InvalidData(fmt::format("civil_causes.tsv:{}: {}", line_no, msg));
    };
    std::vector<std::string_view> f;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (f.size() != 5) {
      return fail(fmt::format(
          "expected 5 tab-separated fields (level, number, name, parent, version), found {}",
          f.size()));
    }
    if (f[0].size() != 1 || f[0][0] < '1' || f[0][0] > '4') {
      return fail(fmt::format("level '{}' is not 1, 2, 3 or 4", f[0]));
    }
    int level = f[0][0] - '0';
    if (f[1].empty() || f[2].empty() || f[4].empty()) {
      return fail("number, name and version must not be empty");
    }
    if (data->version.empty()) data->version = f[4];
    if (f[4] != data->version) {
      return fail(
          fmt::format("version '{}' differs from '{}' of the first row", f[4], data->version));
    }
    auto [it, inserted] = seen[level].emplace(f[2], line_no);
    if (!inserted) {
      return fail(
          fmt::format("duplicate level-{} cause '{}' (first on line {})", level, f[2], it->second));
    }
    size_t parent = SIZE_MAX;
    if (level == 1) {
      if (!f[3].empty()) return fail(fmt::format("level-1 cause '{}' has a parent", f[2]));
    } else {
      if (open[level - 1] == 0) {
        return fail(fmt::format("level-{} cause '{}' has no enclosing level-{} cause", level, f[2],
                                level - 1));
      }
      parent = open[level - 1] - 1;
      std::string_view enclosing = data->causes[parent].name;
      if (f[3] != enclosing) {
        return fail(fmt::format("parent '{}' of '{}' is not the enclosing level-{} cause ('{}')",
                                f[3], f[2], level - 1, enclosing));
      }
    }
    data->causes.push_back(Cause{level, f[1], f[2], nullptr, f[4]});
    parents.push_back(parent);
    open[level] = data->causes.size();
    for (int deeper = level + 1; deeper <= 4; ++deeper) open[deeper] = 0;
    ++data->counts[level];
  }
  for (size_t i = 0; i < data->causes.size(); ++i) {
    Cause& cause = data->causes[i];
    if (parents[i] != SIZE_MAX) cause.parent = &data->causes[parents[i]];
    auto [it, inserted] = data->by_name.emplace(cause.name, &cause);
    if (!inserted) {
      if (cause.level > it->second->level) it->second = &cause;
      continue;
    }
    data->names.push_back(cause.name);
  }
  return CauseList(std::move(data));
}

const CauseList& CauseList::Civil2020() {
  static const CauseList list = [] {
    Result<CauseList> parsed = Parse(embedded::kCivilCauses2020Tsv);
    if (parsed.ok()) return std::move(parsed).value();
    return std::move(Parse("")).value();
  }();
  return list;
}

std::string_view CauseList::version() const { return data_->version; }

const std::vector<Cause>& CauseList::causes() const { return data_->causes; }

size_t CauseList::CountAtLevel(int level) const {
  return level >= 1 && level <= 4 ? data_->counts[level] : 0;
}

const Cause* CauseList::Find(std::string_view name) const {
  auto it = data_->by_name.find(Trim(name));
  return it == data_->by_name.end() ? nullptr : it->second;
}

std::vector<const Cause*> CauseList::Chain(const Cause& cause) {
  std::vector<const Cause*> chain;
  for (const Cause* c = &cause; c != nullptr; c = c->parent) chain.insert(chain.begin(), c);
  return chain;
}

std::optional<CauseMatch> CauseList::FindIn(std::string_view text) const {
  Data& d = *data_;
  std::call_once(d.compile_once, [&d] {
    std::vector<PatternSet::Pattern> patterns;
    for (size_t i = 0; i < d.names.size(); ++i) {
      std::string regex;
      for (char c : d.names[i]) regex += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
      patterns.push_back({std::move(regex), static_cast<uint32_t>(i), /*start=*/false});
    }
    if (patterns.empty()) return;
    Result<PatternSet> set = PatternSet::Compile(patterns);
    if (set.ok()) d.name_set = std::move(set).value();
  });
  if (!d.name_set) return std::nullopt;
  thread_local std::vector<PatternHit> hits;
  hits.clear();
  d.name_set->Scan(text, &hits);
  // The longest name; of equally long ones, the first.
  // Hits carry only their ends (names are literals): the begin is the end less the name.
  const PatternHit* best = nullptr;
  size_t best_begin = 0;
  for (const PatternHit& h : hits) {
    size_t length = d.names[h.id].size(), begin = h.end - length;
    if (best == nullptr || length > d.names[best->id].size() ||
        (length == d.names[best->id].size() && begin < best_begin)) {
      best = &h;
      best_begin = begin;
    }
  }
  if (best == nullptr) return std::nullopt;
  return CauseMatch{best_begin, d.names[best->id].size(), Find(d.names[best->id])};
}

const Cause* FindCause(std::string_view name) { return CauseList::Civil2020().Find(name); }

bool IsListedCause(std::string_view name) { return CauseList::Civil2020().IsListed(name); }

std::vector<const Cause*> CauseChain(const Cause& cause) { return CauseList::Chain(cause); }

std::optional<CauseMatch> FindCauseIn(std::string_view text) {
  return CauseList::Civil2020().FindIn(text);
}

}  // namespace casesift
