// DocumentLayout: where the parts of a judgment are in its text.
//
// Court documents follow one layout (DOMAIN.md §1): header (court, document type, 案号),
// party paragraphs, the 案件由来 sentence, claims (诉讼请求/诉称 with 事实和理由), the
// defence (辩称), the facts found (经审理查明), the reasoning (本院认为), the decision
// (判决如下/裁定如下/达成如下协议 and its items), the fee clause (案件受理费…), the appeal
// notice and the signature block. Published texts come with one paragraph per line, or
// run together on one line (as in many corpora), so the layout is found from the words
// that open each part, not from line breaks alone.
//
// Each part is a byte range of the text; a part the document does not have is empty
// (begin == end). Parts appear in document order and do not overlap, except the fee
// clause, which mediation agreements often state as one of the decision's items. Each
// block runs from the sentence that opens it to the next block.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_DOCUMENT_LAYOUT_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_DOCUMENT_LAYOUT_H_

#include <string_view>
#include <vector>

namespace casesift {

struct Span {
  size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
  std::string_view In(std::string_view text) const {
    return empty() ? std::string_view() : text.substr(begin, end - begin);
  }
};

// A part of the body that can occur more than once: a second-instance judgment restates
// the first-instance claims, facts, reasoning and decision before its own.
enum class BlockKind {
  kClaims,  // 诉讼请求/诉称/上诉请求/起诉请求/再审申请/异议/申请执行 … with 事实和理由
  kDefence,  // 辩称, 述称
  kFacts,  // 经审理查明, 一审法院认定事实, a restated lower-court decision, 执行中 …
  kReasoning,  // 本院认为, 一审法院认为
};

struct Block {
  BlockKind kind;
  Span span;
  bool counterclaim = false;  // 反诉请求
  bool appeal = false;        // 上诉请求, 再审请求, 异议: not the first-instance claim
};

struct DocumentLayout {
  Span header;                // court, document type, 案号
  Span parties;               // party paragraphs
  Span origin;                // 案件由来 and 审理经过
  std::vector<Block> blocks;  // in document order
  Span decision;   // the items after the last 判决如下 / 裁定如下 / 达成如下协议 …
  Span fee;        // the fee clause: 案件受理费… (may lie inside a mediation's items)
  Span signature;  // 审判长 … 书记员, with the date
};

// Finds the parts of `text`. `header_end` is where the header stops (after the 案号), as
// found by the header parser. Never fails: unrecognised parts stay empty.
DocumentLayout FindLayout(std::string_view text, size_t header_end);

// The sections of the layout with their names, for --sections (a repeated block kind
// gives one entry per block).
std::vector<std::pair<const char*, Span>> NamedSections(const DocumentLayout& layout);
const char* BlockName(BlockKind kind);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_DOCUMENT_LAYOUT_H_
