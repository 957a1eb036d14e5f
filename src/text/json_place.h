// Where a value is in a JSON file, for errors that name a file's line besides a field's path:
// "rules.json:12: field lifecycle.term.target: …". Paths are spelled as the readers' errors spell
// them: members joined by '.', items by their index in brackets ("texts[1].layout").
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace treaty::text {

// Where byte `offset` (0-based) of `text` is, for a person: "column C" in a text of one line (a
// JSON Lines row, whose file line is named apart; an offset at or past its line end is the end of
// the line), else "line L, column C"; 1-based, in characters.
std::string PlaceOfByte(std::string_view text, size_t offset);

// Appends to `path` a member's name or an item's index, as errors spell paths.
void AppendJsonMember(std::string& path, std::string_view name);
void AppendJsonIndex(std::string& path, size_t index);

// Follows the events of nlohmann::json's parser (a parser_callback_t's) and knows the path of the
// value being parsed. Call Follow with every event, in order.
class JsonPathTracker {
 public:
  void Follow(nlohmann::json::parse_event_t event, const nlohmann::json& parsed);
  // After a key event, the path of that member. Before following a value, object_start or
  // array_start event, the path of that value.
  std::string Path() const;
  // Before following a value, object_start or array_start event: whether that value is an
  // array's item or the whole document, which no member name names.
  bool NextIsAnItem() const { return frames_.empty() || !frames_.back().is_object; }
  // After a key event: whether the object had a member of that name already.
  bool RepeatsAMemberName() const { return repeated_; }

 private:
  struct Frame {
    bool is_object = false;
    std::set<std::string> names;  // objects: the member names so far
    std::string name;             // objects: the member being parsed
    size_t index = 0;             // arrays: the item being parsed
  };
  std::vector<Frame> frames_;
  bool repeated_ = false;
};

// The 1-based line of `text` where the value at `path` is named: its member name (the second,
// where an object names it twice), or for an array's item, its first token. nullopt when `text`
// is no JSON or has no such value.
std::optional<int> LineOfJsonPath(std::string_view text, std::string_view path);

// "FILE:LINE" for the value at `path` of the JSON file `file` whose bytes are `text`, or, for a
// missing member, at its nearest enclosing value but the whole document ("signed" for a missing
// "signed.date"); "FILE" when there is none, for the whole document (an empty path), when `path`
// is no path (a syntax error's "line 2, column 3") and when the text is no JSON (its syntax error
// names its own place).
std::string PlaceInJsonFile(std::string_view file, std::string_view text, std::string_view path);

// The `where` of an error about the JSON file `file` (bytes `text`), which names a path with or
// without "field " before it ("field signed.date", "keys[0].key_id"), with the file and the path's
// line before it: "agreement.json:23: field signed.date".
std::string WhereInJsonFile(std::string_view file, std::string_view text, std::string_view where);

}  // namespace treaty::text
