#include "xlsx_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <set>

#include "common/utf8.h"
#include "text_writers.h"

namespace casesift {

namespace {

// Display width of `s` in Excel's character units: East Asian characters count two.
double DisplayWidth(std::string_view s) {
  double w = 0;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = NextCodePoint(s, &i);
    w += c >= 0x1100 ? 2.0 : 1.0;
  }
  return w;
}

// `s` cut to at most `chars` UTF-8 characters.
std::string CutChars(std::string_view s, size_t chars) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < chars) {
    (void)NextCodePoint(s, &i);
    ++n;
  }
  return std::string(s.substr(0, i));
}

double NumberOf(std::string_view text) {
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

int IntOf(std::string_view text) {
  int v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

bool IsAmountColumn(std::string_view name) {
  return name.ends_with("yuan") || name.ends_with("amount") || name.ends_with("_amt");
}

class Workbook {
 public:
  Workbook(const std::string& path, std::time_t created) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;  // rows stream to disk: memory does not grow with leads
    book_ = workbook_new_opt(path.c_str(), &options);
    if (book_ == nullptr) return;
    properties_.created = created;
    properties_.comments = const_cast<char*>("Written by report-render (casesift)");
    workbook_set_properties(book_, &properties_);
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xE8EEF4);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    date_ = workbook_add_format(book_);
    format_set_num_format(date_, "yyyy-mm-dd");
    amount_ = workbook_add_format(book_);
    format_set_num_format(amount_, "#,##0.00");
    title_ = workbook_add_format(book_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
  }
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);  // only after an error: Close() clears it
  }

  bool ok() const { return book_ != nullptr; }
  lxw_workbook* book() { return book_; }

  Status Close(const std::string& path) {
    lxw_error err = workbook_close(book_);
    book_ = nullptr;
    if (err != LXW_NO_ERROR) {
      return Status::IoError(fmt::format("cannot write '{}': {}", path, lxw_strerror(err)));
    }
    return Status::OK();
  }

  lxw_format *header_ = nullptr, *date_ = nullptr, *amount_ = nullptr, *title_ = nullptr,
             *bold_ = nullptr;

 private:
  lxw_workbook* book_ = nullptr;
  lxw_doc_properties properties_ = {};
};

// Excel holds at most 32,767 characters (UTF-16 units) in a cell: a longer text is cut on
// a character boundary and ends with "…".
std::string CellText(std::string_view text) {
  constexpr size_t kLimit = 32767;
  if (text.size() <= kLimit) return std::string(text);  // bytes >= units: it fits
  size_t i = 0, units = 0;
  while (i < text.size()) {
    size_t at = i;
    char32_t c = NextCodePoint(text, &i);
    units += c >= 0x10000 ? 2 : 1;
    if (units > kLimit - 1) return std::string(text.substr(0, at)) + "\xE2\x80\xA6";
  }
  return std::string(text);
}

void WriteText(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text,
               lxw_format* format = nullptr) {
  std::string s = CellText(text);
  worksheet_write_string(ws, row, col, s.c_str(), format);
}

void WriteSummary(Workbook* wb, lxw_worksheet* ws, const Report& report) {
  lxw_row_t row = 0;
  WriteText(ws, row++, 0, report.title, wb->title_);
  worksheet_write_string(ws, row, 0, "Leads", wb->bold_);
  worksheet_write_number(ws, row++, 1, static_cast<double>(report.leads), nullptr);
  WriteText(ws, row++, 0, MaskSentence(report.mask));
  for (const Tally& t : report.tallies) {
    ++row;
    WriteText(ws, row++, 0, t.title, wb->bold_);
    WriteText(ws, row, 0, t.key, wb->header_);
    worksheet_write_string(ws, row++, 1, "leads", wb->header_);
    for (const auto& [label, n] : t.counts) {
      WriteText(ws, row, 0, label);
      worksheet_write_number(ws, row++, 1, static_cast<double>(n), nullptr);
    }
  }
  ++row;
  WriteText(ws, row++, 0, "Provenance", wb->bold_);
  for (const std::string& line : ProvenanceLines(report.provenance)) WriteText(ws, row++, 0, line);
  worksheet_set_column(ws, 0, 0, 48, nullptr);
  worksheet_set_column(ws, 1, 1, 10, nullptr);
}

