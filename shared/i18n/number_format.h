// Numbers written the way each interface language writes them.
//
// Vietnamese groups thousands with a dot and writes decimals with a comma
// ("24.317", "3,5"); English does the opposite ("24,317", "3.5"). Used for comment
// totals, likes, search result counts and every `{n}` placeholder.
#pragma once

#include <cstdint>
#include <string>

#include "i18n/lang.h"

namespace reader::i18n {

// 24317 -> "24.317" (vi) / "24,317" (en); negative numbers get a leading '-'.
// Works for the whole int64_t range, INT64_MIN included.
std::string format_number(Lang lang, int64_t n);

// `value` rounded to `decimals` places (0..6), trailing zeros kept: (vi, 3.5, 1) -> "3,5".
// Non-finite values are written "–" (nothing sensible to show).
std::string format_decimal(Lang lang, double value, int decimals);

// Short counts for tight places (likes): below 10,000 as format_number; then
// "12 N" / "12K" (nghìn / thousand) and "1,2 Tr" / "1.2M" (triệu / million), one decimal
// below 100 of the unit.
std::string format_compact(Lang lang, int64_t n);

}  // namespace reader::i18n
