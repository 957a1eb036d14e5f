#include "ledger/event_reader.h"

#include <cstdint>
#include <string>

#include "ledger/canonical_json.h"
#include "ledger/hash.h"

namespace treaty::ledger {
namespace {

// A cursor over the bytes; every Read* returns false, leaving the cursor anywhere, when the next
// token is not of the expected form.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool AtEnd() const { return pos_ == bytes_.size(); }

  bool Take(char c) {
    if (pos_ >= bytes_.size() || bytes_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // A JSON string, unescaped into `out`. \u is taken only for U+0000–U+001F, the only characters
  // RFC 8785 writes that way.
  bool ReadString(std::string& out) {
    if (!Take('"')) return false;
    out.clear();
    while (pos_ < bytes_.size()) {
      const size_t run = FindStringEscape(bytes_, pos_);
      out.append(bytes_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= bytes_.size()) return false;
      const char c = bytes_[pos_++];
      if (c == '"') return true;
      if (c != '\\' || pos_ >= bytes_.size()) return false;
      switch (bytes_[pos_++]) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          if (bytes_.substr(pos_, 2) != "00" || pos_ + 4 > bytes_.size()) return false;
          const int high = HexValue(bytes_[pos_ + 2]);
          const int low = HexValue(bytes_[pos_ + 3]);
          if (high < 0 || high > 1 || low < 0) return false;
          out += static_cast<char>(high * 16 + low);
          pos_ += 4;
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  // A member name: a string without escapes, followed by ':'.
  bool ReadName(std::string_view& name) {
    if (!Take('"')) return false;
    const size_t end = bytes_.find('"', pos_);
    if (end == std::string_view::npos) return false;
    name = bytes_.substr(pos_, end - pos_);
    if (name.find('\\') != std::string_view::npos) return false;
    pos_ = end + 1;
    return Take(':');
  }

  // A non-negative integer of at most 16 digits without leading zeros.
  bool ReadInteger(int64_t& out) {
    const size_t start = pos_;
    out = 0;
    while (pos_ < bytes_.size() && bytes_[pos_] >= '0' && bytes_[pos_] <= '9') {
      out = out * 10 + (bytes_[pos_++] - '0');
    }
    const size_t digits = pos_ - start;
    return digits > 0 && digits <= 16 && (digits == 1 || bytes_[start] != '0');
  }

  // `{` member (`,` member)* `}`, calling `member(name)` to read each value; `{}` too.
  template <typename Member>
  bool ReadObject(const Member& member) {
    if (!Take('{')) return false;
    if (Take('}')) return true;
    do {
      std::string_view name;
      if (!ReadName(name) || !member(name)) return false;
    } while (Take(','));
    return Take('}');
  }

  // `[` item (`,` item)* `]`, calling `item()` for each; `[]` too.
  template <typename Item>
  bool ReadArray(const Item& item) {
    if (!Take('[')) return false;
    if (Take(']')) return true;
    do {
      if (!item()) return false;
    } while (Take(','));
    return Take(']');
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// Reads the strings of a JSON array into `items`, reusing the strings already there.
bool ReadStrings(Reader& in, std::vector<std::string>& items) {
  size_t count = 0;
  const bool read = in.ReadArray([&] {
    if (count == items.size()) items.emplace_back();
    return in.ReadString(items[count++]);
  });
  items.resize(count);
  return read;
}

// `content` without any field but its arrays, which the caller empties if the bytes have none;
// its strings keep their buffers.
void ClearAllButArrays(EventContent& content) {
  content.type = EventType::kPledge;
  for (std::string* text :
       {&content.subtype, &content.participant, &content.date, &content.date_precision,
        &content.occurred_at, &content.unit, &content.item, &content.effective_date,
        &content.named_institution, &content.responds_to, &content.description}) {
    text->clear();
  }
  content.amount.reset();
  content.quantity.reset();
  content.period.reset();
}

// A member of the content (§1.1 fields an `amend` replacement has too); false when `name` is not
// one or its value is not of the expected form.
bool ReadContentMember(Reader& in, std::string_view name, EventContent& content) {
  if (name == "type") {
    std::string text;
    if (!in.ReadString(text)) return false;
    const std::optional<EventType> type = EventTypeFromName(text);
    if (!type) return false;
    content.type = *type;
    return true;
  }
  if (name == "subtype") return in.ReadString(content.subtype);
  if (name == "participant") return in.ReadString(content.participant);
  if (name == "date") return in.ReadString(content.date);
  if (name == "date_precision") return in.ReadString(content.date_precision);
  if (name == "occurred_at") return in.ReadString(content.occurred_at);
  if (name == "commitments") return ReadStrings(in, content.commitments);
  if (name == "amount") {
    Money& money = content.amount.emplace();
    return in.ReadObject([&](std::string_view member) {
      if (member == "currency") return in.ReadString(money.currency);
      if (member == "minor_units") return in.ReadInteger(money.minor_units);
      return false;
    });
  }
  if (name == "quantity") return in.ReadInteger(content.quantity.emplace());
  if (name == "unit") return in.ReadString(content.unit);
  if (name == "item") return in.ReadString(content.item);
  if (name == "period") {
    Period& period = content.period.emplace();
    return in.ReadObject([&](std::string_view member) {
      if (member == "from") return in.ReadString(period.from);
      if (member == "to") return in.ReadString(period.to);
      return false;
    });
  }
  if (name == "effective_date") return in.ReadString(content.effective_date);
  if (name == "named_institution") return in.ReadString(content.named_institution);
  if (name == "responds_to") return in.ReadString(content.responds_to);
  if (name == "description") return in.ReadString(content.description);
  if (name == "evidence") {
    size_t count = 0;
    const bool read = in.ReadArray([&] {
      if (count == content.evidence.size()) content.evidence.emplace_back();
      Evidence& item = content.evidence[count++];
      item.reference.clear();
      item.sha256.clear();
      return in.ReadObject([&](std::string_view member) {
        if (member == "reference") return in.ReadString(item.reference);
        if (member == "sha256") return in.ReadString(item.sha256);
        return false;
      });
    });
    content.evidence.resize(count);
    return read;
  }
  return false;
}

}  // namespace

bool ReadEventBytes(std::string_view bytes, Event& event) {
  Reader in(bytes);
  for (std::string* text :
       {&event.id, &event.agreement, &event.classification, &event.idempotency_key,
        &event.recorded_at, &event.recorded_by.institution, &event.recorded_by.user,
        &event.corrects, &event.action}) {
    text->clear();
  }
  ClearAllButArrays(event.content);
  event.replacement.reset();
  bool commitments = false;
  bool evidence = false;
  const bool read = in.ReadObject([&](std::string_view name) {
    if (name == "id") return in.ReadString(event.id);
    if (name == "agreement") return in.ReadString(event.agreement);
    if (name == "classification") return in.ReadString(event.classification);
    if (name == "idempotency_key") return in.ReadString(event.idempotency_key);
    if (name == "recorded_at") return in.ReadString(event.recorded_at);
    if (name == "recorded_by") {
      return in.ReadObject([&](std::string_view member) {
        if (member == "institution") return in.ReadString(event.recorded_by.institution);
        if (member == "user") return in.ReadString(event.recorded_by.user);
        return false;
      });
    }
    if (name == "corrects") return in.ReadString(event.corrects);
    if (name == "action") return in.ReadString(event.action);
    if (name == "replacement") {
      EventContent& content = event.replacement.emplace();
      return in.ReadObject(
          [&](std::string_view member) { return ReadContentMember(in, member, content); });
    }
    commitments = commitments || name == "commitments";
    evidence = evidence || name == "evidence";
    return ReadContentMember(in, name, event.content);
  });
  if (!commitments) event.content.commitments.clear();
  if (!evidence) event.content.evidence.clear();
  return read && in.AtEnd();
}

std::optional<Hash> ReadEventOnFastPath(std::string_view bytes, const ValidationContext& context,
                                        Event& event) {
  if (!ReadEventBytes(bytes, event) || !IsNormalRecordedEvent(event, context)) return std::nullopt;
  Result<CanonicalForm> again = CanonicalEventAndContentHash(event);
  if (!again.ok() || again.value().bytes != bytes ||
      !DerivedKeyHolds(event.idempotency_key, again.value().content_hash)) {
    return std::nullopt;
  }
  return again.value().content_hash;
}

}  // namespace treaty::ledger
