#include "commitments/review.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "commitments/review_fields.h"

namespace treaty::commitments {

namespace {

using nlohmann::json;

const std::set<std::string> kDecisions = {"accept", "correct", "split", "merge", "reject"};

// The keys each decision allows besides "id", "decision" and "note".
const std::map<std::string, std::set<std::string>> kDecisionKeys = {
    {"accept", {}},
    {"reject", {}},
    {"merge", {"into"}},
    {"split", {"parts"}},
    {"correct", {"field", "from", "to"}},
};

std::string Compact(const json& value) {
  std::string text = value.dump(-1, ' ', false);
  return text.size() > 120 ? text.substr(0, 117) + "..." : text;
}

// What is wrong with `value` as the value of `field`, or nullopt.
std::optional<std::string> FieldValueProblem(const std::string& field, const json& value) {
  Commitment scratch;
  return SetReviewField(scratch, field, value);
}

}  // namespace

std::optional<ReviewProblem> CheckReviewEntry(const json& object, ReviewEntry& entry) {
  auto problem = [](std::string path, std::string message) {
    return std::optional<ReviewProblem>(ReviewProblem{std::move(path), std::move(message)});
  };
  if (!object.is_object()) return problem("", "a line must be a JSON object");
  if (!object.contains("id") || !object["id"].is_string() ||
      object["id"].get<std::string>().empty())
    return problem("id", "id must be a non-empty string");
  entry.id = object["id"].get<std::string>();
  if (!object.contains("decision") || object["decision"] == "") {
    return problem("decision", "a decision is required: accept, correct, split, merge or reject");
  }
  if (!object["decision"].is_string() ||
      !kDecisions.contains(object["decision"].get<std::string>()))
    return problem("decision", "decision must be one of accept, correct, split, merge, reject");
  entry.decision = object["decision"].get<std::string>();
  const std::set<std::string>& allowed = kDecisionKeys.at(entry.decision);
  for (const auto& [key, value] : object.items()) {
    if (key == "id" || key == "decision") continue;
    if (key == "note") {
      if (!value.is_string()) return problem("note", "note must be a string");
      entry.note = value.get<std::string>();
    } else if (!allowed.contains(key)) {
      return problem(key, fmt::format("\"{}\" is not a key of {} {} decision", key,
                                      entry.decision == "accept" ? "an" : "a", entry.decision));
    }
  }
  static const std::map<std::string, std::string> kKeyWords = {
      {"field", "the field it corrects"},
      {"from", "the value it corrects"},
      {"to", "the corrected value"},
      {"parts", "the parts it splits into"},
      {"into", "the record it merges into"}};
  for (const std::string& key : allowed)
    if (!object.contains(key))
      return problem(key, fmt::format("a {} decision needs {} (\"{}\")", entry.decision,
                                      kKeyWords.at(key), key));
  if (entry.decision == "correct") {
    if (!object["field"].is_string() || !IsReviewField(object["field"].get<std::string>()))
      return problem("field",
                     "field must be one of class, strength, obligors, beneficiary, action, "
                     "category, targets, conditions, flags");
    entry.field = object["field"].get<std::string>();
    entry.from = object["from"];
    entry.to = object["to"];
    if (auto value = FieldValueProblem(entry.field, entry.from)) {
      return problem("from", "from " + *value);
    }
    if (auto value = FieldValueProblem(entry.field, entry.to)) return problem("to", "to " + *value);
    if (entry.from == entry.to) {
      return problem("to", "from and to are the same; a correction must change");
    }
  } else if (entry.decision == "split") {
    if (!object["parts"].is_array() || object["parts"].size() < 2)
      return problem("parts", "parts must be an array of at least two objects");
    for (size_t i = 0; i < object["parts"].size(); ++i) {
      const json& part = object["parts"][i];
      const std::string at = fmt::format("parts[{}]", i);
      if (!part.is_object()) return problem(at, at + " must be an object");
      for (const auto& [key, value] : part.items()) {
        const std::string path = at + "." + key;
        if (key == "note") {
          if (!value.is_string()) return problem(path, path + " must be a string");
        } else if (!IsReviewField(key)) {
          return problem(path, path + " is not a field a review can set");
        } else if (auto wrong = FieldValueProblem(key, value)) {
          return problem(path, path + " " + *wrong);
        }
      }
      entry.parts.push_back(part);
    }
  } else if (entry.decision == "merge") {
    if (!object["into"].is_string() || object["into"].get<std::string>().empty())
      return problem("into", "into must be a non-empty string");
    entry.into = object["into"].get<std::string>();
    if (entry.into == entry.id) return problem("into", "a record cannot be merged into itself");
  }
  return std::nullopt;
}

std::vector<ReviewConflict> ReviewConflicts(const std::vector<const ReviewEntry*>& entries) {
  std::vector<ReviewConflict> conflicts;
  std::map<std::string, const ReviewEntry*> first_of_decision;
  std::map<std::string, const ReviewEntry*> correction_of_field;
  for (const ReviewEntry* entry : entries) {
    if (entry->decision == "correct") {
      auto [it, inserted] = correction_of_field.emplace(entry->field, entry);
      if (!inserted)
        conflicts.push_back({entry, it->second, "corrects " + entry->field + " twice"});
    } else if (auto it = first_of_decision.find(entry->decision); it != first_of_decision.end()) {
      conflicts.push_back({entry, it->second, "has two " + entry->decision + " decisions"});
    }
    first_of_decision.emplace(entry->decision, entry);
  }
  // Decisions that exclude each other on one id; the later in `entries` is at fault.
  auto position = [&](const ReviewEntry* entry) {
    return std::find(entries.begin(), entries.end(), entry) - entries.begin();
  };
  static const std::vector<std::pair<std::string, std::string>> kExclusive = {
      {"accept", "reject"}, {"correct", "reject"}, {"split", "reject"},  {"merge", "reject"},
      {"split", "merge"},   {"split", "correct"},  {"merge", "correct"},
  };
  for (const auto& [a, b] : kExclusive) {
    auto first = first_of_decision.find(a);
    auto second = first_of_decision.find(b);
    if (first != first_of_decision.end() && second != first_of_decision.end()) {
      const ReviewEntry* later =
          position(first->second) < position(second->second) ? second->second : first->second;
      const ReviewEntry* earlier = later == first->second ? second->second : first->second;
      conflicts.push_back(
          {later, earlier,
           fmt::format("cannot both {} and {}", earlier->decision, later->decision)});
    }
  }
  return conflicts;
}

std::string ReviewConflictText(const ReviewConflict& conflict) {
  const ReviewEntry& later = *conflict.later;
  const ReviewEntry& earlier = *conflict.earlier;
  const std::string see = earlier.file == later.file ? fmt::format("see line {}", earlier.line)
                                                     : fmt::format("see {}", earlier.Where());
  return fmt::format("{}: {} {} ({})", later.Where(), later.id, conflict.what, see);
}

Result<std::vector<ReviewEntry>> ReadReviewFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Error{"no such review file", path};
  if (std::filesystem::is_directory(path, ec)) return Error{"is a folder, not a review file", path};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot read the review file", path};
  std::vector<ReviewEntry> entries;
  std::vector<std::string> problems;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ReviewEntry entry;
    entry.file = path;
    entry.line = number;
    json object;
    std::optional<ReviewProblem> problem;
    try {
      object = json::parse(line);
    } catch (const json::exception& e) {
      // what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: …".
      const std::string what = e.what();
      const size_t column = what.find("column ");
      problem = ReviewProblem{
          "", "malformed JSON" +
                  (column == std::string::npos ? std::string() : " at " + what.substr(column))};
    }
    if (!problem) problem = CheckReviewEntry(object, entry);
    if (problem) {
      problems.push_back(entry.Where() + ": " + problem->message);
    } else {
      entries.push_back(std::move(entry));
    }
  }
  if (!problems.empty()) return Error{fmt::format("{}", fmt::join(problems, "\n")), ""};
  return entries;
}

