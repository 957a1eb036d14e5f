// SQL that both ledger stores (SQLite and PostgreSQL) run unchanged.
#pragma once

namespace treaty::store {

// The agreements with a `ledgers` row, an event or a tree head (column `agreement`), unordered:
// ORDER BY may follow. The distinct agreements
// of events and heads are found by one index seek each (a skip scan), not by reading every row.
inline constexpr char kAgreementsOfTheStore[] =
    "WITH RECURSIVE in_events(agreement) AS (SELECT min(agreement) FROM events UNION ALL "
    "SELECT (SELECT min(e.agreement) FROM events e WHERE e.agreement > in_events.agreement) "
    "FROM in_events WHERE in_events.agreement IS NOT NULL), "
    "in_heads(agreement) AS (SELECT min(agreement) FROM tree_heads UNION ALL "
    "SELECT (SELECT min(h.agreement) FROM tree_heads h WHERE h.agreement > in_heads.agreement) "
    "FROM in_heads WHERE in_heads.agreement IS NOT NULL) "
    "SELECT agreement FROM (SELECT agreement FROM ledgers "
    "UNION SELECT agreement FROM in_events WHERE agreement IS NOT NULL "
    "UNION SELECT agreement FROM in_heads WHERE agreement IS NOT NULL) AS agreements ";

}  // namespace treaty::store
