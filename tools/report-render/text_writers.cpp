#include "text_writers.h"

#include <fmt/format.h>

#include "common/csv_writer.h"
#include "common/json_builder.h"

namespace casesift {

namespace {

// A text that Excel would take for a formula (=, +, -, @, a tab or CR first) is kept as
// text by a leading apostrophe, which Excel does not show (OWASP's "CSV injection").
// Numbers are left alone: -250.5 is a number.
void AppendCsvCell(std::string_view s, std::string* out, bool number = false) {
  if (!number && !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) {
    AppendCsvField("'" + std::string(s), out);
    return;
  }
  AppendCsvField(s, out);
}

// Text safe inside a GFM table cell: Markdown's punctuation escaped, line ends as <br>.
void AppendMarkdownCell(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '\\':
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '#':
      case '~':
        out->push_back('\\');
        out->push_back(c);
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '&':
        out->append("&amp;");
        break;
      case '\r':
        break;
      case '\n':
        out->append("<br>");
        break;
      default:
        out->push_back(c);
    }
  }
}

std::string Plural(uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string FieldList(const std::vector<std::string>& fields) {
  std::string s;
  for (const std::string& f : fields) {
    if (!s.empty()) s += ", ";
    s += f;
  }
  return s;
}

}  // namespace

std::string MaskSentence(const MaskSummary& mask) {
  if (!mask.enabled)
    return "Not masked (--no-mask): the report shows personal data as the leads carry it.";
  std::vector<std::string> parts;
  if (mask.id_numbers > 0) parts.push_back(Plural(mask.id_numbers, "ID number", "ID numbers"));
  if (mask.names > 0) {
    parts.push_back(Plural(mask.names, "person name", "person names") + " (" +
                    FieldList(mask.name_fields) + ")");
  }
  if (mask.addresses > 0) {
    parts.push_back(Plural(mask.addresses, "address", "addresses") + " cut to the district (" +
                    FieldList(mask.address_fields) + ")");
  }
  if (parts.empty()) return "Masked: nothing needed masking (ID numbers, person names, addresses).";
  std::string s = "Masked: ";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) s += i + 1 == parts.size() ? " and " : ", ";
    s += parts[i];
  }
  return s + ".";
}

// `s` on one line: control characters (a line end in a rule's title) as spaces, so that
// no value can end a provenance line, or the Markdown block it sits in, early.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

std::vector<std::string> ProvenanceLines(const Provenance& p) {
  std::vector<std::string> lines;
  lines.push_back("Inputs:");
  for (const auto& in : p.inputs) {
    lines.push_back(fmt::format("  {}  {} bytes  {}", in.name, in.bytes, in.hash));
  }
  lines.push_back("Rules:");
  if (p.rules.empty()) lines.push_back("  (none)");
  for (const auto& r : p.rules) {
    lines.push_back(fmt::format("  {}  version {}  {}  {}  {}", r.id,
                                r.version.empty() ? "-" : r.version, r.hash.empty() ? "-" : r.hash,
                                Plural(r.leads, "lead", "leads"), r.title));
  }
  lines.push_back("Program: " + p.program);
  if (!p.libraries.empty()) lines.push_back("Libraries: " + FieldList(p.libraries));
  lines.push_back("Command: " + p.command_line);
  lines.push_back("Generated: " + p.generated_at +
                  (p.time_from_source_date_epoch ? " (SOURCE_DATE_EPOCH)" : ""));
  for (std::string& line : lines) line = OneLine(line);
  return lines;
}

void WriteCsv(const Report& report, const CsvOptions& options, std::string* out) {
  if (options.bom) out->append("\xEF\xBB\xBF");
  bool grouped = !report.group_field.empty();
  bool first = true;
  auto sep = [&] {
    if (!first) out->push_back(',');
    first = false;
  };
  if (grouped) {
    sep();
    AppendCsvCell(report.group_field, out);
  }
  for (const Column& c : report.columns) {
    sep();
    AppendCsvCell(c.label, out);
  }
  out->append("\r\n");
  for (const LeadRow& row : report.rows) {
    first = true;
    if (grouped) {
      sep();
      AppendCsvCell(row.group, out);
    }
    for (const Cell& cell : row.cells) {
      sep();
      AppendCsvCell(cell.text, out, cell.kind == Cell::Kind::kNumber);
    }
    out->append("\r\n");
  }
  if (!options.provenance) return;
  out->append("\r\n");
  for (const std::string& line : ProvenanceLines(report.provenance)) {
    AppendCsvCell("# " + line, out);
    out->append("\r\n");
  }
}

