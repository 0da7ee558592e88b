#include "common/record_splice.h"

#include <cstring>
#include <vector>

#include "common/json_builder.h"

namespace casesift {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Index just past the string whose opening quote is at s[i].
size_t SkipString(std::string_view s, size_t i) {
  const char* data = s.data();
  const size_t n = s.size();
  auto find = [&](char c, size_t from, size_t to) {
    const void* p = std::memchr(data + from, c, to - from);
    return p == nullptr ? to : static_cast<size_t>(static_cast<const char*>(p) - data);
  };
  // The next quote, then the backslashes before it (most strings have none); an escape
  // that swallows the quote sends the search on to the next one.
  ++i;
  if (i >= n) return n;
  size_t quote = find('"', i, n);
  while (true) {
    size_t backslash = find('\\', i, quote);
    if (backslash == quote) return quote == n ? n : quote + 1;
    i = backslash + 2;
    if (i >= n) return n;
    if (i > quote) quote = find('"', i, n);
  }
}

// Index just past the value starting at s[i] (no leading whitespace).
size_t SkipValue(std::string_view s, size_t i) {
  if (s[i] == '"') return SkipString(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (c == '"') {
        i = SkipString(s, i) - 1;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return s.size();
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !IsSpace(s[i])) ++i;
  return i;
}

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

struct ValueRange {
  size_t member;      // where the member's key starts
  size_t begin, end;  // its value
  size_t next;        // where the next member's key starts, or the closing brace
  size_t field;       // index into fields
};

// Finds the top-level members named like one of `fields`, in text order.
void FindMembers(std::string_view rec, std::span<const SplicedField> fields,
                 std::vector<ValueRange>* found) {
  size_t i = SkipSpace(rec, 0);
  if (i >= rec.size() || rec[i] != '{') return;
  i = SkipSpace(rec, i + 1);
  while (i < rec.size() && rec[i] == '"') {
    size_t member = i;
    size_t key_end = SkipString(rec, i);
    std::string_view key = rec.substr(i + 1, key_end - i - 2);
    i = SkipSpace(rec, key_end);
    if (i >= rec.size() || rec[i] != ':') return;
    i = SkipSpace(rec, i + 1);
    if (i >= rec.size()) return;
    size_t value_end = SkipValue(rec, i);
    size_t first_new = found->size();
    for (size_t f = 0; f < fields.size(); ++f) {
      if (fields[f].name == key) found->push_back({member, i, value_end, 0, f});
    }
    i = SkipSpace(rec, value_end);
    bool more = i < rec.size() && rec[i] == ',';
    if (more) i = SkipSpace(rec, i + 1);
    for (size_t k = first_new; k < found->size(); ++k) (*found)[k].next = more ? i : value_end;
    if (!more) return;
  }
}

// The object's closing brace.
size_t ClosingBrace(std::string_view record) {
  size_t close = record.size();
  while (close > 0 && record[close - 1] != '}') --close;
  return close - 1;
}

// Whether the object written so far to *out is empty: looking back over whitespace for
// its opening '{'.
bool EmptySoFar(const std::string& out) {
  size_t k = out.size();
  while (k > 0 && IsSpace(out[k - 1])) --k;
  return k > 0 && out[k - 1] == '{';
}

}  // namespace

// A cheap filter that keeps the structural scan off the common path.
bool MayHaveMember(std::string_view rec, std::string_view name) {
  if (name.empty()) return rec.find("\"\"") != std::string_view::npos;
  for (size_t pos = rec.find(name); pos != std::string_view::npos; pos = rec.find(name, pos + 1)) {
    if (pos > 0 && rec[pos - 1] == '"' && pos + name.size() < rec.size() &&
        rec[pos + name.size()] == '"') {
      return true;
    }
  }
  return false;
}

void BeginNewMember(std::string_view record, std::string_view name, std::string* out) {
  out->append(record.substr(0, ClosingBrace(record)));
  if (!EmptySoFar(*out)) out->push_back(',');
  AppendJsonString(out, name);
  out->push_back(':');
}

void EndNewMember(std::string_view record, std::string* out) {
  out->append(record.substr(ClosingBrace(record)));
}

void SpliceFields(std::string_view record, std::span<const SplicedField> fields, std::string* out) {
  thread_local std::vector<ValueRange> found;
  thread_local std::vector<bool> replaced;
  found.clear();
  replaced.assign(fields.size(), false);
  for (const SplicedField& f : fields) {
    if (MayHaveMember(record, f.name)) {
      FindMembers(record, fields, &found);
      break;
    }
  }
  // At most the record without the values replaced, and every new member (an escaped name
  // takes at most 6 bytes a byte): one allocation rather than one per doubling.
  size_t most = out->size() + record.size() + 2;
  for (const ValueRange& r : found) most -= r.end - r.begin;
  for (const SplicedField& f : fields) most += f.json.size() + 6 * f.name.size() + 4;
  out->reserve(most);
  size_t brace = ClosingBrace(record);
  size_t pos = 0;
  for (const ValueRange& r : found) {
    replaced[r.field] = true;
    if (fields[r.field].json.empty()) {
      // Remove the member with the comma after it (or, for the last, the one before it).
      bool last = r.next == r.end;
      if (last) {
        size_t k = r.member;
        while (k > pos && IsSpace(record[k - 1])) --k;
        if (k > pos && record[k - 1] == ',') --k;
        out->append(record.substr(pos, k - pos));
      } else {
        out->append(record.substr(pos, r.member - pos));
      }
      pos = last ? r.end : r.next;
      continue;
    }
    out->append(record.substr(pos, r.begin - pos));
    out->append(fields[r.field].json);
    pos = r.end;
  }
  out->append(record.substr(pos, brace - pos));
  bool empty = EmptySoFar(*out);
  for (size_t f = 0; f < fields.size(); ++f) {
    if (replaced[f] || fields[f].json.empty()) continue;
    if (!empty) out->push_back(',');
    empty = false;
    AppendJsonString(out, fields[f].name);
    out->push_back(':');
    out->append(fields[f].json);
  }
  out->append(record.substr(brace));
}

}  // namespace casesift
