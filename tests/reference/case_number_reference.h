// FindCaseNumbersReference and FindFirstCaseNumberReference: the naive twins of
// FindCaseNumbers and FindFirstCaseNumber (common/case_number.h), for the agreement test.
// Never for production.
#ifndef CASESIFT_TESTS_REFERENCE_CASE_NUMBER_REFERENCE_H_
#define CASESIFT_TESTS_REFERENCE_CASE_NUMBER_REFERENCE_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/case_number.h"

namespace casesift::reference {

// What FindCaseNumbers returns, found the old way: one unanchored RE2 search per candidate.
std::vector<FoundCaseNumber> FindCaseNumbersReference(std::string_view text);

// What FindFirstCaseNumber returns, found the same way.
std::optional<FoundCaseNumber> FindFirstCaseNumberReference(std::string_view text, size_t from = 0);

}  // namespace casesift::reference

#endif  // CASESIFT_TESTS_REFERENCE_CASE_NUMBER_REFERENCE_H_
