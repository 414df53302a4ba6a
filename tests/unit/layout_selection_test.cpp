// Text selection over the laid-out article (shared/layout/text_selection.h): points
// and keys map to positions, selections paint across wrapped lines and paragraphs,
// and the copied text is the article's own text, plain and as HTML with links.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "layout/article_layout.h"
#include "layout/text_selection.h"
#include "layout_test_support.h"

using namespace reader;
using namespace reader::layout;

namespace {

struct Fixture {
    test::BundleBuilder bb;
    test::FixedMetrics fm;
    std::unique_ptr<ArticleLayout> view;
    const DisplayList* list = nullptr;
    uint32_t first_para = 0, second_para = 0, link_para = 0;

    Fixture() {
        bb.article().title = bb.str("Hội nghị chuyên đề");
        first_para = bb.paragraph("Đảng bộ có nhiều tổ chức cơ sở đảng với đông đảo đảng viên ở khắp các phường của thành phố.");
        second_para = bb.paragraph("Cuộc vận động người dân không xả rác ra đường.");
        link_para = bb.open(BlockKind::Paragraph);
        bb.text("Xem ");
        bb.text("trang chủ", kStyleNone, bb.add_link("https://example.org/a?b=1&c=2"));
        bb.text(" để biết thêm.");
        bb.close();
        Bundle& b = bb.finish();
        view = std::make_unique<ArticleLayout>(b, 0, fm);
        LayoutSettings s;
        s.width = 200;
        s.body_px = 10;
        list = &view->layout(s);
    }
    const Bundle& bundle() const { return bb.b; }
    // The first Text item drawing `block`.
    uint32_t item_of(uint32_t block) const {
        for (uint32_t i = 0; i < list->items().size(); ++i) {
            const Item& it = list->items()[i];
            if (it.kind == ItemKind::Text && it.block == block) return i;
        }
        return kNone;
    }
    uint32_t last_item_of(uint32_t block) const {
        uint32_t found = kNone;
        for (uint32_t i = 0; i < list->items().size(); ++i) {
            const Item& it = list->items()[i];
            if (it.kind == ItemKind::Text && it.block == block) found = i;
        }
        return found;
    }
};

}  // namespace

TEST_CASE("a point on a line maps to the byte under it and back to the same x", "[layout][selection]") {
    Fixture f;
    const uint32_t i = f.item_of(f.first_para);
    REQUIRE(i != kNone);
    const Item& it = f.list->items()[i];
    // "Đảng bộ" at 10 px with 0.5 em letters: each cluster is 5 px; x of 3 clusters = 15.
    const TextPos p = position_at(*f.list, it.x + 15.2f, it.y + it.h * 0.5f, f.view->measurer());
    REQUIRE(p.item == i);
    CHECK(f.list->text(it).substr(0, p.offset - it.text_off) == "Đản");
    CHECK(f.list->x_at(it, p.offset, f.view->measurer()) == Approx(it.x + 15));
}

TEST_CASE("points above the text select from the start, below it to the end", "[layout][selection]") {
    Fixture f;
    CHECK(position_at(*f.list, 0, -50, f.view->measurer()) == list_start(*f.list));
    CHECK(position_at(*f.list, 0, f.list->height() + 50, f.view->measurer()) == list_end(*f.list));
}

TEST_CASE("a selection across wrapped lines and paragraphs paints one box per line piece", "[layout][selection]") {
    Fixture f;
    const uint32_t a = f.item_of(f.first_para), z = f.last_item_of(f.second_para);
    REQUIRE(a != kNone);
    REQUIRE(z != kNone);
    REQUIRE(f.last_item_of(f.first_para) > a);   // the first paragraph wraps at 200 px
    TextSelection sel;
    sel.anchor = TextPos{a, f.list->items()[a].text_off};
    sel.focus = TextPos{z, f.list->items()[z].text_off + f.list->items()[z].text_len};
    std::vector<Rect> rects;
    selection_rects(*f.list, sel, 0, static_cast<uint32_t>(f.list->items().size()), f.view->measurer(), rects);
    uint32_t lines = 0;
    for (uint32_t i = a; i <= z; ++i) lines += f.list->items()[i].kind == ItemKind::Text;
    CHECK(rects.size() == lines);
    for (size_t k = 1; k < rects.size(); ++k) CHECK(rects[k].y > rects[k - 1].y);   // one per line, top to bottom
    for (const Rect& r : rects) CHECK(r.w > 0);
}

