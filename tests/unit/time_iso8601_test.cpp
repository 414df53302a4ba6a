// Tests of strict ISO 8601 parsing and of the civil calendar algorithms.
#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <string>

#include "time/datetime.h"

using namespace reader::datetime;

namespace {
int64_t unix_of(std::string_view text, const TimeParseOptions& options = {}) {
    TimeParseResult r = parse_iso8601(text, options);
    INFO(text << ": " << describe(r.error));
    REQUIRE(r.ok());
    return r.value.unix_seconds;
}
TimeError error_of(std::string_view text, const TimeParseOptions& options = {}) {
    return parse_iso8601(text, options).error;
}
}  // namespace

TEST_CASE("the seed article's date-time parses to UTC seconds and its offset", "[time]") {
    TimeParseResult r = parse_iso8601("2022-12-07T08:30:00+07:00");
    REQUIRE(r.ok());
    CHECK(r.value.unix_seconds == 1670376600);  // 2022-12-07T01:30:00Z
    CHECK(r.value.offset_minutes == 420);
    CHECK(r.value.has_time);
    CHECK(r.value.has_offset);
    CHECK(r.value.nanoseconds == 0);
}

TEST_CASE("Z, lower-case z, negative and compact offsets are understood", "[time]") {
    CHECK(unix_of("1970-01-01T00:00:00Z") == 0);
    CHECK(unix_of("1970-01-01t00:00:00z") == 0);
    CHECK(unix_of("1970-01-01 00:00:00Z") == 0);  // RFC 3339 allows a space
    CHECK(unix_of("2022-12-07T01:30:00Z") == 1670376600);
    CHECK(unix_of("2022-12-06T20:30:00-05:00") == 1670376600);
    CHECK(unix_of("2022-12-07T08:30:00+0700") == 1670376600);
    CHECK(unix_of("2022-12-07T08:30:00+07") == 1670376600);
    CHECK(unix_of("2022-12-07T07:00:00+05:30") == 1670376600);
    CHECK(parse_iso8601("2022-12-07T07:00:00+05:30").value.offset_minutes == 330);
    CHECK(parse_iso8601("2022-12-06T20:30:00-05:00").value.offset_minutes == -300);
    CHECK(unix_of("2022-12-07T01:30:00-00:00") == 1670376600);
}

TEST_CASE("seconds may be left out and fractions are kept to the nanosecond", "[time]") {
    CHECK(unix_of("2022-12-07T08:30+07:00") == 1670376600);
    TimeParseResult r = parse_iso8601("2022-12-07T08:30:00.123456789123+07:00");
    REQUIRE(r.ok());
    CHECK(r.value.unix_seconds == 1670376600);
    CHECK(r.value.nanoseconds == 123456789);
    CHECK(parse_iso8601("2022-12-07T08:30:00.5Z").value.nanoseconds == 500000000);
    CHECK(parse_iso8601("2022-12-07T08:30:00,25Z").value.nanoseconds == 250000000);
    // Rounded down: .999 of second 59 is still that second.
    CHECK(unix_of("1969-12-31T23:59:59.999Z") == -1);
}

TEST_CASE("a date-only value is midnight at the default offset", "[time]") {
    TimeParseResult r = parse_iso8601("2022-12-07");
    REQUIRE(r.ok());
    CHECK(r.value.unix_seconds == 1670371200);
    CHECK_FALSE(r.value.has_time);
    CHECK_FALSE(r.value.has_offset);
    TimeParseOptions vietnam;
    vietnam.default_offset_minutes = 420;
    TimeParseResult local = parse_iso8601("2022-12-07", vietnam);
    REQUIRE(local.ok());
    CHECK(local.value.unix_seconds == 1670371200 - 7 * 3600);
    CHECK(local.value.offset_minutes == 420);
}

TEST_CASE("a time without an offset is an error unless allowed", "[time]") {
    CHECK(error_of("2022-12-07T08:30:00") == TimeError::MissingOffset);
    TimeParseOptions lenient;
    lenient.allow_missing_offset = true;
    lenient.default_offset_minutes = 420;
    TimeParseResult r = parse_iso8601("2022-12-07T08:30:00", lenient);
    REQUIRE(r.ok());
    CHECK(r.value.unix_seconds == 1670376600);
    CHECK_FALSE(r.value.has_offset);
}

