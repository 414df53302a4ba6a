// Strict ISO 8601 parsing and wall-clock conversion (see datetime.h).
#include "time/datetime.h"

#include <limits>

namespace reader::datetime {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Saturating a + b: the result of a wall-clock conversion of an absurd timestamp only
// needs to be defined, not meaningful.
int64_t add_saturating(int64_t a, int64_t b) {
    int64_t sum;
    if (__builtin_add_overflow(a, b, &sum)) {
        return b > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
    }
    return sum;
}

// A cursor over the input that reads fixed-width digit fields.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    size_t pos() const { return pos_; }
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    void skip() { ++pos_; }

    bool take(char c) {
        if (peek() != c || at_end()) return false;
        ++pos_;
        return true;
    }

    // Exactly `width` digits; leaves the cursor untouched when they are not there.
    bool digits(int width, int& value) {
        if (text_.size() - pos_ < static_cast<size_t>(width)) return false;
        int v = 0;
        for (int i = 0; i < width; ++i) {
            char c = text_[pos_ + i];
            if (!is_digit(c)) return false;
            v = v * 10 + (c - '0');
        }
        pos_ += width;
        value = v;
        return true;
    }

private:
    std::string_view text_;
    size_t pos_ = 0;
};

TimeParseResult failure(TimeError error, size_t at) {
    TimeParseResult r;
    r.error = error;
    r.error_offset = static_cast<uint32_t>(at);
    return r;
}

}  // namespace

LocalDateTime to_local(int64_t unix_seconds, int32_t offset_minutes) noexcept {
    int64_t local = add_saturating(unix_seconds, static_cast<int64_t>(offset_minutes) * 60);
    int64_t days = floor_div(local, kSecondsPerDay);
    // From the remainder, not local - days * 86400, which overflows near INT64_MIN.
    int64_t second_of_day = local % kSecondsPerDay;
    if (second_of_day < 0) second_of_day += kSecondsPerDay;  // [0, 86399]
    LocalDateTime out;
    out.date = civil_from_days(days);
    out.hour = static_cast<unsigned>(second_of_day / 3600);
    out.minute = static_cast<unsigned>(second_of_day / 60 % 60);
    out.second = static_cast<unsigned>(second_of_day % 60);
    out.weekday = weekday_from_days(days);
    return out;
}

