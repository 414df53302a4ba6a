// Unit tests for shared/text/vietnamese.h: folding, tone-placement-insensitive exact
// keys, and the mapped text used by the in-article find.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/normalize.h"
#include "text/utf8.h"
#include "text/vietnamese.h"

using namespace reader::text;

namespace {
std::vector<std::string> split_codepoints(std::string_view s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        next_codepoint(s, i);
        out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

// Every vowel with every tone: level, grave, acute, hook above, tilde, dot below.
struct VowelRow {
    const char* lower;
    const char* upper;
    char base;
};
const VowelRow kVowels[] = {
    {"aàáảãạ", "AÀÁẢÃẠ", 'a'}, {"ăằắẳẵặ", "ĂẰẮẲẴẶ", 'a'}, {"âầấẩẫậ", "ÂẦẤẨẪẬ", 'a'},
    {"eèéẻẽẹ", "EÈÉẺẼẸ", 'e'}, {"êềếểễệ", "ÊỀẾỂỄỆ", 'e'}, {"iìíỉĩị", "IÌÍỈĨỊ", 'i'},
    {"oòóỏõọ", "OÒÓỎÕỌ", 'o'}, {"ôồốổỗộ", "ÔỒỐỔỖỘ", 'o'}, {"ơờớởỡợ", "ƠỜỚỞỠỢ", 'o'},
    {"uùúủũụ", "UÙÚỦŨỤ", 'u'}, {"ưừứửữự", "ƯỪỨỬỮỰ", 'u'}, {"yỳýỷỹỵ", "YỲÝỶỸỴ", 'y'},
};
}  // namespace

TEST_CASE("folding strips every tone from every vowel, upper and lower, NFC and NFD", "[text][viet]") {
    int checked = 0;
    for (const auto& row : kVowels) {
        auto lower = split_codepoints(row.lower), upper = split_codepoints(row.upper);
        REQUIRE(lower.size() == 6);
        REQUIRE(upper.size() == 6);
        std::string base(1, row.base), base_upper(1, char(row.base - 32));
        for (int tone = 0; tone < 6; ++tone) {
            INFO(lower[tone] << " / " << upper[tone]);
            CHECK(fold(lower[tone]) == base);
            CHECK(fold(upper[tone]) == base);
            CHECK(fold(upper[tone], Case::Keep) == base_upper);
            CHECK(fold(to_nfd(lower[tone])) == base);
            CHECK(fold(to_nfd(upper[tone])) == base);
            // The exact key keeps the letter: lowercased, NFC, whatever the input form.
            CHECK(exact_key(upper[tone]) == lower[tone]);
            CHECK(exact_key(to_nfd(upper[tone])) == lower[tone]);
            CHECK(exact_key(upper[tone], Case::Keep) == upper[tone]);
            // The tone splits off, leaving the vowel with its vowel mark.
            size_t i = 0;
            TonedLetter t = split_tone(next_codepoint(lower[tone], i));
            size_t j = 0;
            CHECK(t.letter == next_codepoint(lower[0], j));
            CHECK(int(t.tone) == tone);
            CHECK(add_tone(t.letter, t.tone) == [&] { size_t k = 0; return next_codepoint(lower[tone], k); }());
            CHECK(has_diacritics(lower[tone]) == (tone != 0 || lower[0] != base));
            ++checked;
        }
    }
    CHECK(checked == 72);
}

TEST_CASE("folding maps đ and its look-alikes to d", "[text][viet]") {
    CHECK(fold("đường") == "duong");
    CHECK(fold("Đà Nẵng") == "da nang");
    CHECK(fold("\xC3\x90\xC3\xA0") == "da");     // Ð (U+00D0, Icelandic eth) + à
    CHECK(fold("\xC6\x89i") == "di");            // Ɖ (U+0189, African D)
    CHECK(fold("\xC9\x96") == "d");              // ɖ (U+0256)
    CHECK(fold("Đà Nẵng", Case::Keep) == "Da Nang");
    CHECK(has_diacritics("đi"));
    CHECK_FALSE(has_diacritics("di"));
    CHECK(exact_key("Đà") == "đà");             // the exact key keeps đ
}

TEST_CASE("exact keys ignore old and new tone placement", "[text][viet]") {
    const std::pair<const char*, const char*> pairs[] = {
        {"hòa", "hoà"}, {"thủy", "thuỷ"}, {"khỏe", "khoẻ"}, {"Hòa Bình", "Hoà Bình"},
        {"ủy ban", "uỷ ban"}, {"Ủy", "Uỷ"}, {"hóa", "hoá"}, {"tòa", "toà"},
        {"lũy", "luỹ"}, {"tụy", "tuỵ"}, {"xòe", "xoè"}, {"họa", "hoạ"},
    };
    for (auto [a, b] : pairs) {
        INFO(a << " vs " << b);
        CHECK(exact_key(a) == exact_key(b));
        CHECK(exact_key(a, Case::Keep) == exact_key(b, Case::Keep));
        CHECK(exact_key(to_nfd(a)) == exact_key(b));
    }
    // Canonical form is the new placement, and different tones stay different.
    CHECK(exact_key("hòa") == "hoà");
    CHECK(exact_key("thủy") == "thuỷ");
    CHECK(exact_key("hòa") != exact_key("hóa"));
    CHECK(exact_key("hoa") != exact_key("hoà"));
    // Placement is only moved inside oa/oe/uy: "của", "quý", "hoàng" are untouched.
    CHECK(exact_key("của") == "của");
    CHECK(exact_key("quý") == "quý");
    CHECK(exact_key("hoàng") == "hoàng");
    CHECK(exact_key("Thuyền") == "thuyền");
}

TEST_CASE("folding mixed text keeps everything but the diacritics", "[text][viet]") {
    CHECK(fold("Thành ủy TP.HCM: Kết luận 21-KL/TW, 24.317 tỷ đồng!") ==
          "thanh uy tp.hcm: ket luan 21-kl/tw, 24.317 ty dong!");
    CHECK(fold("Ωμέγα café naïve") == "ωμεγα cafe naive");
    CHECK(fold("Nguye\xCC\x82\xCC\x83n") == "nguyen");  // NFD
    CHECK(fold("") == "");
    // Malformed bytes do not crash and fold to U+FFFD.
    CHECK(fold("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("mapped text maps matches back to the original bytes", "[text][viet]") {
    std::string s = "Ho\xCC\x80""a  Bi\xCC\x80nh";  // NFD "Hòa  Bình" with two spaces
    MappedText folded = map_for_matching(s, false, false);
    CHECK(folded.chars == U"hoa binh");
    REQUIRE(folded.offsets.size() == folded.chars.size() + 1);
    CHECK(folded.offsets[1] == 1);   // 'o' (its grave accent is bytes 2-3)
    CHECK(folded.offsets[2] == 4);   // 'a' follows the two-byte grave accent
    CHECK(folded.offsets[3] == 5);   // the collapsed spaces start at byte 5
    CHECK(folded.offsets[4] == 7);   // 'B'
    CHECK(folded.offsets.back() == s.size());

    MappedText exact = map_for_matching("Hòa Thủy", true, false);
    CHECK(exact.chars == U"hoà thuỷ");
    MappedText exact_case = map_for_matching("Hòa", true, true);
    CHECK(exact_case.chars == U"Hoà");
}
