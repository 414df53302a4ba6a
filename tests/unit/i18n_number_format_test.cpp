// Tests of number formatting with Vietnamese and English digit grouping.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "i18n/number_format.h"

using namespace reader::i18n;

TEST_CASE("numbers are grouped with dots in Vietnamese and commas in English", "[i18n]") {
    CHECK(format_number(Lang::Vi, 24317) == "24.317");
    CHECK(format_number(Lang::En, 24317) == "24,317");
    CHECK(format_number(Lang::Vi, 0) == "0");
    CHECK(format_number(Lang::Vi, 999) == "999");
    CHECK(format_number(Lang::Vi, 1000) == "1.000");
    CHECK(format_number(Lang::En, 100000) == "100,000");
    CHECK(format_number(Lang::En, 1234567) == "1,234,567");
    CHECK(format_number(Lang::Vi, -24317) == "-24.317");
    CHECK(format_number(Lang::En, -5) == "-5");
}

TEST_CASE("number formatting covers the whole int64 range", "[i18n]") {
    CHECK(format_number(Lang::En, std::numeric_limits<int64_t>::max()) == "9,223,372,036,854,775,807");
    CHECK(format_number(Lang::En, std::numeric_limits<int64_t>::min()) == "-9,223,372,036,854,775,808");
}

TEST_CASE("decimals use a comma in Vietnamese and a point in English", "[i18n]") {
    CHECK(format_decimal(Lang::Vi, 3.5, 1) == "3,5");
    CHECK(format_decimal(Lang::En, 3.5, 1) == "3.5");
    CHECK(format_decimal(Lang::Vi, 12345.678, 2) == "12.345,68");
    CHECK(format_decimal(Lang::En, 12345.678, 2) == "12,345.68");
    CHECK(format_decimal(Lang::En, 0.05, 2) == "0.05");
    CHECK(format_decimal(Lang::En, -1.25, 1) == "-1.3");  // rounds half away from zero
    CHECK(format_decimal(Lang::En, -0.01, 1) == "0.0");   // no "-0.0"
    CHECK(format_decimal(Lang::En, 7, 0) == "7");
    CHECK(format_decimal(Lang::En, 1.5, 99) == "1.500000");  // clamped to 6 places
    CHECK(format_decimal(Lang::En, std::nan(""), 1) == "–");
    CHECK(format_decimal(Lang::En, 1e300, 1) == "∞");
}

TEST_CASE("compact counts use CLDR short units per language", "[i18n]") {
    CHECK(format_compact(Lang::Vi, 9999) == "9.999");
    CHECK(format_compact(Lang::En, 9999) == "9,999");
    CHECK(format_compact(Lang::Vi, 12345) == "12,3 N");
    CHECK(format_compact(Lang::En, 12345) == "12.3K");
    CHECK(format_compact(Lang::En, 10000) == "10K");
    CHECK(format_compact(Lang::En, 99999) == "99.9K");    // rounded down, never up to 100K
    CHECK(format_compact(Lang::En, 250000) == "250K");
    CHECK(format_compact(Lang::Vi, 1500000) == "1,5 Tr");
    CHECK(format_compact(Lang::En, 1500000) == "1.5M");
    CHECK(format_compact(Lang::En, 2000000000) == "2B");
    CHECK(format_compact(Lang::En, -12345) == "-12.3K");
    CHECK(format_compact(Lang::En, std::numeric_limits<int64_t>::min()) == "-9,223,372,036B");
}
