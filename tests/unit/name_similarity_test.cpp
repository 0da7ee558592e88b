#include "common/name_similarity.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace casesift {
namespace {

// Jaro by the textbook, with vectors and no shortcuts: the reference for both of the fast
// paths (bit masks up to 64 code points, flag vectors beyond).
double NaiveJaro(const std::u32string& a, const std::u32string& b) {
  if (a.empty() && b.empty()) return 1;
  if (a.empty() || b.empty()) return 0;
  const long window = std::max(0L, static_cast<long>(std::max(a.size(), b.size())) / 2 - 1);
  std::vector<bool> am(a.size()), bm(b.size());
  double m = 0;
  for (long i = 0; i < static_cast<long>(a.size()); ++i) {
    for (long j = std::max(0L, i - window);
         j < std::min(static_cast<long>(b.size()), i + window + 1); ++j) {
      if (!bm[j] && a[i] == b[j]) {
        am[i] = bm[j] = true;
        ++m;
        break;
      }
    }
  }
  if (m == 0) return 0;
  std::u32string as, bs;
  for (size_t i = 0; i < a.size(); ++i)
    if (am[i]) as += a[i];
  for (size_t j = 0; j < b.size(); ++j)
    if (bm[j]) bs += b[j];
  double t = 0;
  for (size_t k = 0; k < as.size(); ++k) t += as[k] != bs[k];
  t = static_cast<double>(static_cast<long>(t) / 2);
  return (m / a.size() + m / b.size() + (m - t) / m) / 3;
}

TEST_CASE("Jaro-Winkler gives the published values", "[name_similarity]") {
  CHECK(Jaro(U"MARTHA", U"MARHTA") == Approx(0.944).margin(0.0005));
  CHECK(JaroWinkler(U"MARTHA", U"MARHTA") == Approx(0.961).margin(0.0005));
  CHECK(Jaro(U"DWAYNE", U"DUANE") == Approx(0.822).margin(0.0005));
  CHECK(JaroWinkler(U"DWAYNE", U"DUANE") == Approx(0.840).margin(0.0005));
  CHECK(Jaro(U"DIXON", U"DICKSONX") == Approx(0.767).margin(0.0005));
  CHECK(JaroWinkler(U"DIXON", U"DICKSONX") == Approx(0.813).margin(0.0005));
  CHECK(JaroWinkler("martha", "marhta") == Approx(0.961).margin(0.0005));  // UTF-8 form
}

TEST_CASE("Jaro-Winkler counts code points, so Chinese names compare alike", "[name_similarity]") {
  CHECK(JaroWinkler("张三", "张三") == 1.0);
  // Two characters: window 0, one match: (1/2 + 1/2 + 1) / 3, below the boost threshold.
  CHECK(JaroWinkler("张三", "张山") == Approx(2.0 / 3));
  // Three characters, two matches, common prefix of two: 7/9 + 2 * 0.1 * 2/9.
  CHECK(JaroWinkler("张三丰", "张三峰") == Approx(7.0 / 9 + 0.2 * 2.0 / 9));
  CHECK(JaroWinkler("张三", "三张") == 0.0);
  CHECK(JaroWinkler("欧阳明", "欧阳明月") > JaroWinkler("欧阳明", "司马明月"));
}

TEST_CASE("Jaro-Winkler of empty strings", "[name_similarity]") {
  CHECK(JaroWinkler(U"", U"") == 1.0);
  CHECK(JaroWinkler(U"", U"a") == 0.0);
  CHECK(JaroWinkler(U"a", U"") == 0.0);
  CHECK(JaroWinkler(U"a", U"a") == 1.0);
  CHECK(JaroWinkler(U"a", U"b") == 0.0);
}

TEST_CASE("Jaro agrees with the textbook reference on random strings", "[name_similarity]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    // Short strings over a tiny alphabet (many matches, transpositions) and long ones past
    // the 64-code-point bit masks.
    const size_t max_len = round % 3 == 0 ? 150 : 12;
    std::u32string a, b;
    const size_t la = rng() % (max_len + 1), lb = rng() % (max_len + 1);
    for (size_t i = 0; i < la; ++i) a += static_cast<char32_t>(U'a' + rng() % 4);
    for (size_t i = 0; i < lb; ++i)
      b += static_cast<char32_t>(rng() % 5 == 0 ? U'张' : U'a' + rng() % 4);
    INFO(round);
    CHECK(Jaro(a, b) == Approx(NaiveJaro(a, b)).margin(1e-12));
    const double jw = JaroWinkler(a, b);
    CHECK(jw >= 0.0);
    CHECK(jw <= 1.0);
    CHECK(jw == Approx(JaroWinkler(b, a)).margin(1e-12));
  }
}

TEST_CASE("bigrams are code-point pairs; one character gives a unigram", "[name_similarity]") {
  std::vector<CharGram> grams;
  AppendCharBigrams(U"abc", &grams);
  CHECK(grams == std::vector<CharGram>{MakeCharGram(U'a', U'b'), MakeCharGram(U'b', U'c')});
  grams.clear();
  AppendCharBigrams(U"张", &grams);
  CHECK(grams == std::vector<CharGram>{MakeCharUnigram(U'张')});
  grams.clear();
  AppendCharBigrams(U"", &grams);
  CHECK(grams.empty());
  AppendCharBigrams(U"aaa", &grams);  // repeats kept
  CHECK(grams.size() == 2);
  CHECK(MakeCharGram(U'a', U'b') != MakeCharGram(U'b', U'a'));
}

TEST_CASE("UTF-8 decodes to code points and back", "[name_similarity]") {
  const std::string text = "Zoë 张三 \xF0\x9F\x98\x80";
  std::u32string cps = ToCodePoints(text);
  CHECK(cps.size() == 8);
  std::string back;
  AppendUtf8(cps, &back);
  CHECK(back == text);
  CHECK(ToCodePoints("\xFF") == U"\uFFFD");
  CHECK(IsCjkIdeograph(U'张'));
  CHECK(!IsCjkIdeograph(U'a'));
}

}  // namespace
}  // namespace casesift
