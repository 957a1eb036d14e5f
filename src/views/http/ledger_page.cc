// GET /ledger: one page of the ledger's leaves, the latest first, with its signed tree head and the
// badge of the latest verification.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "evaluation/ledger_facts.h"
#include "ledger/hash.h"
#include "views/http/page.h"
#include "views/http/page_events.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

using ctemplate::TemplateDictionary;
using StoreLease = Pool<ledger::LedgerStore>::Lease;

constexpr int64_t kLedgerPageLeaves = 100;

// The badge: the latest finished verification and how much of the ledger it covered. What went
// wrong is named (an event id, a column's value) only to a caller who sees restricted events: a
// mismatch may be in one of them.
void FillVerifyBadge(const std::optional<VerifiedLedger>& verified, int64_t size,
                     const RequestContext& context, TemplateDictionary& row) {
  std::string text;
  std::string css = "bad";
  if (!verified) {
    css = "pending";
    text = "verification running";
  } else if (!verified->ran) {
    text = "verification could not run: " +
           (context.SeesRestricted() ? verified->problem : "the ledger cannot be read");
  } else if (!verified->ok) {
    text = "verification failed: " +
           (context.SeesRestricted()
                ? verified->problem
                : "the ledger does not match its signed tree heads (treaty verify names the "
                  "first mismatch)");
  } else {
    css = verified->warnings.empty() ? "ok" : "warn";
    text = "verified: every event, hash and signature recomputed";
    if (verified->head_size != size) {
      text += fmt::format(" up to tree size {} (the newer events are being checked)",
                          verified->head_size);
    }
    // A demo key's signature matches and proves nothing: the badge must not read as proof.
    if (!verified->warnings.empty()) {
      text += fmt::format("; but {}", fmt::join(verified->warnings, "; "));
    }
  }
  row.SetValue("VERIFY_CLASS", css);
  row.SetValue("VERIFY_TEXT", text);
}

