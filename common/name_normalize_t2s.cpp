#include "common/name_normalize_t2s.h"

#include <bit>
#include <exception>
#include <list>
#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Exception.hpp>
#include <opencc/Lexicon.hpp>
#include <utility>

#include "common/utf8.h"

namespace casesift {

struct T2s::Rep {
  opencc::ConverterPtr converter;
};

namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(NextCodePoint(s, &i));
  return out;
}

void Mark(std::vector<uint64_t>* bits, char32_t cp) {
  if (cp >= bits->size() * 64) bits->resize(cp / 64 + 1, 0);
  (*bits)[cp >> 6] |= uint64_t{1} << (cp & 63);
}

// Records the characters that a dictionary can change (see the header).
void MarkChangeable(const opencc::DictPtr& dict, std::vector<uint64_t>* bits) {
  if (auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
    for (const opencc::DictPtr& d : group->GetDicts()) MarkChangeable(d, bits);
    return;
  }
  const opencc::LexiconPtr lexicon = dict->GetLexicon();
  for (const auto& entry : *lexicon) {
    const std::string key = entry->Key();
    const std::string value = entry->GetDefault();
    if (key == value) continue;
    const std::u32string k = Decode(key);
    const std::u32string v = Decode(value);
    for (size_t i = 0; i < k.size(); ++i) {
      if (k.size() != v.size() || k[i] != v[i]) Mark(bits, k[i]);
    }
  }
}

}  // namespace

T2s::T2s(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
T2s::~T2s() = default;

Result<std::unique_ptr<T2s>> T2s::Load(const std::string& config) {
  auto rep = std::make_unique<Rep>();
  std::vector<uint64_t> bits;
  try {
    opencc::Config loader;
    rep->converter = loader.NewFromFile(config);
    for (const opencc::ConversionPtr& c : rep->converter->GetConversionChain()->GetConversions()) {
      MarkChangeable(c->GetDict(), &bits);
    }
  } catch (const opencc::Exception& e) {  // not a std::exception
    return Status::Usage("cannot load OpenCC's conversion '" + config + "' (" + e.what() +
                         "); install OpenCC's data (Debian: libopencc1.1, libopencc-data)");
  } catch (const std::exception& e) {
    return Status::Usage("cannot load OpenCC's conversion '" + config + "' (" + e.what() +
                         "); install OpenCC's data (Debian: libopencc1.1, libopencc-data)");
  } catch (...) {
    return Status::Usage("cannot load OpenCC's conversion '" + config +
                         "'; install OpenCC's data (Debian: libopencc1.1, libopencc-data)");
  }
  auto t2s = std::unique_ptr<T2s>(new T2s(std::move(rep)));
  t2s->bits_ = std::move(bits);
  return t2s;
}

size_t T2s::CountChangeable() const {
  size_t n = 0;
  for (uint64_t w : bits_) n += static_cast<size_t>(std::popcount(w));
  return n;
}

std::string T2s::Convert(const std::string& text) const {
  try {
    return rep_->converter->Convert(text);
  } catch (...) {
    return text;
  }
}

}  // namespace casesift