TEST_CASE("impossible calendar dates are rejected", "[time]") {
    CHECK(error_of("2022-02-29") == TimeError::DayOutOfRange);
    CHECK(unix_of("2024-02-29") == 1709164800);        // leap year
    CHECK(error_of("1900-02-29") == TimeError::DayOutOfRange);  // century, not leap
    CHECK(unix_of("2000-02-29") == 951782400);         // 400-year rule
    CHECK(error_of("2022-04-31") == TimeError::DayOutOfRange);
    CHECK(error_of("2022-00-10") == TimeError::MonthOutOfRange);
    CHECK(error_of("2022-13-01") == TimeError::MonthOutOfRange);
    CHECK(error_of("2022-12-00") == TimeError::DayOutOfRange);
    CHECK(error_of("2022-12-32") == TimeError::DayOutOfRange);
}

TEST_CASE("out-of-range clock fields are rejected, a leap second is read as :59", "[time]") {
    CHECK(error_of("2022-12-07T24:00:00Z") == TimeError::HourOutOfRange);
    CHECK(error_of("2022-12-07T23:60:00Z") == TimeError::MinuteOutOfRange);
    CHECK(error_of("2022-12-07T23:59:61Z") == TimeError::SecondOutOfRange);
    CHECK(error_of("2022-12-07T23:58:60Z") == TimeError::SecondOutOfRange);
    CHECK(unix_of("2016-12-31T23:59:60Z") == unix_of("2016-12-31T23:59:59Z"));
    CHECK(error_of("2022-12-07T08:30:00+24:00") == TimeError::BadOffset);
    CHECK(error_of("2022-12-07T08:30:00+07:60") == TimeError::BadOffset);
    CHECK(unix_of("2022-12-07T08:30:00+23:59") == 1670376600 + 7 * 3600 - (23 * 3600 + 59 * 60));
}

TEST_CASE("malformed timestamps give an error with its position, never a date", "[time]") {
    struct Case { const char* text; TimeError error; uint32_t at; };
    const Case cases[] = {
        {"", TimeError::Empty, 0},
        {"07/12/2022", TimeError::BadDate, 0},
        {"22-12-07", TimeError::BadDate, 0},
        {"2022-1-07", TimeError::BadDate, 5},
        {"2022/12/07", TimeError::BadDate, 4},
        {"2022-12-7", TimeError::BadDate, 8},
        {"20221207T083000Z", TimeError::BadDate, 4},
        {"2022-12-07T", TimeError::BadTime, 11},
        {"2022-12-07T8:30Z", TimeError::BadTime, 11},
        {"2022-12-07T08", TimeError::BadTime, 13},
        {"2022-12-07T08:3Z", TimeError::BadTime, 14},
        {"2022-12-07T08:30:0Z", TimeError::BadTime, 17},
        {"2022-12-07T08:30:00.Z", TimeError::BadFraction, 20},
        {"2022-12-07T08:30:00.", TimeError::BadFraction, 20},
        {"2022-12-07T08:30:00+7:00", TimeError::BadOffset, 19},
        {"2022-12-07T08:30:00+07:0", TimeError::BadOffset, 19},
        {"2022-12-07T08:30:00+", TimeError::BadOffset, 19},
        {"2022-12-07T08:30:00 +07:00", TimeError::MissingOffset, 19},
        {"2022-12-07T08:30:00GMT", TimeError::MissingOffset, 19},
        {"2022-12-07T08:30:00Zjunk", TimeError::TrailingText, 20},
        {"2022-12-07T08:30:00+07:00 ", TimeError::TrailingText, 25},
        {"2022-12-07x", TimeError::TrailingText, 10},
        {" 2022-12-07", TimeError::BadDate, 0},
        {"-2022-12-07", TimeError::BadDate, 0},
        {"+12022-12-07", TimeError::BadDate, 0},
        {"２０２２-12-07", TimeError::BadDate, 0},  // full-width digits are not digits
        {"2022-12-07T08:30:00.123abc", TimeError::MissingOffset, 23},
    };
    for (const Case& c : cases) {
        INFO("input: \"" << c.text << "\"");
        TimeParseResult r = parse_iso8601(c.text);
        CHECK(r.error == c.error);
        CHECK(r.error_offset == c.at);
        CHECK_FALSE(r.ok());
        CHECK(r.value.unix_seconds == 0);
        CHECK_FALSE(describe(r.error).empty());
    }
}

