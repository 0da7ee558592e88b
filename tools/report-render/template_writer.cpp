#include "template_writer.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>

#include "lead_fields.h"
#include "text_writers.h"

namespace casesift {

namespace embedded {
extern const std::string_view kStatementTemplate;    // templates/statement.mustache
extern const std::string_view kCoverLetterTemplate;  // templates/cover-letter.mustache
}  // namespace embedded

namespace mustache = kainjow::mustache;

struct TemplateWriter::Impl {
  std::string path;
  std::string text;
  std::unique_ptr<mustache::mustache> tmpl;
};

namespace {

// The 1-based line and column of byte `offset` of `text`, and that line.
Location LocationOf(const std::string& path, const std::string& text, size_t offset,
                    std::string* line) {
  offset = std::min(offset, text.size());
  size_t begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  begin = (begin == std::string::npos || offset == 0) ? 0 : begin + 1;
  if (offset > 0 && text[offset - 1] == '\n') begin = offset;
  size_t end = text.find('\n', offset);
  *line = text.substr(begin, (end == std::string::npos ? text.size() : end) - begin);
  uint64_t line_no = 1 + std::count(text.begin(), text.begin() + begin, '\n');
  return Location{path, line_no, offset - begin + 1};
}

// A located status from a mustache error "… at N".
Status TemplateError(const TemplateWriter::Impl& impl, const std::string& message,
                     std::string_view what) {
  size_t at = message.rfind(" at ");
  if (at != std::string::npos) {
    char* end = nullptr;
    unsigned long long offset = std::strtoull(message.c_str() + at + 4, &end, 10);
    if (end != message.c_str() + at + 4 && *end == '\0') {
      std::string line;
      Location loc = LocationOf(impl.path, impl.text, offset, &line);
      return Status::Usage(fmt::format("{}: {}", what, message.substr(0, at))).At(loc, line);
    }
  }
  return Status::Usage(fmt::format("{}: {}: {}", impl.path, what, message));
}

class DataBuilder {
 public:
  DataBuilder(Masker* masker, TextArena* arena) : masker_(masker), arena_(*arena) {}

  mustache::data Value(simdjson::dom::element v, std::string& path) {
    switch (v.type()) {
      case simdjson::dom::element_type::OBJECT: {
        mustache::data obj{mustache::data::type::object};
        simdjson::dom::object object;
        if (v.get_object().get(object) != simdjson::SUCCESS) return obj;
        for (simdjson::dom::key_value_pair kv : object) {
          size_t mark = path.size();
          if (!path.empty()) path += '.';
          path += kv.key;
          obj.set(std::string(kv.key), Value(kv.value, path));
          path.resize(mark);
        }
        return obj;
      }
      case simdjson::dom::element_type::ARRAY: {
        mustache::data list{mustache::data::type::list};
        size_t mark = path.size();
        path += "[*]";
        simdjson::dom::array arr;
        if (v.get_array().get(arr) != simdjson::SUCCESS) return list;
        size_t n = arr.size(), i = 0;
        for (simdjson::dom::element e : arr) {
          mustache::data item = Value(e, path);
          if (item.is_object()) {
            item.set("first",
                     i == 0 ? mustache::data::type::bool_true : mustache::data::type::bool_false);
            item.set("last", i + 1 == n ? mustache::data::type::bool_true
                                        : mustache::data::type::bool_false);
          }
          list.push_back(item);
          ++i;
        }
        path.resize(mark);
        return list;
      }
      case simdjson::dom::element_type::BOOL:
        return v.get_bool().value_unsafe() ? mustache::data::type::bool_true
                                           : mustache::data::type::bool_false;
      case simdjson::dom::element_type::NULL_VALUE:
        return mustache::data::type::bool_false;  // a null hides its section, shows nothing
      default: {
        Cell c = CellOf(v, &arena_);
        if ((c.kind == Cell::Kind::kText || c.kind == Cell::Kind::kDate) &&
            masker_->Mask(path, c.text, &masked_)) {
          return mustache::data(masked_);
        }
        return mustache::data(std::string(c.text));
      }
    }
  }

