// The table of contents built from a laid-out article (layout/toc.h): headings in
// reading order with their text and scroll position, indentation by level, and the
// heading the reader is in at a given scroll position.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "layout/article_layout.h"
#include "layout/toc.h"
#include "layout_test_support.h"

using namespace reader;
using namespace reader::layout;
using reader::layout::test::BundleBuilder;
using reader::layout::test::FixedMetrics;

namespace {

LayoutSettings toc_settings(float width = 300) {
    LayoutSettings s;
    s.width = width;
    s.body_px = 10;
    s.line_height = 2.0f;
    return s;
}

}  // namespace

TEST_CASE("the table of contents lists headings in reading order with their y", "[layout][toc]") {
    BundleBuilder bb;
    bb.paragraph("Mở đầu của bài viết.");
    const uint32_t h2a = bb.heading(2, "Kết quả đạt được");
    bb.paragraph("Chất lượng sinh hoạt chi bộ có nhiều chuyển biến tích cực.");
    const uint32_t h3 = bb.heading(3, "Ở khu phố");
    bb.paragraph("Phân công đảng viên trực tiếp làm công tác vận động quần chúng.");
    const uint32_t h2b = bb.heading(2, "Nhiệm vụ trọng tâm");
    bb.paragraph("Tiếp tục lãnh đạo, chỉ đạo tổ chức quán triệt nghiêm túc.");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(toc_settings());
    const std::vector<TocEntry> toc = table_of_contents(list);
    REQUIRE(toc.size() == 3);
    CHECK(toc[0].text == "Kết quả đạt được");
    CHECK(toc[1].text == "Ở khu phố");
    CHECK(toc[2].text == "Nhiệm vụ trọng tâm");
    CHECK(toc[0].block == h2a);
    CHECK(toc[1].block == h3);
    CHECK(toc[2].block == h2b);
    CHECK(toc[0].y == Approx(list.y_for_block(h2a)));
    CHECK(toc[2].y == Approx(list.y_for_block(h2b)));
    CHECK(toc[0].y < toc[1].y);
    CHECK(toc[1].y < toc[2].y);
    // The article's top level (##) is depth 0; ### one step in.
    CHECK(toc[0].depth == 0);
    CHECK(toc[1].depth == 1);
    CHECK(toc[2].depth == 0);
    CHECK(toc[1].level == 3);
}

TEST_CASE("skipped heading levels indent one step, and empty headings are left out", "[layout][toc]") {
    BundleBuilder bb;
    bb.heading(2, "Phần một");
    bb.heading(4, "Chi tiết");      // ## then ####: one step in, not two
    bb.heading(3, "   ");           // nothing to show
    bb.heading(1, "Tổng kết");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const std::vector<TocEntry> toc = table_of_contents(view.layout(toc_settings()));
    REQUIRE(toc.size() == 3);
    CHECK(toc[0].text == "Phần một");
    CHECK(toc[0].depth == 0);        // the first entry starts at the margin, whatever its level
    CHECK(toc[1].text == "Chi tiết");
    CHECK(toc[1].depth == 1);
    CHECK(toc[2].text == "Tổng kết");
    CHECK(toc[2].depth == 0);
}

TEST_CASE("an article without headings has an empty table of contents", "[layout][toc]") {
    BundleBuilder bb;
    bb.paragraph("Chỉ có một đoạn văn.");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const std::vector<TocEntry> toc = table_of_contents(view.layout(toc_settings()));
    CHECK(toc.empty());
    CHECK(toc_current(toc, 0, 100) == -1);
}

TEST_CASE("the current heading is the last one reached by the top of the view plus a lookahead", "[layout][toc]") {
    std::vector<TocEntry> toc(3);
    toc[0].y = 100;
    toc[1].y = 400;
    toc[2].y = 900;
    CHECK(toc_current(toc, 0, 50) == -1);      // above the first heading
    CHECK(toc_current(toc, 50, 50) == 0);      // 50 + 50 reaches y 100 exactly
    CHECK(toc_current(toc, 300, 50) == 0);
    CHECK(toc_current(toc, 350, 50) == 1);
    CHECK(toc_current(toc, 2000, 50) == 2);    // past the last heading
    CHECK(toc_current(toc, 860, 0) == 1);
}

TEST_CASE("the table of contents follows a relayout at another width", "[layout][toc]") {
    BundleBuilder bb;
    for (int i = 0; i < 4; ++i) bb.paragraph("Đảng bộ TP Thủ Đức có 77 tổ chức cơ sở đảng với 24.317 đảng viên.");
    bb.heading(2, "Giải pháp");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const float wide_y = table_of_contents(view.layout(toc_settings(600))).at(0).y;
    const float narrow_y = table_of_contents(view.layout(toc_settings(120))).at(0).y;
    CHECK(narrow_y > wide_y);   // narrower column, more lines above the heading
}
