#include "condition.h"

#include <fmt/format.h>

#include <algorithm>

#include "suggest.h"

namespace casesift {
namespace {

struct Token {
  enum class Kind : uint8_t { kWord, kNumber, kOpen, kClose, kEnd } kind;
  std::string_view text;
  size_t column;  // 1-based
};

bool WordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '*' || static_cast<unsigned char>(c) >= 0x80;
}

Result<std::vector<Token>> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '(' || c == ')') {
      tokens.push_back(
          {c == '(' ? Token::Kind::kOpen : Token::Kind::kClose, text.substr(i, 1), i + 1});
      ++i;
    } else if (WordByte(c)) {
      size_t start = i;
      while (i < text.size() && WordByte(text[i])) ++i;
      std::string_view w = text.substr(start, i - start);
      bool number = std::all_of(w.begin(), w.end(), [](char d) { return d >= '0' && d <= '9'; });
      tokens.push_back({number ? Token::Kind::kNumber : Token::Kind::kWord, w, start + 1});
    } else {
      return Status::Usage(fmt::format("unexpected '{}' in the condition", c))
          .At({"", 1, i + 1}, text);
    }
  }
  tokens.push_back({Token::Kind::kEnd, {}, text.size() + 1});
  return tokens;
}

class Parser {
 public:
  Parser(std::string_view text, const std::vector<Token>& tokens,
         const std::vector<std::string>& names, std::vector<bool>* used)
      : text_(text), tokens_(tokens), names_(names), used_(used) {}

  std::vector<Condition::Node>* nodes = nullptr;

  Result<uint32_t> Parse() {
    Result<uint32_t> root = Or(0);
    if (!root.ok()) return root;
    if (Peek().kind != Token::Kind::kEnd) return Error(Peek(), "expected 'and', 'or' or the end");
    return root;
  }

 private:
  static constexpr int kMaxDepth = 200;

  const Token& Peek() const { return tokens_[pos_]; }
  bool IsWord(std::string_view w) const {
    return Peek().kind == Token::Kind::kWord && Peek().text == w;
  }
  Status Error(const Token& t, std::string_view message) const {
    return Status::Usage(message).At({"", 1, t.column}, text_);
  }
  uint32_t Add(Condition::Node n) {
    nodes->push_back(std::move(n));
    return static_cast<uint32_t>(nodes->size() - 1);
  }

  Result<uint32_t> Or(int depth) {
    Result<uint32_t> left = And(depth);
    while (left.ok() && IsWord("or")) {
      ++pos_;
      Result<uint32_t> right = And(depth);
      if (!right.ok()) return right;
      left = Add({Condition::Node::Kind::kOr, *left, *right, 0, 0, {}});
    }
    return left;
  }

  Result<uint32_t> And(int depth) {
    Result<uint32_t> left = Not(depth);
    while (left.ok() && IsWord("and")) {
      ++pos_;
      Result<uint32_t> right = Not(depth);
      if (!right.ok()) return right;
      left = Add({Condition::Node::Kind::kAnd, *left, *right, 0, 0, {}});
    }
    return left;
  }

  Result<uint32_t> Not(int depth) {
    if (depth > kMaxDepth) return Error(Peek(), "the condition is nested too deeply");
    if (IsWord("not")) {
      ++pos_;
      Result<uint32_t> operand = Not(depth + 1);
      if (!operand.ok()) return operand;
      return Add({Condition::Node::Kind::kNot, *operand, 0, 0, 0, {}});
    }
    return Primary(depth);
  }

  Result<uint32_t> Primary(int depth) {
    const Token& t = Peek();
    if (t.kind == Token::Kind::kOpen) {
      ++pos_;
      Result<uint32_t> inner = Or(depth + 1);
      if (!inner.ok()) return inner;
      if (Peek().kind != Token::Kind::kClose) {
        return Error(Peek(), fmt::format("expected ')' to close '(' at column {}", t.column));
      }
      ++pos_;
      return inner;
    }
    if (t.kind == Token::Kind::kNumber ||
        (t.kind == Token::Kind::kWord && t.text == "all" &&
         tokens_[pos_ + 1].kind == Token::Kind::kWord && tokens_[pos_ + 1].text == "of")) {
      return Of();
    }
    if (t.kind != Token::Kind::kWord || t.text == "and" || t.text == "or" || t.text == "of") {
      return Error(t, t.kind == Token::Kind::kEnd ? "expected a selection name at the end"
                                                  : "expected a selection name, 'not' or '('");
    }
    ++pos_;
    if (t.text.find('*') != std::string_view::npos) {
      return Error(t, fmt::format("a pattern needs a count: '1 of {0}' or 'all of {0}'", t.text));
    }
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == t.text) {
        (*used_)[i] = true;
        return Add({Condition::Node::Kind::kName, 0, 0, static_cast<uint32_t>(i), 0, {}});
      }
    }
    std::string hint = Suggest(t.text, names_);
    return Error(t, fmt::format("no selection named '{}'{}", t.text,
                                hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  }

  Result<uint32_t> Of() {
    const Token& count = Peek();
    uint32_t need = 0;
    if (count.kind == Token::Kind::kNumber) {
      if (count.text.size() > 6) return Error(count, "the count is too large");
      need = static_cast<uint32_t>(std::stoul(std::string(count.text)));
      if (need == 0) return Error(count, "'0 of' always holds; write the condition without it");
    }
    ++pos_;
    if (!IsWord("of")) return Error(Peek(), "expected 'of' after the count");
    ++pos_;
    const Token& pattern = Peek();
    if (pattern.kind != Token::Kind::kWord) {
      return Error(pattern, "expected a selection name or pattern after 'of'");
    }
    ++pos_;
    Condition::Node n{Condition::Node::Kind::kOf, 0, 0, 0, need, {}};
    for (size_t i = 0; i < names_.size(); ++i) {
      if (GlobMatch(pattern.text, names_[i])) {
        n.members.push_back(static_cast<uint32_t>(i));
        (*used_)[i] = true;
      }
    }
    if (n.members.empty()) {
      return Error(pattern, fmt::format("'{}' matches no selection", pattern.text));
    }
    if (need > n.members.size()) {
      return Error(count, fmt::format("'{} of {}': only {} selections match", need, pattern.text,
                                      n.members.size()));
    }
    return Add(std::move(n));
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<std::string>& names_;
  std::vector<bool>* used_;
  size_t pos_ = 0;
};

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view name) {
  // Iterative matching with one backtrack point: linear in practice, never exponential.
  size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Result<Condition> Condition::Parse(std::string_view text, const std::vector<std::string>& names) {
  Result<std::vector<Token>> tokens = Tokenize(text);
  if (!tokens.ok()) return tokens.status();
  Condition c;
  c.used_.assign(names.size(), false);
  Parser parser(text, *tokens, names, &c.used_);
  parser.nodes = &c.nodes_;
  Result<uint32_t> root = parser.Parse();
  if (!root.ok()) return root.status();
  c.root_ = *root;
  return c;
}

bool Condition::Eval(const std::vector<bool>& held) const {
  return EvalLazy([&](uint32_t i) { return static_cast<bool>(held[i]); });
}

}  // namespace casesift
