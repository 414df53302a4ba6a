// Behaviour of article layout (shared/layout/article_layout.h) and display-list
// queries: block kinds, indentation, tables, images, header/footer, visible ranges,
// caching, scrolling to search matches, hit-testing, plain text for comment rows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/article_layout.h"
#include "layout_test_support.h"

using namespace reader;
using namespace reader::layout;
using reader::layout::test::BundleBuilder;
using reader::layout::test::FixedMetrics;

namespace {

// 10 px body, line height 2: lines are 20 px, letters 5 px, columns easy to reason about.
LayoutSettings small_settings(float width = 200) {
    LayoutSettings s;
    s.width = width;
    s.body_px = 10;
    s.line_height = 2.0f;
    return s;
}

std::vector<const Item*> items_of(const DisplayList& list, ItemKind kind, uint32_t block = kNone) {
    std::vector<const Item*> out;
    for (const Item& it : list.items())
        if (it.kind == kind && (block == kNone || it.block == block)) out.push_back(&it);
    return out;
}

std::vector<std::string> texts_of(const DisplayList& list, uint32_t block) {
    std::vector<std::string> out;
    for (const Item& it : list.items())
        if (it.kind == ItemKind::Text && it.block == block) out.emplace_back(list.text(it));
    return out;
}

}  // namespace

TEST_CASE("paragraphs stack top to bottom with spacing and wrap in the column", "[layout][article]") {
    BundleBuilder bb;
    const uint32_t p1 = bb.paragraph("aaa bbb ccc ddd eee");
    const uint32_t p2 = bb.paragraph("fff");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(small_settings(40));
    CHECK(texts_of(list, p1) == std::vector<std::string>{"aaa bbb", "ccc ddd", "eee"});
    const auto first = items_of(list, ItemKind::Text, p1);
    const auto second = items_of(list, ItemKind::Text, p2);
    REQUIRE(first.size() == 3);
    REQUIRE(second.size() == 1);
    CHECK(first[0]->y == Approx(0));
    CHECK(first[1]->y == Approx(20));  // 10 px × line height 2
    CHECK(first[0]->h == Approx(20));
    CHECK(first[0]->baseline == Approx(5 + 8));  // half-leading 5 + ascent 8
    CHECK(first[0]->text_y == Approx(5));
    CHECK(second[0]->y == Approx(60 + 8));  // paragraph gap 0.8 × body
    CHECK(list.height() == Approx(88));
    CHECK(list.y_for_block(p2) == Approx(68));
    for (const Item& it : list.items()) CHECK(it.x + it.w <= 40.01f);
}

TEST_CASE("justified body text fills the column except last lines", "[layout][article][justify]") {
    BundleBuilder bb;
    const uint32_t p = bb.paragraph("aa bb cc dd ee ff gg hh ii jj kk");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    LayoutSettings s = small_settings(52);
    s.justify = true;
    const DisplayList& list = view.layout(s);
    std::vector<float> right_by_line;
    float last_y = -1;
    for (const Item* it : items_of(list, ItemKind::Text, p)) {
        if (it->y != last_y) right_by_line.push_back(0);
        last_y = it->y;
        // The right edge of the last word as drawn equals the item's right edge.
        float word_right = 0;
        for_each_word(*it, list.text(*it), view.measurer(), [&](float x, std::string_view w) {
            word_right = x + view.measurer().width(it->face, it->size, w);
        });
        CHECK(word_right == Approx(it->x + it->w));
        right_by_line.back() = std::max(right_by_line.back(), it->x + it->w);
    }
    REQUIRE(right_by_line.size() >= 3);
    for (size_t k = 0; k + 1 < right_by_line.size(); ++k) CHECK(right_by_line[k] == Approx(52));
    CHECK(right_by_line.back() < 52);
}

