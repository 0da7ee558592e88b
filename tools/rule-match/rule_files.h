// The reading side of rule loading (rules.h): rules files with their lines for located
// messages, the folders they come from, named-list files, and how a YAML scalar becomes a
// literal. Internal to rule-match.
#ifndef CASESIFT_TOOLS_RULE_MATCH_RULE_FILES_H_
#define CASESIFT_TOOLS_RULE_MATCH_RULE_FILES_H_

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "correlation_rules.h"
#include "value.h"

namespace casesift {

// One rules file being loaded: its name and lines, for located messages.
class Source {
 public:
  Source(std::string file, const std::string& text) : file_(std::move(file)) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
    }
  }
  const std::string& file() const { return file_; }

  Location At(const YAML::Mark& mark, size_t extra_columns = 0) const;
  std::string_view Line(const YAML::Mark& mark) const;
  Status Error(const YAML::Node& node, std::string_view message, size_t extra = 0) const {
    return Status::Usage(message).At(At(node.Mark(), extra), Line(node.Mark()));
  }
  // The column offset of a scalar's text within its line: 1 when it is quoted.
  size_t QuoteOffset(const YAML::Node& node) const {
    std::string_view line = Line(node.Mark());
    size_t c = static_cast<size_t>(std::max(0, node.Mark().column));
    return c < line.size() && (line[c] == '\'' || line[c] == '"') ? 1 : 0;
  }
  // Where `node` (a scalar) was written: its first character, past an opening quote.
  SourceSite Site(const YAML::Node& node) const {
    return {At(node.Mark(), QuoteOffset(node)), std::string(Line(node.Mark()))};
  }
  // Re-locates an error whose location is a column within the scalar `node`'s text.
  Status Relocate(const Status& inner, const YAML::Node& node, std::string_view prefix) const {
    size_t column = inner.location() != nullptr && inner.location()->column > 0
                        ? inner.location()->column - 1
                        : 0;
    std::string message = prefix.empty() ? std::string(inner.message())
                                         : fmt::format("{}: {}", prefix, inner.message());
    return Error(node, message, QuoteOffset(node) + column);
  }

 private:
  std::string file_;
  std::vector<std::string> lines_;
};

// Whether a scalar was written plain (not quoted).
bool IsPlain(const YAML::Node& node);
// A scalar literal: plain true/false are booleans, plain decimals are numbers, anything
// quoted is a string. Null is no literal (std::nullopt).
std::optional<Value> Literal(const YAML::Node& node);
// A YAML value as JSON text, typed as Literal types scalars (for test records).
class JsonBuilder;
void ToJson(const YAML::Node& node, JsonBuilder& b);
// A rule document's canonical text, what its rule_hash is the XXH3 of: maps with their keys
// sorted, scalars typed as Literal types them (strings as JSON strings, plain numbers as
// written, true, false, ~ for null). Comments, layout, quoting that does not change a type
// and the order of a map's keys leave it alone; a value, a list's order, or a number quoted
// (a string) change it.
std::string CanonicalText(const YAML::Node& node);

// Appends `path` (a file) or the *.yaml and *.yml files under it (a folder, recursively,
// sorted) to *files.
Status CollectFiles(const std::string& path, std::vector<std::string>* files);
Status ReadFile(const std::string& path, std::string* out);
// A rule file read and parsed as YAML: `read` failed, or `error` is the parse's, or `docs`.
struct ParsedFile {
  std::string text;
  Status read;
  std::optional<YAML::Exception> error;
  std::vector<YAML::Node> docs;
};
// Reads and parses `files` on up to `threads` threads; each file's outcome in its place.
std::vector<ParsedFile> ParseFiles(const std::vector<std::string>& files, unsigned threads);
// Reads the NAME.txt lists of `dir` into *lists.
Status LoadLists(const std::string& dir, std::map<std::string, std::vector<Value>>* lists);

struct Rule;
// Loads a rule's `lead:` (key, subject, evidence) into rule->lead; its `$names` must be
// defined in rule->lets (or, for a correlation rule, name an aggregate). Errors are located
// in `src`.
Status LoadLead(const Source& src, const YAML::Node& lead, Rule* rule);

struct Entry;
// Puts the values of each '@name' an entry (or a nested one) names into its literals, and
// normalises the string literals of |norm and |core entries; an unknown name is a located
// error with a suggestion.
Status ResolveLists(const std::map<std::string, std::vector<Value>>& lists,
                    std::vector<Entry>* entries);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_RULE_MATCH_RULE_FILES_H_