void WriteMarkdown(const Report& report, std::string* out) {
  auto text = [&](std::string_view s) { AppendMarkdownCell(s, out); };
  out->append("# ");
  text(report.title);
  out->append("\n\n");
  fmt::format_to(std::back_inserter(*out), "**{}.** ", Plural(report.leads, "lead", "leads"));
  text(MaskSentence(report.mask));
  out->append("\n\n## Summary\n");
  for (const Tally& t : report.tallies) {
    out->append("\n### ");
    text(t.title);
    out->append("\n\n| ");
    text(t.key);
    out->append(" | leads |\n| --- | ---: |\n");
    for (const auto& [label, n] : t.counts) {
      out->append("| ");
      text(label);
      fmt::format_to(std::back_inserter(*out), " | {} |\n", n);
    }
  }
  out->append("\n## Leads\n");
  for (const Group& g : report.groups) {
    if (!report.group_field.empty()) {
      out->append("\n### ");
      text(report.group_field);
      out->append(": ");
      text(g.value.empty() ? "(none)" : g.value);
      fmt::format_to(std::back_inserter(*out), " ({})\n", Plural(g.end - g.begin, "lead", "leads"));
    }
    out->append("\n|");
    for (const Column& c : report.columns) {
      out->push_back(' ');
      text(c.label);
      out->append(" |");
    }
    out->append("\n|");
    for (const Column& c : report.columns) out->append(c.numeric ? " ---: |" : " --- |");
    out->push_back('\n');
    for (size_t r = g.begin; r < g.end; ++r) {
      out->push_back('|');
      for (const Cell& cell : report.rows[r].cells) {
        out->push_back(' ');
        text(cell.text);
        out->append(" |");
      }
      out->push_back('\n');
    }
  }
  out->append("\n## Provenance\n\n```\n");
  for (const std::string& line : ProvenanceLines(report.provenance)) {
    // A line of backticks cannot end the block early: none of these starts with one.
    out->append(line);
    out->push_back('\n');
  }
  out->append("```\n");
}

void WriteJsonSummary(const Report& report, std::string* out) {
  JsonBuilder b(out);
  b.BeginObject().Key("title").String(report.title);
  if (!report.split_field.empty()) {
    b.Key("split").BeginObject().Key("field").String(report.split_field);
    b.Key("value").String(report.split_value).EndObject();
  }
  b.Key("leads").Uint(report.leads);
  for (const Tally& t : report.tallies) {
    b.Key("by_" + t.key).BeginArray();
    for (const auto& [label, n] : t.counts) {
      b.BeginObject().Key(t.key).String(label).Key("leads").Uint(n).EndObject();
    }
    b.EndArray();
  }
  if (!report.group_field.empty()) {
    b.Key("groups").BeginArray();
    for (const Group& g : report.groups) {
      b.BeginObject().Key(report.group_field).String(g.value).Key("leads").Uint(g.end - g.begin);
      b.EndObject();
    }
    b.EndArray();
  }
  const MaskSummary& m = report.mask;
  b.Key("masked").BeginObject().Key("enabled").Bool(m.enabled);
  b.Key("id_numbers").Uint(m.id_numbers).Key("names").Uint(m.names);
  b.Key("addresses").Uint(m.addresses);
  b.Key("name_fields").BeginArray();
  for (const std::string& f : m.name_fields) b.String(f);
  b.EndArray().Key("address_fields").BeginArray();
  for (const std::string& f : m.address_fields) b.String(f);
  b.EndArray().EndObject();
  const Provenance& p = report.provenance;
  b.Key("provenance").BeginObject().Key("inputs").BeginArray();
  for (const auto& in : p.inputs) {
    b.BeginObject().Key("name").String(in.name).Key("bytes").Uint(in.bytes);
    b.Key("hash").String(in.hash).EndObject();
  }
  b.EndArray().Key("rules").BeginArray();
  for (const auto& r : p.rules) {
    b.BeginObject().Key("id").String(r.id).Key("version").String(r.version);
    b.Key("hash").String(r.hash).Key("title").String(r.title).Key("leads").Uint(r.leads);
    b.EndObject();
  }
  b.EndArray().Key("program").String(p.program).Key("libraries").BeginArray();
  for (const std::string& l : p.libraries) b.String(l);
  b.EndArray().Key("command").String(p.command_line);
  b.Key("generated_at").String(p.generated_at).EndObject();
  b.EndObject();
  out->push_back('\n');
}

}  // namespace casesift
