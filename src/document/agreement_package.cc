#include "document/agreement_package.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <regex>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/agreement_id.h"
#include "core/party_code.h"
#include "text/json_place.h"
#include "text/source_reader.h"

namespace treaty::document {

namespace {

using nlohmann::json;

constexpr char kMetadataFile[] = "agreement.json";

// ISO 8601 durations in whole years, months, weeks and days; the agreements give no hours.
bool IsDuration(std::string_view term) {
  static const std::regex kPattern("P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?");
  return std::regex_match(term.begin(), term.end(), kPattern);
}

std::string Quoted(std::string_view s) {
  std::string quoted(1, '"');
  quoted.append(s);
  quoted.push_back('"');
  return quoted;
}

// Reads one agreement.json. Each reader returns false after recording the first error in error_;
// field paths are written as in the JSON: "signed.date", "texts[1].file".
class PackageParser {
 public:
  // `text`: the file's bytes, in which an error's field is placed by its line.
  PackageParser(std::string_view text, std::string_view name) : text_(text), name_(name) {}

  Result<AgreementPackage> Parse(const json& root) {
    AgreementPackage p;
    if (!root.is_object()) {
      return Error{"expected a JSON object at the top level, got " + std::string(root.type_name()),
                   name_};
    }
    bool ok = ReadId(root, p.id) && ReadString(root, "", "title", true, p.title) &&
              ReadString(root, "", "short_title", false, p.short_title) &&
              ReadParties(root, p.parties) && ReadSigned(root, p) && ReadEntryIntoForce(root, p) &&
              ReadTerm(root, p.term) && ReadLanguages(root, p.authentic_languages) &&
              ReadPrevailingLanguage(root, p.authentic_languages, p.prevailing_language) &&
              ReadTexts(root, p.texts) && ReadNotes(root, p.notes);
    if (!ok) return *error_;
    return p;
  }

 private:
  static std::string Join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  bool Fail(const std::string& field, std::string message) {
    error_ = Error{std::move(message), text::WhereInJsonFile(name_, text_, "field " + field)};
    return false;
  }

  bool FailType(const std::string& field, std::string_view expected, const json& value) {
    return Fail(field, "expected " + std::string(expected) + ", got " + value.type_name());
  }

