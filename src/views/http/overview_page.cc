// GET /: the overview of the agreement, its state on a day, its key targets and its ledger.
#include <set>

#include "evaluation/period.h"
#include "text/language.h"
#include "views/http/commitment_filter.h"
#include "views/http/page.h"
#include "views/http/routes.h"
#include "views/http/status_view.h"

namespace treaty::http {
namespace {

using ctemplate::TemplateDictionary;
using StoreLease = Pool<ledger::LedgerStore>::Lease;

HttpResponse Overview(Site& site, RequestContext& context) {
  const document::AgreementPackage& package = site.agreement().package;
  TemplateDictionary body("overview");
  body.SetValue("AGREEMENT_TITLE", package.title);
  for (const document::Party& party : package.parties) {
    TemplateDictionary* row = body.AddSectionDictionary("PARTY");
    row->SetValue("PARTY_NAME", party.name);
    row->SetValue("PARTY_CODE", party.code);
  }
  body.SetValue("SIGNED_DATE", package.signed_date);
  body.SetValue("SIGNED_PLACE", package.signed_place);
  body.SetValue("ENTRY_INTO_FORCE", package.entry_into_force);
  body.SetValue("TERM", evaluation::PeriodInWords(package.term));
  // The authentic texts as the agreement names them, each said to be missing here when the
  // package has no copy of it (sec_6__para_9: "all texts being equally authentic").
  std::set<text::Language> bundled;
  for (const grammar::ExtractedText& version : site.agreement().versions) {
    bundled.insert(version.doc.language);
  }
  for (const text::Language language : package.authentic_languages) {
    TemplateDictionary* row = body.AddSectionDictionary("LANGUAGE");
    row->SetValue("LANGUAGE_NAME", LanguageName(std::string(text::LanguageCode(language))));
    if (!bundled.contains(language)) row->ShowSection("NOT_INCLUDED");
  }
  body.SetValue("PREVAILING", LanguageName(PrevailingCode(site)));
  int count = 0;
  std::set<std::string> sections;
  for (const commitments::Commitment& commitment : site.agreement().reviewed) {
    if (!CommitmentFilter{}.Matches(commitment)) continue;
    ++count;
    sections.insert(commitment.area.section);
  }
  Result<std::shared_ptr<const EvaluatedStatus>> status =
      StatusFor(site, context, context.request.Query()["at"]);
  if (!status.ok()) return StatusErrorPage(status.error(), context);
  FillLifecycle(status.value()->status, body);
  for (const evaluation::CommitmentStatus& entry : status.value()->status.commitments) {
    if (!entry.progress.contains("periods")) continue;
    TemplateDictionary* row = body.AddSectionDictionary("TARGET");
    row->SetValue("ID", entry.id);
    FillCommitmentTitle(site.FindCommitment(entry.id), entry.id, *row);
    FillCommitmentStatus(status.value()->status, entry.id, *row);
  }
  body.SetIntValue("COMMITMENT_COUNT", count);
  body.SetIntValue("SECTION_COUNT", static_cast<long>(sections.size()));
  body.SetIntValue("EVENT_COUNT", static_cast<long>(status.value()->status.ledger_size));
  body.SetValue("EVENT_WORD", context.SeesRestricted() ? "events" : "public events");
  Result<StoreLease> store = site.ledgers().Acquire();
  if (!store.ok()) return LedgerUnavailablePage(store.error());
  Result<std::optional<ledger::SignedTreeHead>> head =
      store.value()->LatestTreeHead(site.agreement_id());
  if (head.ok() && head.value()) {
    TemplateDictionary* row = body.AddSectionDictionary("HEAD");
    row->SetIntValue("HEAD_SIZE", static_cast<long>(head.value()->head.tree_size));
    row->SetValue("HEAD_SIGNER", head.value()->head.signer);
    row->SetValue("HEAD_TIME", head.value()->head.timestamp);
  }
  CarryAt(context, body);
  return RenderPage(context, "overview", DisplayTitle(package), "overview.tpl", body);
}

}  // namespace

void AddOverviewPage(Router& router, Site& site) {
  router.Add({"GET", "/", Access::kPublic,
              [&site](RequestContext& context) { return Overview(site, context); }, false});
}

}  // namespace treaty::http