TEST_CASE("mixed styles map to faces and link items carry their link", "[layout][article][styles]") {
    BundleBuilder bb;
    const uint32_t link = bb.add_link("https://thanhuytphcm.vn");
    const uint32_t p = bb.open(BlockKind::Paragraph);
    bb.text("thường ");
    bb.text("đậm", kStyleStrong);
    bb.text(" ");
    bb.text("nghiêng", kStyleEmphasis);
    bb.text(" ");
    bb.text("mã", kStyleCode);
    bb.text(" ");
    bb.text("liên kết", kStyleNone, link);
    bb.text(" ");
    bb.text("gạch", kStyleStrike);
    bb.close();
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(small_settings(1000));
    auto find = [&](std::string_view s) -> const Item* {
        for (const Item* it : items_of(list, ItemKind::Text, p))
            if (list.text(*it) == s) return it;
        return nullptr;
    };
    REQUIRE(find("đậm"));
    CHECK(find("đậm")->face == Face::SerifBold);
    REQUIRE(find("nghiêng"));
    CHECK(find("nghiêng")->face == Face::SerifItalic);
    REQUIRE(find("mã"));
    CHECK(find("mã")->face == Face::Mono);
    CHECK((find("mã")->style & kStyleCode));
    CHECK(find("mã")->size == Approx(9));
    const Item* l = find("liên kết");
    REQUIRE(l);
    CHECK(l->link == link);
    CHECK(l->ink == Ink::Link);
    Rect deco[2];
    CHECK(decoration_rects(*l, deco) == 1);  // underline
    CHECK(deco[0].y > l->baseline);
    REQUIRE(find("gạch"));
    CHECK(decoration_rects(*find("gạch"), deco) == 1);
    CHECK(deco[0].y < find("gạch")->baseline);
    // Serif or sans by setting, one switch for all body text.
    LayoutSettings sans = small_settings(1000);
    sans.serif = false;
    const DisplayList& list2 = view.layout(sans);
    for (const Item& it : list2.items())
        if (it.kind == ItemKind::Text && it.style == 0) CHECK(it.face == Face::SansRegular);
}

TEST_CASE("list items are indented with bullets, numbers and check boxes", "[layout][article][lists]") {
    BundleBuilder bb;
    const uint32_t ul = bb.open(BlockKind::List);
    bb.current().tight = true;
    bb.open(BlockKind::ListItem);
    const uint32_t a = bb.paragraph("một");
    // nested list in the first item
    bb.open(BlockKind::List);
    bb.current().tight = true;
    bb.open(BlockKind::ListItem);
    const uint32_t nested = bb.paragraph("hai");
    bb.close();
    bb.close();
    bb.close();
    bb.open(BlockKind::ListItem);
    const uint32_t b2 = bb.paragraph("ba");
    bb.close();
    bb.close();
    const uint32_t ol = bb.open(BlockKind::List);
    bb.current().ordered = true;
    bb.current().start = 9;
    bb.current().tight = true;
    bb.open(BlockKind::ListItem);
    bb.paragraph("chín dòng chữ dài hơn một dòng của cột để xuống dòng trong mục danh sách");
    bb.close();
    bb.open(BlockKind::ListItem);
    bb.paragraph("mười");
    bb.close();
    bb.close();
    bb.open(BlockKind::List);
    bb.current().tight = true;
    const uint32_t done = bb.open(BlockKind::ListItem);
    bb.current().task = TaskState::Done;
    bb.paragraph("xong");
    bb.close();
    const uint32_t open_task = bb.open(BlockKind::ListItem);
    bb.current().task = TaskState::Open;
    bb.paragraph("chưa");
    bb.close();
    bb.close();
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(small_settings(300));

    const Item* ta = items_of(list, ItemKind::Text, a).at(0);
    const Item* tn = items_of(list, ItemKind::Text, nested).at(0);
    const Item* tb = items_of(list, ItemKind::Text, b2).at(0);
    CHECK(ta->x == Approx(15));       // bullet lists indent 1.5 × body
    CHECK(tn->x == Approx(30));       // nested: once more
    CHECK(tb->x == Approx(15));
    CHECK(tn->y > ta->y);
    CHECK(tb->y > tn->y);
    const auto bullets = items_of(list, ItemKind::Bullet);
    REQUIRE(bullets.size() == 3);
    CHECK((bullets[0]->flags & kBulletShapeMask) == kBulletDisc);
    CHECK((bullets[1]->flags & kBulletShapeMask) == kBulletCircle);  // nested level
    CHECK(bullets[0]->x + bullets[0]->w <= ta->x);
    CHECK(bullets[0]->y > ta->y);
    CHECK(bullets[0]->y + bullets[0]->h < ta->baseline);  // sits on the first line, above the baseline
    CHECK(list.y_for_block(ul) == Approx(0));

    // Ordered: numbers from the start number, right-aligned in the gutter.
    std::vector<std::string> numbers;
    for (const Item& it : list.items())
        if (it.kind == ItemKind::Text && it.ink == Ink::Marker) numbers.emplace_back(list.text(it));
    CHECK(numbers == std::vector<std::string>{"9.", "10."});
    // Markers are emitted with their first line: the list stays in top-to-bottom order.
    CHECK(std::is_sorted(list.items().begin(), list.items().end(),
                         [](const Item& x, const Item& y) { return x.y < y.y; }));
    const float ol_top = list.y_for_block(ol);
    CHECK(ol_top > tb->y);

    const auto boxes = items_of(list, ItemKind::CheckBox);
    REQUIRE(boxes.size() == 2);
    CHECK(boxes[0]->block == done);
    CHECK((boxes[0]->flags & kItemChecked));
    CHECK(boxes[1]->block == open_task);
    CHECK_FALSE((boxes[1]->flags & kItemChecked));
}

