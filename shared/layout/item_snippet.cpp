// See item_snippet.h.
#include "layout/item_snippet.h"

#include <algorithm>

namespace reader::layout {

ItemSnippet ItemSnippet::take(const DisplayList& from, uint32_t first, uint32_t last, float top) {
    ItemSnippet s;
    const auto& items = from.items();
    last = std::min<uint32_t>(last, static_cast<uint32_t>(items.size()));
    if (first >= last) return s;
    s.items_.assign(items.begin() + first, items.begin() + last);
    for (Item& it : s.items_) {
        it.y -= top;
        it.text_y -= top;
        it.baseline -= top;
        if (it.flags & kItemOwnedText) {
            const std::string_view t = from.text(it);
            it.text_off = static_cast<uint32_t>(s.owned_.size());
            it.text_len = static_cast<uint32_t>(t.size());
            s.owned_.append(t);
        }
    }
    return s;
}

void ItemSnippet::paste(DisplayList& to, float top) const {
    for (Item it : items_) {
        it.y += top;
        it.text_y += top;
        it.baseline += top;
        if (it.flags & kItemOwnedText) {
            const DisplayList::TextRef r = to.store(std::string_view(owned_).substr(it.text_off, it.text_len));
            it.text_off = r.off;
            it.text_len = r.len;
            if (!r.owned) it.flags = static_cast<uint8_t>(it.flags & ~kItemOwnedText);
        }
        to.add(it);
    }
}

}  // namespace reader::layout
