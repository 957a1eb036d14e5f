#include "views/http/status_view.h"

#include "evaluation/amount_text.h"
#include "evaluation/status_words.h"
#include "text/utf8.h"

#include <algorithm>
#include <chrono>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace treaty::http {
namespace {

constexpr int kTimelineWidth = 900;
constexpr int kChartHeight = 160;
constexpr int kChartTop = 16;     // above the bars: the scale's label
constexpr int kChartBottom = 20;  // below them: the periods' labels
constexpr int kBarWidth = 28;

std::string Money(const nlohmann::json& minor, const std::string& currency) {
  if (!minor.is_number_integer()) return "—";
  return evaluation::MoneyText(minor.get<int64_t>(), currency);
}

// The progress of a numeric target period by period (progress.tpl, included as PROGRESS): what
// its measure counted against the target, what the other measures came to beside it, and the
// chart. Nothing when it has no periods.
void FillProgress(const nlohmann::json& progress, ctemplate::TemplateDictionary& dict) {
  const nlohmann::json& periods =
      progress.contains("periods") ? progress["periods"] : nlohmann::json::array();
  if (periods.empty()) return;
  ctemplate::TemplateDictionary* table = dict.AddIncludeDictionary("PROGRESS");
  table->SetFilename("progress.tpl");
  const std::string measure = progress.value("measure", "");
  table->SetValue("MEASURE", text::WithCapitalFirst(measure));
  table->SetValue("MEASURE_LOWER", measure);
  // sec_2__hcontainer_1__para_2: what "providing the necessary military support" counts is the
  // rule's measure alone; pledges and allocations are other measures, shown so that a reader sees
  // what was promised beside what the target counts.
  std::vector<std::string> others;
  for (const char* other : {"pledged", "allocated"}) {
    if (measure == other) continue;
    others.push_back(other);
    table->AddSectionDictionary("OTHER_MEASURE")->SetValue("NAME", text::WithCapitalFirst(other));
  }
  const std::string currency = progress.value("currency", "");
  int64_t largest = 0;
  for (const nlohmann::json& period : periods) {
    for (const char* key : {"target_minor_units", "achieved_minor_units"}) {
      if (period.contains(key) && period[key].is_number_integer()) {
        largest = std::max(largest, period[key].get<int64_t>());
      }
    }
  }
  int index = 0;
  for (const nlohmann::json& period : periods) {
    ctemplate::TemplateDictionary* row = table->AddSectionDictionary("PERIOD");
    row->SetValue("LABEL", period.value("label", ""));
    row->SetValue("PERIOD_STATUS_WORDS", evaluation::StatusWords(period.value("status", "")));
    row->SetValue("TARGET", Money(period.value("target_minor_units", nlohmann::json()), currency));
    row->SetValue("ACHIEVED",
                  Money(period.value("achieved_minor_units", nlohmann::json()), currency));
    for (const std::string& other : others) {
      row->AddSectionDictionary("OTHER_AMOUNT")
          ->SetValue("AMOUNT",
                     Money(period.value(other + "_minor_units", nlohmann::json()), currency));
    }
    const nlohmann::json percent = period.value("percent_of_target", nlohmann::json());
    if (percent.is_number()) {
      ctemplate::TemplateDictionary* bar = row->AddSectionDictionary("BAR");
      // The bar as full as the share printed beside it, not cut to whole percents.
      bar->SetValue("VALUE", fmt::format("{:.1f}", std::min(100.0, percent.get<double>())));
      bar->SetValue("PERCENT", fmt::format("{:.1f} %", percent.get<double>()));
    }
    ctemplate::TemplateDictionary* chart = table->AddSectionDictionary("CHART_BAR");
    const int x = 40 + index * (2 * kBarWidth + 24);
    auto height = [&](const char* key) {
      const nlohmann::json value = period.value(key, nlohmann::json());
      if (!value.is_number_integer()) return 0;
      return static_cast<int>(static_cast<double>(value.get<int64_t>()) /
                              std::max<int64_t>(largest, 1) *
                              (kChartHeight - kChartTop - kChartBottom));
    };
    const int target = height("target_minor_units");
    const int achieved = height("achieved_minor_units");
    chart->SetIntValue("TARGET_X", x);
    chart->SetIntValue("TARGET_Y", kChartHeight - kChartBottom - target);
    chart->SetIntValue("TARGET_H", target);
    chart->SetIntValue("ACHIEVED_X", x + kBarWidth);
    chart->SetIntValue("ACHIEVED_Y", kChartHeight - kChartBottom - achieved);
    chart->SetIntValue("ACHIEVED_H", achieved);
    chart->SetIntValue("BAR_W", kBarWidth - 2);
    chart->SetIntValue("LABEL_X", x);
    chart->SetValue("LABEL", period.value("label", ""));
    ++index;
  }
  table->SetIntValue("CHART_WIDTH", std::max(480, 60 + index * (2 * kBarWidth + 24)));
  table->SetIntValue("CHART_HEIGHT", kChartHeight);
  // The scale: the baseline is nothing, the line above the bars the largest figure drawn; none
  // when every figure is nothing or unknown.
  if (largest > 0) {
    ctemplate::TemplateDictionary* scale = table->AddSectionDictionary("SCALE");
    scale->SetValue("LARGEST", Money(nlohmann::json(largest), currency));
    scale->SetIntValue("SCALE_Y", kChartTop);
    scale->SetIntValue("SCALE_LABEL_Y", kChartTop - 4);
    scale->SetIntValue("BASE_Y", kChartHeight - kChartBottom);
  }
}

}  // namespace

