#include "common/json_builder.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cmath>
#include <cstdint>
#include <cstring>

#include "common/utf8.h"

namespace casesift {
namespace {

// Whether every byte of `s` is printable ASCII other than '"' and '\\', so that the JSON
// string is `s` itself between quotes: most keys, codes and dates. Eight bytes at a time,
// with the classic tests on a word (a byte below n: (x - n * 0x01..) & ~x & 0x80..; one
// equal to c: a zero byte of x ^ c * 0x01..); each only tells whether some byte is such.
bool PlainAscii(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto special = [](uint64_t x) {
    uint64_t quote = x ^ (kOnes * '"');
    uint64_t backslash = x ^ (kOnes * '\\');
    uint64_t below_space = (x - kOnes * 0x20) & ~x;
    uint64_t is_quote = (quote - kOnes) & ~quote;
    uint64_t is_backslash = (backslash - kOnes) & ~backslash;
    return ((x | below_space | is_quote | is_backslash) & kHigh) != 0;
  };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    if (special(x)) return false;
  }
  uint64_t tail = kOnes * 'a';  // bytes past the end read as a plain letter
  if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
  return !special(tail);
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  if (PlainAscii(s)) {
    out->reserve(out->size() + s.size() + 2);
    out->push_back('"');
    out->append(s);
    out->push_back('"');
    return;
  }
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes copied as they are
  // Valid UTF-8 (checked in bulk, for all but short strings) only needs the ASCII
  // specials looked at.
  const bool valid = s.size() >= 48 && simdjson::validate_utf8(s.data(), s.size());
  for (size_t i = 0; i < s.size();) {
    if (valid) {
      const auto* p = reinterpret_cast<const unsigned char*>(s.data());
      while (i < s.size() && (p[i] >= 0x20 && p[i] != '"' && p[i] != '\\')) ++i;
      if (i == s.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      size_t len = ValidUtf8Length(s, i);
      if (len > 0) {
        i += len;
        continue;
      }
    }
    out->append(s.substr(run, i - run));
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (c < 0x20) {
          out->append(fmt::format("\\u{:04x}", c));
        } else {
          out->append("\xEF\xBF\xBD");  // invalid UTF-8 byte: U+FFFD
        }
    }
    ++i;
    run = i;
  }
  out->append(s.substr(run));
  out->push_back('"');
}

void JsonBuilder::Open() {
  if (depth_ < 64) {
    first_bits_ |= uint64_t{1} << depth_;
  } else {
    deeper_.push_back(true);
  }
  ++depth_;
}

void JsonBuilder::Close() {
  if (depth_ == 0) return;
  --depth_;
  if (depth_ >= 64) deeper_.pop_back();
}

bool JsonBuilder::FirstHere() const {
  size_t d = depth_ - 1;
  return d < 64 ? ((first_bits_ >> d) & 1) != 0 : deeper_.back();
}

void JsonBuilder::WrittenHere() {
  size_t d = depth_ - 1;
  if (d < 64) {
    first_bits_ &= ~(uint64_t{1} << d);
  } else {
    deeper_.back() = false;
  }
}

void JsonBuilder::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0) {
    if (!FirstHere()) out_->push_back(',');
    WrittenHere();
  }
}

JsonBuilder& JsonBuilder::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  Open();
  return *this;
}

JsonBuilder& JsonBuilder::EndObject() {
  out_->push_back('}');
  Close();
  return *this;
}

JsonBuilder& JsonBuilder::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  Open();
  return *this;
}

JsonBuilder& JsonBuilder::EndArray() {
  out_->push_back(']');
  Close();
  return *this;
}

JsonBuilder& JsonBuilder::Members(std::string_view members) {
  BeforeValue();
  out_->append(members);
  return *this;
}

JsonBuilder& JsonBuilder::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(out_, key);
  out_->push_back(':');
  after_key_ = true;
  return *this;
}

JsonBuilder& JsonBuilder::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
  return *this;
}

JsonBuilder& JsonBuilder::Int(int64_t value) {
  BeforeValue();
  fmt::format_to(std::back_inserter(*out_), "{}", value);
  return *this;
}

JsonBuilder& JsonBuilder::Uint(uint64_t value) {
  BeforeValue();
  fmt::format_to(std::back_inserter(*out_), "{}", value);
  return *this;
}

JsonBuilder& JsonBuilder::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_->append("null");
  } else if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    // Integral values print without ".0", as JSON writers conventionally do.
    fmt::format_to(std::back_inserter(*out_), "{}", static_cast<int64_t>(value));
  } else {
    fmt::format_to(std::back_inserter(*out_), "{}", value);
  }
  return *this;
}

JsonBuilder& JsonBuilder::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
  return *this;
}

JsonBuilder& JsonBuilder::Null() {
  BeforeValue();
  out_->append("null");
  return *this;
}

JsonBuilder& JsonBuilder::Raw(std::string_view json) {
  BeforeValue();
  out_->append(json);
  return *this;
}

}  // namespace casesift
