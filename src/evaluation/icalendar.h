// Deadlines and yearly duties as an iCalendar stream (RFC 5545): one all-day VEVENT per deadline
// (DTSTART;VALUE=DATE), or one at its time for a deadline with a moment (DTSTART in UTC), a
// yearly duty with RRULE:FREQ=YEARLY;UNTIL=<date>. Lines end in CRLF and
// are folded at 75 octets, never inside a UTF-8 character.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluation/deadline.h"
#include "evaluation/instant.h"

namespace treaty::evaluation {

// "lv-ua-2024.extension-deadline-term-1@treaty": the same agreement and key give the same UID, so
// a calendar that imports the stream again updates events instead of duplicating them.
std::string DeadlineUid(std::string_view agreement_id, std::string_view key);

// RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, line breaks as "\n"; other
// control characters, which TEXT does not allow, become spaces.
std::string EscapeText(std::string_view text);

// One content line (without its line break) as it is written: CRLF-terminated physical lines of
// at most 75 octets, each continuation starting with a space (§3.1).
std::string FoldLine(std::string_view line);

// The VCALENDAR for `agreement_id`. `stamp` is the DTSTAMP of every event (when the stream was
// made, written in UTC), `sequence` its SEQUENCE (§3.8.7.4), which a later stream that changes an
// event must exceed for a calendar to take the change. SUMMARY is the deadline's title;
// DESCRIPTION quotes the provision and names its id and the ledger events. Each of `cancelled` is
// written with STATUS:CANCELLED (§3.8.1.11), so that a calendar holding it from an earlier import
// shows it cancelled.
std::string WriteICalendar(std::string_view agreement_id, const std::vector<Deadline>& deadlines,
                           const std::vector<Deadline>& cancelled, int64_t sequence, Instant stamp);

}  // namespace treaty::evaluation
