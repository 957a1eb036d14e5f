#include "ledger/canonical_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "text/utf8.h"

namespace treaty::ledger {
namespace {

using json = nlohmann::json;

// The UTF-16 code units of `name`, the sort key of RFC 8785 §3.2.3; nullopt if not valid UTF-8.
// Ill-formed UTF-8 includes surrogates and values above U+10FFFF, which RFC 8785 §3.1 (I-JSON)
// excludes.
std::optional<std::u16string> ToUtf16(std::string_view name) {
  if (text::FindInvalidUtf8(name)) return std::nullopt;
  std::u16string units;
  for (size_t pos = 0; pos < name.size();) {
    const char32_t c = text::DecodeAt(name, pos);
    if (c < 0x10000) {
      units.push_back(static_cast<char16_t>(c));
    } else {
      units.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    }
  }
  return units;
}

// Paths as docs/ledger-format.md §1.6 writes them: "evidence[1].sha256".
void AppendMember(std::string& path, std::string_view name) {
  if (!path.empty()) path += '.';
  path += name;
}

void AppendIndex(std::string& path, size_t index) { path += fmt::format("[{}]", index); }

class Writer {
 public:
  // Appends the canonical form of `value` to out_; `path` names `value` in errors.
  std::optional<Error> Write(const json& value, std::string& path) {
    switch (value.type()) {
      case json::value_t::null:
        out_ += "null";
        return std::nullopt;
      case json::value_t::boolean:
        out_ += value.get<bool>() ? "true" : "false";
        return std::nullopt;
      case json::value_t::number_integer: {
        const auto number = value.get<int64_t>();
        if (number < -kMaxSafeInteger || number > kMaxSafeInteger) return OutOfRange(value, path);
        out_ += std::to_string(number);
        return std::nullopt;
      }
      case json::value_t::number_unsigned: {
        const auto number = value.get<uint64_t>();
        if (number > static_cast<uint64_t>(kMaxSafeInteger)) return OutOfRange(value, path);
        out_ += std::to_string(number);
        return std::nullopt;
      }
      case json::value_t::number_float:
        return Error{"not an integer: " + value.dump(), path};
      case json::value_t::string:
        return WriteString(value.get_ref<const std::string&>(), path);
      case json::value_t::array:
        return WriteArray(value, path);
      case json::value_t::object:
        return WriteObject(value, path);
      case json::value_t::binary:
        return Error{"a binary value has no JSON form", path};
      case json::value_t::discarded:
        break;
    }
    return Error{"not a JSON value", path};
  }

  std::string Take() && { return std::move(out_); }

 private:
  static Error OutOfRange(const json& value, const std::string& path) {
    return Error{fmt::format("integer {} is beyond ±{}", value.dump(), kMaxSafeInteger), path};
  }

  // RFC 8785 §3.2.2.2: only the mandatory escapes, all of them ASCII; every other byte of valid
  // UTF-8 is copied as it is.
  std::optional<Error> WriteString(std::string_view text, const std::string& path) {
    static constexpr char kHex[] = "0123456789abcdef";
    if (std::optional<size_t> bad = text::FindInvalidUtf8(text)) {
      return Error{fmt::format("invalid UTF-8 at byte offset {} of the string", *bad), path};
    }
    out_ += '"';
    for (char c : text) {
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\r':
          out_ += "\\r";
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 0xF];
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
    return std::nullopt;
  }

  std::optional<Error> WriteArray(const json& array, std::string& path) {
    out_ += '[';
    for (size_t i = 0; i < array.size(); ++i) {
      if (i > 0) out_ += ',';
      const size_t path_size = path.size();
      AppendIndex(path, i);
      if (std::optional<Error> error = Write(array[i], path)) return error;
      path.resize(path_size);
    }
    out_ += ']';
    return std::nullopt;
  }

  // nlohmann::json keeps members in the byte order of their UTF-8 names, which differs from UTF-16
  // order where one name has U+E000–U+FFFF and another a character beyond U+FFFF at that place.
  std::optional<Error> WriteObject(const json& object, std::string& path) {
    std::vector<std::pair<std::u16string, json::const_iterator>> members;
    members.reserve(object.size());
    for (auto it = object.cbegin(); it != object.cend(); ++it) {
      std::optional<std::u16string> key = ToUtf16(it.key());
      if (!key) {
        std::string member_path = path;
        AppendMember(member_path, it.key());
        return Error{"member name is not valid UTF-8", member_path};
      }
      members.emplace_back(std::move(*key), it);
    }
    std::sort(members.begin(), members.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out_ += '{';
    for (size_t i = 0; i < members.size(); ++i) {
      if (i > 0) out_ += ',';
      const json::const_iterator member = members[i].second;
      const size_t path_size = path.size();
      AppendMember(path, member.key());
      // The name was validated above, so it cannot fail.
      WriteString(member.key(), path);
      out_ += ':';
      if (std::optional<Error> error = Write(member.value(), path)) return error;
      path.resize(path_size);
    }
    out_ += '}';
    return std::nullopt;
  }

  std::string out_;
};

// Finds the first repeated member name while nlohmann::json parses, which otherwise keeps the
// last of them silently. One frame per open object or array.
class DuplicateFinder {
 public:
  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
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
        if (!frame.names.insert(frame.name).second && !duplicate_) {
          duplicate_ = Error{"duplicate member name \"" + frame.name + "\"", Path()};
        }
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames_.pop_back();
        EndValue();
        break;
      case json::parse_event_t::value:
        EndValue();
        break;
    }
    return true;
  }

  const std::optional<Error>& duplicate() const { return duplicate_; }

 private:
  struct Frame {
    bool is_object = false;
    std::set<std::string> names;  // objects: the names seen so far
    std::string name;             // objects: the member being parsed
    size_t index = 0;             // arrays: the item being parsed
  };

  void EndValue() {
    if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().index;
  }

  std::string Path() const {
    std::string path;
    for (const Frame& frame : frames_) {
      if (frame.is_object) {
        AppendMember(path, frame.name);
      } else {
        AppendIndex(path, frame.index);
      }
    }
    return path;
  }

  std::vector<Frame> frames_;
  std::optional<Error> duplicate_;
};

}  // namespace

Result<std::string> Canonicalize(const json& value) {
  Writer writer;
  std::string path;
  if (std::optional<Error> error = writer.Write(value, path)) return *std::move(error);
  return std::move(writer).Take();
}

Result<std::string> CanonicalizeText(std::string_view json_text) {
  DuplicateFinder finder;
  json value;
  try {
    // nlohmann copies the callback, so it is passed by reference.
    value = json::parse(json_text, std::ref(finder));
  } catch (const json::parse_error& e) {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: ...".
    std::string detail = e.what();
    const size_t bracket = detail.find("] ");
    if (bracket != std::string::npos) detail.erase(0, bracket + 2);
    return Error{"malformed JSON: " + detail, fmt::format("byte {}", e.byte)};
  }
  if (finder.duplicate()) return *finder.duplicate();
  return Canonicalize(value);
}

}  // namespace treaty::ledger