HttpResponse LedgerPage(Site& site, RequestContext& context) {
  TemplateDictionary body("ledger");
  auto query = context.request.Query();
  if (!query["begin"].empty() && !IsCount(query["begin"])) {
    return ProblemPage(400, "begin: a leaf index");
  }
  if (!query["end"].empty() && !IsCount(query["end"])) {
    return ProblemPage(400, "end: a leaf index");
  }
  Result<StoreLease> store = site.ledgers().Acquire();
  if (!store.ok()) return LedgerUnavailablePage(store.error());
  // The notice after the recording form: only for an event of this ledger the caller sees, so
  // that a link cannot make the page say what did not happen. An event the form sent again was
  // recorded before (`already`): the page is the one that holds its leaf.
  struct Notice {
    const char* section;
    std::string id;
    int64_t leaf;
  };
  std::vector<Notice> notices;
  // The page shown holds this leaf: an event the form sent again, or one a link names (`event`,
  // from the reasons of a status).
  std::optional<int64_t> held_leaf;
  // A linked event the caller cannot be shown (none such, another agreement's, or restricted:
  // the three are not told apart) is said, so that the page shown is not taken for its.
  bool event_unseen = false;
  for (const char* notice : {"recorded", "already", "event"}) {
    const auto id = query.find(notice);
    if (id == query.end()) continue;
    Result<std::optional<ledger::StoredEvent>> event = store.value()->EventById(id->second);
    if (!event.ok() || !event.value() || event.value()->agreement != site.agreement_id() ||
        !evaluation::Sees(AudienceOf(context), event.value()->classification)) {
      event_unseen = event_unseen || std::string_view(notice) == "event";
      continue;
    }
    const std::string_view kind = notice;
    if (kind != "recorded") held_leaf = event.value()->leaf_index;
    if (kind == "event") continue;
    notices.push_back({kind == "recorded" ? "RECORDED" : "ALREADY", event.value()->id,
                       event.value()->leaf_index});
  }
  Result<std::optional<ledger::SignedTreeHead>> head =
      store.value()->LatestTreeHead(site.agreement_id());
  int64_t size = 0;
  if (head.ok()) {
    size = head.value() ? head.value()->head.tree_size : 0;
  } else {
    // A damaged head still leaves the events to show, and the badge to say what is wrong.
    Result<std::optional<ledger::LedgerState>> state = store.value()->State(site.agreement_id());
    if (!state.ok()) return LedgerReadFailurePage(503, state.error(), context);
    if (!state.value()) return ProblemPage(503, "the ledger cannot be read");
    size = state.value()->tree_size;
  }
  // One page of leaves [begin, end), the latest by default; readers see the public events among
  // them. A page before one that does not start at a multiple of the page size ends where that
  // one begins (`end`), so that going back never shows a leaf twice.
  // An `end` alone ends the page, at most at the ledger's last leaf: it begins up to a page's worth
  // of leaves before.
  int64_t begin = std::max<int64_t>(0, size - kLedgerPageLeaves);
  int64_t end = query["end"].empty() ? 0 : std::stoll(query["end"]);
  if (!query["begin"].empty()) {
    begin = std::stoll(query["begin"]);
  } else if (!query["end"].empty()) {
    end = std::min(end, size);
    if (end < 1) return ProblemPage(400, "end: a leaf index of 1 or more, within the ledger");
    begin = std::max<int64_t>(0, end - kLedgerPageLeaves);
  } else if (held_leaf && *held_leaf < begin) {
    begin = *held_leaf / kLedgerPageLeaves * kLedgerPageLeaves;
  }
  if (query["end"].empty()) end = begin + kLedgerPageLeaves;
  if (end <= begin || end > begin + kLedgerPageLeaves) {
    return ProblemPage(
        400, fmt::format("end: after begin and at most {} leaves after it", kLedgerPageLeaves));
  }
  if (event_unseen) body.ShowSection("EVENT_UNSEEN");
  // A notice's event is on this page, or a link leads to the page that holds it.
  for (const Notice& notice : notices) {
    TemplateDictionary* shown = body.AddSectionDictionary(notice.section);
    shown->SetValue("ID", notice.id);
    shown->SetIntValue("LEAF", static_cast<long>(notice.leaf));
    if (notice.leaf >= begin && notice.leaf < end) {
      shown->ShowSection("SHOWN_BELOW");
    } else {
      shown->SetIntValue("PAGE",
                         static_cast<long>(notice.leaf / kLedgerPageLeaves * kLedgerPageLeaves));
      shown->ShowSection("ON_ITS_PAGE");
    }
  }
  ledger::EventFilter filter;
  filter.begin = begin;
  filter.limit = end - begin;
  Result<PageEvents> events = VisibleEvents(site, context, filter);
  if (!events.ok()) return LedgerReadFailurePage(503, events.error(), context);
  // The table only when it has a row: a range past the end or of none the reader may see has none.
  TemplateDictionary* table = nullptr;
  for (const nlohmann::json& event : events.value().events) {
    if (event.value("leaf_index", int64_t{0}) >= end) break;
    if (table == nullptr) table = body.AddSectionDictionary("EVENTS_TABLE");
    FillEventRow(site, table->AddSectionDictionary("EVENT"), event,
                 events.value().correction_notes);
  }
  for (const auto& [leaf, problem] : events.value().unreadable) {
    TemplateDictionary* row = body.AddSectionDictionary("UNREADABLE");
    row->SetIntValue("LEAF", static_cast<long>(leaf));
    row->SetValue("PROBLEM", problem);
  }
  if (begin < size) {
    TemplateDictionary* range = body.AddSectionDictionary("RANGE");
    range->SetIntValue("FIRST", static_cast<long>(begin));
    range->SetIntValue("LAST", static_cast<long>(std::min(end, size) - 1));
    range->SetIntValue("SIZE", static_cast<long>(size));
    if (begin > 0) {
      TemplateDictionary* earlier = range->AddSectionDictionary("HAS_EARLIER");
      earlier->SetIntValue("EARLIER",
                           static_cast<long>(std::max<int64_t>(0, begin - kLedgerPageLeaves)));
      if (begin < kLedgerPageLeaves) {
        earlier->SetValueAndShowSection("END", std::to_string(begin), "EARLIER_END");
      }
    }
    if (end < size) {
      range->SetIntValue("LATER", static_cast<long>(end));
      range->ShowSection("HAS_LATER");
    }
    if (!context.SeesRestricted()) range->ShowSection("PUBLIC_ONLY");
  } else if (size > 0) {
    TemplateDictionary* past = body.AddSectionDictionary("PAST_END");
    past->SetIntValue("BEGIN", static_cast<long>(begin));
    past->SetIntValue("SIZE", static_cast<long>(size));
  }
  if (!head.ok()) {
    TemplateDictionary* row = body.AddSectionDictionary("HEAD_UNREADABLE");
    row->SetValue("PROBLEM", head.error().message);
    FillVerifyBadge(site.verification().Latest(size), size, context, *row);
    return RenderPage(context, "ledger", "Ledger", "ledger.tpl", body);
  }
  if (!head.value()) {
    body.ShowSection("NO_HEAD");
    return RenderPage(context, "ledger", "Ledger", "ledger.tpl", body);
  }
  TemplateDictionary* row = body.AddSectionDictionary("HEAD");
  row->SetIntValue("SIZE", static_cast<long>(size));
  row->SetValue("ROOT", ledger::ToHex(head.value()->head.root_hash));
  row->SetValue("SIGNER", head.value()->head.signer);
  row->SetValue("TIME", head.value()->head.timestamp);
  FillVerifyBadge(site.verification().Latest(size), size, context, *row);
  return RenderPage(context, "ledger", "Ledger", "ledger.tpl", body);
}

}  // namespace

void AddLedgerPage(Router& router, Site& site) {
  router.Add({"GET", "/ledger", Access::kPublic,
              [&site](RequestContext& context) { return LedgerPage(site, context); }, false});
}

}  // namespace treaty::http
