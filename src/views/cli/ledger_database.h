// The store behind `--db` of the ledger commands (views/http/ledger_database.h) and its default.
#pragma once

#include "views/http/ledger_database.h"

namespace treaty::views {

inline constexpr const char* kDefaultDatabase = "var/treaty.sqlite";

using http::OpenLedgerStore;

}  // namespace treaty::views
