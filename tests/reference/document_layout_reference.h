// FindLayoutReference: the naive twin of FindLayout, for the agreement test.
#ifndef CASESIFT_TESTS_REFERENCE_DOCUMENT_LAYOUT_REFERENCE_H_
#define CASESIFT_TESTS_REFERENCE_DOCUMENT_LAYOUT_REFERENCE_H_

#include <string_view>

#include "document_layout.h"

namespace casesift::reference {

DocumentLayout FindLayoutReference(std::string_view text, size_t header_end);

}  // namespace casesift::reference

#endif  // CASESIFT_TESTS_REFERENCE_DOCUMENT_LAYOUT_REFERENCE_H_
