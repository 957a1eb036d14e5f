#include "text/english_stemmer.h"

#include <libstemmer.h>

#include <memory>
#include <stdexcept>

namespace treaty::text {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

// A libstemmer stemmer keeps its work in itself: one per thread.
sb_stemmer& ThreadStemmer() {
  thread_local const std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  if (stemmer == nullptr) throw std::runtime_error("libstemmer: no English stemmer");
  return *stemmer;
}

}  // namespace

std::string EnglishStem(std::string_view folded_word) {
  sb_stemmer& stemmer = ThreadStemmer();
  const sb_symbol* stem =
      sb_stemmer_stem(&stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  // nullptr only when out of memory.
  if (stem == nullptr) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(&stemmer));
}

}  // namespace treaty::text
