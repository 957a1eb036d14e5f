#include "grammar/expressions.h"

#include <algorithm>

#include "document/parser.h"
#include "grammar/grammars.h"
#include "text/source_reader.h"

namespace treaty::grammar {

Expressions ExtractExpressions(const text::NormalizedText& text, const document::Document& doc) {
  Engine::Session session(EngineFor(doc.language));
  Expressions result;
  document::Walk(doc.root, [&](const document::Node& node, int) {
    auto first_sentence = std::find_if(
        node.children.begin(), node.children.end(),
        [](const document::Node& child) { return child.type == document::NodeType::kSentence; });
    if (first_sentence == node.children.end()) return;
    size_t begin = first_sentence->begin;
    size_t end = begin;
    for (const document::Node& child : node.children) {
      if (child.type == document::NodeType::kSentence) end = std::max(end, child.end);
    }
    for (Found& found : session.Extract(text.text, begin, end)) {
      Expression expression;
      expression.text = text.text.substr(found.begin, found.end - found.begin);
      expression.begin = found.begin;
      expression.end = found.end;
      expression.source_begin = text.SourceStart(found.begin);
      expression.source_end = text.SourceEnd(found.end);
      expression.line = text.LineAt(expression.source_begin);
      expression.eid = node.eid;
      expression.rule = found.rule->name;
      bool bad = found.value.kind == Kind::kBadDate;
      expression.value = std::move(found.value);
      (bad ? result.bad_dates : result.found).push_back(std::move(expression));
    }
  });
  return result;
}

Result<ExtractedText> ExtractFromBytes(std::string_view source, std::string_view name,
                                       std::optional<text::Language> language) {
  Result<text::NormalizedText> normalized = text::Normalize(source, name, language);
  if (!normalized.ok()) return normalized.error();
  ExtractedText extracted;
  extracted.doc = document::BuildDocument(normalized.value(), name);
  extracted.expressions = ExtractExpressions(normalized.value(), extracted.doc);
  return extracted;
}

nlohmann::json ExpressionJson(const Expression& expression) {
  nlohmann::json json;
  json["kind"] = KindName(expression.value.kind);
  json["value"] = expression.value.ToJson();
  json["text"] = expression.text;
  json["start"] = expression.source_begin;
  json["end"] = expression.source_end;
  json["eId"] = expression.eid;
  json["rule"] = expression.rule;
  return json;
}

}  // namespace treaty::grammar