  // Finds `key` in `object`. Returns nullptr when it is absent (or null); records an error only
  // when the field is required.
  const json* Find(const json& object, const std::string& path, std::string_view key,
                   bool required) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) Fail(Join(path, key), "missing");
      return nullptr;
    }
    return &*it;
  }

  bool ReadString(const json& object, const std::string& path, std::string_view key, bool required,
                  std::string& out) {
    const json* value = Find(object, path, key, required);
    if (value == nullptr) return !required;
    if (!value->is_string()) return FailType(Join(path, key), "a string", *value);
    out = value->get<std::string>();
    if (required && out.empty()) return Fail(Join(path, key), "expected a non-empty string");
    return true;
  }

  bool ReadDate(const json& object, const std::string& path, std::string_view key, bool required,
                std::string& out) {
    if (!required && Find(object, path, key, false) == nullptr) return true;
    if (!ReadString(object, path, key, true, out)) return false;
    if (!IsCalendarDate(out)) {
      return Fail(Join(path, key), "expected a date YYYY-MM-DD, got " + Quoted(out));
    }
    return true;
  }

  bool ReadLanguage(const json& object, const std::string& path, std::string_view key,
                    text::Language& out) {
    std::string code;
    if (!ReadString(object, path, key, true, code)) return false;
    return ToLanguage(Join(path, key), code, out);
  }

  bool ToLanguage(const std::string& field, const std::string& code, text::Language& out) {
    std::optional<text::Language> language = text::ParseLanguageCode(code);
    if (!language) {
      return Fail(field, "expected a language code (lv, en or uk), got " + Quoted(code));
    }
    out = *language;
    return true;
  }

  const json* FindArray(const json& object, std::string_view key, bool required) {
    const json* value = Find(object, "", key, required);
    if (value != nullptr && !value->is_array()) {
      FailType(std::string(key), "an array", *value);
      return nullptr;
    }
    return value;
  }

  const json* FindObject(const json& object, const std::string& field, std::string_view key) {
    const json* value = Find(object, field, key, true);
    if (value != nullptr && !value->is_object()) {
      FailType(Join(field, key), "an object", *value);
      return nullptr;
    }
    return value;
  }

  bool ReadId(const json& root, std::string& out) {
    if (!ReadString(root, "", "id", true, out)) return false;
    if (!IsAgreementId(out)) {
      return Fail("id", fmt::format("expected 1 to {} lower-case letters, digits and '-', "
                                    "beginning with a letter or digit, got {}",
                                    kMaxAgreementIdLength, Quoted(out)));
    }
    return true;
  }

  bool ReadParties(const json& root, std::vector<Party>& out) {
    const json* parties = FindArray(root, "parties", true);
    if (parties == nullptr) return false;
    if (parties->size() < 2) return Fail("parties", "expected at least two parties");
    for (size_t i = 0; i < parties->size(); ++i) {
      const std::string field = "parties[" + std::to_string(i) + "]";
      const json& item = (*parties)[i];
      if (!item.is_object()) return FailType(field, "an object", item);
      Party party;
      if (!ReadString(item, field, "code", true, party.code) ||
          !ReadString(item, field, "name", true, party.name) ||
          !ReadShortNames(item, field, party.short_names)) {
        return false;
      }
      if (!IsPartyCode(party.code)) {
        return Fail(field + ".code",
                    "expected 2 or 3 upper-case letters, got " + Quoted(party.code));
      }
      for (const Party& earlier : out) {
        if (earlier.code == party.code)
          return Fail(field + ".code", "repeats " + Quoted(party.code));
      }
      out.push_back(std::move(party));
    }
    return true;
  }

  // "short_names": {"en": ["Belgium"], "lv": ["Beļģija"]}: an object of lists of non-empty
  // names keyed by language code.
  bool ReadShortNames(const json& party, const std::string& field,
                      std::map<text::Language, std::vector<std::string>>& out) {
    const json* names = Find(party, field, "short_names", false);
    if (names == nullptr) return true;
    const std::string path = Join(field, "short_names");
    if (!names->is_object()) return FailType(path, "an object", *names);
    for (const auto& [code, list] : names->items()) {
      const std::string entry = Join(path, code);
      text::Language language = text::Language::kEnglish;
      if (!ToLanguage(entry, code, language)) return false;
      if (!list.is_array()) return FailType(entry, "an array", list);
      for (size_t i = 0; i < list.size(); ++i) {
        const std::string item = entry + "[" + std::to_string(i) + "]";
        if (!list[i].is_string()) return FailType(item, "a string", list[i]);
        if (list[i].get<std::string>().empty()) return Fail(item, "expected a non-empty string");
        out[language].push_back(list[i].get<std::string>());
      }
    }
    return true;
  }

  bool ReadSigned(const json& root, AgreementPackage& p) {
    const json* signed_object = FindObject(root, "", "signed");
    return signed_object != nullptr &&
           ReadDate(*signed_object, "signed", "date", true, p.signed_date) &&
           ReadString(*signed_object, "signed", "place", true, p.signed_place);
  }

  bool ReadEntryIntoForce(const json& root, AgreementPackage& p) {
    const json* entry = FindObject(root, "", "entry_into_force");
    return entry != nullptr &&
           ReadString(*entry, "entry_into_force", "rule", true, p.entry_into_force) &&
           ReadDate(*entry, "entry_into_force", "date", false, p.entry_into_force_date);
  }

  bool ReadTerm(const json& root, std::string& out) {
    if (Find(root, "", "term", false) == nullptr) return true;
    if (!ReadString(root, "", "term", true, out)) return false;
    if (!IsDuration(out)) {
      return Fail("term", "expected an ISO 8601 duration such as P10Y, got " + Quoted(out));
    }
    return true;
  }

  bool ReadLanguages(const json& root, std::vector<text::Language>& out) {
    const json* languages = FindArray(root, "authentic_languages", true);
    if (languages == nullptr) return false;
    if (languages->empty()) return Fail("authentic_languages", "expected at least one language");
    for (size_t i = 0; i < languages->size(); ++i) {
      const std::string field = "authentic_languages[" + std::to_string(i) + "]";
      const json& item = (*languages)[i];
      if (!item.is_string()) return FailType(field, "a string", item);
      text::Language language = text::Language::kEnglish;
      if (!ToLanguage(field, item.get<std::string>(), language)) return false;
      if (std::find(out.begin(), out.end(), language) != out.end()) {
        return Fail(field, "repeats " + Quoted(item.get<std::string>()));
      }
      out.push_back(language);
    }
    return true;
  }

  bool ReadPrevailingLanguage(const json& root, const std::vector<text::Language>& authentic,
                              std::optional<text::Language>& out) {
    if (Find(root, "", "prevailing_language", false) == nullptr) return true;
    text::Language language = text::Language::kEnglish;
    if (!ReadLanguage(root, "", "prevailing_language", language)) return false;
    if (std::find(authentic.begin(), authentic.end(), language) == authentic.end()) {
      return Fail("prevailing_language", "is not one of authentic_languages");
    }
    out = language;
    return true;
  }

  bool ReadTexts(const json& root, std::vector<TextFile>& out) {
    const json* texts = FindArray(root, "texts", true);
    if (texts == nullptr) return false;
    if (texts->empty()) return Fail("texts", "expected at least one text");
    for (size_t i = 0; i < texts->size(); ++i) {
      const std::string field = "texts[" + std::to_string(i) + "]";
      const json& item = (*texts)[i];
      if (!item.is_object()) return FailType(field, "an object", item);
      TextFile entry;
      std::string layout;
      if (!ReadLanguage(item, field, "language", entry.language) ||
          !ReadString(item, field, "file", true, entry.file) ||
          !ReadString(item, field, "layout", true, layout) ||
          !ReadString(item, field, "source", true, entry.source)) {
        return false;
      }
      std::optional<text::Layout> parsed = text::ParseLayoutName(layout);
      if (!parsed) {
        return Fail(field + ".layout",
                    "expected \"pdf-text-layer\" or \"paragraph-per-line\", got " + Quoted(layout));
      }
      entry.layout = *parsed;
      for (const TextFile& earlier : out) {
        if (earlier.language == entry.language) {
          return Fail(field + ".language", "a text in this language is already listed");
        }
      }
      out.push_back(std::move(entry));
    }
    return true;
  }

  bool ReadNotes(const json& root, std::vector<std::string>& out) {
    const json* notes = FindArray(root, "notes", false);
    if (notes == nullptr) return !error_;
    for (size_t i = 0; i < notes->size(); ++i) {
      const json& item = (*notes)[i];
      if (!item.is_string()) return FailType("notes[" + std::to_string(i) + "]", "a string", item);
      out.push_back(item.get<std::string>());
    }
    return true;
  }

  std::string_view text_;
  std::string name_;
  std::optional<Error> error_;
};

}  // namespace

