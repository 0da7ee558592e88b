// The official list of civil causes of action (民事案件案由规定), and finding a cause in text.
//
// The list has four levels: 11 parts (第一部分 人格权纠纷 ...), second-level causes
// (一、人格权纠纷), third-level causes (1.生命权、身体权、健康权纠纷) and fourth-level causes
// ((1)隐私权纠纷). Courts name the most specific cause that fits, so a document's 案由 may sit at
// level 2, 3 or 4. The 2020 revision (法〔2020〕346号, in force 2021-01-01) is compiled into the
// binary from common/data/civil_causes_2020.tsv; every Cause carries its version tag ("2020")
// because the list is revised (2008, 2011, 2020, 2025) and records must say which list they were
// checked against (RECORDS.md, `cause_listed`).
//
//   const CauseList& causes = CauseList::Civil2020();
//   const Cause* c = causes.Find("民间借贷纠纷");        // level 4, parent 借款合同纠纷
//   std::optional<CauseMatch> m = causes.FindIn("原告X与被告Y民间借贷纠纷一案");
//
// Lifetime and threads: a CauseList owns its text; the Cause objects, their string_views and
// parent pointers stay valid for the life of the CauseList (for Civil2020(), of the process).
// A CauseList is immutable and may be used from any number of threads. Civil2020() parses the
// embedded table once, on first use (thread-safe static initialisation).
#ifndef CASESIFT_COMMON_CAUSE_LIST_H_
#define CASESIFT_COMMON_CAUSE_LIST_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace casesift {

// One cause of the list.
struct Cause {
  int level = 0;                  // 1 (part) .. 4
  std::string_view number;        // as printed: "第十部分", "四十六", "103", "(3)"
  std::string_view name;          // "民间借贷纠纷"
  const Cause* parent = nullptr;  // the enclosing cause one level up; nullptr at level 1
  std::string_view version;       // "2020"
};

// A cause named in a text.
struct CauseMatch {
  size_t offset = 0;  // byte offset of the name in the text
  size_t length = 0;  // its length in bytes
  const Cause* cause = nullptr;
};

class CauseList {
 public:
  // The 2020 list compiled into the binary. Should the embedded table ever fail to parse (the
  // unit tests make sure it does not), the list is empty.
  static const CauseList& Civil2020();

  // Parses a table in the format of common/data/civil_causes_2020.tsv: lines of
  // level<TAB>number<TAB>name<TAB>parent<TAB>version, '#' comment lines and empty lines
  // ignored. A cause's parent is named by its name and must be the nearest cause one level up
  // that precedes it. Copies `tsv`. Errors are InvalidData statuses naming the line, e.g.
  // "civil_causes.tsv:14: parent '借款合同纠纷' of '民间借贷纠纷' is not the enclosing level-3
  // cause ('保证合同纠纷')". Names must be unique within a level, and all rows must carry the
  // same version.
  [[nodiscard]] static Result<CauseList> Parse(std::string_view tsv);

  CauseList(CauseList&&) noexcept;
  CauseList& operator=(CauseList&&) noexcept;
  CauseList(const CauseList&) = delete;
  CauseList& operator=(const CauseList&) = delete;
  ~CauseList();

  // The version tag of every row ("2020"); "" for an empty list.
  std::string_view version() const;
  // All causes, in the order of the official text.
  const std::vector<Cause>& causes() const;
  // How many causes the list has at `level` (1..4).
  size_t CountAtLevel(int level) const;

  // The cause called exactly `name`, ignoring leading and trailing spaces (ASCII, U+3000,
  // NBSP); nullptr when the name is not on the list. A few names occur at two levels (人格权纠纷,
  // 不当得利纠纷, 第三人撤销之诉 ...): the deeper one is returned, as a document names the most
  // specific cause.
  const Cause* Find(std::string_view name) const;
  // Whether `name` is on the list (the `cause_listed` field).
  bool IsListed(std::string_view name) const { return Find(name) != nullptr; }

  // The causes from level 1 down to `cause`: for 民间借贷纠纷, 合同、准合同纠纷 / 合同纠纷 /
  // 借款合同纠纷 / 民间借贷纠纷.
  static std::vector<const Cause*> Chain(const Cause& cause);

  // The longest cause name that occurs in `text` (the earliest of equally long ones), e.g.
  // 金融借款合同纠纷 rather than 借款合同纠纷 in "…金融借款合同纠纷一案". std::nullopt when no name
  // occurs. All names are one Hyperscan database (compiled on the first call), so a call is
  // one pass over `text`. The match points into `text`.
  std::optional<CauseMatch> FindIn(std::string_view text) const;

 private:
  struct Data;
  explicit CauseList(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

// Shorthands over CauseList::Civil2020().
const Cause* FindCause(std::string_view name);
bool IsListedCause(std::string_view name);
std::vector<const Cause*> CauseChain(const Cause& cause);
std::optional<CauseMatch> FindCauseIn(std::string_view text);

}  // namespace casesift

#endif  // CASESIFT_COMMON_CAUSE_LIST_H_
