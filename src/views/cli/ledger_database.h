// The store behind `--db` of the ledger commands (views/http/ledger_database.h).
#pragma once

#include "views/http/ledger_database.h"

namespace treaty::views {

using http::OpenLedgerStore;

}  // namespace treaty::views
