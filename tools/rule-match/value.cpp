#include "value.h"

#include <cmath>
#include <cstdlib>

#include "common/json_builder.h"

namespace casesift {

std::optional<Value> ValueOf(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING:
      return Value::String(std::string_view(e.get_string().value_unsafe()));
    case simdjson::dom::element_type::INT64:
      return Value::Number(static_cast<double>(e.get_int64().value_unsafe()));
    case simdjson::dom::element_type::UINT64:
      return Value::Number(static_cast<double>(e.get_uint64().value_unsafe()));
    case simdjson::dom::element_type::DOUBLE:
      return Value::Number(e.get_double().value_unsafe());
    case simdjson::dom::element_type::BOOL:
      return Value::Bool(e.get_bool().value_unsafe());
    default:
      return std::nullopt;
  }
}

void AppendValues(simdjson::dom::element e, Values* out) {
  simdjson::dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element child : arr) {
      if (std::optional<Value> v = ValueOf(child)) out->push_back(std::move(*v));
    }
  } else if (std::optional<Value> v = ValueOf(e)) {
    out->push_back(std::move(*v));
  }
}

void NormalizeStrings(NameLevel level, Values* values) {
  const NameNormalizer& normalizer = **NameNormalizer::Get();
  std::string out;
  for (Value& v : *values) {
    if (v.kind != Value::Kind::kString) continue;
    normalizer.Normalize(v.string, level, &out);
    v.string.swap(out);
  }
}

std::optional<double> ParseDecimal(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = 0, point = 0;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      ++digits;
    } else if (s[i] == '.' && point == 0) {
      point = i + 1;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  std::string copy(s);
  char* end = nullptr;
  double d = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<double> AsNumber(const Value& v) {
  if (v.kind == Value::Kind::kNumber) return v.number;
  if (v.kind == Value::Kind::kString) return ParseDecimal(v.string);
  return std::nullopt;
}

int CompareNumbers(double a, double b) {
  double scale = std::max({1.0, std::fabs(a), std::fabs(b)});
  if (std::fabs(a - b) <= 1e-13 * scale) return 0;
  return a < b ? -1 : 1;
}

std::string ValueJson(const Value& v) {
  std::string out;
  JsonBuilder b(&out);
  switch (v.kind) {
    case Value::Kind::kBool:
      b.Bool(v.boolean);
      break;
    case Value::Kind::kNumber:
      b.Double(v.number);
      break;
    case Value::Kind::kString:
      b.String(v.string);
      break;
  }
  return out;
}

}  // namespace casesift