TEST_CASE("block quotes indent their content and draw a bar along it", "[layout][article][quote]") {
    BundleBuilder bb;
    bb.paragraph("trước");
    const uint32_t q = bb.open(BlockKind::Quote);
    const uint32_t p1 = bb.paragraph("aaa bbb ccc ddd");
    const uint32_t p2 = bb.paragraph("eee");
    bb.close();
    bb.paragraph("sau");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(small_settings(60));
    const auto bars = items_of(list, ItemKind::Rect, q);
    REQUIRE(bars.size() == 1);
    const Item& bar = *bars[0];
    CHECK(bar.ink == Ink::QuoteBar);
    const auto t1 = items_of(list, ItemKind::Text, p1);
    const auto t2 = items_of(list, ItemKind::Text, p2);
    REQUIRE(!t1.empty());
    REQUIRE(!t2.empty());
    CHECK(t1[0]->x == Approx(bar.x + bar.w + 9));  // bar + 0.9 × body
    CHECK(bar.y == Approx(t1[0]->y));              // no space above the first child
    CHECK(bar.y + bar.h == Approx(t2.back()->y + t2.back()->h));
    for (const Item* it : t1) CHECK(it->x + it->w <= 60.01f);
}

TEST_CASE("tables size columns to content, align cells and keep rows together", "[layout][article][table]") {
    BundleBuilder bb;
    const uint32_t t = bb.open(BlockKind::Table);
    bb.current().columns = 2;
    bb.open(BlockKind::TableRow);
    bb.current().header = true;
    const uint32_t h1 = bb.open(BlockKind::TableCell);
    bb.current().header = true;
    bb.text("Tên");
    bb.close();
    const uint32_t h2 = bb.open(BlockKind::TableCell);
    bb.current().header = true;
    bb.current().align = Align::Right;
    bb.text("Số");
    bb.close();
    bb.close();
    bb.open(BlockKind::TableRow);
    const uint32_t c1 = bb.open(BlockKind::TableCell);
    bb.text("Thủ Đức có nhiều đảng viên");
    bb.close();
    const uint32_t c2 = bb.open(BlockKind::TableCell);
    bb.current().align = Align::Right;
    bb.text("24.317");
    bb.close();
    bb.close();
    bb.close();
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);

    // Wide column: content widths (cell text + 2 × 5 px padding).
    const DisplayList& wide = view.layout(small_settings(400));
    const Item* th1 = items_of(wide, ItemKind::Text, h1).at(0);
    const Item* th2 = items_of(wide, ItemKind::Text, h2).at(0);
    const Item* tc1 = items_of(wide, ItemKind::Text, c1).at(0);
    const Item* tc2 = items_of(wide, ItemKind::Text, c2).at(0);
    CHECK(th1->face == Face::SerifBold);  // header cells are bold
    CHECK(tc1->face == Face::SerifRegular);
    CHECK(tc1->x == Approx(5));
    const float col1 = 26 * 4.5f + 10;  // 26 characters at 9 px (table text is 0.9 × body)
    CHECK(tc2->x + tc2->w == Approx(col1 + 6 * 4.5f + 5));  // right-aligned inside its padding
    CHECK(th2->x + th2->w == Approx(tc2->x + tc2->w));
    CHECK(th1->y == Approx(th2->y));
    CHECK(tc1->y == Approx(tc2->y));
    CHECK(tc1->y > th1->y);
    const auto header_bg = items_of(wide, ItemKind::Rect);
    const bool has_header_bg = std::any_of(header_bg.begin(), header_bg.end(),
                                           [](const Item* it) { return it->ink == Ink::TableHeaderBackground; });
    CHECK(has_header_bg);
    CHECK(wide.y_for_block(t) == Approx(0));

    // Narrow column: the long cell wraps, the number column keeps its width.
    const DisplayList& narrow = view.layout(small_settings(120));
    const auto wrapped = items_of(narrow, ItemKind::Text, c1);
    CHECK(wrapped.size() > 1);
    for (const Item& it : narrow.items()) CHECK(it.x + it.w <= 120.01f);
    CHECK(std::is_sorted(narrow.items().begin(), narrow.items().end(),
                         [](const Item& a, const Item& b2) { return a.y < b2.y; }));
}

