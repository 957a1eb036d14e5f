#include "text/offset_map.h"

#include <algorithm>
#include <cassert>

namespace treaty::text {

void OffsetMap::Push(Run run) {
  if (run.length == 0) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    // Merge adjacent copies so a clean text maps with very few runs.
    if (run.copied && last.copied && last.source_end == run.source_start) {
      last.length += run.length;
      last.source_end = run.source_end;
      size_ += run.length;
      return;
    }
  }
  runs_.push_back(run);
  size_ += run.length;
}

void OffsetMap::AddCopy(size_t length, size_t source_start) {
  Push({size_, length, source_start, source_start + length, true});
}

void OffsetMap::AddReplacement(size_t length, size_t source_start, size_t source_end) {
  Push({size_, length, source_start, source_end, false});
}

const OffsetMap::Run& OffsetMap::RunAt(size_t offset) const {
  assert(offset < size_);
  auto it = std::upper_bound(runs_.begin(), runs_.end(), offset,
                             [](size_t value, const Run& run) { return value < run.start; });
  return *(it - 1);
}

size_t OffsetMap::ToSource(size_t offset) const {
  const Run& run = RunAt(offset);
  return run.copied ? run.source_start + (offset - run.start) : run.source_start;
}

size_t OffsetMap::ToSourceEnd(size_t end) const {
  const Run& run = RunAt(end - 1);
  return run.copied ? run.source_start + (end - run.start) : run.source_end;
}

OffsetMap OffsetMap::ComposedWith(const OffsetMap& inner) const {
  OffsetMap result;
  for (const Run& run : runs_) {
    if (run.copied) {
      // A copied run may span several inner runs: split it where the inner map changes.
      for (size_t i = 0; i < run.length;) {
        const Run& piece = inner.RunAt(run.source_start + i);
        size_t piece_left = piece.start + piece.length - (run.source_start + i);
        size_t take = std::min(piece_left, run.length - i);
        if (piece.copied) {
          result.AddCopy(take, inner.ToSource(run.source_start + i));
        } else {
          result.AddReplacement(take, piece.source_start, piece.source_end);
        }
        i += take;
      }
    } else {
      size_t inner_start = inner.ToSource(run.source_start);
      size_t inner_end =
          run.source_end > run.source_start ? inner.ToSourceEnd(run.source_end) : inner_start;
      result.AddReplacement(run.length, inner_start, inner_end);
    }
  }
  return result;
}

}  // namespace treaty::text
