// Akoma Ntoso 3.0 (OASIS LegalDocML) export of a parsed agreement: one <act name="agreement">
// valid against akomantoso30.xsd.
#pragma once

#include <string>
#include <vector>

#include "document/agreement_package.h"
#include "document/node.h"

namespace treaty::views {

struct AknOptions {
  // The work's name in FRBR URIs, e.g. "lv-ua-2024". REQUIRES: non-empty, no '/' or whitespace.
  std::string work_name = "agreement";
  // FRBRcountry and the first URI segment: an ISO 3166-1 alpha-2 code ("ua", "lv") or "int" for
  // an agreement that belongs to no single national jurisdiction.
  std::string country = "int";
  // The work's date (signature), "YYYY-MM-DD". Empty when unknown: FRBRdate then reads
  // kAknUnknownDate with name="unknown", because the schema requires a date on every FRBR level.
  // REQUIRES: empty or a valid xsd:date.
  std::string date;
  // The authors of the work and the expression, each a FRBRauthor "#EID" and a TLCOrganization
  // with that eId shown as its name, so that the reference resolves: the parties ("lv", "Republic
  // of Latvia") when they are known. REQUIRES: eIds unique, no whitespace.
  struct Author {
    std::string eid;
    std::string name;
  };
  std::vector<Author> authors = {{"participants", "Participants"}};
};

// The options of a package's text: its id, its signature's date, its parties as authors.
AknOptions AknOptionsOf(const treaty::document::AgreementPackage& package);

// The date written when AknOptions::date is empty.
inline constexpr char kAknUnknownDate[] = "9999-01-01";

// The whole document as UTF-8 XML with an XML declaration. Deterministic: equal inputs give equal
// bytes (no export timestamp; every FRBR level carries the work's date).
//
// Mapping: the title becomes <preface><p><docTitle>; preamble and conclusions paragraphs become
// <p> (a point inside them becomes its own <p>, its num prefixed to its text); part, chapter,
// article, section, subsection, paragraph and point keep their names, hcontainer gets
// name="subheading"; a node's num and heading become <num> and <heading>; a paragraph or point
// with hierarchical children puts its own text in <intro>, otherwise in <content>. Sentences are
// not elements (their words are their parent's text). Notes, wherever they sit, go to
// <meta><notes>. Every node's non-empty eid becomes its element's eId. A body without
// hierarchical nodes gets one empty <hcontainer name="empty">, because <body> must hold at least
// one hierarchical element.
//
// REQUIRES: the document's eids are unique and contain no whitespace, and differ from "treaty"
// and from the authors' eIds (the schema requires eIds unique within the act).
std::string WriteAkomaNtoso(const treaty::document::Document& doc, const AknOptions& options);

}  // namespace treaty::views
