// The condition of a detection rule (RULES.md, "Conditions"): selection names combined with
// `and`, `or`, `not`, parentheses, and `1 of x*`, `all of x*`, `N of x*` over the selections
// whose names match a pattern (`*` matches any run of characters). Precedence from loosest:
// or, and, not, of.
//
//   Result<Condition> c = Condition::Parse("divorce and (lopsided or 2 of debt*)", names);
//   bool holds = c->Eval(selection_results);  // results[i] for names[i]
#ifndef CASESIFT_TOOLS_RULE_MATCH_CONDITION_H_
#define CASESIFT_TOOLS_RULE_MATCH_CONDITION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "suggest.h"

namespace casesift {

class Condition {
 public:
  // The parsed form (internal; public for the parser in condition.cpp).
  struct Node {
    enum class Kind : uint8_t { kName, kAnd, kOr, kNot, kOf } kind;
    uint32_t a = 0, b = 0;          // operands (node indices) for and/or/not
    uint32_t name = 0;              // kName: selection index
    uint32_t need = 0;              // kOf: how many must hold (0: all of them)
    std::vector<uint32_t> members;  // kOf: the selections the pattern matches
  };

  // Parses `text` over the selections `names`. Errors are Usage statuses located at a
  // column of `text` (1-based, bytes) with `text` as the source line: an unknown name
  // (with a suggestion), a pattern that matches no selection, a missing operand or
  // parenthesis, a count of 0.
  static Result<Condition> Parse(std::string_view text, const std::vector<std::string>& names);

  // Whether the condition holds given whether each selection held (by index into names).
  bool Eval(const std::vector<bool>& held) const;
  // The same, asking held(i) only for the selections it needs to know: `and` and `or`
  // stop at their first operand when it decides, `N of` when the count is reached.
  template <typename Fn>
  bool EvalLazy(Fn&& held) const {
    return EvalLazyNode(root_, held);
  }
  // The parsed tree, for analyses such as the engine's triggers.
  const std::vector<Node>& nodes() const { return nodes_; }
  uint32_t root() const { return root_; }
  // Which selections the condition refers to, by index (directly or through a pattern).
  const std::vector<bool>& used() const { return used_; }

 private:
  template <typename Fn>
  bool EvalLazyNode(uint32_t n, Fn& held) const {
    const Node& node = nodes_[n];
    switch (node.kind) {
      case Node::Kind::kName:
        return held(node.name);
      case Node::Kind::kAnd:
        return EvalLazyNode(node.a, held) && EvalLazyNode(node.b, held);
      case Node::Kind::kOr:
        return EvalLazyNode(node.a, held) || EvalLazyNode(node.b, held);
      case Node::Kind::kNot:
        return !EvalLazyNode(node.a, held);
      case Node::Kind::kOf: {
        size_t need = node.need == 0 ? node.members.size() : node.need, count = 0, left;
        left = node.members.size();
        for (uint32_t m : node.members) {
          --left;
          if (held(m)) {
            if (++count >= need) return true;
          } else if (node.need == 0 || count + left < need) {
            return false;
          }
        }
        return count >= need;
      }
    }
    return false;
  }

  std::vector<Node> nodes_;
  uint32_t root_ = 0;
  std::vector<bool> used_;
};

// Whether `name` matches `pattern`, where `*` matches any run of characters.
bool GlobMatch(std::string_view pattern, std::string_view name);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_CONDITION_H_
