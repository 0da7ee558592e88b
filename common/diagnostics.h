// Diagnostics: the program's name and its messages on standard error.
//
// Every message a tool prints starts with its name, GNU style:
//   rule-match: cases.jsonl:1000001:17: expected ',' or '}' after object member
// Messages never interleave with a progress line: an active progress line (progress.h)
// is cleared first.
//
// Thread safety: SetProgramName once at start-up; the printing functions may be called
// from any thread (each message is written with one write(2)).
#ifndef CASESIFT_COMMON_DIAGNOSTICS_H_
#define CASESIFT_COMMON_DIAGNOSTICS_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace casesift {

void SetProgramName(std::string_view name);
// The tool's name, e.g. "rule-match"; "casesift" until set.
const std::string& ProgramName();

// Prints "<program>: <status.ToString()>\n" to standard error.
void PrintError(const Status& status);
// Prints "<program>: <message>\n" to standard error.
void PrintMessage(std::string_view message);

// Hook used by the progress line to erase itself before a message is printed.
void SetStatusLineEraser(void (*eraser)());

}  // namespace casesift

#endif  // CASESIFT_COMMON_DIAGNOSTICS_H_
