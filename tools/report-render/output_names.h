// Output names for --split-by: one report per value of a field, named by a pattern such as
// 'out/{recipient}.html', where the placeholder names the field.
//
// A value becomes a safe file name: '/', '\', control characters and the characters
// Windows forbids (<>:"|?*) become '_', a leading '.' becomes '_' (so neither "." nor ".."
// nor a hidden file can come out), an empty value is "none", and a name is cut to 120
// bytes (on a character boundary), and "-" alone (standard output) is "_". So no value can
// name a file outside the pattern's folder. Values that come out the same are numbered
// ("a_b", "a_b~2"), so no report overwrites another.
#ifndef CASESIFT_TOOLS_REPORT_RENDER_OUTPUT_NAMES_H_
#define CASESIFT_TOOLS_REPORT_RENDER_OUTPUT_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace casesift {

// `value` as a safe file name (see above; without the collision suffix).
std::string SafeFileName(std::string_view value);

// Checks that `pattern` holds the placeholder "{FIELD}" for `field` (and no other
// placeholder). Errors are usage errors that say what to write.
Status CheckOutputPattern(std::string_view pattern, std::string_view field);

// The output path of each of `values` (distinct), in the same order: the placeholder
// replaced by the safe name, disambiguated where two safe names collide.
std::vector<std::string> OutputNames(std::string_view pattern, std::string_view field,
                                     const std::vector<std::string>& values);

}  // namespace casesift

#endif  // CASESIFT_TOOLS_REPORT_RENDER_OUTPUT_NAMES_H_
