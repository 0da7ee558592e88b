// Unit tests of rule-match's TextTable (text_table.h), the equality and `in` lookup of
// FieldScan: each key finds its atoms in the order added, other texts find nothing, also
// when many keys share the table and probe past one another.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text_table.h"

namespace casesift {
namespace {

std::vector<uint32_t> Found(const TextTable& t, std::string_view key) {
  std::span<const uint32_t> s = t.Find(key);
  return {s.begin(), s.end()};
}

}  // namespace

TEST_CASE("a text table finds each key's atoms in the order added", "[rule_match][text_table]") {
  TextTable t;
  CHECK(t.empty());
  CHECK(Found(t, "x").empty());  // never frozen: nothing
  t.Add("民间借贷纠纷", 7);
  t.Add("org", 3);
  t.Add("民间借贷纠纷", 2);
  t.Add("", 9);
  t.Freeze();
  CHECK_FALSE(t.empty());
  CHECK(Found(t, "民间借贷纠纷") == std::vector<uint32_t>{7, 2});
  CHECK(Found(t, "org") == std::vector<uint32_t>{3});
  CHECK(Found(t, "") == std::vector<uint32_t>{9});
  CHECK(Found(t, "Org").empty());
  CHECK(Found(t, "or").empty());
  CHECK(Found(t, "民间借贷").empty());
}

TEST_CASE("a text table with many keys finds every one and nothing else",
          "[rule_match][text_table]") {
  TextTable t;
  for (uint32_t i = 0; i < 5000; ++i) t.Add("key" + std::to_string(i), i);
  t.Freeze();
  for (uint32_t i = 0; i < 5000; ++i) {
    CHECK(Found(t, "key" + std::to_string(i)) == std::vector<uint32_t>{i});
    CHECK(Found(t, "yek" + std::to_string(i)).empty());
  }
}

}  // namespace casesift
