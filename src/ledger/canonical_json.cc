#include "ledger/canonical_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "text/json_place.h"
#include "text/utf8.h"

namespace treaty::ledger {
namespace {

// The message of a repeated member name begins so (IsDuplicateMemberName).
constexpr std::string_view kDuplicateMemberName = "duplicate member name";

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

  std::optional<Error> WriteString(std::string_view text, const std::string& path) {
    if (std::optional<size_t> bad = AppendCanonicalString(text, out_)) {
      return Error{fmt::format("invalid UTF-8 at byte offset {} of the string", *bad), path};
    }
    return std::nullopt;
  }

  std::optional<Error> WriteArray(const json& array, std::string& path) {
    out_ += '[';
    for (size_t i = 0; i < array.size(); ++i) {
      if (i > 0) out_ += ',';
      const size_t path_size = path.size();
      text::AppendJsonIndex(path, i);
      if (std::optional<Error> error = Write(array[i], path)) return error;
      path.resize(path_size);
    }
    out_ += ']';
    return std::nullopt;
  }

  // nlohmann::json keeps members in the byte order of their UTF-8 names, which differs from UTF-16
  // order where one name has U+E000–U+FFFF and another a character beyond U+FFFF at that place.
  std::optional<Error> WriteObject(const json& object, std::string& path) {
    // ASCII names: UTF-16 order is the byte order nlohmann::json keeps them in.
    bool ascii = true;
    for (auto it = object.cbegin(); it != object.cend() && ascii; ++it) {
      ascii = text::FindNonAscii(it.key()) == it.key().size();
    }
    if (ascii) {
      return WriteMembers(object.cbegin(), object.cend(), path,
                          [](json::const_iterator it) { return it; });
    }
    std::vector<std::pair<std::u16string, json::const_iterator>> members;
    members.reserve(object.size());
    for (auto it = object.cbegin(); it != object.cend(); ++it) {
      std::optional<std::u16string> key = ToUtf16(it.key());
      if (!key) {
        std::string member_path = path;
        text::AppendJsonMember(member_path, it.key());
        return Error{"member name is not valid UTF-8", member_path};
      }
      members.emplace_back(std::move(*key), it);
    }
    std::sort(members.begin(), members.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return WriteMembers(members.cbegin(), members.cend(), path, [](auto it) { return it->second; });
  }

  // Writes `count` members from `begin`, in that order; `member` maps an iterator to the
  // member's json iterator. REQUIRES: the names are valid UTF-8.
  template <typename It, typename Member>
  std::optional<Error> WriteMembers(It begin, It end, std::string& path, Member member) {
    out_ += '{';
    size_t i = 0;
    for (It it = begin; it != end; ++it, ++i) {
      if (i > 0) out_ += ',';
      const json::const_iterator item = member(it);
      const size_t path_size = path.size();
      text::AppendJsonMember(path, item.key());
      WriteString(item.key(), path);
      out_ += ':';
      if (std::optional<Error> error = Write(item.value(), path)) return error;
      path.resize(path_size);
    }
    out_ += '}';
    return std::nullopt;
  }

  std::string out_;
};

// Finds the first repeated member name while nlohmann::json parses, which otherwise keeps the
// last of them silently.
class DuplicateFinder {
 public:
  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    tracker_.Follow(event, parsed);
    if (event == json::parse_event_t::key && tracker_.RepeatsAMemberName() && !duplicate_) {
      duplicate_ =
          Error{std::string(kDuplicateMemberName) + " \"" + parsed.get<std::string>() + "\"",
                tracker_.Path()};
    }
    return true;
  }

  const std::optional<Error>& duplicate() const { return duplicate_; }

 private:
  text::JsonPathTracker tracker_;
  std::optional<Error> duplicate_;
};

}  // namespace

std::optional<size_t> AppendCanonicalString(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  if (text::FindNonAscii(text) != text.size()) {
    if (std::optional<size_t> bad = text::FindInvalidUtf8(text)) return bad;
  }
  out += '"';
  size_t run = 0;  // first byte not yet copied
  for (size_t i = FindStringEscape(text); i < text.size(); i = FindStringEscape(text, run)) {
    const auto c = static_cast<unsigned char>(text[i]);
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
  return std::nullopt;
}

Result<std::string> Canonicalize(const json& value) {
  Writer writer;
  std::string path;
  if (std::optional<Error> error = writer.Write(value, path)) return *std::move(error);
  return std::move(writer).Take();
}

namespace {

// The first byte offset of `text` outside strings at which `found` holds, if any; `found` sees
// every such offset in order.
template <typename Found>
std::optional<size_t> FindOutsideStrings(std::string_view text, Found found) {
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (found(i)) {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<size_t> TooDeepAt(std::string_view text) {
  int depth = 0;
  return FindOutsideStrings(text, [&](size_t i) {
    if (text[i] == '[' || text[i] == '{') return ++depth > kMaxJsonDepth;
    if (text[i] == ']' || text[i] == '}') --depth;
    return false;
  });
}

Result<std::string> CanonicalizeText(std::string_view json_text) {
  if (std::optional<size_t> deep = TooDeepAt(json_text)) {
    return Error{
        fmt::format("malformed JSON: arrays and objects nested more than {} deep", kMaxJsonDepth),
        text::PlaceOfByte(json_text, *deep)};
  }
  DuplicateFinder finder;
  json value;
  try {
    // nlohmann copies the callback, so it is passed by reference.
    value = json::parse(json_text, std::ref(finder));
  } catch (const json::exception& e) {
    // nlohmann refuses bytes that are not UTF-8, and its message would echo them: they are named
    // by their place instead. Looked for only here, so that valid text is not scanned twice.
    if (std::optional<size_t> bad = text::FindInvalidUtf8(json_text)) {
      return Error{"malformed JSON: invalid UTF-8", text::PlaceOfByte(json_text, *bad)};
    }
    const JsonReadingError error = DescribeJsonError(json_text, e);
    return Error{"malformed JSON: " + error.detail, text::PlaceOfByte(json_text, error.byte)};
  }
  if (finder.duplicate()) return *finder.duplicate();
  return Canonicalize(value);
}

namespace {

// Where the number token `number` first stands in `text`, outside strings; 0 when nowhere.
size_t NumberOffset(std::string_view text, std::string_view number) {
  return FindOutsideStrings(
             text,
             [&](size_t i) {
               return text.compare(i, number.size(), number) == 0 &&
                      (i == 0 || std::string_view("0123456789.-+eE").find(text[i - 1]) ==
                                     std::string_view::npos);
             })
      .value_or(0);
}

}  // namespace

JsonReadingError DescribeJsonError(std::string_view text, const json::exception& error) {
  std::string detail = error.what();
  if (const auto* syntax = dynamic_cast<const json::parse_error*>(&error)) {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: DETAIL";
    // the place is said by PlaceOfByte, in characters. byte counts from 1.
    const size_t column = detail.find("column ");
    const size_t colon = detail.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos) detail.erase(0, colon + 2);
    return {detail, syntax->byte > 0 ? syntax->byte - 1 : 0};
  }
  // Only a number can be out of range while parsing: "[json.exception.out_of_range.406] number
  // overflow parsing '1e400'".
  const size_t open = detail.find('\'');
  const size_t close = detail.rfind('\'');
  if (open == std::string::npos || close <= open) return {detail, 0};
  const std::string number = detail.substr(open + 1, close - open - 1);
  return {"number too large: " + number, NumberOffset(text, number)};
}

bool IsDuplicateMemberName(const Error& error) {
  return error.message.starts_with(kDuplicateMemberName);
}

}  // namespace treaty::ledger
