// JsonBuilder: writes new JSON values as compact text, for the fields a tool adds to a
// record (see record_splice.h) and for the records it creates (leads, summaries).
//
// It appends to a caller-owned std::string and inserts the commas itself:
//
//   std::string s;
//   JsonBuilder b(&s);
//   b.BeginObject().Key("score").Double(0.97).Key("via").String("id_no").EndObject();
//   // s == {"score":0.97,"via":"id_no"}
//
// Strings are escaped per RFC 8259: '"', '\' and control characters are escaped,
// everything else is copied as UTF-8; an invalid UTF-8 byte becomes U+FFFD, so the
// output is always valid JSON. Doubles print in the shortest form that reads back to the
// same value; NaN and infinities, which JSON cannot hold, print as null.
//
// REQUIRES: calls form one well-nested value (Key only directly inside an object).
#ifndef CASESIFT_COMMON_JSON_BUILDER_H_
#define CASESIFT_COMMON_JSON_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {

// Appends `s` to *out as a quoted, escaped JSON string.
void AppendJsonString(std::string* out, std::string_view s);

class JsonBuilder {
 public:
  explicit JsonBuilder(std::string* out) : out_(out) {}

  JsonBuilder& BeginObject();
  JsonBuilder& EndObject();
  JsonBuilder& BeginArray();
  JsonBuilder& EndArray();
  JsonBuilder& Key(std::string_view key);
  JsonBuilder& String(std::string_view value);
  JsonBuilder& Int(int64_t value);
  JsonBuilder& Uint(uint64_t value);
  JsonBuilder& Double(double value);
  JsonBuilder& Bool(bool value);
  JsonBuilder& Null();
  // Inserts `json`, which must already be one valid JSON value, as is.
  JsonBuilder& Raw(std::string_view json);
  // Inside an object (not after Key): inserts `members`, one or more members already
  // written as `"key":value` separated by commas, as is.
  JsonBuilder& Members(std::string_view members);

 private:
  void BeforeValue();

  // Per open container: no element written yet. The first 64 levels are bits of a word
  // (no allocation for the records tools build); deeper ones, if ever, go to a vector.
  void Open();
  void Close();
  bool FirstHere() const;
  void WrittenHere();

  std::string* out_;
  size_t depth_ = 0;
  uint64_t first_bits_ = 0;   // bit d: level d (0-based) has no element yet
  std::vector<bool> deeper_;  // levels 64 and beyond
  bool after_key_ = false;
};

}  // namespace casesift

#endif  // CASESIFT_COMMON_JSON_BUILDER_H_
