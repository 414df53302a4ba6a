// The output of layout: positioned items in document coordinates, and the queries
// the app needs to draw, scroll and hit-test them.
//
// Coordinates are px from the top-left of the laid-out column (x in [0, width]);
// the app adds its own origin (column centred in the window, minus the scroll).
// Items are sorted by their top edge and backgrounds come before what they contain,
// so drawing visible() in order paints correctly.
//
// Drawing an item (ImGui, with `o` the column origin on screen):
//   Text      AddText(font[face], size, o + (x, text_y), colour[ink], text(item));
//             justified lines (space_extra > 0): for_each_word() gives each word's x;
//             kStyleLink/kStyleUnderline: a line under it (decoration_rects() gives it),
//             kStyleStrike: a line through it, kStyleCode: a background box behind it.
//   Rect      AddRectFilled(o + (x, y), o + (x + w, y + h), colour[ink]).
//   Image     images()[item.text_off]: the texture for its src() in the box, or a
//             placeholder box in colour[ImagePlaceholder] while loading / on failure.
//   Bullet    shape from flags (kBulletDisc / kBulletCircle / kBulletSquare) in the box.
//   CheckBox  a box, ticked when flags has kItemChecked.
// Link hit-rects are the boxes of Text items whose `link` is set.
//
// Index of this file
//   [SECTION] Items
//   [SECTION] Anchors and images
//   [SECTION] DisplayList
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/font_metrics.h"
#include "layout/typography.h"

namespace reader::layout {

inline constexpr uint32_t kNone = UINT32_MAX;

// ------------------------------------------------------------------ [SECTION] Items
enum class ItemKind : uint8_t { Text, Rect, Image, Bullet, CheckBox };

// Which part of the page an item belongs to (for the app's own sections: Other).
enum class Part : uint8_t { Header, Title, Lead, Hero, Body, Signature, Tags, Source, Other };

enum ItemFlags : uint8_t {
    kItemOwnedText = 1 << 0,  // text lives in the list's own arena, not in Bundle::text
    kItemChecked = 1 << 1,    // CheckBox: done
    kBulletDisc = 0,          // Bullet shapes (flags & kBulletShapeMask)
    kBulletCircle = 1 << 2,
    kBulletSquare = 1 << 3,
    kBulletShapeMask = kBulletCircle | kBulletSquare,
};

struct Item {
    float x = 0, y = 0, w = 0, h = 0;  // box; Text: the segment's slice of its line box (the hit rect)
    float text_y = 0;                  // Text: top of the glyph box, the y to pass to AddText
    float baseline = 0;                // Text: baseline (for underline/strike)
    float size = 0;                    // Text: font size in px
    float space_extra = 0;             // Text: px added to each U+0020 in the text (justified lines)
    uint32_t text_off = 0;             // Text: byte offset (Bundle::text, or the arena if owned); Image: index into images()
    uint32_t text_len = 0;
    uint32_t link = kNone;             // Text: index into Bundle::links
    uint32_t block = kNone;            // index into Bundle::blocks of the block it draws (Part::Tags: the tag's index)
    uint16_t style = 0;                // Text: RunStyle bits
    ItemKind kind = ItemKind::Text;
    Face face = Face::SerifRegular;
    Ink ink = Ink::Text;
    Part part = Part::Other;
    uint8_t flags = 0;                 // ItemFlags
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

// Underline / strike-through boxes of a Text item (0..2 of them), for the app to fill.
int decoration_rects(const Item& item, Rect out[2]);

// Calls draw(x, word) for each part of a Text item's `text` between U+0020 spaces,
// x in document px: how justified lines (space_extra > 0) are drawn. One call with
// the whole text when space_extra is 0.
template <typename Draw>
void for_each_word(const Item& item, std::string_view text, const TextMeasurer& m, Draw&& draw) {
    if (item.space_extra == 0) {
        draw(item.x, text);
        return;
    }
    const float space = m.advance(item.face, ' ') * item.size + item.space_extra;
    float x = item.x;
    size_t a = 0;
    for (;;) {
        size_t e = text.find(' ', a);
        if (e == std::string_view::npos) e = text.size();
        if (e > a) {
            const std::string_view word = text.substr(a, e - a);
            draw(x, word);
            x += m.width(item.face, item.size, word);
        }
        if (e >= text.size()) break;
        x += space;
        a = e + 1;
    }
}

// ------------------------------------------------------ [SECTION] Anchors and images
// Places the app can scroll to: headings (the table of contents, level 1..6) and the
// start of each Part (level 0).
struct Anchor {
    float y = 0;
    uint32_t block = kNone;     // heading block
    uint32_t text_off = 0;      // heading / part text (for the table of contents)
    uint32_t text_len = 0;
    uint8_t level = 0;
    Part part = Part::Other;
    bool owned = false;
};

struct ImageBox {
    uint32_t src_off = 0, src_len = 0;  // the image URL (Bundle::text, or the arena if owned)
    uint32_t alt_off = 0, alt_len = 0;  // alt text, for the placeholder and the accessible mirror
    uint32_t link = kNone;              // Bundle::links index (body images)
    bool src_owned = false;
    bool alt_owned = false;
    bool size_known = false;            // false: the box has the default aspect ratio (16:9)
};

struct Hit {
    uint32_t item = kNone;      // the item under the point (or nearest on its line)
    uint32_t offset = 0;        // byte offset in the item's text source (text_off-based) of the nearest cluster boundary
    uint32_t link = kNone;      // the link under the point, if any
};

// ------------------------------------------------------------------ [SECTION] DisplayList
class DisplayList {
public:
    DisplayList() = default;
    explicit DisplayList(std::string_view bundle_text) : bundle_text_(bundle_text) {}

