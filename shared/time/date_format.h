// Dates and times as the reader shows them, in Vietnamese or English.
//
// Article datelines are shown at the article's own UTC offset (a Hanoi article dated
// 08:30+07:00 reads "Thứ Tư, ngày 7 tháng 12 năm 2022" anywhere in the world), the way
// the portal printed it. Comment times are shown relative to `now` ("3 giờ trước"),
// with the absolute form for hover. Every word comes from the i18n string table.
#pragma once

#include <cstdint>
#include <string>

#include "i18n/lang.h"

namespace reader::datetime {

using i18n::Lang;

// "Thứ Tư, ngày 7 tháng 12 năm 2022" / "Wednesday, 7 December 2022".
std::string format_dateline(Lang lang, int64_t unix_seconds, int32_t offset_minutes);

// For lists: "07/12/2022 08:30" / "7 Dec 2022, 08:30".
std::string format_short(Lang lang, int64_t unix_seconds, int32_t offset_minutes);

// Date only, for lists grouped by time: "07/12/2022" / "7 Dec 2022".
std::string format_short_date(Lang lang, int64_t unix_seconds, int32_t offset_minutes);

// For hover and the accessible mirror:
// "Thứ Tư, 7/12/2022, 08:30 (GMT+7)" / "Wednesday, 7 December 2022, 08:30 (GMT+7)".
std::string format_full(Lang lang, int64_t unix_seconds, int32_t offset_minutes);

// "GMT+7", "GMT-3:30", "GMT" (zero offset): the way Vietnamese portals name zones.
std::string format_utc_offset(int32_t offset_minutes);

// "08:30".
std::string format_clock(int64_t unix_seconds, int32_t offset_minutes);

// How long ago (or ahead) `then` is from `now`, rounded down to the largest unit:
//   |Δ| < 1 min  "vừa xong" / "just now"   (either direction: clocks disagree a little)
//   < 1 hour     "3 phút trước" / "3 minutes ago"
//   < 1 day      "3 giờ trước" / "3 hours ago"
//   < 7 days     "3 ngày trước" / "3 days ago"
//   < 30 days    "2 tuần trước" / "2 weeks ago"
//   < 365 days   "5 tháng trước" / "5 months ago"   (30-day months, at most 11)
//   otherwise    "2 năm trước" / "2 years ago"      (365-day years)
// Future times read "sau 3 giờ" / "in 3 hours". Any int64_t pair is safe.
std::string format_relative(Lang lang, int64_t then_unix, int64_t now_unix);

}  // namespace reader::datetime