 private:
  Masker* masker_;
  TextArena& arena_;
  std::string masked_;
};

// The templates that ship inside the program, by name ("statement", "cover-letter").
std::string_view ShippedTemplate(std::string_view name) {
  if (name == "statement" || name == "statement.mustache") return embedded::kStatementTemplate;
  if (name == "cover-letter" || name == "cover-letter.mustache") {
    return embedded::kCoverLetterTemplate;
  }
  return {};
}

// A list of objects, one per element of `items`, each filled by fill(element, &object).
template <typename Items, typename Fill>
mustache::data ListOf(const Items& items, Fill fill) {
  mustache::data list{mustache::data::type::list};
  for (const auto& element : items) {
    mustache::data item{mustache::data::type::object};
    fill(element, &item);
    list.push_back(item);
  }
  return list;
}

mustache::data Bool(bool b) {
  return b ? mustache::data::type::bool_true : mustache::data::type::bool_false;
}

}  // namespace

Result<std::unique_ptr<TemplateWriter>> TemplateWriter::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::unique_ptr<TemplateWriter> w(new TemplateWriter());
  w->impl_ = std::make_unique<Impl>();
  w->impl_->path = path;
  if (in) {
    std::ostringstream text;
    text << in.rdbuf();
    w->impl_->text = text.str();
  } else if (std::string_view shipped = ShippedTemplate(path); !shipped.empty()) {
    w->impl_->text = shipped;
  } else {
    return Status::FromErrno(
        fmt::format("cannot open template '{}' (the shipped ones are named statement and "
                    "cover-letter)",
                    path),
        errno);
  }
  // Partials would be read from elsewhere; say so rather than render nothing for them.
  if (size_t at = w->impl_->text.find("{{>"); at != std::string::npos) {
    std::string line;
    Location loc = LocationOf(path, w->impl_->text, at, &line);
    return Status::Usage("partials ({{> name}}) are not supported: put their text in the template")
        .At(loc, line);
  }
  w->impl_->tmpl = std::make_unique<mustache::mustache>(w->impl_->text);
  if (!w->impl_->tmpl->is_valid()) {
    return TemplateError(*w->impl_, w->impl_->tmpl->error_message(), "the template does not parse");
  }
  return w;
}

TemplateWriter::~TemplateWriter() = default;

Status TemplateWriter::Render(const Report& report, Masker* masker, std::string* out) const {
  mustache::data root{mustache::data::type::object};
  root.set("title", report.title);
  root.set("leads_count", std::to_string(report.leads));
  root.set("split_field", report.split_field);
  root.set("split_value", report.split_value);
  root.set("group_field", report.group_field);
  root.set("generated_at", report.provenance.generated_at);
  root.set("masked", MaskSentence(report.mask));
  root.set("provenance",
           ListOf(ProvenanceLines(report.provenance),
                  [](const std::string& line, mustache::data* item) { item->set("line", line); }));
  root.set("rules", ListOf(report.provenance.rules, [](const auto& r, mustache::data* item) {
             item->set("id", r.id);
             item->set("version", r.version);
             item->set("hash", r.hash);
             item->set("title", r.title);
             item->set("leads", std::to_string(r.leads));
           }));
  root.set("inputs", ListOf(report.provenance.inputs, [](const auto& in, mustache::data* item) {
             item->set("name", in.name);
             item->set("bytes", std::to_string(in.bytes));
             item->set("hash", in.hash);
           }));
  root.set("columns", ListOf(report.columns, [](const Column& c, mustache::data* item) {
             item->set("label", c.label);
           }));

  simdjson::dom::parser parser;
  TextArena arena;
  DataBuilder builder(masker, &arena);
  mustache::data all{mustache::data::type::list};
  mustache::data groups{mustache::data::type::list};
  for (const Group& g : report.groups) {
    mustache::data leads{mustache::data::type::list};
    for (size_t r = g.begin; r < g.end; ++r) {
      const LeadRow& row = report.rows[r];
      simdjson::dom::element doc;
      if (parser.parse(row.json.data(), row.json.size()).get(doc) != simdjson::SUCCESS) {
        return Status::InvalidData("a lead could not be parsed again");
      }
      std::string path;
      mustache::data lead = builder.Value(doc, path);
      lead.set("index", std::to_string(r + 1));
      lead.set("court", std::string(row.court));
      lead.set("date", std::string(row.date));
      lead.set("cells", ListOf(row.cells, [](const Cell& cell, mustache::data* item) {
                 item->set("text", std::string(cell.text));
               }));
      // first and last: within the list the lead is in (the group's, and all leads).
      mustache::data in_group = lead;
      in_group.set("first", Bool(r == g.begin));
      in_group.set("last", Bool(r + 1 == g.end));
      leads.push_back(in_group);
      lead.set("first", Bool(r == 0));
      lead.set("last", Bool(r + 1 == report.rows.size()));
      all.push_back(lead);
    }
    mustache::data group{mustache::data::type::object};
    group.set("value", g.value);
    group.set("count", std::to_string(g.end - g.begin));
    group.set("leads", leads);
    groups.push_back(group);
  }
  root.set("leads", all);
  root.set("groups", groups);
  std::string text = impl_->tmpl->render(root);
  if (!impl_->tmpl->is_valid()) {
    return TemplateError(*impl_, impl_->tmpl->error_message(), "the template cannot be rendered");
  }
  out->append(text);
  return Status::OK();
}

}  // namespace casesift
