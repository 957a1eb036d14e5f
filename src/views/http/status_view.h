// Fills page dictionaries from an evaluated status: the life cycle, the timeline of deadlines,
// commitment statuses with their reasons, progress bars and the SVG chart of target against
// achieved per period. Only layout is computed here (positions and sizes in the drawing); every
// figure and state comes from the evaluation stage.
#pragma once

#include <string>
#include <string_view>

#include <ctemplate/template.h>

#include "commitments/commitment.h"
#include "evaluation/status.h"

namespace treaty::http {

// States and statuses are given as their code (STATE, STATUS: CSS classes, data attributes) and
// in words (STATE_WORDS, STATUS_WORDS, PERIOD_STATUS_WORDS: what a reader sees,
// evaluation/status_words.h).

// LIFECYCLE section: STATE, STATE_WORDS, SUMMARY (LifecycleSummary), a timeline of MARK entries
// (X, Y, DATE, TITLE, STATE, STATE_WORDS) across the term, and what the drawing says in words:
// a STATE_KEY entry (STATE, STATE_WORDS) per deadline state, and UPCOMING with at most three NEXT
// entries (DATE, TITLE) when deadlines are to come.
void FillLifecycle(const evaluation::AgreementStatus& status, ctemplate::TemplateDictionary& dict);

// One commitment's STATUS, STATUS_WORDS, SUMMARY, REASON entries (FINDING, EID, EVENT ids) and,
// when its target has periods, PROGRESS: progress.tpl with a row and a progress bar per period,
// the measures not counted beside it, and a chart of target and achieved bars. Returns false
// when the status has no entry for `commitment_id`.
bool FillCommitmentStatus(const evaluation::AgreementStatus& status,
                          const std::string& commitment_id, ctemplate::TemplateDictionary& dict);

// A commitment with a status as a reader names it: TITLE (commitments::Title), and a META section
// with OBLIGORS, STRENGTH and HEADINGS to show beside its id (ID, set by the caller). A status
// whose commitment the review dropped has its id as its TITLE and no META.
void FillCommitmentTitle(const commitments::Commitment* commitment, const std::string& id,
                         ctemplate::TemplateDictionary& dict);

}  // namespace treaty::http
