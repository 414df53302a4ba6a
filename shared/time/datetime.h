// Calendar arithmetic and strict ISO 8601 parsing for article and comment times.
//
// Bundles write times as ISO 8601 / RFC 3339 ("2022-12-07T08:30:00+07:00"). The
// parser accepts exactly the shapes below and reports anything else as an error with
// the byte position, so a bad timestamp becomes a clear message, never a wrong date
// or undefined behaviour:
//   YYYY-MM-DD                                date only (midnight at the default offset)
//   YYYY-MM-DDThh:mm[:ss[.fraction]]<offset>  'T', 't' or one space between date and time
//   offset: Z | z | +hh:mm | -hh:mm | +hhmm | +hh   (up to ±23:59)
// Fractions take '.' or ',' and any number of digits (nanoseconds kept, the rest
// ignored). A leap second ":60" is accepted only after minute 59 and read as :59.
// "24:00" and years outside 0000..9999 are rejected. A time without an offset is an
// error unless the options allow it (it would silently shift by hours otherwise).
//
// The calendar functions are Howard Hinnant's days_from_civil / civil_from_days
// (proleptic Gregorian, valid over the whole int64_t day range used here), see
// http://howardhinnant.github.io/date_algorithms.html.
#pragma once

#include <cstdint>
#include <string_view>

namespace reader::datetime {

// ------------------------------------------------------------------ civil calendar
struct CivilDate {
    int64_t year = 1970;
    unsigned month = 1;   // 1..12
    unsigned day = 1;     // 1..31
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

enum class Weekday : uint8_t { Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday };

constexpr bool is_leap_year(int64_t y) noexcept {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

constexpr unsigned days_in_month(int64_t y, unsigned m) noexcept {
    constexpr unsigned char kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap_year(y) ? 29u : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant). Month 1..12, day 1..31;
// callers validate. |y| up to about 2.5e16 stays inside int64_t.
constexpr int64_t days_from_civil(int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);                 // [0, 399]
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;      // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                // [0, 146096]
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// The inverse of days_from_civil (Hinnant), for |z| up to about 9e15.
constexpr CivilDate civil_from_days(int64_t z) noexcept {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);              // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const int64_t y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);              // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                   // [0, 11]
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;                           // [1, 31]
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;                              // [1, 12]
    return CivilDate{y + (m <= 2), m, d};
}

// 1970-01-01 was a Thursday (Hinnant's weekday_from_days).
constexpr Weekday weekday_from_days(int64_t z) noexcept {
    return static_cast<Weekday>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

// Floor division of Unix seconds into days and the second of that day.
constexpr int64_t floor_div(int64_t a, int64_t b) noexcept {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// ------------------------------------------------------------------ local date and time
// A moment as shown on a wall clock at some UTC offset.
struct LocalDateTime {
    CivilDate date;
    unsigned hour = 0, minute = 0, second = 0;
    Weekday weekday = Weekday::Thursday;
};

// `unix_seconds` seen at `offset_minutes` east of UTC. Extreme inputs saturate instead
// of overflowing (the date is then meaningless but defined).
LocalDateTime to_local(int64_t unix_seconds, int32_t offset_minutes) noexcept;

// ------------------------------------------------------------------ ISO 8601 parsing
struct Timestamp {
    int64_t unix_seconds = 0;        // UTC, rounded down to the second
    int32_t offset_minutes = 0;      // the writer's offset east of UTC (+07:00 -> 420)
    uint32_t nanoseconds = 0;        // the fraction, 0..999,999,999
    bool has_time = false;           // false for a date-only value
    bool has_offset = false;         // false for date-only or (when allowed) local times
};

enum class TimeError : uint8_t {
    None,
    Empty,             // nothing to parse
    BadDate,           // not YYYY-MM-DD
    MonthOutOfRange,   // month not 01..12
    DayOutOfRange,     // day not in that month (2022-02-29, 2022-04-31)
    BadTime,           // separator present but not hh:mm[:ss]
    HourOutOfRange,    // hour not 00..23
    MinuteOutOfRange,  // minute not 00..59
    SecondOutOfRange,  // second not 00..59 (or 60 after minute 59)
    BadFraction,       // '.' or ',' not followed by digits
    MissingOffset,     // a time without Z or ±hh:mm (and not allowed by options)
    BadOffset,         // malformed or beyond ±23:59
    TrailingText,      // anything after a complete value
};

struct TimeParseOptions {
    // Offset given to date-only values and, if allowed, to times without an offset;
    // a site's own zone (+420 for Vietnam) is the sensible choice for a loader.
    int32_t default_offset_minutes = 0;
    bool allow_missing_offset = false;
};

struct TimeParseResult {
    Timestamp value;
    TimeError error = TimeError::None;
    uint32_t error_offset = 0;       // byte index in the input where the problem is
    bool ok() const { return error == TimeError::None; }
    explicit operator bool() const { return ok(); }
};

TimeParseResult parse_iso8601(std::string_view text, const TimeParseOptions& options = {});

// A short English description of the error for diagnostics ("day out of range for the month").
std::string_view describe(TimeError error);

}  // namespace reader::datetime