TimeParseResult parse_iso8601(std::string_view text, const TimeParseOptions& options) {
    if (text.empty()) return failure(TimeError::Empty, 0);
    Scanner s(text);

    // ---- date: YYYY-MM-DD
    int year = 0, month = 0, day = 0;
    if (!s.digits(4, year)) return failure(TimeError::BadDate, s.pos());
    if (!s.take('-')) return failure(TimeError::BadDate, s.pos());
    size_t month_at = s.pos();
    if (!s.digits(2, month)) return failure(TimeError::BadDate, s.pos());
    if (!s.take('-')) return failure(TimeError::BadDate, s.pos());
    size_t day_at = s.pos();
    if (!s.digits(2, day)) return failure(TimeError::BadDate, s.pos());
    if (month < 1 || month > 12) return failure(TimeError::MonthOutOfRange, month_at);
    if (day < 1 || static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) {
        return failure(TimeError::DayOutOfRange, day_at);
    }
    const int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));

    TimeParseResult result;
    Timestamp& t = result.value;

    if (s.at_end()) {  // date only
        t.offset_minutes = options.default_offset_minutes;
        t.unix_seconds = days * kSecondsPerDay - static_cast<int64_t>(t.offset_minutes) * 60;
        return result;
    }

    // ---- time: hh:mm[:ss[.fraction]]
    char separator = s.peek();
    if (separator != 'T' && separator != 't' && separator != ' ') {
        return failure(TimeError::TrailingText, s.pos());
    }
    s.skip();
    int hour = 0, minute = 0, second = 0;
    size_t hour_at = s.pos();
    if (!s.digits(2, hour)) return failure(TimeError::BadTime, s.pos());
    if (!s.take(':')) return failure(TimeError::BadTime, s.pos());
    size_t minute_at = s.pos();
    if (!s.digits(2, minute)) return failure(TimeError::BadTime, s.pos());
    if (hour > 23) return failure(TimeError::HourOutOfRange, hour_at);
    if (minute > 59) return failure(TimeError::MinuteOutOfRange, minute_at);
    if (s.take(':')) {
        size_t second_at = s.pos();
        if (!s.digits(2, second)) return failure(TimeError::BadTime, s.pos());
        if (second == 60 && minute == 59) {
            second = 59;  // a leap second: the reader has no use for the extra second
        } else if (second > 59) {
            return failure(TimeError::SecondOutOfRange, second_at);
        }
        if (s.peek() == '.' || s.peek() == ',') {
            s.skip();
            if (!is_digit(s.peek())) return failure(TimeError::BadFraction, s.pos());
            uint32_t nanos = 0;
            int kept = 0;
            while (is_digit(s.peek())) {
                if (kept < 9) {
                    nanos = nanos * 10 + static_cast<uint32_t>(s.peek() - '0');
                    ++kept;
                }
                s.skip();
            }
            for (; kept < 9; ++kept) nanos *= 10;
            t.nanoseconds = nanos;
        }
    }
    t.has_time = true;

    // ---- offset
    int32_t offset = 0;
    if (s.at_end()) {
        if (!options.allow_missing_offset) return failure(TimeError::MissingOffset, s.pos());
        offset = options.default_offset_minutes;
    } else if (s.peek() == 'Z' || s.peek() == 'z') {
        s.skip();
        t.has_offset = true;
    } else if (s.peek() == '+' || s.peek() == '-') {
        bool negative = s.peek() == '-';
        size_t offset_at = s.pos();
        s.skip();
        int oh = 0, om = 0;
        if (!s.digits(2, oh)) return failure(TimeError::BadOffset, offset_at);
        if (s.take(':')) {
            if (!s.digits(2, om)) return failure(TimeError::BadOffset, offset_at);
        } else if (is_digit(s.peek())) {
            if (!s.digits(2, om)) return failure(TimeError::BadOffset, offset_at);
        }
        if (oh > 23 || om > 59) return failure(TimeError::BadOffset, offset_at);
        offset = (oh * 60 + om) * (negative ? -1 : 1);
        t.has_offset = true;
    } else {
        return failure(TimeError::MissingOffset, s.pos());
    }
    if (!s.at_end()) return failure(TimeError::TrailingText, s.pos());

    t.offset_minutes = offset;
    t.unix_seconds = days * kSecondsPerDay + hour * 3600 + minute * 60 + second -
                     static_cast<int64_t>(offset) * 60;
    return result;
}

std::string_view describe(TimeError error) {
    switch (error) {
        case TimeError::None: return "valid";
        case TimeError::Empty: return "empty date-time";
        case TimeError::BadDate: return "expected a date as YYYY-MM-DD";
        case TimeError::MonthOutOfRange: return "month out of range (01-12)";
        case TimeError::DayOutOfRange: return "day out of range for the month";
        case TimeError::BadTime: return "expected a time as hh:mm or hh:mm:ss";
        case TimeError::HourOutOfRange: return "hour out of range (00-23)";
        case TimeError::MinuteOutOfRange: return "minute out of range (00-59)";
        case TimeError::SecondOutOfRange: return "second out of range (00-59)";
        case TimeError::BadFraction: return "expected digits after the decimal mark";
        case TimeError::MissingOffset: return "missing UTC offset (Z or +hh:mm)";
        case TimeError::BadOffset: return "malformed UTC offset (expected Z or +hh:mm up to 23:59)";
        case TimeError::TrailingText: return "unexpected text after the date-time";
    }
    return "invalid date-time";
}

}  // namespace reader::datetime
