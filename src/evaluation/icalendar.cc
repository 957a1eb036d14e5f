#include "evaluation/icalendar.h"

#include <fmt/format.h>

namespace treaty::evaluation {

namespace {

constexpr size_t kMaxOctets = 75;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string DeadlineUid(std::string_view agreement_id, std::string_view key) {
  return fmt::format("{}.{}@treaty", agreement_id, key);
}

std::string EscapeText(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // CRLF is one line break, written by the '\n'
    } else if (c == '\n') {
      out += "\\n";
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string FoldLine(std::string_view line) {
  std::string out;
  size_t limit = kMaxOctets;  // the first physical line; continuations lose one octet to the space
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && IsContinuationByte(line[cut])) --cut;
    if (cut == 0) cut = limit;  // not UTF-8: cut anywhere rather than never
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string WriteICalendar(std::string_view agreement_id, const std::vector<Deadline>& deadlines,
                           const std::vector<Deadline>& cancelled, int64_t sequence,
                           Instant stamp) {
  std::string out;
  auto line = [&](std::string_view text) { out += FoldLine(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line(fmt::format("PRODID:-//treaty//{} deadlines//EN", agreement_id));
  // No METHOD: a PUBLISH message of iTIP (RFC 5546 §3.2.1) needs an ORGANIZER, which a
  // calendar of the Agreement's deadlines has none of; without METHOD it is plain iCalendar.
  line("CALSCALE:GREGORIAN");
  auto event = [&](const Deadline& deadline, bool is_cancelled) {
    std::string description = fmt::format("{} ({}): “{}”", deadline.source.eid,
                                          deadline.source.commitment_id, deadline.source.quote);
    if (!deadline.events.empty()) {
      description += fmt::format("\nLedger events: {}", fmt::join(deadline.events, ", "));
    }
    line("BEGIN:VEVENT");
    line("UID:" + DeadlineUid(agreement_id, deadline.key));
    line("DTSTAMP:" + stamp.ToBasicUtcString());
    line(fmt::format("SEQUENCE:{}", sequence));
    // A clock of hours ends at an instant: a timed event, not a day's.
    line(deadline.moment ? "DTSTART:" + deadline.moment->ToBasicUtcString()
                         : "DTSTART;VALUE=DATE:" + deadline.date.ToBasicString());
    if (deadline.yearly_until) {
      line("RRULE:FREQ=YEARLY;UNTIL=" + deadline.yearly_until->ToBasicString());
    }
    line("SUMMARY:" + EscapeText(deadline.title));
    line("DESCRIPTION:" + EscapeText(description));
    line("TRANSP:TRANSPARENT");
    if (is_cancelled) line("STATUS:CANCELLED");
    line("END:VEVENT");
  };
  for (const Deadline& deadline : deadlines) event(deadline, false);
  for (const Deadline& deadline : cancelled) event(deadline, true);
  line("END:VCALENDAR");
  return out;
}

}  // namespace treaty::evaluation
