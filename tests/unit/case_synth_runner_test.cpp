// case-synth's runs end to end: the same bytes for any number of threads, the txt folder
// and the JSON Lines output hold the same documents, and the output folder rules.

#include <fmt/format.h>
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "common/cli.h"
#include "tests/support/temp_dir.h"
#include "tools/case-synth/synth_runner.h"

namespace casesift::synth {
namespace {

using casesift::testing::TempDir;

Status Run(SynthOptions options, const std::string& output) {
  CommonOptions common;
  common.output = output;
  common.progress = Progress::Mode::kOff;
  return RunSynth(options, common);
}

TEST_CASE("case-synth writes the same bytes on any number of threads", "[case-synth]") {
  TempDir dir;
  std::filesystem::create_directory(dir.File("one"));
  std::filesystem::create_directory(dir.File("three"));
  SynthOptions o;
  o.count = 700;  // several batches of 256
  o.seed = 99;
  o.format = "jsonl";
  // src.file names the output as given, so both runs name it alike (relative paths).
  std::filesystem::path cwd = std::filesystem::current_path();
  for (const char* sub : {"one", "three"}) {
    std::filesystem::current_path(dir.File(sub));
    o.truth = "truth.jsonl";
    o.jobs = std::string_view(sub) == "one" ? 1 : 3;
    Status s = Run(o, "docs.jsonl");
    std::filesystem::current_path(cwd);
    REQUIRE(s.ok());
  }
  std::string docs = TempDir::Read(dir.File("one/docs.jsonl"));
  CHECK(docs.size() > 700 * 1000);
  CHECK(docs == TempDir::Read(dir.File("three/docs.jsonl")));
  CHECK(TempDir::Read(dir.File("one/truth.jsonl")) == TempDir::Read(dir.File("three/truth.jsonl")));
}

TEST_CASE("a txt folder holds the documents of the JSON Lines output", "[case-synth]") {
  TempDir dir;
  SynthOptions o;
  o.count = 12;
  o.seed = 4;
  o.format = "jsonl";
  o.text_field = "content";
  REQUIRE(Run(o, dir.File("docs.jsonl")).ok());
  o.format = "txt";
  o.truth = dir.File("truth.jsonl");
  o.jobs = 2;
  REQUIRE(Run(o, dir.File("docs")).ok());
  simdjson::dom::parser parser;
  std::string lines = TempDir::Read(dir.File("docs.jsonl"));
  size_t start = 0;
  for (int i = 1; i <= 12; ++i) {
    size_t end = lines.find('\n', start);
    simdjson::dom::element doc;
    REQUIRE(parser.parse(lines.substr(start, end - start)).get(doc) == simdjson::SUCCESS);
    start = end + 1;
    std::string_view id, content;
    REQUIRE(doc["id"].get(id) == simdjson::SUCCESS);
    REQUIRE(doc["content"].get(content) == simdjson::SUCCESS);
    CHECK(id == fmt::format("{:07}", i));
    CHECK(TempDir::Read(dir.File(fmt::format("docs/{:07}.txt", i))) == content);
  }
  std::string truth = TempDir::Read(dir.File("truth.jsonl"));
  CHECK(truth.find(fmt::format("\"src\":{{\"file\":\"{}/0000001.txt\"", dir.File("docs"))) !=
        std::string::npos);
}

TEST_CASE("a non-empty output folder is refused unless --force", "[case-synth]") {
  TempDir dir;
  std::filesystem::create_directory(dir.File("out"));
  dir.Write("out/keep.txt", "mine");
  SynthOptions o;
  o.count = 3;
  Status s = Run(o, dir.File("out"));
  CHECK(s.IsUsage());
  CHECK(std::string(s.message()) ==
        fmt::format("output folder '{}' is not empty (use --force to write into it)",
                    dir.File("out")));
  o.force = true;
  REQUIRE(Run(o, dir.File("out")).ok());
  CHECK(TempDir::Read(dir.File("out/keep.txt")) == "mine");
  CHECK(std::filesystem::exists(dir.File("out/0000003.txt")));
  // An empty folder is simply filled.
  std::filesystem::create_directory(dir.File("empty"));
  o.force = false;
  REQUIRE(Run(o, dir.File("empty")).ok());
  CHECK(std::filesystem::exists(dir.File("empty/0000001.txt")));
}

TEST_CASE("a failed run leaves no output folder", "[case-synth]") {
  TempDir dir;
  SynthOptions o;
  o.count = 3;
  o.truth = dir.File("no/such/truth.jsonl");
  Status s = Run(o, dir.File("out"));
  CHECK(s.IsIoError());
  CHECK_FALSE(std::filesystem::exists(dir.File("out")));
  CHECK(dir.Listing() == "");
}

}  // namespace
}  // namespace casesift::synth
