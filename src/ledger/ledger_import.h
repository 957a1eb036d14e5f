// The store side of `treaty import` (docs/ledger-format.md §7.2): the rows of a validated file
// checked against the store (read-only) and against each other, then
// written in batches, each batch one append transaction with one signed head, acknowledged as it
// commits. A re-run after a crash skips the rows already there and appends the rest.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/import_reader.h"
#include "ledger/ledger_store.h"

namespace treaty::ledger {

// What the rows of a validated file are checked against before anything is written.
struct ImportCheck {
  std::string agreement;
  const PrivateKey* key = nullptr;  // REQUIRES: not null; the key the rows are appended with
  const KeysFile* keys = nullptr;   // REQUIRES: not null
};

// Checks every row of `reading` as its append would before writing (submission_checks.h: the
// agreement, the key's institution, references and the correction rules against the store), and
// its (institution, idempotency_key) against the store and the earlier rows: a key present with
// other content is "idempotency_key: reused with different content: …". Returns the errors,
// placed as reading.ErrorOf places them, in line order (empty: the rows can be written), or a
// store error.
Result<std::vector<ImportError>> CheckImportRows(LedgerStore& store, const ImportCheck& check,
                                                 const ImportReading& reading);

// One committed batch: what the acknowledgement line of §7.3 says.
struct ImportBatch {
  int number = 0;  // 1-based
  int first_line = 0;
  int last_line = 0;
  int added = 0;
  int already_recorded = 0;
  int64_t tree_size = 0;
  // "batch 3: lines 2002-3001: 998 added, 2 already recorded; tree size 3000"
  std::string Line() const;
};

struct ImportSummary {
  int rows = 0;
  int added = 0;
  int already_recorded = 0;
  LedgerState state;  // after the last batch
};

struct ImportWrite {
  std::string agreement;
  const std::vector<ImportRow>* rows = nullptr;  // REQUIRES: not null, validated
  PrivateKey key;
  const KeysFile* keys = nullptr;  // REQUIRES: not null
  int batch_size = 1000;           // 1 … 10000
};

// Appends the rows in file order, `batch_size` at a time; calls `on_batch` after each COMMIT has
// returned. On an error the batches before it stay; the error's `where` names the first line of
// the failing batch ("line N").
Result<ImportSummary> WriteImport(LedgerStore& store, const ImportWrite& request,
                                  const std::function<void(const ImportBatch&)>& on_batch);

}  // namespace treaty::ledger