// One rule's leads (rows[i] for i in `rows`).
void WriteLeadSheet(Workbook* wb, lxw_worksheet* ws, const Report& report,
                    const std::vector<size_t>& rows) {
  bool grouped = !report.group_field.empty();
  std::vector<size_t> columns;  // those some lead of the sheet fills
  for (size_t c = 0; c < report.columns.size(); ++c) {
    for (size_t r : rows) {
      if (report.rows[r].cells[c].kind != Cell::Kind::kEmpty) {
        columns.push_back(c);
        break;
      }
    }
  }
  std::vector<double> widths;
  std::vector<std::string_view> labels;
  if (grouped) labels.push_back(report.group_field);
  for (size_t c : columns) labels.push_back(report.columns[c].label);
  for (std::string_view l : labels) widths.push_back(DisplayWidth(l) + 2);
  // Widths from the content (the first 1,000 rows are enough to judge), set before rows.
  size_t sample = std::min<size_t>(rows.size(), 1000);
  for (size_t i = 0; i < sample; ++i) {
    const LeadRow& lead = report.rows[rows[i]];
    size_t col = 0;
    if (grouped) widths[col] = std::max(widths[col], DisplayWidth(lead.group) + 2), ++col;
    for (size_t c : columns) {
      const Cell& cell = lead.cells[c];
      double w = cell.kind == Cell::Kind::kDate ? 12 : DisplayWidth(cell.text) + 2;
      widths[col] = std::max(widths[col], w);
      ++col;
    }
  }
  for (size_t col = 0; col < widths.size(); ++col) {
    size_t c = grouped ? (col == 0 ? SIZE_MAX : columns[col - 1]) : columns[col];
    lxw_format* format = nullptr;
    if (c != SIZE_MAX && report.columns[c].dates) format = wb->date_;
    if (c != SIZE_MAX && report.columns[c].numeric && IsAmountColumn(report.columns[c].name)) {
      format = wb->amount_;
    }
    worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                         std::clamp(widths[col], 6.0, 60.0), format);
  }
  for (size_t col = 0; col < labels.size(); ++col) {
    WriteText(ws, 0, static_cast<lxw_col_t>(col), labels[col], wb->header_);
  }
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t row = 1;
  for (size_t r : rows) {
    const LeadRow& lead = report.rows[r];
    lxw_col_t col = 0;
    if (grouped) WriteText(ws, row, col++, lead.group);
    for (size_t c : columns) {
      const Cell& cell = lead.cells[c];
      switch (cell.kind) {
        case Cell::Kind::kEmpty:
          break;
        case Cell::Kind::kNumber:
          worksheet_write_number(ws, row, col, NumberOf(cell.text),
                                 IsAmountColumn(report.columns[c].name) ? wb->amount_ : nullptr);
          break;
        case Cell::Kind::kDate: {
          // Excel's dates begin in 1900 (and its 1900-02-29 does not exist): before March
          // 1900, the date is written as text.
          if (cell.text < "1900-03-01") {
            WriteText(ws, row, col, cell.text);
            break;
          }
          // A kDate cell is a checked YYYY-MM-DD.
          lxw_datetime d = {IntOf(cell.text.substr(0, 4)),
                            IntOf(cell.text.substr(5, 2)),
                            IntOf(cell.text.substr(8, 2)),
                            0,
                            0,
                            0};
          worksheet_write_datetime(ws, row, col, &d, wb->date_);
          break;
        }
        default:
          WriteText(ws, row, col, cell.text);
      }
      ++col;
    }
    ++row;
  }
  if (!labels.empty()) {
    worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1,
                         static_cast<lxw_col_t>(labels.size() - 1));
  }
}

}  // namespace

std::vector<std::string> SheetNames(const std::vector<std::string>& rules) {
  std::vector<std::string> names;
  std::set<std::string> used = {"summary"};  // Excel compares sheet names without case
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (const std::string& rule : rules) {
    std::string clean;
    for (char c : rule)
      clean.push_back(std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_');
    if (clean.empty() || clean.front() == '\'') clean.insert(clean.begin(), '_');
    if (lower(clean) == "history") clean += '_';
    // Neither end may be an apostrophe, also after a cut.
    auto tidy = [](std::string n) {
      if (!n.empty() && n.back() == '\'') n.back() = '_';
      return n;
    };
    std::string name = tidy(CutChars(clean, 31));
    for (int n = 2; used.count(lower(name)) > 0; ++n) {
      std::string suffix = fmt::format("~{}", n);
      name = tidy(CutChars(clean, 31 - suffix.size())) + suffix;
    }
    used.insert(lower(name));
    names.push_back(std::move(name));
  }
  return names;
}

Status WriteXlsx(const Report& report, const std::string& path, std::time_t created) {
  Workbook wb(path, created);
  if (!wb.ok()) return Status::IoError(fmt::format("cannot create '{}'", path));
  lxw_worksheet* summary = workbook_add_worksheet(wb.book(), "Summary");
  WriteSummary(&wb, summary, report);
  // Rules in the order of the provenance (by id), each with its rows in report order.
  std::map<std::string_view, std::vector<size_t>> by_rule;
  for (size_t r = 0; r < report.rows.size(); ++r) by_rule[report.rows[r].rule].push_back(r);
  std::vector<std::string> rules;
  for (const auto& [rule, rows] : by_rule) rules.emplace_back(rule);
  std::vector<std::string> names = SheetNames(rules);
  size_t i = 0;
  for (const auto& [rule, rows] : by_rule) {
    constexpr size_t kMaxRows = 1048575;  // Excel's rows, less the header
    if (rows.size() > kMaxRows) {
      return Status::Usage(
          fmt::format("rule '{}' has {} leads, more than an Excel sheet holds ({}): use -f csv, or "
                      "--split-by to make several workbooks",
                      rule, rows.size(), kMaxRows));
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb.book(), names[i++].c_str());
    if (ws == nullptr)
      return Status::IoError(fmt::format("cannot add the sheet of rule '{}'", rule));
    WriteLeadSheet(&wb, ws, report, rows);
  }
  return wb.Close(path);
}

}  // namespace casesift
