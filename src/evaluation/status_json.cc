#include <nlohmann/json.hpp>

#include "evaluation/lifecycle_json.h"
#include "evaluation/status.h"

namespace treaty::evaluation {
namespace {

using nlohmann::json;

json ReasonJson(const Reason& reason) {
  return {{"provision", reason.provision.eid},
          {"commitment", reason.provision.commitment_id},
          {"quote", reason.provision.quote},
          {"finding", reason.finding},
          {"events", reason.events}};
}

json ReferenceJson(const ReferenceUse& use) {
  return {{"file", use.file},       {"line", use.line},    {"year", use.year},
          {"value", use.value},     {"unit", use.unit},    {"measure", use.measure},
          {"vintage", use.vintage}, {"source", use.source}};
}

}  // namespace

json CommitmentStatusJson(const CommitmentStatus& commitment) {
  json reasons = json::array();
  for (const Reason& reason : commitment.reasons) reasons.push_back(ReasonJson(reason));
  json references = json::array();
  for (const ReferenceUse& use : commitment.references) references.push_back(ReferenceJson(use));
  return {{"id", commitment.id},
          {"title", commitment.title},
          {"provision", commitment.provision},
          {"rule", commitment.rule},
          {"status", commitment.status},
          {"summary", commitment.summary},
          {"progress", commitment.progress},
          {"reasons", std::move(reasons)},
          {"references", std::move(references)}};
}

json StatusJson(const AgreementStatus& status) {
  json deadlines = json::array();
  for (const DeadlineStatus& entry : status.deadlines) {
    json item = {{"key", entry.deadline.key},
                 {"date", entry.deadline.date.ToString()},
                 {"title", entry.deadline.title},
                 {"state", entry.state},
                 {"provision", entry.deadline.source.eid},
                 {"commitment", entry.commitment_id},
                 {"quote", entry.deadline.source.quote},
                 {"events", entry.deadline.events}};
    deadlines.push_back(std::move(item));
  }
  json commitments = json::array();
  for (const CommitmentStatus& commitment : status.commitments) {
    commitments.push_back(CommitmentStatusJson(commitment));
  }
  return {{"agreement", status.agreement},
          {"title", status.title},
          {"at", status.at.ToString()},
          {"audience", AudienceName(status.audience)},
          {"ledger_size", status.ledger_size},
          {"events_counted", status.events_counted},
          {"lifecycle", LifecycleJson(status.lifecycle)},
          {"deadlines", std::move(deadlines)},
          {"commitments", std::move(commitments)}};
}

}  // namespace treaty::evaluation
