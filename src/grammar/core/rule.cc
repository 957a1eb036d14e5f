#include "grammar/core/rule.h"

namespace treaty::grammar {

Item Word(std::initializer_list<std::string_view> forms) {
  Item item;
  item.type = Item::Type::kWord;
  for (std::string_view form : forms) item.words.emplace_back(form);
  return item;
}

Item Sense(enum Sense sense) {
  Item item;
  item.type = Item::Type::kSense;
  item.sense = sense;
  return item;
}

Item Number(NumberShape shape) {
  Item item;
  item.type = Item::Type::kNumber;
  item.shape = shape;
  return item;
}

Item Symbol(std::initializer_list<std::string_view> symbols) {
  Item item;
  item.type = Item::Type::kSymbol;
  for (std::string_view symbol : symbols) item.words.emplace_back(symbol);
  return item;
}

Item Expr(Kind kind) {
  Item item;
  item.type = Item::Type::kKind;
  item.kind = kind;
  return item;
}

Item Optional(Item item) {
  item.optional = true;
  return item;
}

Item Attached(Item item) {
  item.attached = true;
  return item;
}

Item Context(Item item) {
  item.context = true;
  return item;
}

}  // namespace treaty::grammar
