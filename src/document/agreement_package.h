// An agreement package: a folder holding `agreement.json` (the agreement's metadata) and one plain
// text file per language. See data/README.md for the layout and data/agreements/lv-ua-2024/ for an
// example.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "text/language.h"
#include "text/normalized_text.h"

namespace treaty::document {

struct Party {
  std::string code;  // upper-case letters: "LV", "UA", "EU"
  std::string name;  // in English: "Republic of Latvia"
  // The shorter names the texts call the party by, in each language that gives them ("Belgium";
  // "Latvija", "Latvijas"); optional. See docs/commitments.md. Defaulted so that {code, name}
  // still makes a Party.
  std::map<text::Language, std::vector<std::string>> short_names = {};
};

struct TextFile {
  text::Language language = text::Language::kEnglish;
  std::string file;  // LoadAgreementPackage: absolute path; otherwise as written in the JSON
  text::Layout layout = text::Layout::kOneParagraphPerLine;
  std::string source;  // provenance, for a person: a URL and commit, "text layer of the signed PDF"
};

// Mirrors agreement.json. Dates are ISO 8601 calendar dates ("2024-04-11") and real days.
struct AgreementPackage {
  std::string id;           // lower-case letters, digits and '-': "lv-ua-2024"
  std::string title;        // in English
  std::string short_title;  // may be empty
  std::vector<Party> parties;
  std::string signed_date;
  std::string signed_place;
  std::string entry_into_force;       // the rule, as a phrase: "on signature"
  std::string entry_into_force_date;  // empty when not yet known
  std::string term;                   // ISO 8601 duration ("P10Y"); empty when indefinite
  std::vector<text::Language> authentic_languages;
  std::optional<text::Language> prevailing_language;  // one of authentic_languages, if any
  std::vector<TextFile> texts;                        // at most one per language
  std::vector<std::string> notes;                     // remarks for a person
  // The name agreement.json was read under and its bytes, in which FieldWhere places a field.
  std::string metadata_file;
  std::string metadata_json;
};

// The `where` of an error about `field` of the package's agreement.json, found after reading it:
// "FOLDER/agreement.json:9: field signed.date".
std::string FieldWhere(const AgreementPackage& package, const std::string& field);

// Reads `folder`/agreement.json, validates it (ParseAgreementPackage) and resolves every text's
// file against `folder` to an absolute path, which must name an existing regular file.
// Errors name the file, the field's line and the field: where = "<folder>/agreement.json:9: field
// signed.date".
Result<AgreementPackage> LoadAgreementPackage(const std::string& folder);

// The error for the text of `package.texts[index]` when its letters read as `reads_as`
// (Document::reads_as), another language than its entry gives: every rule of the wrong language
// would read it, and find next to nothing. where = "<folder>/agreement.json:LINE: field
// texts[N].language". nullopt when `reads_as` is.
std::optional<Error> TextLanguageContradicted(const AgreementPackage& package, size_t index,
                                              std::optional<text::Language> reads_as);

// The title to show: the short title, or the title when there is none.
inline const std::string& DisplayTitle(const AgreementPackage& package) {
  return package.short_title.empty() ? package.title : package.short_title;
}

// Parses and validates the JSON of an agreement.json without touching the file system; text files
// are kept as written. `name` labels errors, with the line of the field they name
// ("agreement.json:13: field prevailing_language: …"). Errors: malformed JSON (with line and
// column), a missing required field or one of the wrong type, an invalid id, date, language code,
// layout, party code or duration, an empty short name, a prevailing language that is not authentic,
// two texts in one language.
Result<AgreementPackage> ParseAgreementPackage(std::string_view json, std::string_view name);

// The agreement.json form of `package` (2-space indented); ParseAgreementPackage reads it back
// to an equal package.
std::string AgreementPackageToJson(const AgreementPackage& package);

// True for "YYYY-MM-DD" naming a day of the proleptic Gregorian calendar.
bool IsCalendarDate(std::string_view date);

}  // namespace treaty::document
