// FindMoneyReference: the naive twin of FindMoney (common/chinese_number.h), for the
// agreement test. Never for production.
#ifndef CASESIFT_TESTS_REFERENCE_MONEY_REFERENCE_H_
#define CASESIFT_TESTS_REFERENCE_MONEY_REFERENCE_H_

#include <string_view>
#include <vector>

#include "common/chinese_number.h"

namespace casesift::reference {

// What FindMoney returns, found the old way: RE2::Match for each candidate.
std::vector<MoneySpan> FindMoneyReference(std::string_view text,
                                          const MoneyScanOptions& options = {});

}  // namespace casesift::reference

#endif  // CASESIFT_TESTS_REFERENCE_MONEY_REFERENCE_H_