bool IsCalendarDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (size_t k = starts[i]; k < starts[i] + lengths[i]; ++k) {
      if (date[k] < '0' || date[k] > '9') return false;
      parts[i] = parts[i] * 10 + (date[k] - '0');
    }
  }
  const std::chrono::year_month_day day{std::chrono::year(parts[0]),
                                        std::chrono::month(static_cast<unsigned>(parts[1])),
                                        std::chrono::day(static_cast<unsigned>(parts[2]))};
  return day.ok();
}

Result<AgreementPackage> ParseAgreementPackage(std::string_view json_text, std::string_view name) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::exception& e) {
    // what() reads "[json.exception.parse_error.101] parse error at line 3, column 5: DETAIL" or
    // "[json.exception.out_of_range.406] number overflow parsing '1e400'". A syntax error is placed
    // as every JSON file's is (text::PlaceOfByte, in characters): "FILE: line 3, column 5".
    std::string detail = e.what();
    const auto* syntax = dynamic_cast<const json::parse_error*>(&e);
    const size_t cut =
        syntax != nullptr ? detail.find(": ", detail.find("column ")) : detail.find("] ");
    if (cut != std::string::npos) detail.erase(0, cut + 2);
    if (syntax == nullptr) return Error{"malformed JSON: " + detail, std::string(name)};
    return Error{"malformed JSON: " + detail,
                 std::string(name) + ": " +
                     text::PlaceOfByte(json_text, syntax->byte > 0 ? syntax->byte - 1 : 0)};
  }
  Result<AgreementPackage> package = PackageParser(json_text, name).Parse(root);
  if (package.ok()) {
    package.value().metadata_file = std::string(name);
    package.value().metadata_json = std::string(json_text);
  }
  return package;
}

