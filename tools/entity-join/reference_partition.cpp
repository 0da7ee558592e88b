// A partition of a reference, as grace_join.cpp writes it.
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <memory>

#include "reference.h"

namespace casesift {

Result<std::unique_ptr<Reference>> Reference::LoadPartition(const std::string& path,
                                                            const Options& options,
                                                            const JoinSpec& spec,
                                                            const NameNormalizer& norm) {
  std::unique_ptr<Reference> ref(new Reference());
  ref->parts_.resize(spec.on.size());
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::FromErrno("cannot open the partition " + path, errno);
  char* line = nullptr;
  size_t capacity = 0;
  ssize_t n;
  simdjson::dom::parser parser;
  Status status;
  while ((n = ::getline(&line, &capacity, f.get())) > 0) {
    std::string_view text(line, static_cast<size_t>(n));
    if (text.back() == '\n') text.remove_suffix(1);
    size_t tab = text.find('\t');
    uint32_t global = 0;
    simdjson::dom::element root;
    if (tab == std::string_view::npos ||
        std::from_chars(text.data(), text.data() + tab, global).ec != std::errc() ||
        parser.parse(text.data() + tab + 1, text.size() - tab - 1).get(root) != simdjson::SUCCESS) {
      status = Status::IoError("the partition " + path + " is damaged");
      break;
    }
    status = ref->AddRow(root, text.substr(tab + 1), kNoOffset, spec, norm, options);
    if (!status.ok()) break;
    ref->global_.push_back(global);
  }
  std::free(line);
  if (status.ok() && std::ferror(f.get())) status = Status::FromErrno("cannot read " + path, errno);
  CASESIFT_RETURN_IF_ERROR(status);
  ref->index_.Build();
  if (options.track_matches) ref->matched_.assign(ref->rows_, 0);
  return ref;
}

}  // namespace casesift
