#include "common/hash.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

namespace casesift {
namespace {

TEST_CASE("XXH3-64 matches the reference values", "[hash]") {
  // Reference values of XXH3_64bits with seed 0 (xxHash's own test vectors).
  CHECK(Hash64("") == 0x2D06800538D394C2ULL);
  CHECK(FormatHash(Hash64("")) == "xxh3:2d06800538d394c2");
}

TEST_CASE("the printed form round-trips", "[hash]") {
  uint64_t h = Hash64("(2016)沪0115民初80205号");
  std::string text = FormatHash(h);
  CHECK(text.size() == 21);
  Result<uint64_t> back = ParseHash(text);
  REQUIRE(back.ok());
  CHECK(*back == h);
  CHECK(ParseHash("XXH3:0000000000000000").status().ToString() ==
        "'XXH3:0000000000000000' is not a hash (expected xxh3: and 16 hex digits)");
  CHECK(!ParseHash("xxh3:00000000000000g0").ok());
  CHECK(!ParseHash("xxh3:000").ok());
  CHECK(*ParseHash("xxh3:00000000000000FF") == 255);
}

TEST_CASE("incremental hashing equals one-shot hashing", "[hash]") {
  std::string data;
  for (int i = 0; i < 5000; ++i) data += static_cast<char>('a' + i % 26);
  Hasher hasher;
  for (size_t i = 0; i < data.size(); i += 333)
    hasher.Update(std::string_view(data).substr(i, 333));
  CHECK(hasher.Digest() == Hash64(data));
}

TEST_CASE("HashFile hashes a whole file and reports missing ones", "[hash]") {
  char path[] = "/tmp/casesift-hash-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  std::string data(3 << 20, 'x');
  REQUIRE(write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size()));
  close(fd);
  uint64_t size = 0;
  Result<uint64_t> h = HashFile(path, &size);
  REQUIRE(h.ok());
  CHECK(*h == Hash64(data));
  CHECK(size == data.size());
  std::remove(path);
  CHECK(HashFile("/nonexistent/x", nullptr).status().ToString() ==
        "cannot open '/nonexistent/x': No such file or directory");
}

}  // namespace
}  // namespace casesift
