// The Hyperscan databases of case-extract, compiled at build time by
// case-extract-precompile (precompile_main.cpp) into a generated source file.
#ifndef CASESIFT_TOOLS_CASE_EXTRACT_PRECOMPILED_DATABASES_H_
#define CASESIFT_TOOLS_CASE_EXTRACT_PRECOMPILED_DATABASES_H_

#include "common/pattern_set.h"

namespace casesift {

// Registers the embedded databases with PatternSet::UsePrecompiled. Call at the start of
// main, before any thread runs.
void UsePrecompiledDatabases();

}  // namespace casesift

#endif  // CASESIFT_TOOLS_CASE_EXTRACT_PRECOMPILED_DATABASES_H_