TEST_CASE("code blocks keep spaces on a background and wrap only when asked", "[layout][article][code]") {
    BundleBuilder bb;
    const uint32_t c = bb.code("int main() {\n    return 0;\n}\nmot_dong_rat_dai_khong_co_khoang_trang_nao");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    LayoutSettings s = small_settings(150);
    const DisplayList& list = view.layout(s);
    const auto bg = items_of(list, ItemKind::Rect, c);
    REQUIRE(bg.size() == 1);
    CHECK(bg[0]->ink == Ink::CodeBackground);
    CHECK(bg[0]->w == Approx(150));
    const auto lines = texts_of(list, c);
    REQUIRE(lines.size() >= 5);
    CHECK(lines[1] == "    return 0;");
    for (const Item* it : items_of(list, ItemKind::Text, c)) {
        CHECK(it->face == Face::Mono);
        CHECK(it->y >= bg[0]->y);
        CHECK(it->y + it->h <= bg[0]->y + bg[0]->h);
        CHECK(it->x + it->w <= 150.01f);
    }
    s.wrap_code = false;
    const DisplayList& nowrap = view.layout(s);
    CHECK(texts_of(nowrap, c).size() == 4);
    CHECK(nowrap.max_x() > 150);
}

TEST_CASE("images reserve their box before they load", "[layout][article][images]") {
    BundleBuilder bb;
    const uint32_t p = bb.open(BlockKind::Paragraph);
    bb.text("trước ảnh");
    bb.image("anh/hoi-nghi.jpg", "Hội nghị", "Quang cảnh hội nghị");
    bb.text("sau ảnh");
    bb.close();
    bb.article().image.src = bb.str("anh/dau-bai.jpg");
    bb.article().image.caption = bb.str("Đồng chí phát biểu tại hội nghị");
    bb.article().image.credit = bb.str("Ảnh: Đình Quân");
    bb.article().image.width = 800;
    bb.article().image.height = 400;
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);

    struct Sizes : ImageSizes {
        bool natural_size(std::string_view src, float& w, float& h) const override {
            if (!known || src != "anh/hoi-nghi.jpg") return false;
            w = 100;
            h = 100;
            return true;
        }
        uint64_t generation() const override { return known ? 2 : 1; }
        bool known = false;
    } sizes;
    view.set_image_sizes(&sizes);

    const DisplayList& list = view.layout(small_settings(320));
    const auto images = items_of(list, ItemKind::Image);
    REQUIRE(images.size() == 2);
    const Item& hero = *images[0];
    CHECK(hero.part == Part::Hero);
    CHECK(hero.w == Approx(320));
    CHECK(hero.h == Approx(160));  // declared 2:1
    CHECK(list.src(list.images()[hero.text_off]) == "anh/dau-bai.jpg");
    const Item& body = *images[1];
    CHECK(body.block == p);
    CHECK(body.h == Approx(180));  // unknown: 16:9
    CHECK_FALSE(list.images()[body.text_off].size_known);
    CHECK(list.alt(list.images()[body.text_off]) == "Hội nghị");
    const auto around = texts_of(list, p);
    REQUIRE(around.size() == 3);
    CHECK(around[0] == "trước ảnh");
    CHECK(around[1] == "Quang cảnh hội nghị");  // caption from the title, once
    CHECK(around[2] == "sau ảnh");
    const auto caption = items_of(list, ItemKind::Text, p)[1];
    CHECK(caption->face == Face::SansItalic);
    CHECK(caption->y > body.y + body.h);
    CHECK(caption->x == Approx((320 - caption->w) / 2));  // centred under the image
    // An image alone in its paragraph: its caption is drawn once.
    BundleBuilder solo;
    const uint32_t sp = solo.open(BlockKind::Paragraph);
    solo.image("anh/1.jpg", "Ảnh một");
    solo.close();
    Bundle& sb = solo.finish();
    ArticleLayout solo_view(sb, 0, fm);
    CHECK(texts_of(solo_view.layout(small_settings(320)), sp) == std::vector<std::string>{"Ảnh một"});
    const float before_h = list.height();

    sizes.known = true;  // the image arrived: its natural size is square, narrower than the column
    const DisplayList& after = view.layout(small_settings(320));
    CHECK(view.layout_count() == 2);
    const Item& body2 = *items_of(after, ItemKind::Image)[1];
    CHECK(body2.w == Approx(100));
    CHECK(body2.h == Approx(100));
    CHECK(body2.x == Approx(110));  // centred
    CHECK(after.height() == Approx(before_h - 80));
}