TEST_CASE("the parser survives embedded NUL bytes and every truncation", "[time]") {
    using namespace std::string_literals;
    CHECK_FALSE(parse_iso8601("2022-12-07\0T08:30:00Z"s).ok());
    std::string full = "2022-12-07T08:30:00.123+07:00";
    for (size_t n = 0; n <= full.size(); ++n) {
        std::string prefix = full.substr(0, n);
        TimeParseResult r = parse_iso8601(prefix);
        CHECK(r.error_offset <= n);
        bool complete_form = n == 10 || n == full.size() || n == full.size() - 3;  // date, +07, +07:00
        INFO(prefix);
        CHECK(r.ok() == complete_form);
    }
}

TEST_CASE("the year range 0000..9999 parses at both ends", "[time]") {
    CHECK(unix_of("0000-01-01T00:00:00Z") == -62167219200);
    CHECK(unix_of("9999-12-31T23:59:59Z") == 253402300799);
    CHECK(unix_of("0000-02-29") == days_from_civil(0, 2, 29) * 86400);  // year 0 is leap
}

TEST_CASE("days_from_civil and civil_from_days agree with a day-by-day walk over 20,000 years", "[time]") {
    // Walk day by day from year -10000 to 10000, checking the walk agrees with both
    // directions of the algorithms and with the weekday cycle.
    constexpr int64_t kFirstYear = -10000, kLastYear = 10000;
    int64_t z = days_from_civil(kFirstYear, 1, 1);
    CivilDate expected{kFirstYear, 1, 1};
    Weekday weekday = weekday_from_days(z);
    size_t mismatches = 0;
    while (expected.year <= kLastYear) {
        if (civil_from_days(z) != expected || days_from_civil(expected.year, expected.month, expected.day) != z ||
            weekday_from_days(z) != weekday) {
            ++mismatches;
        }
        // Advance the expected civil date by one day.
        ++z;
        weekday = static_cast<Weekday>((static_cast<int>(weekday) + 1) % 7);
        if (++expected.day > days_in_month(expected.year, expected.month)) {
            expected.day = 1;
            if (++expected.month > 12) { expected.month = 1; ++expected.year; }
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("the calendar round-trips far from the epoch", "[time]") {
    for (int64_t z : {int64_t{-3000000000000}, int64_t{-123456789012}, int64_t{987654321098}, int64_t{3000000000000}}) {
        CivilDate d = civil_from_days(z);
        CHECK(days_from_civil(d.year, d.month, d.day) == z);
        CHECK(d.day <= days_in_month(d.year, d.month));
    }
}

TEST_CASE("known dates have the right weekday", "[time]") {
    CHECK(weekday_from_days(0) == Weekday::Thursday);                          // 1970-01-01
    CHECK(weekday_from_days(days_from_civil(2022, 12, 7)) == Weekday::Wednesday);  // the seed article
    CHECK(weekday_from_days(days_from_civil(1975, 4, 30)) == Weekday::Wednesday);
    CHECK(weekday_from_days(days_from_civil(1945, 9, 2)) == Weekday::Sunday);
    CHECK(weekday_from_days(days_from_civil(2000, 1, 1)) == Weekday::Saturday);
    CHECK(weekday_from_days(-1) == Weekday::Wednesday);
    CHECK(weekday_from_days(-4) == Weekday::Sunday);
    CHECK(weekday_from_days(-5) == Weekday::Saturday);
}

TEST_CASE("the calendar helpers are usable at compile time", "[time]") {
    static_assert(days_from_civil(1970, 1, 1) == 0);
    static_assert(civil_from_days(19333) == CivilDate{2022, 12, 7});
    static_assert(is_leap_year(2000) && !is_leap_year(1900) && is_leap_year(2024) && !is_leap_year(2023));
    static_assert(days_in_month(2024, 2) == 29 && days_in_month(2023, 2) == 28 && days_in_month(2023, 13) == 0);
    static_assert(floor_div(-1, 86400) == -1 && floor_div(86399, 86400) == 0 && floor_div(-86400, 86400) == -1);
    SUCCEED();
}

TEST_CASE("to_local shifts into the writer's offset, across midnight and years", "[time]") {
    LocalDateTime t = to_local(1670376600, 420);
    CHECK(t.date == CivilDate{2022, 12, 7});
    CHECK(t.hour == 8);
    CHECK(t.minute == 30);
    CHECK(t.second == 0);
    CHECK(t.weekday == Weekday::Wednesday);
    // 2022-12-31T20:00:00Z is already 2023 in Hanoi.
    LocalDateTime ny = to_local(unix_of("2022-12-31T20:00:00Z"), 420);
    CHECK(ny.date == CivilDate{2023, 1, 1});
    CHECK(ny.hour == 3);
    CHECK(ny.weekday == Weekday::Sunday);
    LocalDateTime before_epoch = to_local(-1, 0);
    CHECK(before_epoch.date == CivilDate{1969, 12, 31});
    CHECK(before_epoch.hour == 23);
    CHECK(before_epoch.second == 59);
}

TEST_CASE("to_local is defined for extreme inputs", "[time]") {
    LocalDateTime a = to_local(INT64_MAX, 1439);
    LocalDateTime b = to_local(INT64_MIN, -1439);
    CHECK(a.hour < 24);
    CHECK(b.hour < 24);
    CHECK(a.date.month >= 1);
    CHECK(b.date.month <= 12);
}

TEST_CASE("random valid date-times parse to the values they were built from", "[time]") {
    std::mt19937 rng(7122022);
    char buffer[64];
    for (int i = 0; i < 20000; ++i) {
        int year = static_cast<int>(rng() % 10000);
        unsigned month = 1 + rng() % 12;
        unsigned day = 1 + rng() % days_in_month(year, month);
        unsigned hour = rng() % 24, minute = rng() % 60, second = rng() % 60;
        int offset = static_cast<int>(rng() % (2 * 1439 + 1)) - 1439;
        unsigned oabs = static_cast<unsigned>(offset < 0 ? -offset : offset);
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02u:%02u:%02u%c%02u:%02u", year, month, day, hour, minute,
                      second, offset < 0 ? '-' : '+', oabs / 60, oabs % 60);
        TimeParseResult r = parse_iso8601(buffer);
        INFO(buffer);
        REQUIRE(r.ok());
        int64_t expected = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset * 60;
        REQUIRE(r.value.unix_seconds == expected);
        REQUIRE(r.value.offset_minutes == offset);
        LocalDateTime back = to_local(r.value.unix_seconds, r.value.offset_minutes);
        REQUIRE(back.date == CivilDate{year, month, day});
        REQUIRE((back.hour == hour && back.minute == minute && back.second == second));
    }
}

TEST_CASE("random byte mutations of a date-time never crash and never half-parse", "[time]") {
    std::mt19937 rng(1975);
    const std::string seed = "2022-12-07T08:30:00.123+07:00";
    const char alphabet[] = "0123456789-+:.,TtZz \x00\xff\xc3\xa1";
    for (int i = 0; i < 50000; ++i) {
        std::string s = seed;
        int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            size_t at = rng() % (s.size() + 1);
            char c = alphabet[rng() % (sizeof alphabet - 1)];
            switch (rng() % 3) {
                case 0: if (at < s.size()) s[at] = c; break;
                case 1: s.insert(s.begin() + static_cast<long>(at), c); break;
                case 2: if (at < s.size()) s.erase(at, 1); break;
            }
        }
        TimeParseResult r = parse_iso8601(s);
        REQUIRE(r.error_offset <= s.size());
        if (r.ok()) {
            // Whatever parsed must be a real moment: converting back gives a valid date.
            LocalDateTime t = to_local(r.value.unix_seconds, r.value.offset_minutes);
            REQUIRE(t.date.day <= days_in_month(t.date.year, t.date.month));
        } else {
            REQUIRE(r.value.unix_seconds == 0);
        }
    }
}
