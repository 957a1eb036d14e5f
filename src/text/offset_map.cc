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
  // One byte for one byte (a line break or tab turned into a space) maps as a copy would, and
  // then merges with the copies around it.
  if (length == 1 && source_end == source_start + 1) {
    AddCopy(1, source_start);
    return;
  }
  Push({size_, length, source_start, source_end, false});
}

const OffsetMap::Run& OffsetMap::RunAt(size_t offset) const {
  assert(offset < size_);
  auto found = std::upper_bound(runs_.begin(), runs_.end(), offset,
                                [](size_t value, const Run& run) { return value < run.start; });
  return *(found - 1);
}

size_t OffsetMap::ToSource(size_t offset) const { return RunAt(offset).ToSource(offset); }

size_t OffsetMap::ToSourceEnd(size_t end) const { return RunAt(end - 1).ToSourceEnd(end); }

const OffsetMap::Run& OffsetMap::Cursor::Seek(size_t offset) {
  assert(offset < map_.size_);
  const std::vector<Run>& runs = map_.runs_;
  // Widen [low, high) around the last run found, by steps that double, until it holds the run of
  // `offset`: runs[low] starts at or before it and runs[high] (if any) after it.
  size_t low = run_;
  for (size_t step = 1; runs[low].start > offset; step *= 2) low -= std::min(step, low);
  size_t high = run_ + 1;
  for (size_t step = 1; high < runs.size() && runs[high].start <= offset; step *= 2) {
    high = std::min(high + step, runs.size());
  }
  auto found = std::upper_bound(runs.begin() + static_cast<std::ptrdiff_t>(low),
                                runs.begin() + static_cast<std::ptrdiff_t>(high), offset,
                                [](size_t value, const Run& run) { return value < run.start; });
  run_ = static_cast<size_t>(found - runs.begin()) - 1;
  return runs[run_];
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
          result.AddCopy(take, piece.ToSource(run.source_start + i));
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
