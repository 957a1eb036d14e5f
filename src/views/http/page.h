// HTML pages from ctemplate templates under WEB_ROOT/templates. Every template begins with
// {{%AUTOESCAPE context="HTML"}}, so every value is escaped for where it stands (text,
// attribute, URL); no page builds HTML by concatenating strings. Thread-safe (ctemplate's
// default cache is).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <ctemplate/template.h>

#include "views/http/router.h"
#include "views/http/site.h"

namespace treaty::http {

// Points ctemplate at `web_root`/templates. Call once before rendering.
void SetTemplateRoot(const std::string& web_root);

// When the request asks for the status at a valid `?at=`: sets AT_QUERY ("?at=VALUE"), AT_VALUE
// and the section CARRIES_AT in `dictionary`, so that the page's links to the other pages of the
// status (overview, commitments, calendar, consultations) keep the date. Nothing otherwise.
void CarryAt(const RequestContext& context, ctemplate::TemplateDictionary& dictionary);

// Renders `body_template` (a file under templates/) inside layout.tpl with `title` (and, on the
// pages of a moment's status, " at AT" when `?at=` gives one); the body's dictionary is `body`. The
// layout shows the navigation (marking `nav` as the current page and carrying `?at=`, CarryAt), who
// is signed in, and the sign-out form with the session's CSRF token.
HttpResponse RenderPage(const RequestContext& context, const std::string& nav,
                        const std::string& title, const std::string& body_template,
                        const ctemplate::TemplateDictionary& body, int status = 200);

// A page's error: the status and `message` (escaped) in the site's layout, with its navigation
// but no account (problem.tpl), for errors that come before or instead of the page, as the
// router's own 404, 405 and 403; a plain page of its own when the templates cannot be read.
HttpResponse ProblemPage(int status, std::string_view message);

// A 303 redirect to `location`.
HttpResponse Redirect(const std::string& location);

// `next` when it is a path on this site ("/x", not "//host" or "http:…"), else "/".
std::string LocalPath(const std::string& next);

// The id of a paragraph of the text page: its language and eId ("lv.preamble__para_5"), whichever
// row the alignment shows it in; a row's own id is the prevailing text's eId.
std::string TextParagraphId(const std::string& language, const std::string& eid);

// A stretch of a text to mark: bytes [begin, end), and what it is (a CSS title; may be empty).
struct MarkedRange {
  size_t begin = 0;
  size_t end = 0;
  std::string kind;
};

// `text` as PIECE entries of `dict`: PLAIN stretches, and a MARK (TEXT, KIND) for each of `marks`
// (ascending and disjoint; one that is not is left unmarked).
void AddMarkedPieces(ctemplate::TemplateDictionary& dict, const std::string& text,
                     const std::vector<MarkedRange>& marks);

// A language's name in itself for its code ("lv" → "Latviešu"); another code as it is.
std::string LanguageName(const std::string& code);

// The options of a form's select: a `section` entry per (value, label) of `options`, with VALUE,
// LABEL, and SELECTED ("selected") for those in `selected`.
void AddOptions(ctemplate::TemplateDictionary& dict, const std::string& section,
                const std::vector<std::pair<std::string, std::string>>& options,
                const std::set<std::string>& selected);
void AddOptions(ctemplate::TemplateDictionary& dict, const std::string& section,
                const std::vector<std::pair<std::string, std::string>>& options,
                const std::string& selected);

// The code of the agreement's prevailing text ("en"), or "" when the package names none.
std::string PrevailingCode(const Site& site);

// ID, and ID_PART sections of TEXT that the page joins with <wbr>: an id may wrap after each
// "__" of its path, not inside a part ("sec_2__", "para_3__").
void AddIdParts(const std::string& id, ctemplate::TemplateDictionary& dict);

// The agreement's party codes, then "both": what an obligor or a participant may be.
std::vector<std::pair<std::string, std::string>> PartyOptions(const Site& site);

}  // namespace treaty::http
