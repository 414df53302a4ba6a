// Search matches (shared/search/bundle_search.h) land on the layout: a match's
// Bundle::text range scrolls to its line and highlights the right glyphs.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "layout/article_layout.h"
#include "layout_test_support.h"
#include "search/bundle_search.h"

using namespace reader;
using namespace reader::layout;

TEST_CASE("a search match scrolls to its line and is highlighted there", "[layout][search]") {
    test::BundleBuilder bb;
    bb.article().title = bb.str("Hội nghị chuyên đề của Thành ủy Thủ Đức");
    for (int i = 0; i < 30; ++i) bb.paragraph("Đảng bộ có nhiều tổ chức cơ sở đảng với đông đảo đảng viên.");
    const uint32_t target = bb.paragraph("Cuộc vận động người dân không xả rác ra đường và kênh rạch.");
    Bundle& b = bb.finish();

    test::FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    LayoutSettings settings;
    settings.width = 300;
    settings.justify = true;
    const DisplayList& list = view.layout(settings);

    search::BundleSearch engine(b);
    search::Query q;
    q.text = "kenh rach";  // without diacritics
    const search::Results r = engine.search(q);
    REQUIRE(!r.hits.empty());
    const search::Hit& hit = r.hits[0];
    REQUIRE(hit.field == search::Field::Body);
    CHECK(hit.sub_id == target);
    const auto ranges = engine.to_arena(hit.doc, hit.field, hit.sub_id, hit.matches);
    REQUIRE(!ranges.empty());

    // Scrolling: the y of the line holding the match, inside the target block.
    const float y = list.y_for_text_offset(ranges[0].off, hit.sub_id);
    REQUIRE(y >= 0);
    CHECK(y >= list.y_for_block(target));
    CHECK(y > list.y_for_block(target - 1));

    // Highlighting: the rects cover exactly "kênh rạch" as drawn.
    const auto [first, last] = list.visible(y, y + 1);
    std::vector<Rect> rects;
    for (const auto& range : ranges) list.range_rects(first, last, range.off, range.off + range.len, view.measurer(), rects);
    REQUIRE(!rects.empty());
    float covered = 0;
    for (const Rect& rc : rects) {
        CHECK(rc.y == Approx(y));
        covered += rc.w;
    }
    const float letters = view.measurer().width(Face::SerifRegular, 18, "kênhrạch");
    CHECK(covered >= letters - 0.01f);
}

TEST_CASE("a search match in the title maps to the title's line", "[layout][search]") {
    test::BundleBuilder bb;
    bb.article().title = bb.str("Hội nghị chuyên đề của Thành ủy Thủ Đức");
    bb.paragraph("Nội dung bài viết.");
    Bundle& b = bb.finish();
    test::FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(LayoutSettings{});
    search::BundleSearch engine(b);
    search::Query q;
    q.text = "Thủ Đức";
    const search::Results r = engine.search(q);
    REQUIRE(!r.hits.empty());
    REQUIRE(r.hits[0].field == search::Field::Title);
    const auto ranges = engine.to_arena(r.hits[0].doc, r.hits[0].field, r.hits[0].sub_id, r.hits[0].matches);
    REQUIRE(!ranges.empty());
    const float y = list.y_for_text_offset(ranges[0].off);
    REQUIRE(y >= 0);
    for (const Item& it : list.items())
        if (it.part == Part::Title && it.kind == ItemKind::Text && ranges[0].off >= it.text_off &&
            ranges[0].off < it.text_off + it.text_len)
            CHECK(it.y == Approx(y));
}