TEST_CASE("copying a selection gives the text with lines joined and paragraphs apart", "[layout][selection]") {
    Fixture f;
    const uint32_t a = f.item_of(f.first_para), z = f.last_item_of(f.second_para);
    TextSelection sel;
    sel.anchor = TextPos{z, f.list->items()[z].text_off + f.list->items()[z].text_len};   // backwards works too
    sel.focus = TextPos{a, f.list->items()[a].text_off};
    const CopiedText c = selected_text(*f.list, sel, &f.bundle());
    CHECK(c.plain ==
          "Đảng bộ có nhiều tổ chức cơ sở đảng với đông đảo đảng viên ở khắp các phường của thành phố.\n\n"
          "Cuộc vận động người dân không xả rác ra đường.");
    CHECK(c.html ==
          "<p>Đảng bộ có nhiều tổ chức cơ sở đảng với đông đảo đảng viên ở khắp các phường của thành phố.</p>\n"
          "<p>Cuộc vận động người dân không xả rác ra đường.</p>");
}

TEST_CASE("copied HTML keeps links, escaped", "[layout][selection]") {
    Fixture f;
    const uint32_t a = f.item_of(f.link_para), z = f.last_item_of(f.link_para);
    TextSelection sel;
    sel.anchor = TextPos{a, f.list->items()[a].text_off};
    sel.focus = TextPos{z, f.list->items()[z].text_off + f.list->items()[z].text_len};
    const CopiedText c = selected_text(*f.list, sel, &f.bundle());
    CHECK(c.plain == "Xem trang chủ để biết thêm.");
    CHECK(c.html == "<p>Xem <a href=\"https://example.org/a?b=1&amp;c=2\">trang chủ</a> để biết thêm.</p>");
}

TEST_CASE("double click selects a Vietnamese word with its marks", "[layout][selection]") {
    Fixture f;
    const uint32_t i = f.item_of(f.first_para);
    const Item& it = f.list->items()[i];
    const std::string_view s = f.list->text(it);
    const uint32_t inside = it.text_off + static_cast<uint32_t>(s.find("nhiều")) + 2;
    const auto [b, e] = word_at(*f.list, TextPos{i, inside});
    CHECK(s.substr(b.offset - it.text_off, e.offset - b.offset) == "nhiều");
    // On a space: nothing.
    const uint32_t space = it.text_off + static_cast<uint32_t>(s.find(' ')) + 1;
    const auto [b2, e2] = word_at(*f.list, TextPos{i, space});
    CHECK(s.substr(b2.offset - it.text_off, e2.offset - b2.offset) == "bộ");  // the word after the space
}

TEST_CASE("arrow keys move by cluster, word and line", "[layout][selection]") {
    Fixture f;
    const uint32_t i = f.item_of(f.first_para);
    const Item& it = f.list->items()[i];
    TextPos p{i, it.text_off};
    p = move_char(*f.list, p, +1);
    CHECK(p.offset - it.text_off == std::string("Đ").size());
    p = move_char(*f.list, p, -1);
    CHECK(p.offset == it.text_off);
    CHECK(move_char(*f.list, list_start(*f.list), -1) == list_start(*f.list));
    const TextPos w = move_word(*f.list, TextPos{i, it.text_off}, +1);
    CHECK(f.list->text(it).substr(0, w.offset - it.text_off) == "Đảng");
    const TextPos down = move_line(*f.list, TextPos{i, it.text_off + 1}, +1, f.view->measurer());
    REQUIRE(down.valid());
    CHECK(f.list->items()[down.item].y > it.y);
    const TextPos up = move_line(*f.list, down, -1, f.view->measurer());
    CHECK(f.list->items()[up.item].y == Approx(it.y));
}

TEST_CASE("Ctrl+A covers title to last paragraph", "[layout][selection]") {
    Fixture f;
    TextSelection sel;
    sel.anchor = list_start(*f.list);
    sel.focus = list_end(*f.list);
    const CopiedText c = selected_text(*f.list, sel, &f.bundle());
    CHECK(c.plain.rfind("Hội nghị chuyên đề", 0) == 0);
    CHECK(c.plain.find("Cuộc vận động") != std::string::npos);
    CHECK(std::string_view(c.plain).ends_with("trang chủ để biết thêm."));
}
