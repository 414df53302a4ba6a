// Tests of datelines, short and full dates and relative comment times in both languages.
#include <catch2/catch.hpp>

#include <limits>

#include "time/date_format.h"
#include "time/datetime.h"

using namespace reader::datetime;
using reader::i18n::Lang;

namespace {
constexpr int64_t kSeed = 1670376600;  // 2022-12-07T08:30:00+07:00
constexpr int32_t kHanoi = 420;
constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400;
}  // namespace

TEST_CASE("the seed article's dateline reads as on the portal", "[time]") {
    CHECK(format_dateline(Lang::Vi, kSeed, kHanoi) == "Thứ Tư, ngày 7 tháng 12 năm 2022");
    CHECK(format_dateline(Lang::En, kSeed, kHanoi) == "Wednesday, 7 December 2022");
}

TEST_CASE("the dateline uses the article's own offset, not UTC", "[time]") {
    // 06:00 on Sunday 1 January 2023 in Hanoi is still Saturday 31 December in UTC.
    int64_t t = parse_iso8601("2023-01-01T06:00:00+07:00").value.unix_seconds;
    CHECK(format_dateline(Lang::Vi, t, kHanoi) == "Chủ Nhật, ngày 1 tháng 1 năm 2023");
    CHECK(format_dateline(Lang::Vi, t, 0) == "Thứ Bảy, ngày 31 tháng 12 năm 2022");
    CHECK(format_dateline(Lang::En, t, kHanoi) == "Sunday, 1 January 2023");
}

