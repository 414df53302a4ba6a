// ItemSnippet: items cut from one display list and pasted into another at another y
// keep their text (from the bundle or built) and their positions relative to the top.
#include <catch2/catch.hpp>

#include <string>

#include "layout/item_snippet.h"

using namespace reader::layout;

namespace {

Item text_item(const DisplayList::TextRef& r, float y) {
    Item it;
    it.kind = ItemKind::Text;
    it.x = 24;
    it.y = y;
    it.w = 100;
    it.h = 20;
    it.text_y = y + 2;
    it.baseline = y + 16;
    it.text_off = r.off;
    it.text_len = r.len;
    if (r.owned) it.flags = kItemOwnedText;
    return it;
}

}  // namespace

TEST_CASE("an item snippet pastes bundle and built texts at a new top", "[layout]") {
    const std::string bundle_text = "Ý kiến bạn đọc: Hà Nội mùa thu đẹp nhất.";
    DisplayList first(bundle_text);
    first.store("padding the arena first");   // owned offsets differ between the lists
    const std::string_view in_bundle = std::string_view(bundle_text).substr(17);
    const uint32_t a = first.add(text_item(first.store("Bạn đọc 7 · 3 giờ trước"), 100));
    first.add(text_item(first.store(in_bundle), 124));
    Item rule;
    rule.kind = ItemKind::Rect;
    rule.y = 90;
    rule.h = 60;
    const uint32_t end = first.add(rule) + 1;
    REQUIRE(first.items()[a].flags & kItemOwnedText);
    REQUIRE_FALSE(first.items()[a + 1].flags & kItemOwnedText);

    const ItemSnippet s = ItemSnippet::take(first, a, end, 100);
    REQUIRE(s.size() == 3);

    DisplayList second(bundle_text);
    second.store("another, longer arena start in the second list");
    second.add(text_item(second.store("before"), 0));
    s.paste(second, 500);
    const auto& items = second.items();
    REQUIRE(items.size() == 4);
    CHECK(second.text(items[1]) == "Bạn đọc 7 · 3 giờ trước");
    CHECK(items[1].y == 500);
    CHECK(items[1].text_y == 502);
    CHECK(items[1].baseline == 516);
    CHECK(second.text(items[2]) == in_bundle);
    CHECK_FALSE(items[2].flags & kItemOwnedText);
    CHECK(items[2].y == 524);
    CHECK(items[3].kind == ItemKind::Rect);
    CHECK(items[3].y == 490);
    CHECK(items[3].h == 60);
    CHECK(items[1].x == 24);
}

TEST_CASE("an empty or reversed range gives an empty snippet", "[layout]") {
    DisplayList list("abc");
    list.add(Item{});
    CHECK(ItemSnippet::take(list, 1, 1, 0).size() == 0);
    CHECK(ItemSnippet::take(list, 5, 9, 0).size() == 0);
    const ItemSnippet s = ItemSnippet::take(list, 0, 9, 0);
    CHECK(s.size() == 1);
}
