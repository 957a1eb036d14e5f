// The form of an agreement id (agreement.json's `id`, the package folder's name, an event's
// `agreement`, docs/ledger-format.md §1): 1 to 64 lowercase ASCII letters, digits and '-', the
// first a letter or digit ("lv-ua-2024").
#pragma once

#include <algorithm>
#include <string_view>

namespace treaty {

inline constexpr size_t kMaxAgreementIdLength = 64;

inline bool IsAgreementId(std::string_view id) {
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  return !id.empty() && id.size() <= kMaxAgreementIdLength && lower_or_digit(id[0]) &&
         std::all_of(id.begin(), id.end(), [&](char c) { return lower_or_digit(c) || c == '-'; });
}

}  // namespace treaty