Result<ReviewOutcome> ApplyReview(const std::vector<Commitment>& proposed,
                                  const std::vector<ReviewEntry>& entries) {
  ReviewOutcome outcome;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < proposed.size(); ++i) index.emplace(proposed[i].id, i);

  std::map<std::string, std::vector<const ReviewEntry*>> by_id;
  for (const ReviewEntry& entry : entries) {
    ++outcome.decisions[entry.decision];
    if (!index.contains(entry.id)) {
      outcome.unmatched.push_back({entry.Where(), entry.id, "no sentence has this id"});
      continue;
    }
    by_id[entry.id].push_back(&entry);
  }

  std::vector<std::string> problems;
  for (const auto& [id, list] : by_id) {
    for (const ReviewConflict& conflict : ReviewConflicts(list)) {
      problems.push_back(ReviewConflictText(conflict));
    }
  }
  std::map<std::string, std::string> merged_into;  // id → target id
  for (const auto& [id, list] : by_id) {
    for (const ReviewEntry* entry : list) {
      if (entry->decision != "merge") continue;
      auto target = by_id.find(entry->into);
      if (!index.contains(entry->into)) {
        outcome.unmatched.push_back(
            {entry->Where(), entry->id, "merges into " + entry->into + ", which no sentence has"});
        continue;
      }
      if (target != by_id.end())
        for (const ReviewEntry* other : target->second)
          if (other->decision == "reject" || other->decision == "merge" ||
              other->decision == "split")
            problems.push_back(fmt::format("{}: {} merges into {}, which line {} decides to {}",
                                           entry->Where(), id, entry->into, other->line,
                                           other->decision));
      merged_into[id] = entry->into;
    }
  }
  if (!problems.empty()) return Error{fmt::format("{}", fmt::join(problems, "\n")), ""};

  std::vector<Commitment> records = proposed;
  std::set<std::string> rejected;
  std::map<std::string, std::vector<Commitment>> parts_of;
  for (Commitment& record : records) {
    auto found = by_id.find(record.id);
    if (found == by_id.end()) continue;
    for (const ReviewEntry* entry : found->second) {
      if (!entry->note.empty()) record.review_notes.push_back(entry->note);
      if (entry->decision == "correct") {
        json current = ReviewFieldValue(record, entry->field);
        if (current == entry->to) {
          outcome.changes.push_back(
              {entry->Where(), record.id,
               entry->field + ": extraction already gives " + Compact(entry->to)});
        } else if (current != entry->from) {
          outcome.unmatched.push_back(
              {entry->Where(), record.id,
               fmt::format("{} was {} when reviewed and is {} now", entry->field,
                           Compact(entry->from), Compact(current))});
          continue;
        } else {
          SetReviewField(record, entry->field, entry->to);
          outcome.changes.push_back(
              {entry->Where(), record.id,
               fmt::format("{}: {} → {}", entry->field, Compact(entry->from), Compact(entry->to))});
        }
        record.review = "corrected";
      } else if (entry->decision == "accept") {
        if (record.review.empty()) record.review = "accepted";
      } else if (entry->decision == "reject") {
        rejected.insert(record.id);
        outcome.changes.push_back({entry->Where(), record.id, "rejected"});
      } else if (entry->decision == "merge" && merged_into.contains(record.id)) {
        outcome.changes.push_back({entry->Where(), record.id, "merged into " + entry->into});
      }
    }
    for (const ReviewEntry* entry : found->second) {
      if (entry->decision != "split") continue;
      for (size_t i = 0; i < entry->parts.size(); ++i) {
        Commitment part = record;
        part.id = fmt::format("{}__part_{}", record.id, i + 1);
        part.review = "split";
        for (const auto& [key, value] : entry->parts[i].items()) {
          if (key == "note")
            part.review_notes.push_back(value.get<std::string>());
          else
            SetReviewField(part, key, value);
        }
        parts_of[record.id].push_back(std::move(part));
      }
      outcome.changes.push_back(
          {entry->Where(), record.id, fmt::format("split into {} parts", entry->parts.size())});
    }
  }

  std::map<std::string, size_t> position;
  for (size_t i = 0; i < records.size(); ++i) position.emplace(records[i].id, i);
  for (const auto& [from, into] : merged_into) {
    Commitment& target = records[position.at(into)];
    const Commitment& source = records[position.at(from)];
    target.source.quotes.insert(target.source.quotes.end(), source.source.quotes.begin(),
                                source.source.quotes.end());
    for (const Target& t : source.targets) target.targets.push_back(t);
    for (const Condition& c : source.conditions) target.conditions.push_back(c);
    target.review_notes.push_back("merged with " + from);
    if (target.review.empty()) target.review = "merged";
  }

  for (Commitment& record : records) {
    if (rejected.contains(record.id) || merged_into.contains(record.id)) continue;
    if (auto parts = parts_of.find(record.id); parts != parts_of.end()) {
      for (Commitment& part : parts->second) outcome.reviewed.push_back(std::move(part));
      continue;
    }
    bool listed = record.sentence_class == SentenceClass::kCommitment ||
                  record.sentence_class == SentenceClass::kProcedure;
    if (listed && !by_id.contains(record.id)) outcome.unreviewed.push_back(record.id);
    outcome.reviewed.push_back(std::move(record));
  }
  return outcome;
}

}  // namespace treaty::commitments
