// Tests of the interface string table, placeholders, plurals and language choice.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "i18n/lang.h"
#include "i18n/strings.h"

using namespace reader::i18n;

namespace {

// Well-formed UTF-8, checked byte by byte (no overlongs, surrogates or stray bytes).
bool is_valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        int n = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        uint32_t cp = n == 1 ? b : b & (0x7F >> n);
        for (int k = 1; k < n; ++k) {
            unsigned char c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += n;
    }
    return true;
}

std::set<std::string> placeholders(std::string_view s) {
    std::set<std::string> out;
    size_t i = 0;
    while ((i = s.find('{', i)) != std::string_view::npos) {
        size_t close = s.find('}', i);
        if (close == std::string_view::npos) break;
        out.insert(std::string(s.substr(i + 1, close - i - 1)));
        i = close + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("the seed page's section titles exist in both languages", "[i18n]") {
    CHECK(tr(Lang::Vi, StringId::ReaderComments) == "Ý kiến bạn đọc");
    CHECK(tr(Lang::En, StringId::ReaderComments) == "Reader comments");
    CHECK(tr(Lang::Vi, StringId::TotalComments) == "Tổng lượt bình luận");
    CHECK(tr(Lang::En, StringId::TotalComments) == "Total comments");
    CHECK(tr(Lang::Vi, StringId::Refresh) == "Làm mới");
    CHECK(tr(Lang::En, StringId::Refresh) == "Refresh");
    CHECK(tr(Lang::Vi, StringId::OtherNews) == "Tin khác");
    CHECK(tr(Lang::En, StringId::OtherNews) == "Other news");
    CHECK(tr(Lang::Vi, StringId::Announcements) == "Thông báo");
    CHECK(tr(Lang::En, StringId::Announcements) == "Announcements");
    CHECK(tr(Lang::Vi, StringId::Contents) == "Mục lục");
    CHECK(tr(Lang::Vi, StringId::Source) == "Nguồn");
    CHECK(tr(Lang::En, StringId::Photo) == "Photo");
    CHECK(tr(Lang::Vi, StringId::Photo) == "Ảnh");
}

TEST_CASE("search, update and comment-state strings read as specified", "[i18n]") {
    CHECK(tr(Lang::Vi, StringId::Search) == "Tìm kiếm");
    CHECK(tr(Lang::Vi, StringId::SearchNoResults) == "Không tìm thấy kết quả");
    CHECK(trf(Lang::Vi, StringId::SearchResultsWithoutDiacritics, {{"query", "thanh uy"}}) ==
          "Có kết quả khi bỏ dấu: thanh uy");
    CHECK(tr_count(Lang::Vi, StringId::SearchResultCount, 12) == "12 kết quả");
    CHECK(tr(Lang::Vi, StringId::UpdateAvailable) == "Có phiên bản mới — tải lại để cập nhật");
    CHECK(tr(Lang::En, StringId::CommentsLoading) == "Loading comments…");
    CHECK(!tr(Lang::Vi, StringId::CommentsEmpty).empty());
    CHECK(!tr(Lang::Vi, StringId::CommentsOffline).empty());
    CHECK(trf(Lang::En, StringId::CommentsError, {{"reason", "HTTP 500"}}) ==
          "Comments could not be loaded: HTTP 500");
}

TEST_CASE("every string id has non-empty valid UTF-8 text in both languages", "[i18n]") {
    for (size_t i = 0; i < kStringCount; ++i) {
        auto id = static_cast<StringId>(i);
        INFO(string_id_name(id));
        for (Lang lang : kAllLangs) {
            std::string_view s = tr(lang, id);
            CHECK(!s.empty());
            CHECK(is_valid_utf8(s));
            CHECK(s.data()[s.size()] == '\0');  // usable as a C string (ImGui)
        }
        CHECK(is_valid_utf8(tr_count(Lang::En, id, 1)));
    }
}

TEST_CASE("both languages use the same placeholders for each string", "[i18n]") {
    for (size_t i = 0; i < kStringCount; ++i) {
        auto id = static_cast<StringId>(i);
        INFO(string_id_name(id));
        auto vi = placeholders(tr(Lang::Vi, id));
        auto en = placeholders(tr(Lang::En, id));
        if (id == StringId::DatelineFormat || id == StringId::DateTimeFullFormat) {
            // Vietnamese numbers the month ("tháng 12"), English names it.
            CHECK(vi.count("month") == 1);
            CHECK(en.count("month_name") == 1);
            continue;
        }
        CHECK(vi == en);
        if (is_counted(id)) {
            CHECK(vi.count("n") == 1);
            // The singular form must hold the same keys but {n} may be spelled out.
            auto one = placeholders(tr_count(Lang::En, id, 1));
            one.insert("n");
            CHECK(one == vi);
        }
    }
}

TEST_CASE("English counted strings pick singular only for exactly one", "[i18n]") {
    CHECK(tr_count(Lang::En, StringId::ReplyCount, 1) == "1 reply");
    CHECK(tr_count(Lang::En, StringId::ReplyCount, 0) == "0 replies");
    CHECK(tr_count(Lang::En, StringId::ReplyCount, 2) == "2 replies");
    CHECK(tr_count(Lang::En, StringId::ShowMoreReplies, 1) == "Show 1 more reply");
    CHECK(tr_count(Lang::En, StringId::ShowMoreReplies, 5) == "Show 5 more replies");
    CHECK(tr_count(Lang::En, StringId::LikeCount, 24317) == "24,317 likes");
    CHECK(tr_count(Lang::En, StringId::MinutesRead, 1) == "1 min read");
}

TEST_CASE("Vietnamese counted strings have one form and Vietnamese digit grouping", "[i18n]") {
    CHECK(tr_count(Lang::Vi, StringId::ReplyCount, 1) == "1 trả lời");
    CHECK(tr_count(Lang::Vi, StringId::ReplyCount, 7) == "7 trả lời");
    CHECK(tr_count(Lang::Vi, StringId::LikeCount, 24317) == "24.317 lượt thích");
    CHECK(tr_count(Lang::Vi, StringId::MinutesRead, 5) == "5 phút đọc");
    CHECK(fill(tr_count(Lang::Vi, StringId::ShowingCommentsOf, 24317), {{"shown", "20"}}) ==
          "Đang hiển thị 20/24.317 ý kiến");
}

TEST_CASE("fill replaces known placeholders and leaves unknown ones visible", "[i18n]") {
    CHECK(fill("{a} and {b}", {{"a", "1"}, {"b", "2"}}) == "1 and 2");
    CHECK(fill("{a}{a}", {{"a", "x"}}) == "xx");
    CHECK(fill("{missing} stays", {}) == "{missing} stays");
    CHECK(fill("no close {brace", {{"brace", "x"}}) == "no close {brace");
    CHECK(fill("", {{"a", "1"}}).empty());
    CHECK(fill("{a}", {{"a", "{a}"}}) == "{a}");  // values are not expanded again
}

TEST_CASE("an out-of-range string id gives empty text instead of reading past the table", "[i18n]") {
    auto bad = static_cast<StringId>(60000);
    CHECK(tr(Lang::Vi, bad).empty());
    CHECK(tr_count(Lang::En, bad, 3).empty());
    CHECK(string_id_name(bad).empty());
}

TEST_CASE("string id names match the enum for diagnostics", "[i18n]") {
    CHECK(string_id_name(StringId::ReaderComments) == "ReaderComments");
    CHECK(string_id_name(StringId::InYears) == "InYears");
}

TEST_CASE("a Vietnamese BCP 47 tag picks Vietnamese and anything else English", "[i18n]") {
    CHECK(lang_from_bcp47("vi") == Lang::Vi);
    CHECK(lang_from_bcp47("vi-VN") == Lang::Vi);
    CHECK(lang_from_bcp47("VI-vn") == Lang::Vi);
    CHECK(lang_from_bcp47("vi_VN") == Lang::Vi);
    CHECK(lang_from_bcp47("vi-Latn-VN") == Lang::Vi);
    CHECK(lang_from_bcp47(" vi-VN ") == Lang::Vi);
    CHECK(lang_from_bcp47("en-US") == Lang::En);
    CHECK(lang_from_bcp47("fr-FR") == Lang::En);
    CHECK(lang_from_bcp47("vie") == Lang::En);   // ISO 639-2 is not a BCP 47 primary subtag for vi
    CHECK(lang_from_bcp47("video") == Lang::En);
    CHECK(lang_from_bcp47("") == Lang::En);
    CHECK(lang_from_bcp47("-") == Lang::En);
}

TEST_CASE("a preference list picks the first supported language", "[i18n]") {
    CHECK(lang_from_preferences({"fr-FR", "vi", "en"}) == Lang::Vi);
    CHECK(lang_from_preferences({"en-GB", "vi-VN"}) == Lang::En);
    CHECK(lang_from_preferences({"de", "ja"}) == Lang::En);
    CHECK(lang_from_preferences(std::initializer_list<std::string_view>{}) == Lang::En);
    std::vector<std::string_view> tags = {"zh-CN", "vi-VN"};
    CHECK(lang_from_preferences(std::span<const std::string_view>(tags)) == Lang::Vi);
    CHECK(bcp47(Lang::Vi) == "vi");
    CHECK(bcp47(Lang::En) == "en");
}