    // ---- reading
    const std::vector<Item>& items() const { return items_; }
    const std::vector<Anchor>& anchors() const { return anchors_; }
    const std::vector<ImageBox>& images() const { return images_; }
    float height() const { return height_; }
    float max_x() const { return max_x_; }  // the rightmost item edge (> width when code does not wrap)

    std::string_view text(const Item& item) const { return resolve(item.text_off, item.text_len, item.flags & kItemOwnedText); }
    std::string_view text(const Anchor& a) const { return resolve(a.text_off, a.text_len, a.owned); }
    std::string_view src(const ImageBox& b) const { return resolve(b.src_off, b.src_len, b.src_owned); }
    std::string_view alt(const ImageBox& b) const { return resolve(b.alt_off, b.alt_len, b.alt_owned); }

    // Index range [first, last) of the items to draw for the band [y0, y1): every item
    // intersecting it is inside (a few just above y0 may be too). O(log n).
    std::pair<uint32_t, uint32_t> visible(float y0, float y1) const;

    // Top of a block (Bundle::blocks index) laid out in this list, or -1.
    float y_for_block(uint32_t block) const;
    // Top of the line showing byte `offset` of Bundle::text (e.g. a search match);
    // `block` narrows the search when known. -1 when no item shows it.
    float y_for_text_offset(uint32_t offset, uint32_t block = kNone) const;
    // The item and byte position under (x, y); the nearest on the line when between items.
    Hit hit_test(float x, float y, const TextMeasurer& measurer) const;
    // Boxes covering bytes [begin, end) of Bundle::text among items [first, last)
    // (e.g. visible()): highlights for search matches and selections. Appends to `out`.
    void range_rects(uint32_t first, uint32_t last, uint32_t begin, uint32_t end, const TextMeasurer& measurer,
                     std::vector<Rect>& out) const;
    // x of byte `offset` (text_off-based, inside or at the end of the item's text).
    float x_at(const Item& item, uint32_t offset, const TextMeasurer& measurer) const;

    // ---- building (layout functions and the app's own sections)
    void clear(std::string_view bundle_text);
    void set_bundle_text(std::string_view bundle_text) { bundle_text_ = bundle_text; }
    // A reference to `s`: into Bundle::text when it lies there, else a copy in the arena.
    struct TextRef { uint32_t off = 0, len = 0; bool owned = false; };
    TextRef store(std::string_view s);
    uint32_t add(const Item& item) { items_.push_back(item); return static_cast<uint32_t>(items_.size() - 1); }
    Item& item(uint32_t index) { return items_[index]; }
    void add_anchor(const Anchor& a) { anchors_.push_back(a); }
    uint32_t add_image(const ImageBox& b) { images_.push_back(b); return static_cast<uint32_t>(images_.size() - 1); }
    void set_block_span(uint32_t block, float top, float bottom);
    // Restores top-to-bottom order of the items from `first` on when it is broken
    // (after laying out side-by-side content such as table cells).
    void sort_items(uint32_t first);
    // Sorts items by top where needed (from `first` on) and indexes them; call after adding.
    void finish(float height, uint32_t first = 0);

private:
    std::string_view resolve(uint32_t off, uint32_t len, bool owned) const {
        const std::string_view base = owned ? std::string_view(owned_) : bundle_text_;
        if (off > base.size() || len > base.size() - off) return {};
        return base.substr(off, len);
    }
    uint32_t first_reaching(float y) const;  // first item whose running max bottom > y

    std::string_view bundle_text_;
    std::string owned_;
    std::vector<Item> items_;
    std::vector<float> max_bottom_;        // running max of item bottoms, by index
    std::vector<Anchor> anchors_;
    std::vector<ImageBox> images_;
    uint32_t span_base_ = kNone;           // block index of block_spans_[0]
    std::vector<std::pair<float, float>> block_spans_;  // top, bottom per block
    float height_ = 0;
    float max_x_ = 0;
};

}  // namespace reader::layout