void FillLifecycle(const evaluation::AgreementStatus& status, ctemplate::TemplateDictionary& dict) {
  const evaluation::Lifecycle& lifecycle = status.lifecycle;
  ctemplate::TemplateDictionary* section = dict.AddSectionDictionary("LIFECYCLE");
  const std::string state = evaluation::LifecycleStateName(lifecycle.state);
  section->SetValue("STATE", state);
  section->SetValue("STATE_WORDS", evaluation::StatusWords(state));
  section->SetValue("AT", status.at.LocalDate().ToString());
  section->SetValue("SUMMARY", evaluation::LifecycleSummary(lifecycle));
  for (const evaluation::Reason& reason : lifecycle.reasons) {
    ctemplate::TemplateDictionary* row = section->AddSectionDictionary("LIFECYCLE_REASON");
    row->SetValue("FINDING", reason.finding);
    row->SetValue("EID", reason.provision.eid);
  }
  const int first_year = static_cast<int>(lifecycle.in_force_from.ymd().year());
  const int last_year =
      std::max(static_cast<int>(lifecycle.last_day_in_force.ymd().year()), first_year + 1);
  // Each day at its own place between the first year's 1 January and the day after the last year.
  const auto start = evaluation::Date::FirstOfYear(first_year).days();
  const double span =
      static_cast<double>((evaluation::Date::FirstOfYear(last_year + 1).days() - start).count());
  auto x_of = [&](const evaluation::Date& date) {
    const double share = static_cast<double>((date.days() - start).count()) / span;
    return 20 + static_cast<int>(std::clamp(share, 0.0, 1.0) * (kTimelineWidth - 40));
  };
  for (int year = first_year; year <= last_year; ++year) {
    ctemplate::TemplateDictionary* tick = section->AddSectionDictionary("YEAR");
    tick->SetIntValue("X", x_of(evaluation::Date::FirstOfYear(year)));
    tick->SetIntValue("LABEL", year);
  }
  section->SetIntValue("NOW_X", x_of(status.at.LocalDate()));
  int row = 0;
  for (const evaluation::DeadlineStatus& deadline : status.deadlines) {
    ctemplate::TemplateDictionary* mark = section->AddSectionDictionary("MARK");
    mark->SetIntValue("X", x_of(deadline.deadline.date));
    mark->SetIntValue("Y", 62 + (row++ % 4) * 14);
    mark->SetValue("DATE", deadline.deadline.date.ToString());
    mark->SetValue("TITLE", deadline.deadline.title);
    mark->SetValue("STATE", deadline.state);
    mark->SetValue("STATE_WORDS", evaluation::StatusWords(deadline.state));
  }
  // What the drawing says only to a pointer, in words: the states of its marks and the next
  // deadlines.
  for (std::string_view state : evaluation::DeadlineStateNames()) {
    ctemplate::TemplateDictionary* key = section->AddSectionDictionary("STATE_KEY");
    key->SetValue("STATE", std::string(state));
    key->SetValue("STATE_WORDS", evaluation::StatusWords(state));
  }
  constexpr int kNextShown = 3;
  int next = 0;
  ctemplate::TemplateDictionary* upcoming = nullptr;
  for (const evaluation::DeadlineStatus& deadline : status.deadlines) {
    if (deadline.state != "upcoming") continue;
    if (next++ == kNextShown) break;
    if (upcoming == nullptr) upcoming = section->AddSectionDictionary("UPCOMING");
    ctemplate::TemplateDictionary* item = upcoming->AddSectionDictionary("NEXT");
    item->SetValue("DATE", deadline.deadline.date.ToString());
    item->SetValue("TITLE", deadline.deadline.title);
  }
  section->SetIntValue("WIDTH", kTimelineWidth);
  section->SetIntValue("END_X", kTimelineWidth - 20);
}

bool FillCommitmentStatus(const evaluation::AgreementStatus& status,
                          const std::string& commitment_id, ctemplate::TemplateDictionary& dict) {
  const evaluation::CommitmentStatus* found =
      evaluation::FindCommitmentStatus(status.commitments, commitment_id);
  if (found == nullptr) return false;
  dict.SetValue("STATUS", found->status);
  dict.SetValue("STATUS_WORDS", evaluation::StatusWords(found->status));
  dict.SetValue("SUMMARY", found->summary);
  dict.SetValue("RULE", found->rule);
  for (const evaluation::Reason& reason : found->reasons) {
    ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("REASON");
    row->SetValue("FINDING", reason.finding);
    row->SetValue("EID", reason.provision.eid);
    for (const std::string& event : reason.events) {
      row->AddSectionDictionary("REASON_EVENT")->SetValue("ID", event);
    }
  }
  FillProgress(found->progress, dict);
  return true;
}

void FillCommitmentTitle(const commitments::Commitment* commitment, const std::string& id,
                         ctemplate::TemplateDictionary& dict) {
  if (commitment == nullptr) {
    dict.SetValue("TITLE", id);
    return;
  }
  dict.SetValue("TITLE", commitments::Title(*commitment));
  ctemplate::TemplateDictionary* meta = dict.AddSectionDictionary("META");
  meta->SetValue("OBLIGORS", fmt::format("{}", fmt::join(commitment->obligors, ", ")));
  meta->SetValue("STRENGTH", std::string(commitments::StrengthName(commitment->strength)));
  meta->SetValue("HEADINGS", fmt::format("{}", fmt::join(commitment->area.headings, " › ")));
}

}  // namespace treaty::http