TEST_CASE("every weekday has its Vietnamese and English name", "[time]") {
    const char* vi[] = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"};
    const char* en[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    int64_t monday = days_from_civil(2022, 12, 5) * kDay;  // a Monday
    for (int i = 0; i < 7; ++i) {
        std::string line_vi = format_dateline(Lang::Vi, monday + i * kDay, 0);
        std::string line_en = format_dateline(Lang::En, monday + i * kDay, 0);
        INFO(line_vi << " / " << line_en);
        CHECK(line_vi.rfind(vi[i], 0) == 0);
        CHECK(line_en.rfind(en[i], 0) == 0);
    }
}

TEST_CASE("every month has its English name and Vietnamese number", "[time]") {
    const char* en[] = {"January", "February", "March", "April", "May", "June", "July",
                        "August", "September", "October", "November", "December"};
    for (unsigned m = 1; m <= 12; ++m) {
        int64_t t = days_from_civil(2021, m, 15) * kDay;
        CHECK(format_dateline(Lang::En, t, 0).find(std::string(" 15 ") + en[m - 1] + " 2021") != std::string::npos);
        CHECK(format_dateline(Lang::Vi, t, 0).find("ngày 15 tháng " + std::to_string(m) + " năm 2021") !=
              std::string::npos);
    }
}

TEST_CASE("short list dates are zero-padded in Vietnamese and named in English", "[time]") {
    CHECK(format_short(Lang::Vi, kSeed, kHanoi) == "07/12/2022 08:30");
    CHECK(format_short(Lang::En, kSeed, kHanoi) == "7 Dec 2022, 08:30");
    CHECK(format_short_date(Lang::Vi, kSeed, kHanoi) == "07/12/2022");
    CHECK(format_short_date(Lang::En, kSeed, kHanoi) == "7 Dec 2022");
    CHECK(format_clock(kSeed, kHanoi) == "08:30");
    CHECK(format_clock(kSeed, 0) == "01:30");
}

TEST_CASE("the full hover date names the zone like Vietnamese portals", "[time]") {
    CHECK(format_full(Lang::Vi, kSeed, kHanoi) == "Thứ Tư, 7/12/2022, 08:30 (GMT+7)");
    CHECK(format_full(Lang::En, kSeed, kHanoi) == "Wednesday, 7 December 2022, 08:30 (GMT+7)");
    CHECK(format_utc_offset(0) == "GMT");
    CHECK(format_utc_offset(420) == "GMT+7");
    CHECK(format_utc_offset(330) == "GMT+5:30");
    CHECK(format_utc_offset(-210) == "GMT-3:30");
    CHECK(format_utc_offset(std::numeric_limits<int32_t>::min()).rfind("GMT-", 0) == 0);
}

TEST_CASE("relative times step through minutes, hours, days, weeks, months and years", "[time]") {
    const int64_t now = kSeed;
    struct Case { int64_t ago; const char* vi; const char* en; };
    const Case cases[] = {
        {0, "vừa xong", "just now"},
        {59, "vừa xong", "just now"},
        {kMinute, "1 phút trước", "1 minute ago"},
        {3 * kMinute + 59, "3 phút trước", "3 minutes ago"},
        {59 * kMinute + 59, "59 phút trước", "59 minutes ago"},
        {kHour, "1 giờ trước", "1 hour ago"},
        {89 * kMinute, "1 giờ trước", "1 hour ago"},
        {3 * kHour, "3 giờ trước", "3 hours ago"},
        {23 * kHour + 59 * kMinute, "23 giờ trước", "23 hours ago"},
        {kDay, "1 ngày trước", "1 day ago"},
        {6 * kDay + 23 * kHour, "6 ngày trước", "6 days ago"},
        {7 * kDay, "1 tuần trước", "1 week ago"},
        {20 * kDay, "2 tuần trước", "2 weeks ago"},
        {29 * kDay, "4 tuần trước", "4 weeks ago"},
        {30 * kDay, "1 tháng trước", "1 month ago"},
        {150 * kDay, "5 tháng trước", "5 months ago"},
        {364 * kDay, "11 tháng trước", "11 months ago"},
        {365 * kDay, "1 năm trước", "1 year ago"},
        {3 * 365 * kDay + kDay, "3 năm trước", "3 years ago"},
        {2000LL * 365 * kDay, "2.000 năm trước", "2,000 years ago"},
    };
    for (const Case& c : cases) {
        INFO("seconds ago: " << c.ago);
        CHECK(format_relative(Lang::Vi, now - c.ago, now) == c.vi);
        CHECK(format_relative(Lang::En, now - c.ago, now) == c.en);
    }
}

TEST_CASE("future times read 'sau …' and 'in …'", "[time]") {
    const int64_t now = kSeed;
    CHECK(format_relative(Lang::Vi, now + 30, now) == "vừa xong");  // small clock skew
    CHECK(format_relative(Lang::Vi, now + 3 * kHour, now) == "sau 3 giờ");
    CHECK(format_relative(Lang::En, now + 3 * kHour, now) == "in 3 hours");
    CHECK(format_relative(Lang::En, now + kHour, now) == "in 1 hour");
    CHECK(format_relative(Lang::Vi, now + 5 * kMinute, now) == "sau 5 phút");
    CHECK(format_relative(Lang::En, now + kMinute, now) == "in 1 minute");
    CHECK(format_relative(Lang::Vi, now + 2 * kDay, now) == "sau 2 ngày");
    CHECK(format_relative(Lang::En, now + 14 * kDay, now) == "in 2 weeks");
    CHECK(format_relative(Lang::Vi, now + 60 * kDay, now) == "sau 2 tháng");
    CHECK(format_relative(Lang::En, now + 800 * kDay, now) == "in 2 years");
}

TEST_CASE("relative time is defined for the most distant int64 pairs", "[time]") {
    constexpr int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
    CHECK(format_relative(Lang::En, lo, hi) == "584,942,417,355 years ago");
    CHECK(format_relative(Lang::Vi, hi, lo) == "sau 584.942.417.355 năm");
    CHECK(format_relative(Lang::En, 0, 0) == "just now");
}

TEST_CASE("a comment time with a zero (unknown) timestamp still formats", "[time]") {
    // The model stores 0 for absent or invalid times; the UI may hide it, but formatting
    // must not misbehave.
    CHECK(format_relative(Lang::En, 0, kSeed) == "52 years ago");
    CHECK(format_dateline(Lang::En, 0, 0) == "Thursday, 1 January 1970");
}

TEST_CASE("dates far outside 0000..9999 still format without overflow", "[time]") {
    CHECK(format_dateline(Lang::En, days_from_civil(-44, 3, 15) * kDay, 0) == "Thursday, 15 March -44");
    CHECK(!format_full(Lang::Vi, std::numeric_limits<int64_t>::max(), 1439).empty());
    CHECK(!format_short(Lang::En, std::numeric_limits<int64_t>::min(), -1439).empty());
}