TEST_CASE("title, dateline, lead, signature, tags and source frame the body", "[layout][article][header]") {
    BundleBuilder bb;
    bb.article().title = bb.str("Tiếp tục lãnh đạo, chỉ đạo tổ chức quán triệt");
    bb.article().lead = bb.str("(Thanhuytphcm.vn) - Sáng 7/10, Thành ủy Thủ Đức tổ chức hội nghị.");
    bb.article().authors.push_back(bb.str("Đình Quân"));
    bb.article().tags.push_back(bb.str("Thủ Đức"));
    bb.article().tags.push_back(bb.str("chi bộ"));
    bb.article().source = bb.str("Thanhuytphcm.vn");
    const uint32_t p = bb.paragraph("Nội dung.");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    ArticleTexts texts = texts_from_model(b, b.articles[0]);
    const std::string dateline = "Thứ Tư, ngày 7 tháng 12 năm 2022";  // formatted by the app
    texts.dateline = dateline;
    texts.category = "Xây dựng Đảng";
    texts.tags_label = "Từ khóa:";
    view.set_texts(texts);
    const DisplayList& list = view.layout(small_settings(300));

    auto first_of = [&](Part part) -> const Item* {
        for (const Item& it : list.items())
            if (it.part == part && it.kind == ItemKind::Text) return &it;
        return nullptr;
    };
    const Item* header = first_of(Part::Header);
    const Item* title = first_of(Part::Title);
    const Item* lead = first_of(Part::Lead);
    const Item* sig = first_of(Part::Signature);
    const Item* tag = first_of(Part::Tags);
    const Item* source = first_of(Part::Source);
    REQUIRE((header && title && lead && sig && tag && source));
    CHECK(list.text(*header) == "Xây dựng Đảng");
    CHECK(title->size == Approx(19));
    CHECK(title->y > header->y);
    CHECK(lead->face == Face::SerifBold);
    CHECK(lead->y > title->y);
    const float body_y = items_of(list, ItemKind::Text, p).at(0)->y;
    CHECK(body_y > lead->y);
    CHECK(sig->y > body_y);
    CHECK(list.text(*sig) == "Đình Quân");
    CHECK(sig->x + sig->w == Approx(300));  // right-aligned
    CHECK(tag->y > sig->y);
    CHECK(source->y > tag->y);
    // The dateline was copied (the caller's string may go away); the title is a reference.
    bool dateline_found = false;
    for (const Item& it : list.items())
        if (list.text(it) == dateline) dateline_found = (it.flags & kItemOwnedText) != 0;
    CHECK(dateline_found);
    CHECK_FALSE((title->flags & kItemOwnedText));
    // Tag chips: a background box behind each tag's text.
    int chips = 0;
    for (const Item& it : list.items())
        if (it.part == Part::Tags && it.kind == ItemKind::Rect) ++chips;
    CHECK(chips == 2);
    // Part anchors let the app scroll to them.
    bool lead_anchor = false;
    for (const Anchor& a : list.anchors())
        if (a.part == Part::Lead) lead_anchor = a.y == Approx(lead->y);
    CHECK(lead_anchor);
}

