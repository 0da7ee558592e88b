#include "reference.h"

namespace casesift {

Status Reference::LoadCsv(const std::string& file, const Options&, const JoinSpec&,
                          const NameNormalizer&, BadRecords*) {
  return Status::Usage("CSV references: not yet " + file);
}

}  // namespace casesift
