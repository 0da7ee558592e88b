// DocWriter: the pen every document writer holds. It appends text to the document and,
// for every money amount it writes, records the amount, its exact text and its section
// in the ground-truth record, so the truth cannot drift from the text.
//
// It also writes the pieces all documents share: the title (court line, document type,
// 案号), dates in Arabic and Chinese numerals, and the signature block.
//
// Lifetime: borrows the Rng, the text buffer and the record for the duration of one
// document. Not thread-safe; one per worker.
#ifndef CASESIFT_TOOLS_CASE_SYNTH_DOC_WRITER_H_
#define CASESIFT_TOOLS_CASE_SYNTH_DOC_WRITER_H_

#include <fmt/format.h>

#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "case_plan.h"
#include "case_record.h"
#include "rng.h"

namespace casesift::synth {

class DocWriter {
 public:
  DocWriter(Rng* rng, std::string* text, CaseRecord* record)
      : rng_(rng), text_(text), record_(record) {}

  Rng& rng() { return *rng_; }
  CaseRecord& record() { return *record_; }
  std::string& text() { return *text_; }

  void Put(std::string_view s) { text_->append(s); }
  template <typename... Args>
  void Fmt(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(*text_), format, std::forward<Args>(args)...);
  }
  // Ends the current paragraph (one paragraph per line).
  void EndParagraph() { text_->push_back('\n'); }
  // Starts a paragraph: some documents indent every paragraph with two U+3000.
  void BeginParagraph() {
    if (indent_) text_->append("　　");
  }
  void set_indent(bool indent) { indent_ = indent; }
  // Sends the text to `buffer` from now on; returns the previous buffer. Amounts are
  // still recorded (their text does not depend on where it lands).
  std::string* Redirect(std::string* buffer) {
    std::string* previous = text_;
    text_ = buffer;
    return previous;
  }
  // Replaces a trailing "；" by "。" (both three bytes in UTF-8).
  void EndSentence() {
    if (text_->size() >= 3 && text_->compare(text_->size() - 3, 3, "；") == 0) {
      text_->replace(text_->size() - 3, 3, "。");
    }
  }

  // Writes an amount in a form usual for `section` and records it, counting towards
  // `tally`. With `approx_ok`, round amounts may be written 5万余元 (the truth keeps the
  // written value). An amount written for Section::kFacts is recorded in the section
  // set by set_story_section (a story told in the claims is part of the claims).
  void Money(int64_t fen, Section section, Tally tally, bool approx_ok = false) {
    MoneyStyled(fen, section, section, tally, approx_ok);
  }
  // As Money, but written in the forms usual for `style` (a fee or decision quoted in
  // the facts of a second-instance document keeps the look of a fee or a decision).
  void MoneyStyled(int64_t fen, Section section, Section style, Tally tally,
                   bool approx_ok = false);
  // Where amounts written as facts are recorded from now on (kFacts, or kClaims while
  // the plaintiff tells the story); returns the previous setting.
  Section set_story_section(Section section) {
    Section previous = story_section_;
    story_section_ = section;
    return previous;
  }
  // Whether the amounts of a quoted earlier decision count towards award_yuan (a
  // second-instance judgment that upholds it).
  void set_quoted_award(bool counts) { quoted_award_ = counts; }
  bool quoted_award() const { return quoted_award_; }

  // 2014年8月4日
  void ArabicDate(const Date& date) { AppendArabicDate(text_, date); }
  // 二〇一七年一月十三日, with 〇 mostly, sometimes ○ or 零.
  void ChineseDate(const Date& date, bool placeholder_day = false);

  // The title block: court line, document type (letter-spaced or not), 案号 line. Fills
  // court, doc_type, case_no and case_no_parts.
  struct Title {
    std::string_view court;
    std::string_view doc_type;  // 民事判决书
    std::string_view court_code;
    std::string_view special;    // 知 or empty
    std::string_view type_code;  // 民初
    std::string_view legacy_abbr;
    std::string_view legacy_type;  // 民一（民）初字; used when plan.legacy
    std::string_view suffix;       // 之一 or empty
  };
  void WriteTitle(const CasePlan& plan, const Title& title);

  // A 案号 as a document cites it (another case): （2017）沪0115民初12345号.
  void CaseNumber(const CasePlan& plan, int year, std::string_view court_code,
                  std::string_view type_code, int64_t seq);

  // The signature block: judges, date (fills decided_date), 法官助理, 书记员.
  void WriteSignature(const CasePlan& plan);

 private:
  Rng* rng_;
  std::string* text_;
  CaseRecord* record_;
  bool indent_ = false;
  Section story_section_ = Section::kFacts;
  bool quoted_award_ = false;
};

// Writes a 案号 into `out` with full- or half-width brackets; legacy when `legacy_type`
// is non-empty (then `court_code` is the court's abbreviation): （2014）浦民一（民）初字第123号.
void AppendCaseNumber(std::string* out, bool full_width, int year, std::string_view court_code,
                      std::string_view special, std::string_view type_code,
                      std::string_view legacy_type, int64_t seq, std::string_view suffix);

}  // namespace casesift::synth

#endif  // CASESIFT_TOOLS_CASE_SYNTH_DOC_WRITER_H_