TEST_CASE("headings give table-of-contents anchors with level and text", "[layout][article][toc]") {
    BundleBuilder bb;
    bb.paragraph("Mở đầu.");
    const uint32_t h2 = bb.heading(2, "Kết quả đạt được");
    bb.paragraph("Nội dung.");
    const uint32_t h3 = bb.open(BlockKind::Heading);
    bb.current().level = 3;
    bb.text("Giải pháp ");
    bb.text("trọng tâm", kStyleEmphasis);
    bb.close();
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(small_settings(300));
    std::vector<const Anchor*> toc;
    for (const Anchor& a : list.anchors())
        if (a.level > 0) toc.push_back(&a);
    REQUIRE(toc.size() == 2);
    CHECK(toc[0]->block == h2);
    CHECK(toc[0]->level == 2);
    CHECK(list.text(*toc[0]) == "Kết quả đạt được");
    CHECK(toc[0]->y == Approx(list.y_for_block(h2)));
    CHECK(list.text(*toc[1]) == "Giải pháp trọng tâm");
    CHECK(toc[1]->block == h3);
    const Item* heading_text = items_of(list, ItemKind::Text, h2).at(0);
    CHECK(heading_text->size == Approx(14));
    CHECK(heading_text->face == Face::SerifBold);
}

TEST_CASE("visible() returns every item intersecting a band, found by binary search", "[layout][query]") {
    BundleBuilder bb;
    std::string para;
    for (int i = 0; i < 40; ++i) para += "chi bộ đảng viên sinh hoạt định kỳ ";
    for (int k = 0; k < 30; ++k) {
        if (k % 7 == 3) {
            bb.open(BlockKind::Quote);
            bb.paragraph(para);
            bb.close();
        } else {
            bb.paragraph(para);
        }
    }
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(small_settings(300));
    REQUIRE(list.items().size() > 500);
    for (float y0 = -50; y0 < list.height() + 50; y0 += 137.5f) {
        const float y1 = y0 + 400;
        const auto [first, last] = list.visible(y0, y1);
        for (uint32_t i = 0; i < list.items().size(); ++i) {
            const Item& it = list.items()[i];
            const bool intersects = it.y < y1 && it.y + it.h > y0;
            if (intersects) CHECK((i >= first && i < last));
        }
        CHECK(last - first < 200);  // a screenful, not the whole list
    }
    const auto [f, l] = list.visible(list.height() + 10, list.height() + 100);
    CHECK(f == l);
}

