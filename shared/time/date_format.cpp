// Datelines, short and full dates and relative times (see date_format.h).
#include "time/date_format.h"

#include <initializer_list>
#include <limits>
#include <string_view>

#include "i18n/number_format.h"
#include "i18n/strings.h"
#include "time/datetime.h"

namespace reader::datetime {
namespace {

using i18n::StringId;
using i18n::tr;

StringId weekday_name(Weekday w) {
    return static_cast<StringId>(static_cast<unsigned>(StringId::WeekdaySunday) + static_cast<unsigned>(w));
}

StringId month_name(unsigned month) {
    if (month < 1 || month > 12) month = 1;
    return static_cast<StringId>(static_cast<unsigned>(StringId::MonthJanuary) + month - 1);
}

// Three-letter English month names for tight list rows.
std::string_view month_abbreviation(unsigned month) {
    static constexpr std::string_view kShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return month >= 1 && month <= 12 ? kShort[month - 1] : "???";
}

// Appends instead of operator+ chains, which GCC 12 at -O3 flags with a false
// -Wrestrict warning.
std::string concat(std::initializer_list<std::string_view> parts) {
    size_t size = 0;
    for (std::string_view p : parts) size += p.size();
    std::string out;
    out.reserve(size);
    for (std::string_view p : parts) out.append(p);
    return out;
}

std::string two_digits(unsigned v) {
    std::string s(2, '0');
    s[0] = static_cast<char>('0' + (v / 10) % 10);
    s[1] = static_cast<char>('0' + v % 10);
    return s;
}

// Years are written without grouping ("2022", not "2.022").
std::string year_text(int64_t year) { return std::to_string(year); }

std::string clock_text(const LocalDateTime& t) { return concat({two_digits(t.hour), ":", two_digits(t.minute)}); }

}  // namespace

std::string format_dateline(Lang lang, int64_t unix_seconds, int32_t offset_minutes) {
    LocalDateTime t = to_local(unix_seconds, offset_minutes);
    std::string day = std::to_string(t.date.day);
    std::string month = std::to_string(t.date.month);
    std::string year = year_text(t.date.year);
    return i18n::trf(lang, StringId::DatelineFormat,
                     {{"weekday", tr(lang, weekday_name(t.weekday))},
                      {"day", day},
                      {"month", month},
                      {"month_name", tr(lang, month_name(t.date.month))},
                      {"year", year}});
}

std::string format_short_date(Lang lang, int64_t unix_seconds, int32_t offset_minutes) {
    LocalDateTime t = to_local(unix_seconds, offset_minutes);
    if (lang == Lang::Vi) {
        return concat({two_digits(t.date.day), "/", two_digits(t.date.month), "/", year_text(t.date.year)});
    }
    // Day-month-year with a named month: "07/12" would read as July 12 to US readers.
    return concat({std::to_string(t.date.day), " ", month_abbreviation(t.date.month), " ", year_text(t.date.year)});
}

std::string format_short(Lang lang, int64_t unix_seconds, int32_t offset_minutes) {
    LocalDateTime t = to_local(unix_seconds, offset_minutes);
    std::string date = format_short_date(lang, unix_seconds, offset_minutes);
    return concat({date, lang == Lang::Vi ? " " : ", ", clock_text(t)});
}

std::string format_clock(int64_t unix_seconds, int32_t offset_minutes) {
    return clock_text(to_local(unix_seconds, offset_minutes));
}

std::string format_utc_offset(int32_t offset_minutes) {
    if (offset_minutes == 0) return "GMT";
    int64_t magnitude = offset_minutes < 0 ? -static_cast<int64_t>(offset_minutes) : offset_minutes;
    std::string out = offset_minutes < 0 ? "GMT-" : "GMT+";
    out.append(std::to_string(magnitude / 60));
    if (magnitude % 60 != 0) {
        out.push_back(':');
        out.append(two_digits(static_cast<unsigned>(magnitude % 60)));
    }
    return out;
}

std::string format_full(Lang lang, int64_t unix_seconds, int32_t offset_minutes) {
    LocalDateTime t = to_local(unix_seconds, offset_minutes);
    std::string day = std::to_string(t.date.day);
    std::string month = std::to_string(t.date.month);
    std::string year = year_text(t.date.year);
    std::string clock = clock_text(t);
    std::string zone = format_utc_offset(offset_minutes);
    return i18n::trf(lang, StringId::DateTimeFullFormat,
                     {{"weekday", tr(lang, weekday_name(t.weekday))},
                      {"day", day},
                      {"month", month},
                      {"month_name", tr(lang, month_name(t.date.month))},
                      {"year", year},
                      {"time", clock},
                      {"zone", zone}});
}

std::string format_relative(Lang lang, int64_t then_unix, int64_t now_unix) {
    // |now - then| without overflow: the difference of two int64_t fits in uint64_t.
    bool future = then_unix > now_unix;
    uint64_t seconds = future ? static_cast<uint64_t>(then_unix) - static_cast<uint64_t>(now_unix)
                              : static_cast<uint64_t>(now_unix) - static_cast<uint64_t>(then_unix);
    constexpr uint64_t kMinute = 60, kHour = 3600, kDay = 86400;
    if (seconds < kMinute) return std::string(tr(lang, StringId::JustNow));

    StringId unit;
    uint64_t count;
    if (seconds < kHour) {
        unit = future ? StringId::InMinutes : StringId::MinutesAgo;
        count = seconds / kMinute;
    } else if (seconds < kDay) {
        unit = future ? StringId::InHours : StringId::HoursAgo;
        count = seconds / kHour;
    } else {
        uint64_t days = seconds / kDay;
        if (days < 7) {
            unit = future ? StringId::InDays : StringId::DaysAgo;
            count = days;
        } else if (days < 30) {
            unit = future ? StringId::InWeeks : StringId::WeeksAgo;
            count = days / 7;
        } else if (days < 365) {
            unit = future ? StringId::InMonths : StringId::MonthsAgo;
            count = days / 30;
            if (count > 11) count = 11;  // 360..364 days: not yet a year
        } else {
            unit = future ? StringId::InYears : StringId::YearsAgo;
            count = days / 365;
        }
    }
    return i18n::tr_count(lang, unit, static_cast<int64_t>(count));
}

}  // namespace reader::datetime
