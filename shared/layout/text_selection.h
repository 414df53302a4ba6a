// Text selection over a laid-out DisplayList: positions in the list (item + byte),
// hit-testing a point to a position, word and line moves for the keyboard, the boxes
// to paint a selection across wrapped lines and paragraphs, and the selected text as
// plain text and as HTML with links (what Ctrl+C puts on the clipboard).
//
// A position is a Text item and a byte offset into that item's text source, with the
// same base as Item::text_off (so it works for text in Bundle::text and for text in
// the list's own arena alike). Positions order by item index, then offset: items are
// stored top to bottom and left to right on a line, which is reading order.
// Platform-free (no ImGui): the app maps mouse and keys to these calls and paints
// the returned rects.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "layout/display_list.h"
#include "model/document.h"

namespace reader::layout {

struct TextPos {
    uint32_t item = kNone;   // index of a Text item in DisplayList::items()
    uint32_t offset = 0;     // byte in the item's text source, in [text_off, text_off + text_len]

    bool valid() const { return item != kNone; }
    friend bool operator==(const TextPos& a, const TextPos& b) { return a.item == b.item && a.offset == b.offset; }
    friend bool operator!=(const TextPos& a, const TextPos& b) { return !(a == b); }
    friend bool operator<(const TextPos& a, const TextPos& b) {
        return a.item != b.item ? a.item < b.item : a.offset < b.offset;
    }
};

// The anchor stays where the selection began (mouse down, Shift+click origin); the
// focus follows the mouse or the arrow keys.
struct TextSelection {
    TextPos anchor, focus;

    bool empty() const { return !anchor.valid() || !focus.valid() || anchor == focus; }
    TextPos begin() const { return focus < anchor ? focus : anchor; }
    TextPos end() const { return focus < anchor ? anchor : focus; }
    void clear() { anchor = focus = TextPos{}; }
    void collapse(TextPos p) { anchor = focus = p; }
};

// The position nearest to (x, y) in list coordinates; invalid when no text is on or
// near that line. Points above the first line map to the start, below the last to the end.
TextPos position_at(const DisplayList& list, float x, float y, const TextMeasurer& measurer);

// The first and last positions of the list's text (Ctrl+A).
TextPos list_start(const DisplayList& list);
TextPos list_end(const DisplayList& list);

// The word around `p` (double click): letters, digits and combining marks (so
// "nghị" is one word), within the item. An empty range at a space or punctuation.
std::pair<TextPos, TextPos> word_at(const DisplayList& list, TextPos p);

// One grapheme cluster left (dir < 0) or right (dir > 0), crossing into the previous
// or next Text item at an item's edge. Stays put at the ends of the list.
TextPos move_char(const DisplayList& list, TextPos p, int dir);
// To the start of the previous word / the end of the next word (Ctrl+Shift+arrows).
TextPos move_word(const DisplayList& list, TextPos p, int dir);
// The position at the same x on the line above (dir < 0) or below (dir > 0).
TextPos move_line(const DisplayList& list, TextPos p, int dir, const TextMeasurer& measurer);

// Boxes covering the selection among items [first, last) (e.g. visible()), one per
// Text item touched; appended to `out`.
void selection_rects(const DisplayList& list, const TextSelection& sel, uint32_t first, uint32_t last,
                     const TextMeasurer& measurer, std::vector<Rect>& out);

// The selected text. Lines of one block are joined with a space, blocks with a blank
// line (plain) or as separate elements (HTML: <p>, <hN>, <li>, <pre>); code keeps its
// line breaks. Links (Item::link) become <a href> when `bundle` is given. Every piece
// of text and every href is escaped.
struct CopiedText {
    std::string plain;
    std::string html;
};
CopiedText selected_text(const DisplayList& list, const TextSelection& sel, const Bundle* bundle);

}  // namespace reader::layout
