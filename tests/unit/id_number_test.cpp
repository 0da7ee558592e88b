#include "common/id_number.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace casesift {
namespace {

// The whole result of ParseIdCard on one line, so a test compares everything at once.
std::string Describe(const IdCard& c) {
  static constexpr const char* kProblems[] = {"none", "length", "character", "date", "check"};
  std::string out = c.valid ? "valid" : c.masked ? "masked" : "invalid";
  out += " " + c.normalized + " problem=" + kProblems[static_cast<int>(c.problem)];
  if (c.legacy) out += " legacy";
  if (!c.birth.empty()) out += " birth=" + c.birth;
  if (c.gender != 0) out += std::string(" gender=") + c.gender;
  if (!c.address_code.empty()) out += " address=" + c.address_code;
  return out;
}

std::string Id(std::string_view text) { return Describe(ParseIdCard(text)); }

// Reference check character, written from the other formula in DOMAIN.md §4:
// (12 - S mod 11) mod 11 with weights 2^(17-i) mod 11, 10 written X.
char ReferenceIdCheck(std::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    int weight = 1;
    for (int k = 0; k < 17 - i; ++k) weight = weight * 2 % 11;
    sum += (first17[static_cast<size_t>(i)] - '0') * weight;
  }
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

TEST_CASE("the standard's ID number is valid and yields its birth date and gender", "[id_number]") {
  CHECK(Id("11010519491231002X") ==
        "valid 11010519491231002X problem=none birth=1949-12-31 gender=f address=110105");
  CHECK(Id("11010519491231002x") == Id("11010519491231002X"));
  CHECK(Id("  11010519491231002X\u3000") == Id("11010519491231002X"));
  CHECK(Id("\uff11\uff11\uff10\uff11\uff10\uff15\uff11\uff19\uff14\uff19\uff11\uff12\uff13\uff11"
           "\uff10\uff10\uff12\uff38") == Id("11010519491231002X"));
  CHECK(IdCheckChar("11010519491231002") == 'X');
}

TEST_CASE("ID numbers from the real documents are valid", "[id_number]") {
  CHECK(Id("430624196407197337") ==
        "valid 430624196407197337 problem=none birth=1964-07-19 gender=m address=430624");
  CHECK(Id("330727197811128478") ==
        "valid 330727197811128478 problem=none birth=1978-11-12 gender=m address=330727");
  CHECK(Id("362326197503281621") ==
        "valid 362326197503281621 problem=none birth=1975-03-28 gender=f address=362326");
  CHECK(Id("14272619581213001\uff38") ==
        "valid 14272619581213001X problem=none birth=1958-12-13 gender=m address=142726");
}

TEST_CASE("a 15-digit number is upgraded to 18 digits", "[id_number]") {
  CHECK(Id("110105491231002") ==
        "valid 11010519491231002X problem=none legacy birth=1949-12-31 gender=f address=110105");
  CHECK(NormalizeIdCard("110105491231002") == "11010519491231002X");
  CHECK(NormalizeIdCard("11010519491231002x") == "11010519491231002X");
  CHECK(Id("110105490231002") == "invalid 110105490231002 problem=date");  // 1949-02-31
  CHECK(Id("110105001301002") == "invalid 110105001301002 problem=date");  // month 13
}

TEST_CASE("every 15-digit number of a sample upgrades as the reference does",
          "[id_number][reference]") {
  std::mt19937 rng(20240101);
  int checked = 0;
  for (int n = 0; n < 20000; ++n) {
    char buf[16];
    const int address = 110000 + static_cast<int>(rng() % 720000);
    const int yy = static_cast<int>(rng() % 100);
    const int mm = 1 + static_cast<int>(rng() % 12);
    const int dd = 1 + static_cast<int>(rng() % 28);
    const int seq = static_cast<int>(rng() % 1000);
    snprintf(buf, sizeof buf, "%06d%02d%02d%02d%03d", address, yy, mm, dd, seq);
    const std::string old(buf, 15);
    const std::string first17 = old.substr(0, 6) + "19" + old.substr(6);
    const std::string expected = first17 + ReferenceIdCheck(first17);
    const IdCard card = ParseIdCard(old);
    REQUIRE(card.valid);
    REQUIRE(card.legacy);
    REQUIRE(card.normalized == expected);
    REQUIRE(card.gender == (seq % 2 == 1 ? 'm' : 'f'));
    const IdCard upgraded = ParseIdCard(expected);
    REQUIRE(upgraded.valid);
    REQUIRE_FALSE(upgraded.legacy);
    REQUIRE(upgraded.birth == card.birth);
    REQUIRE(upgraded.gender == card.gender);
    REQUIRE(upgraded.address_code == card.address_code);
    // Of the 11 possible check characters exactly one is accepted.
    int accepted = 0;
    for (char c : std::string_view("0123456789X")) accepted += ParseIdCard(first17 + c).valid;
    REQUIRE(accepted == 1);
    ++checked;
  }
  CHECK(checked == 20000);
}

TEST_CASE("one changed digit or a swap of neighbours makes an ID number invalid", "[id_number]") {
  const std::string good = "11010519491231002X";
  for (size_t i = 0; i < 17; ++i) {
    for (char d = '0'; d <= '9'; ++d) {
      if (d == good[i]) continue;
      std::string bad = good;
      bad[i] = d;
      INFO(bad);
      const IdCard card = ParseIdCard(bad);
      CHECK_FALSE(card.valid);
      CHECK_FALSE(card.masked);
      CHECK((card.problem == IdCardProblem::kCheck || card.problem == IdCardProblem::kDate));
    }
  }
  for (char d = '0'; d <= '9'; ++d) CHECK(Id(good.substr(0, 17) + d).rfind("invalid", 0) == 0);
  const std::string other = "430624196407197337";
  for (size_t i = 0; i + 1 < 18; ++i) {
    if (other[i] == other[i + 1]) continue;
    std::string bad = other;
    std::swap(bad[i], bad[i + 1]);
    INFO(bad);
    CHECK_FALSE(ParseIdCard(bad).valid);
  }
  CHECK(Id("430624196407197338") == "invalid 430624196407197338 problem=check");
}

TEST_CASE("bad lengths, characters and dates are reported", "[id_number]") {
  CHECK(Id("") == "invalid  problem=length");
  CHECK(Id("1101051949123100") == "invalid 1101051949123100 problem=length");
  CHECK(Id("11010519491231002X1") == "invalid 11010519491231002X1 problem=length");
  CHECK(Id("110105194912310021") == "invalid 110105194912310021 problem=check");
  CHECK(Id("1101051949123100201") == "invalid 1101051949123100201 problem=length");
  CHECK(Id("110105 19491231002X") == "invalid 110105 19491231002X problem=character");
  CHECK(Id("11010519491231002Y") == "invalid 11010519491231002Y problem=character");
  CHECK(Id("110105-19491231-002X") == "invalid 110105-19491231-002X problem=character");
  CHECK(Id("身份证11010519491231002X") == "invalid ???11010519491231002X problem=character");
  CHECK(Id("110105\xff"
           "9491231002X") == "invalid 110105?9491231002X problem=character");
  // Dates: February 29 only in leap years, years 1800..2100 only.
  const auto with_date = [](std::string date) {
    const std::string first17 = "110105" + date + "123";
    return ParseIdCard(first17 + IdCheckChar(first17));
  };
  CHECK(with_date("20000229").valid);
  CHECK(with_date("20040229").valid);
  CHECK(with_date("18000101").valid);
  CHECK(with_date("21001231").valid);
  CHECK(with_date("19000229").problem == IdCardProblem::kDate);
  CHECK(with_date("20010229").problem == IdCardProblem::kDate);
  CHECK(with_date("17991231").problem == IdCardProblem::kDate);
  CHECK(with_date("21010101").problem == IdCardProblem::kDate);
  CHECK(with_date("19490431").problem == IdCardProblem::kDate);
  CHECK(with_date("19490001").problem == IdCardProblem::kDate);
  CHECK(with_date("19491200").problem == IdCardProblem::kDate);
}

TEST_CASE("masked ID numbers are kept, never valid", "[id_number]") {
  CHECK(Id("310***********1234") == "masked 310***********1234 problem=none");
  CHECK(Id("1958********") == "masked 1958******** problem=none");
  CHECK(Id("4224211971********") == "masked 4224211971******** problem=none");
  CHECK(Id("\u00d7\u00d7\u00d72530") == "masked ***2530 problem=none");
  CHECK(Id("330727xxxxxxxx8478") == "masked 330727********8478 problem=none");
  CHECK(Id("3101\u67d0\u67d0\u67d0\u67d0\u67d0\u67d0\u67d0\u67d0\u67d0\u67d0123X") ==
        "masked 3101**********123X problem=none");
  CHECK(Id("310\uff0a\uff0a\uff0a\uff0a\uff0a\uff0a\uff0a\uff0a\uff0a\uff0a\uff0a1234") ==
        "masked 310***********1234 problem=none");
  CHECK(Id("11010519491231002*") == "masked 11010519491231002* problem=none");
  CHECK(Id("11010549123100X") == "masked 11010549123100* problem=none");  // no X in 15 digits
  CHECK(Id("1101051949123100XX") == "masked 1101051949123100*X problem=none");
  CHECK(Id("310***********12345") == "invalid 310***********12345 problem=length");
  CHECK(Id("\u91d1**") == "invalid ?** problem=character");
  CHECK_FALSE(NormalizeIdCard("310***********1234").has_value());
}

TEST_CASE("a masked ID number is compared with a full one where it shows digits", "[id_number]") {
  CHECK(IdCardMatchesMasked("110105**********2X", "11010519491231002X"));
  CHECK(
      IdCardMatchesMasked("110105\u00d7\u00d7\u00d7\u00d7\u00d7\u00d7\u00d7\u00d7\u00d7\u00d7"
                          "2x",
                          "110105491231002"));
  CHECK(IdCardMatchesMasked("1101051949********", "11010519491231002X"));
  CHECK_FALSE(IdCardMatchesMasked("110105**********3X", "11010519491231002X"));
  CHECK_FALSE(IdCardMatchesMasked("1949********", "11010519491231002X"));        // cannot align
  CHECK_FALSE(IdCardMatchesMasked("11010519491231002X", "11010519491231002X"));  // not masked
  CHECK_FALSE(IdCardMatchesMasked("110105**********2X", "110105194912310021"));  // invalid
}

TEST_CASE("IdCheckChar needs exactly 17 digits", "[id_number]") {
  CHECK(IdCheckChar("43062419640719733") == '7');
  CHECK(IdCheckChar("4306241964071973") == 0);
  CHECK(IdCheckChar("430624196407197337") == 0);
  CHECK(IdCheckChar("4306241964071973A") == 0);
  CHECK(IdCheckChar("") == 0);
}

TEST_CASE("USCC vectors pass, with their organisation codes", "[id_number][uscc]") {
  for (std::string_view code :
       {"91110108551385082Q", "91110000600037341L", "914403001922038216", "91410500330172251F"}) {
    INFO(code);
    CHECK(IsValidUscc(code));
    CHECK(NormalizeUscc(code) == std::string(code));
    CHECK(UsccCheckChar(code.substr(0, 17)) == code[17]);
  }
  CHECK(UsccOrgCode("91110108551385082Q") == "55138508-2");
  CHECK(UsccOrgCode("91110000600037341L") == "60003734-1");
  CHECK(UsccOrgCode("914403001922038216") == "19220382-1");
  CHECK(UsccOrgCode("91410500330172251F") == "33017225-1");
  CHECK(UsccOrgCode("91110108551385082R") == std::nullopt);
  CHECK(NormalizeUscc("91110108551385082q") == "91110108551385082Q");
  CHECK(NormalizeUscc(" \uff19\uff11\uff11\uff11\uff10\uff10\uff10\uff10\uff16\uff10\uff10"
                      "\uff10\uff13\uff17\uff13\uff14\uff11\uff2c ") == "91110000600037341L");
}

TEST_CASE("a changed, swapped, missing or forbidden USCC character is caught",
          "[id_number][uscc]") {
  const std::string good = "91110108551385082Q";
  const std::string_view charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int rejected = 0;
  for (size_t i = 0; i < 18; ++i) {
    for (char c : charset) {
      if (c == good[i]) continue;
      std::string bad = good;
      bad[i] = c;
      INFO(bad);
      CHECK_FALSE(IsValidUscc(bad));
      ++rejected;
    }
    if (i + 1 < 18 && good[i] != good[i + 1]) {
      std::string swapped = good;
      std::swap(swapped[i], swapped[i + 1]);
      INFO(swapped);
      CHECK_FALSE(IsValidUscc(swapped));
    }
  }
  CHECK(rejected == 18 * 30);
  for (char c : std::string_view("IOSVZ")) {
    const std::string first17 = "9111010855138508" + std::string(1, c);
    CHECK(UsccCheckChar(first17) == 0);
  }
  CHECK(UsccCheckChar("9111010855138508") == 0);
  CHECK(UsccCheckChar("9111010855138508-") == 0);
  CHECK_FALSE(IsValidUscc("91110108551385082"));
  CHECK_FALSE(IsValidUscc("91110108551385082QQ"));
  CHECK_FALSE(IsValidUscc(""));
  CHECK_FALSE(IsValidUscc("91310115MA1H7XXXXX"));  // RECORDS.md's example
  const Uscc masked = ParseUscc("\u00d7\u00d7\u00d7");
  CHECK(masked.masked);
  CHECK_FALSE(masked.valid);
  CHECK(masked.normalized == "***");
  const Uscc partly = ParseUscc("91110108****85082Q");
  CHECK(partly.masked);
  CHECK_FALSE(partly.valid);
}

TEST_CASE("organisation codes check with and without the hyphen", "[id_number][org_code]") {
  CHECK(IsValidOrgCode("74033824-2"));
  CHECK(IsValidOrgCode("740338242"));
  CHECK(IsValidOrgCode("74033824\uff0d2"));
  CHECK(NormalizeOrgCode("740338242") == "74033824-2");
  CHECK(OrgCodeCheckChar("74033824") == '2');
  CHECK(OrgCodeCheckChar("00000006") == 'X');  // 11 - 12 mod 11 = 10
  CHECK(OrgCodeCheckChar("00000000") == '0');  // 11 - 0 = 11
  CHECK(NormalizeOrgCode("00000006-x") == "00000006-X");
  CHECK(OrgCodeCheckChar("MA1H7XX1") != 0);  // letters A=10..Z=35 are allowed in the body
  CHECK(OrgCodeCheckChar("7403382") == 0);
  CHECK(OrgCodeCheckChar("7403382-") == 0);
  for (size_t i = 0; i < 9; ++i) {
    std::string bad = "740338242";
    bad[i] = bad[i] == '9' ? '0' : static_cast<char>(bad[i] + 1);
    INFO(bad);
    CHECK_FALSE(IsValidOrgCode(bad));
  }
  CHECK_FALSE(IsValidOrgCode("47033824-2"));
  CHECK_FALSE(IsValidOrgCode("74033824--2"));
  CHECK_FALSE(IsValidOrgCode("7403382-42"));
  CHECK_FALSE(IsValidOrgCode("74033824-"));
  CHECK_FALSE(IsValidOrgCode(""));
}

// What AppendIdentifierKey promises: the first of the three normalised forms.
std::optional<std::string> ChainedKey(std::string_view text) {
  if (std::optional<std::string> id = NormalizeIdCard(text)) return id;
  if (std::optional<std::string> uscc = NormalizeUscc(text)) return uscc;
  return NormalizeOrgCode(text);
}

TEST_CASE("AppendIdentifierKey gives what the three normalisers give, in turn",
          "[id_number][key]") {
  auto key = [](std::string_view text) -> std::optional<std::string> {
    std::string out = "prefix";
    if (!AppendIdentifierKey(text, &out)) {
      CHECK(out == "prefix");
      return std::nullopt;
    }
    REQUIRE(out.substr(0, 6) == "prefix");
    return out.substr(6);
  };
  for (std::string_view text : {"11010519491231002x",
                                "11010519491231002X",
                                "110105491231002",
                                "91110108551385082q",
                                "91110108551385082Q",
                                "74033824-2",
                                "740338242",
                                "00000006-x",
                                " 740338242",
                                "\uff19\uff11110108551385082Q",
                                "9111010855138508\u00d7Q",
                                "310***********1234",
                                "11010519491231002",
                                "110105194912310021",
                                "91310115MA1H7XXXXX",
                                "74033824\uff0d2",
                                "74033824--2",
                                "上海某某公司",
                                "91310117AA6TR1R84F",
                                "913101158J41L2671R"}) {
    INFO(text);
    CHECK(key(text) == ChainedKey(text));
  }
  // 18 bytes but 10 characters: an organisation code with full-width digits, which the
  // 18-byte path must leave to the others.
  CHECK(key("7403\uff13\uff18\uff12\uff14-2") == "74033824-2");
  // Mutations of valid identifiers of every kind: case, one character changed, dropped or
  // added, from a set that has digits, letters, masks, hyphens, spaces and full-width forms.
  const std::vector<std::string> seeds = {
      "11010519491231002X", "110105491231002",   "91110108551385082Q", "74033824-2",
      "740338242",          "00000006-X",        "91310117AA6TR1R84F", "913101158J41L2671R",
      "000000000000000000", "100000000000000000"};
  const std::vector<std::string> pool = {
      "0", "1", "2", "5",  "9", "X",      "x",      "A",      "q",      "I",      "O",     "Z",
      "*", "-", " ", "\t", "?", "\u00d7", "\u67d0", "\uff10", "\uff38", "\u3000", "\uff0d"};
  std::mt19937 rng(20261128);
  for (int round = 0; round < 200000; ++round) {
    std::string text = seeds[rng() % seeds.size()];
    int edits = static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::string& piece = pool[rng() % pool.size()];
      size_t at = rng() % (text.size() + 1);
      switch (rng() % 4) {
        case 0:  // replace one ASCII character
          if (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) {
            text.replace(at, 1, piece);
          }
          break;
        case 1:  // insert, at an ASCII boundary
          if (at == text.size() || static_cast<unsigned char>(text[at]) < 0x80) {
            text.insert(at, piece);
          }
          break;
        case 2:  // drop one ASCII character
          if (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) text.erase(at, 1);
          break;
        default:  // flip the case of every letter
          for (char& c : text) {
            if (c >= 'a' && c <= 'z')
              c = static_cast<char>(c - 32);
            else if (c >= 'A' && c <= 'Z')
              c = static_cast<char>(c + 32);
          }
      }
    }
    INFO(text);
    REQUIRE(key(text) == ChainedKey(text));
  }
  // Every valid identifier of the seeds' kinds: a random ID number and credit code.
  for (int round = 0; round < 20000; ++round) {
    std::string id = "110105";
    id += std::to_string(1900 + rng() % 200);
    id += "0" + std::to_string(1 + rng() % 9);
    id += std::to_string(10 + rng() % 18);
    for (int i = 0; i < 3; ++i) id += static_cast<char>('0' + rng() % 10);
    id += IdCheckChar(id);
    INFO(id);
    REQUIRE(key(id) == ChainedKey(id));
    REQUIRE(key(id).has_value());
    std::string uscc;
    for (int i = 0; i < 17; ++i) uscc += "0123456789ABCDEFGHJKLMNPQRTUWXY"[rng() % 31];
    uscc += UsccCheckChar(uscc);
    INFO(uscc);
    REQUIRE(key(uscc) == ChainedKey(uscc));
    REQUIRE(key(uscc).has_value());
  }
  // The 18-byte path reads 16 bytes at once and the last two alone: each position of a
  // valid ID number and credit code, in lower case and upper, set to a byte at either side
  // of each range it tests (printable, digit, lower-case letter), a control byte, a space
  // and bytes of 0x80 and over.
  const std::string bytes = std::string("\x00\x1f !/0", 6) + "9:@AZ[`az{~\x7f\x80\xc3\xff";
  for (std::string seed : {"11010519491231002X", "91310117AA6TR1R84F", "91310117aa6tr1r84f"}) {
    for (size_t at = 0; at < seed.size(); ++at) {
      for (char b : bytes) {
        std::string text = seed;
        text[at] = b;
        INFO(at << " " << static_cast<int>(static_cast<unsigned char>(b)));
        REQUIRE(key(text) == ChainedKey(text));
      }
    }
  }
}

}  // namespace
}  // namespace casesift
