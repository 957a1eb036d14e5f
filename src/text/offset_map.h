// Maps byte offsets in normalised text back to byte offsets in the source file.
//
// The normaliser appends runs in order. A copied run maps byte for byte; a replaced run (folded
// whitespace, a character NFC changed, an inserted separator) maps every byte to the start of the
// source bytes it replaced, and its end to their end. Adjacent copies merge, and a one-byte
// replacement of one source byte is a copy, so a clean text maps with few runs. Lookups are binary
// searches: O(log runs).
#pragma once

#include <cstddef>
#include <vector>

namespace treaty::text {

class OffsetMap {
 public:
  // Appends `length` normalised bytes copied verbatim from source offset `source_start`.
  void AddCopy(size_t length, size_t source_start);
  // Appends `length` normalised bytes that stand for source bytes [source_start, source_end).
  void AddReplacement(size_t length, size_t source_start, size_t source_end);

  size_t normalized_size() const { return size_; }
  // Source offset of the byte at normalised offset `offset`. REQUIRES: offset < normalized_size().
  size_t ToSource(size_t offset) const;
  // Source offset just past the byte at normalised offset `end - 1`. REQUIRES: 0 < end <= size.
  size_t ToSourceEnd(size_t end) const;

  // The composition this(inner): offsets of this map's source are the normalised offsets of
  // `inner`. Used to chain NFC edits under later normalisation.
  OffsetMap ComposedWith(const OffsetMap& inner) const;

  class Cursor;

 private:
  struct Run {
    size_t start;         // first normalised offset of the run
    size_t length;        // bytes in the run
    size_t source_start;  // first source byte
    size_t source_end;    // one past the last source byte
    bool copied;          // true: byte i maps to source_start + i

    size_t ToSource(size_t offset) const {
      return copied ? source_start + (offset - start) : source_start;
    }
    size_t ToSourceEnd(size_t end) const {
      return copied ? source_start + (end - start) : source_end;
    }
  };
  const Run& RunAt(size_t offset) const;
  void Push(Run run);

  std::vector<Run> runs_;
  size_t size_ = 0;
};

// Lookups in a map for offsets visited roughly in order (a walk over the text): each search starts
// from the run the previous one found, so a move of d runs costs O(log d). REQUIRES: the map
// outlives the cursor and does not change while it is used.
class OffsetMap::Cursor {
 public:
  explicit Cursor(const OffsetMap& map) : map_(map) {}

  // As OffsetMap::ToSource and OffsetMap::ToSourceEnd, with the same requirements.
  size_t ToSource(size_t offset) { return Seek(offset).ToSource(offset); }
  size_t ToSourceEnd(size_t end) { return Seek(end - 1).ToSourceEnd(end); }

 private:
  const Run& Seek(size_t offset);

  const OffsetMap& map_;
  size_t run_ = 0;  // index of the run the last lookup found
};

}  // namespace treaty::text
