// Locale-style number formatting for the two interface languages (see number_format.h).
#include "i18n/number_format.h"

#include <cmath>

namespace reader::i18n {
namespace {

char group_separator(Lang lang) { return lang == Lang::Vi ? '.' : ','; }
char decimal_separator(Lang lang) { return lang == Lang::Vi ? ',' : '.'; }

// Digits of a magnitude with thousands groups; unsigned so INT64_MIN's magnitude fits.
void append_grouped(std::string& out, uint64_t magnitude, char separator) {
    char digits[24];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    for (int i = count - 1; i >= 0; --i) {
        out.push_back(digits[i]);
        if (i > 0 && i % 3 == 0) out.push_back(separator);
    }
}

uint64_t magnitude_of(int64_t n) {
    // -(n + 1) + 1 avoids negating INT64_MIN in signed arithmetic.
    return n < 0 ? static_cast<uint64_t>(-(n + 1)) + 1 : static_cast<uint64_t>(n);
}

}  // namespace

std::string format_number(Lang lang, int64_t n) {
    std::string out;
    if (n < 0) out.push_back('-');
    append_grouped(out, magnitude_of(n), group_separator(lang));
    return out;
}

std::string format_decimal(Lang lang, double value, int decimals) {
    if (!std::isfinite(value)) return "–";
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    uint64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    double scaled = std::round(std::fabs(value) * static_cast<double>(scale));
    // Beyond 2^63 there is no integer part worth printing digit by digit.
    if (scaled >= 9.2e18) return value < 0 ? "-∞" : "∞";
    uint64_t units = static_cast<uint64_t>(scaled);
    std::string out;
    if (value < 0 && units != 0) out.push_back('-');
    append_grouped(out, units / scale, group_separator(lang));
    if (decimals > 0) {
        out.push_back(decimal_separator(lang));
        std::string fraction = std::to_string(units % scale);
        out.append(static_cast<size_t>(decimals) - fraction.size(), '0');
        out.append(fraction);
    }
    return out;
}

std::string format_compact(Lang lang, int64_t n) {
    uint64_t magnitude = magnitude_of(n);
    if (magnitude < 10000) return format_number(lang, n);
    // CLDR short forms: vi "N" (nghìn), "Tr" (triệu), "T" (tỷ) after a space; en K, M, B.
    struct Unit { uint64_t size; const char* vi; const char* en; };
    static constexpr Unit kUnits[] = {
        {1000000000ull, " T", "B"}, {1000000ull, " Tr", "M"}, {1000ull, " N", "K"}};
    for (const Unit& unit : kUnits) {
        if (magnitude < unit.size) continue;
        // One decimal while the figure is below 100 units ("12,5 N"), none above;
        // rounded down so a count never looks larger than it is.
        std::string out;
        if (n < 0) out.push_back('-');
        uint64_t tenths = magnitude / (unit.size / 10);
        if (tenths < 1000 && tenths % 10 != 0) {
            append_grouped(out, tenths / 10, group_separator(lang));
            out.push_back(decimal_separator(lang));
            out.push_back(static_cast<char>('0' + tenths % 10));
        } else {
            append_grouped(out, magnitude / unit.size, group_separator(lang));
        }
        out.append(lang == Lang::Vi ? unit.vi : unit.en);
        return out;
    }
    return format_number(lang, n);
}

}  // namespace reader::i18n
