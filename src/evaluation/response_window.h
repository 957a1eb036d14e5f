// A clock that an event starts and a response stops, such as "at the request of either
// Participant, the Participants will consult ... within 24 hours" (sec_4__para_1): the request
// opens a window of an exact length in UTC seconds, and the first response decides it.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "core/result.h"
#include "evaluation/instant.h"

namespace treaty::evaluation {

enum class WindowState {
  kOpen,    // no response yet, and the window has not closed
  kMet,     // the first response came at or before the window closed
  kMissed,  // the window closed with no response in it (a late response may exist)
};

const char* WindowStateName(WindowState state);  // "open", "met", "missed"

struct WindowStatus {
  WindowState state = WindowState::kOpen;
  Instant opens;                      // the starting event
  Instant closes;                     // `opens` + the length: the last moment that counts
  std::chrono::seconds time_left{0};  // kOpen: from `now` to `closes`
  std::optional<Instant> response;    // the first response known at `now`, on time or late
};

// The window of `length` opened at `opens`, as it stands at `now`. REQUIRES: `opens` <= `now`.
// Only responses at or before `now` are known. A response before the window opens cannot answer
// it: an error naming it.
Result<WindowStatus> EvaluateWindow(Instant opens, std::chrono::seconds length,
                                    const std::vector<Instant>& responses, Instant now);

}  // namespace treaty::evaluation
