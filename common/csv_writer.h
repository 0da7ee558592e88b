// CSV output per RFC 4180: a field is quoted when it holds a comma, a quote or a line
// end, and a quote inside is doubled. Used where casesift writes CSV: report-render's
// tables and case-synth's registers.
#ifndef CASESIFT_COMMON_CSV_WRITER_H_
#define CASESIFT_COMMON_CSV_WRITER_H_

#include <string>
#include <string_view>

namespace casesift {

// Appends `field` to *out, quoted when it must be.
void AppendCsvField(std::string_view field, std::string* out);

}  // namespace casesift

#endif  // CASESIFT_COMMON_CSV_WRITER_H_