TEST_CASE("layouts are cached per settings and fonts", "[layout][cache]") {
    BundleBuilder bb;
    bb.paragraph("Hội nghị do đồng chí Nguyễn Phước Hưng chủ trì.");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    LayoutSettings s = small_settings(300);
    const DisplayList* first = &view.layout(s);
    view.layout(s);
    view.layout(s);
    CHECK(view.layout_count() == 1);
    CHECK(&view.layout(s) == first);
    s.width = 200;
    view.layout(s);
    CHECK(view.layout_count() == 2);
    s.font_scale = 1.2f;
    view.layout(s);
    s.line_height = 1.5f;
    view.layout(s);
    view.layout(s);
    CHECK(view.layout_count() == 4);
    fm.generation_ = 2;  // the app reloaded its fonts
    view.layout(s);
    CHECK(view.layout_count() == 5);
    ArticleTexts t;
    t.title = "Tiêu đề";
    view.set_texts(t);
    view.layout(s);
    CHECK(view.layout_count() == 6);
}

TEST_CASE("a search match offset maps to the y of its line", "[layout][query]") {
    BundleBuilder bb;
    bb.paragraph("Mở đầu bài viết.");
    const uint32_t p = bb.paragraph("aaa bbb ccc ddd eee fff ggg hhh iii kkk");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(small_settings(40));
    const Run& run = b.runs[b.blocks[p].runs.begin];
    const std::string_view text = b.str(run.text);
    const uint32_t ggg = run.text.off + static_cast<uint32_t>(text.find("ggg"));
    const auto lines = items_of(list, ItemKind::Text, p);
    REQUIRE(lines.size() == 5);
    CHECK(list.y_for_text_offset(ggg, p) == Approx(lines[3]->y));
    CHECK(list.y_for_text_offset(ggg) == Approx(lines[3]->y));
    // An offset on a collapsed space at a line end maps to the line before it.
    const uint32_t space = run.text.off + static_cast<uint32_t>(text.find(" ccc"));
    CHECK(list.y_for_text_offset(space, p) == Approx(lines[0]->y));
    CHECK(list.y_for_text_offset(static_cast<uint32_t>(b.text.size()) + 100) == -1);
}

TEST_CASE("a search match across a line break is highlighted on both lines", "[layout][query]") {
    BundleBuilder bb;
    const uint32_t p = bb.paragraph("aaa bbb ccc ddd");
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    LayoutSettings s = small_settings(40);
    s.justify = true;
    const DisplayList& list = view.layout(s);
    const Run& run = b.runs[b.blocks[p].runs.begin];
    // "bbb ccc" spans the end of line 1 ("aaa bbb", justified: its space widened) and
    // the start of line 2.
    const uint32_t begin = run.text.off + 4, end = run.text.off + 11;
    std::vector<Rect> rects;
    const auto [first, last] = list.visible(0, list.height());
    list.range_rects(first, last, begin, end, view.measurer(), rects);
    REQUIRE(rects.size() == 2);
    CHECK(rects[0].x == Approx(25));       // 40 px wide line: "aaa" 15 + space 5 + 5 extra
    CHECK(rects[0].w == Approx(15));
    CHECK(rects[1].x == Approx(0));
    CHECK(rects[1].w == Approx(15));
    CHECK(rects[1].y > rects[0].y);
}

TEST_CASE("hit-testing finds the item, the byte offset and the link under a point", "[layout][query]") {
    BundleBuilder bb;
    const uint32_t link = bb.add_link("#article=2");
    const uint32_t p = bb.open(BlockKind::Paragraph);
    bb.text("Đọc ");
    bb.text("tin khác", kStyleNone, link);
    bb.close();
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const DisplayList& list = view.layout(small_settings(300));
    // "Đọc " is 4 letters (20 px); the link starts at x = 20.
    const Hit on_link = list.hit_test(27, 10, view.measurer());
    REQUIRE(on_link.item != kNone);
    CHECK(on_link.link == link);
    const Item& li = list.items()[on_link.item];
    CHECK(on_link.offset == li.text_off + 1);  // nearest boundary after "t"
    const Hit on_text = list.hit_test(6, 10, view.measurer());
    REQUIRE(on_text.item != kNone);
    CHECK(on_text.link == kNone);
    CHECK(list.items()[on_text.item].block == p);
    // "Đ" is 2 bytes: x = 6 is nearer the boundary after it than before.
    CHECK(on_text.offset == list.items()[on_text.item].text_off + 2);
    const Hit past = list.hit_test(290, 10, view.measurer());
    CHECK(past.item == on_link.item);   // nearest on its line
    CHECK(past.link == kNone);          // but not on the link itself
    CHECK(list.hit_test(10, 500, view.measurer()).item == kNone);
}

