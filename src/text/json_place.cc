#include "text/json_place.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

namespace treaty::text {
namespace {

using json = nlohmann::json;

// An iterator over bytes that counts, in `*read`, how many bytes the parser has taken: at a parse
// event, the bytes of the token that caused it have all been read.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, size_t* read) : at_(at), read_(read) {}
  reference operator*() const { return *at_; }
  CountingIterator& operator++() {
    ++at_;
    ++*read_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& other) const { return at_ == other.at_; }

 private:
  const char* at_;
  size_t* read_;
};

}  // namespace

std::string PlaceOfByte(std::string_view text, size_t offset) {
  const size_t first_line_end = text.find('\n');
  const bool one_line =
      first_line_end == std::string_view::npos || first_line_end + 1 == text.size();
  // In one line with its line end, the end of the input is the end of the line.
  if (one_line && first_line_end != std::string_view::npos) {
    offset = std::min(offset, first_line_end);
  }
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return one_line ? fmt::format("column {}", column)
                  : fmt::format("line {}, column {}", line, column);
}

void AppendJsonMember(std::string& path, std::string_view name) {
  if (!path.empty()) path += '.';
  path += name;
}

void AppendJsonIndex(std::string& path, size_t index) { path += fmt::format("[{}]", index); }

void JsonPathTracker::Follow(json::parse_event_t event, const json& parsed) {
  switch (event) {
    case json::parse_event_t::object_start:
      frames_.emplace_back().is_object = true;
      break;
    case json::parse_event_t::array_start:
      frames_.emplace_back();
      break;
    case json::parse_event_t::key: {
      Frame& frame = frames_.back();
      frame.name = parsed.get<std::string>();
      repeated_ = !frame.names.insert(frame.name).second;
      break;
    }
    case json::parse_event_t::object_end:
    case json::parse_event_t::array_end:
      frames_.pop_back();
      [[fallthrough]];
    case json::parse_event_t::value:
      if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().index;
      break;
  }
}

std::string JsonPathTracker::Path() const {
  std::string path;
  for (const Frame& frame : frames_) {
    if (frame.is_object) {
      AppendJsonMember(path, frame.name);
    } else {
      AppendJsonIndex(path, frame.index);
    }
  }
  return path;
}

std::optional<int> LineOfJsonPath(std::string_view text, std::string_view path) {
  size_t read = 0;
  // Bytes read when the value was last named: a member named twice is placed at the second.
  std::optional<size_t> found;
  JsonPathTracker tracker;
  const auto callback = [&](int /*depth*/, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key) {
      tracker.Follow(event, parsed);
      if (tracker.Path() == path) found = read;
      return true;
    }
    const bool begins = event == json::parse_event_t::object_start ||
                        event == json::parse_event_t::array_start ||
                        event == json::parse_event_t::value;
    if (begins && tracker.NextIsAnItem() && tracker.Path() == path) found = read;
    tracker.Follow(event, parsed);
    return true;
  };
  const json parsed = json::parse(CountingIterator(text.data(), &read),
                                  CountingIterator(text.data() + text.size(), &read), callback,
                                  /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !found) return std::nullopt;
  // The last byte read is the token's last, or one past a number: on the value's line either way.
  const size_t last = *found > 0 ? *found - 1 : 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + last, '\n'));
}

std::string PlaceInJsonFile(std::string_view file, std::string_view text, std::string_view path) {
  for (std::string_view at = path; !at.empty();) {
    if (const std::optional<int> line = LineOfJsonPath(text, at)) {
      return fmt::format("{}:{}", file, *line);
    }
    // The whole document encloses every member: naming its first line would place nothing.
    const size_t parent_end = at.find_last_of(".[");
    if (parent_end == std::string_view::npos) break;
    at = at.substr(0, parent_end);
  }
  return std::string(file);
}

std::string WhereInJsonFile(std::string_view file, std::string_view text, std::string_view where) {
  std::string_view path = where;
  if (path.starts_with("field ")) path.remove_prefix(std::string_view("field ").size());
  const std::string place = PlaceInJsonFile(file, text, path);
  return where.empty() ? place : place + ": " + std::string(where);
}

}  // namespace treaty::text
