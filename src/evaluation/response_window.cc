#include "evaluation/response_window.h"

#include <fmt/format.h>

namespace treaty::evaluation {

const char* WindowStateName(WindowState state) {
  switch (state) {
    case WindowState::kOpen:
      return "open";
    case WindowState::kMet:
      return "met";
    case WindowState::kMissed:
      return "missed";
  }
  return "";
}

Result<WindowStatus> EvaluateWindow(Instant opens, std::chrono::seconds length,
                                    const std::vector<Instant>& responses, Instant now) {
  WindowStatus status{WindowState::kOpen, opens, opens.After(length), std::chrono::seconds(0),
                      std::nullopt};
  for (const Instant& response : responses) {
    if (response < opens) {
      return Error{fmt::format("a response at {} comes before the request at {} it would answer",
                               response.ToString(), opens.ToString()),
                   ""};
    }
    if (response <= now && (!status.response || response < *status.response)) {
      status.response = response;
    }
  }
  if (status.response) {
    status.state = *status.response <= status.closes ? WindowState::kMet : WindowState::kMissed;
  } else if (now <= status.closes) {
    status.time_left = status.closes.utc() - now.utc();
  } else {
    status.state = WindowState::kMissed;
  }
  return status;
}

}  // namespace treaty::evaluation