TEST_CASE("layout_text lays out a comment row with the reader's typography", "[layout][plain]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    const std::string comment = "Bài viết rất hay.\nCảm ơn tác giả đã chia sẻ thông tin hữu ích";
    DisplayList row;
    TextStyle st = text_style(TextRole::Comment, 0, small_settings());
    const float bottom = layout_text(row, br, comment, st, 12, 100, 120, Part::Other);
    row.finish(bottom);
    REQUIRE(row.items().size() >= 3);
    CHECK(row.text(row.items()[0]) == "Bài viết rất hay.");
    CHECK(row.items()[0].x == Approx(12));
    CHECK(row.items()[0].y == Approx(100));
    CHECK(row.items()[0].face == Face::SansRegular);
    CHECK(bottom == Approx(100 + row.items().size() * st.line));
    for (const Item& it : row.items()) CHECK(it.x + it.w <= 132.01f);
    CHECK(row.height() == Approx(bottom));
}

TEST_CASE("a 200-page article lays out completely from the measurer's tables", "[layout][perf]") {
    // Not timed (see tests/bench/layout for timings): checks counts on a synthetic
    // 500,000-character article so a regression to per-glyph work shows up as numbers.
    BundleBuilder bb;
    const char* syllables[] = {"người", "dân", "thành", "phố", "không", "xả", "rác", "ra", "đường", "và",
                               "kênh", "rạch", "vì", "sạch", "giảm", "ngập", "nước", "chi", "bộ", "Đảng"};
    uint32_t rng = 7;
    size_t chars = 0, paragraphs = 0;
    while (chars < 500000) {
        std::string para;
        const int words = 40 + static_cast<int>(rng % 80);
        for (int w = 0; w < words; ++w) {
            rng = rng * 1664525u + 1013904223u;
            para += syllables[(rng >> 16) % 20];
            para += w + 1 < words ? " " : ".";
        }
        chars += para.size();
        bb.paragraph(para);
        ++paragraphs;
    }
    Bundle& b = bb.finish();
    FixedMetrics fm;
    ArticleLayout view(b, 0, fm);
    const size_t calls_before = fm.calls;
    LayoutSettings s;
    s.width = 680;
    s.justify = true;
    const DisplayList& list = view.layout(s);
    CHECK(fm.calls == calls_before);  // every character came from the tables
    // Justified lines are drawn as one item each (not one per word), and no line is
    // wider than the column.
    size_t words = 0;
    for (const Block& blk : b.blocks)
        for (uint32_t r = blk.runs.begin; r < blk.runs.end; ++r)
            words += static_cast<size_t>(std::count(b.text.begin() + b.runs[r].text.off,
                                                    b.text.begin() + b.runs[r].text.off + b.runs[r].text.len, ' ')) + 1;
    const size_t lines = static_cast<size_t>(list.height() / text_style(TextRole::Body, 0, s).line);
    CHECK(list.items().size() <= lines);
    CHECK(list.items().size() < words / 8);
    for (const Item& it : list.items()) REQUIRE(it.x + it.w <= 680.01f);
    CHECK(list.height() > 200 * 500);  // about 200 pages of text
    const auto [first, last] = list.visible(list.height() / 2, list.height() / 2 + 900);
    CHECK(last - first < 1000);  // a screenful of words, not the article
    // A second call with the same settings is a cache hit.
    view.layout(s);
    CHECK(view.layout_count() == 1);
    CAPTURE(paragraphs, list.items().size(), list.height());
}
