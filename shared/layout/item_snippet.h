// A run of display-list items kept apart from the list, relative to a top y, to be
// pasted into a list rebuilt later at another y: how a windowed section (the comment
// rows) reuses the rows it laid out before instead of breaking their lines again
// when the window moves.
//
// Items whose text lies in Bundle::text keep referring to it, so the list pasted into
// must be over the same bundle text; text the list owned (built strings) is copied
// into the snippet and stored again in the list it is pasted into.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout/display_list.h"

namespace reader::layout {

class ItemSnippet {
public:
    // Items [first, last) of `from`, with y measured from `top`.
    static ItemSnippet take(const DisplayList& from, uint32_t first, uint32_t last, float top);

    // Appends the items to `to` with their tops moved to below `top`.
    void paste(DisplayList& to, float top) const;

    size_t size() const { return items_.size(); }

private:
    std::vector<Item> items_;
    std::string owned_;   // the texts of items with kItemOwnedText: text_off indexes here
};

}  // namespace reader::layout