Result<AgreementPackage> LoadAgreementPackage(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return Error{"not a folder: an agreement package is a folder holding agreement.json", folder};
  }
  const std::string metadata_path = (fs::path(folder) / kMetadataFile).string();
  Result<std::string> bytes = text::ReadFile(metadata_path);
  if (!bytes.ok()) return bytes.error();
  Result<AgreementPackage> package = ParseAgreementPackage(bytes.value(), metadata_path);
  if (!package.ok()) return package;

  for (size_t i = 0; i < package.value().texts.size(); ++i) {
    TextFile& entry = package.value().texts[i];
    fs::path resolved = fs::absolute(fs::path(folder) / entry.file, ec).lexically_normal();
    if (ec || !fs::is_regular_file(resolved, ec)) {
      return Error{"no such file: " + resolved.string(),
                   FieldWhere(package.value(), fmt::format("texts[{}].file", i))};
    }
    entry.file = resolved.string();
  }
  return package;
}

std::optional<Error> TextLanguageContradicted(const AgreementPackage& package, size_t index,
                                              std::optional<text::Language> reads_as) {
  if (!reads_as) return std::nullopt;
  const TextFile& entry = package.texts[index];
  return Error{
      fmt::format("\"{}\", but {} reads as {}: correct the language or the file",
                  text::LanguageCode(entry.language), entry.file, text::LanguageCode(*reads_as)),
      FieldWhere(package, fmt::format("texts[{}].language", index))};
}

std::string FieldWhere(const AgreementPackage& package, const std::string& field) {
  return text::WhereInJsonFile(package.metadata_file, package.metadata_json, "field " + field);
}

std::string AgreementPackageToJson(const AgreementPackage& package) {
  nlohmann::ordered_json out;
  out["id"] = package.id;
  out["title"] = package.title;
  if (!package.short_title.empty()) out["short_title"] = package.short_title;
  out["parties"] = nlohmann::ordered_json::array();
  for (const Party& party : package.parties) {
    nlohmann::ordered_json entry = {{"code", party.code}, {"name", party.name}};
    for (const auto& [language, names] : party.short_names)
      entry["short_names"][std::string(text::LanguageCode(language))] = names;
    out["parties"].push_back(std::move(entry));
  }
  out["signed"] = {{"date", package.signed_date}, {"place", package.signed_place}};
  out["entry_into_force"] = {{"rule", package.entry_into_force}};
  if (!package.entry_into_force_date.empty()) {
    out["entry_into_force"]["date"] = package.entry_into_force_date;
  }
  if (!package.term.empty()) out["term"] = package.term;
  out["authentic_languages"] = nlohmann::ordered_json::array();
  for (text::Language language : package.authentic_languages) {
    out["authentic_languages"].push_back(text::LanguageCode(language));
  }
  if (package.prevailing_language) {
    out["prevailing_language"] = text::LanguageCode(*package.prevailing_language);
  }
  out["texts"] = nlohmann::ordered_json::array();
  for (const TextFile& entry : package.texts) {
    out["texts"].push_back({{"language", text::LanguageCode(entry.language)},
                            {"file", entry.file},
                            {"layout", text::LayoutName(entry.layout)},
                            {"source", entry.source}});
  }
  if (!package.notes.empty()) out["notes"] = package.notes;
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace treaty::document
