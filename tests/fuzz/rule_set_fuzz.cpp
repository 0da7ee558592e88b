// Fuzz target: any bytes as a rules file. Loading must never crash, and a load error must
// be located in the file; when the rules load, the engine must agree with the naive
// evaluator (tests/reference) on every rule over a few fixed records, and a record the
// engine's text prefilter passes over must match no rule.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine.h"
#include "rules.h"
#include "tests/reference/rule_reference.h"

namespace {

constexpr std::string_view kRecords[] = {
    R"({"case_no":"(2023)沪0115民初1号","cause":"离婚纠纷","outcome":"mediated","claim_yuan":"500000",)"
    R"("parties":[{"side":"plaintiff","name":"王某华","kind":"person"},)"
    R"({"side":"defendant","name":"上海某某科技有限责任公司","kind":"org"}],)"
    R"("allocations":[{"to":"plaintiff","yuan":900000},{"to":"defendant","yuan":100000}]})",
    R"({"case_no":"(2024)沪0112民初7号","cause":"民间借贷纠纷","court":"Shanghai Court","claim_yuan":120000.5,)"
    R"("award_yuan":100000,"tags":["a","B",null,3],"flag":true,"parties":[]})",
    R"({"cause":null,"parties":{"name":"ABC贸易（上海）有限公司"},"other_cases":[{"cause":"借款合同纠纷"}]})",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // LoadRules reads files: one scratch file per process, removed at exit.
  static const struct Scratch {
    Scratch() {
      char tmpl[] = "/tmp/casesift-rule-fuzz-XXXXXX.yaml";
      int fd = mkstemps(tmpl, 5);
      if (fd < 0) abort();
      close(fd);
      path = tmpl;
    }
    ~Scratch() { unlink(path.c_str()); }
    std::string path;
  } scratch;
  const std::string& path = scratch.path;
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  casesift::RuleSet set;
  casesift::Status st = casesift::LoadRules({path}, "", &set);
  if (!st.ok()) {
    const casesift::Location* loc = st.location();
    if (loc != nullptr && !loc->file.empty() && loc->file != path) abort();
    return 0;
  }
  casesift::Result<std::unique_ptr<casesift::Engine>> engine = casesift::Engine::Build(set);
  if (!engine.ok()) return 0;  // Hyperscan or RE2::Set refused what RE2 took: reported
  static simdjson::dom::parser parser;
  std::vector<size_t> matched;
  for (std::string_view json : kRecords) {
    simdjson::padded_string doc(json);
    simdjson::dom::element record = parser.parse(doc).value();
    (*engine)->Match(record, 19000, &matched);
    bool may_match = (*engine)->MayMatch(json);
    size_t next = 0;
    for (size_t r = 0; r < set.rules.size(); ++r) {
      bool fast = next < matched.size() && matched[next] == r;
      if (fast) ++next;
      bool slow = casesift::reference::RuleMatchesReference(set.rules[r], record, 19000);
      if (fast != slow || (slow && !may_match)) abort();
    }
  }
  return 0;
}
