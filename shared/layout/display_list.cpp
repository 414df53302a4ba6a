// DisplayList: text references, visible-range and offset queries, hit-testing.
#include "layout/display_list.h"

#include <algorithm>
#include <cmath>

#include "layout/text_scan.h"
#include "model/document.h"

namespace reader::layout {

int decoration_rects(const Item& item, Rect out[2]) {
    if (item.kind != ItemKind::Text) return 0;
    const float thick = std::max(1.0f, std::round(item.size / 14.0f));
    int n = 0;
    if (item.style & (kStyleLink | kStyleUnderline)) out[n++] = Rect{item.x, item.baseline + item.size * 0.08f, item.w, thick};
    if (item.style & kStyleStrike) out[n++] = Rect{item.x, item.baseline - item.size * 0.3f, item.w, thick};
    return n;
}

void DisplayList::clear(std::string_view bundle_text) {
    bundle_text_ = bundle_text;
    owned_.clear();
    items_.clear();
    max_bottom_.clear();
    anchors_.clear();
    images_.clear();
    span_base_ = kNone;
    block_spans_.clear();
    height_ = 0;
    max_x_ = 0;
}

DisplayList::TextRef DisplayList::store(std::string_view s) {
    const char* base = bundle_text_.data();
    if (base && s.data() >= base && s.data() + s.size() <= base + bundle_text_.size()) {
        return TextRef{static_cast<uint32_t>(s.data() - base), static_cast<uint32_t>(s.size()), false};
    }
    TextRef r{static_cast<uint32_t>(owned_.size()), static_cast<uint32_t>(s.size()), true};
    owned_.append(s);
    return r;
}

void DisplayList::set_block_span(uint32_t block, float top, float bottom) {
    if (span_base_ == kNone) span_base_ = block;
    if (block < span_base_) {
        block_spans_.insert(block_spans_.begin(), span_base_ - block, {-1.0f, -1.0f});
        span_base_ = block;
    }
    const uint32_t i = block - span_base_;
    if (i >= block_spans_.size()) block_spans_.resize(i + 1, {-1.0f, -1.0f});
    block_spans_[i] = {top, bottom};
}

void DisplayList::finish(float height, uint32_t first) {
    first = std::min<uint32_t>(first, static_cast<uint32_t>(items_.size()));
    const auto by_top = [](const Item& a, const Item& b) { return a.y < b.y; };
    const size_t from = first > 0 ? first - 1 : 0;
    if (!std::is_sorted(items_.begin() + static_cast<std::ptrdiff_t>(from), items_.end(), by_top)) {
        std::stable_sort(items_.begin() + static_cast<std::ptrdiff_t>(first), items_.end(), by_top);
        if (first > 0 && first < items_.size() && items_[first].y < items_[first - 1].y) {
            // Appended items reach above earlier ones (unusual): sort everything.
            std::stable_sort(items_.begin(), items_.end(), by_top);
            first = 0;
        }
    }
    max_bottom_.resize(items_.size());
    float run = first > 0 ? max_bottom_[first - 1] : -INFINITY;
    for (size_t i = first; i < items_.size(); ++i) {
        const Item& it = items_[i];
        run = std::max(run, it.y + it.h);
        max_bottom_[i] = run;
        max_x_ = std::max(max_x_, it.x + it.w);
    }
    height_ = std::max(height, items_.empty() ? 0.0f : run);
}

void DisplayList::sort_items(uint32_t first) {
    if (first >= items_.size()) return;
    const auto by_top = [](const Item& a, const Item& b) { return a.y < b.y; };
    const auto from = items_.begin() + static_cast<std::ptrdiff_t>(first);
    if (!std::is_sorted(from, items_.end(), by_top)) std::stable_sort(from, items_.end(), by_top);
}

uint32_t DisplayList::first_reaching(float y) const {
    return static_cast<uint32_t>(std::upper_bound(max_bottom_.begin(), max_bottom_.end(), y) - max_bottom_.begin());
}

std::pair<uint32_t, uint32_t> DisplayList::visible(float y0, float y1) const {
    const uint32_t first = first_reaching(y0);
    const auto it = std::lower_bound(items_.begin() + first, items_.end(), y1,
                                     [](const Item& a, float y) { return a.y < y; });
    return {first, static_cast<uint32_t>(it - items_.begin())};
}

float DisplayList::y_for_block(uint32_t block) const {
    if (span_base_ == kNone || block < span_base_ || block - span_base_ >= block_spans_.size()) return -1;
    return block_spans_[block - span_base_].first;
}

float DisplayList::y_for_text_offset(uint32_t offset, uint32_t block) const {
    uint32_t first = 0, last = static_cast<uint32_t>(items_.size());
    float band_end = INFINITY;
    if (block != kNone && span_base_ != kNone && block >= span_base_ && block - span_base_ < block_spans_.size() &&
        block_spans_[block - span_base_].first >= 0) {
        const auto [top, bottom] = block_spans_[block - span_base_];
        first = first_reaching(top);
        band_end = bottom;
    }
    const Item* best = nullptr;  // the nearest item starting before the offset (offset on a collapsed space)
    for (uint32_t i = first; i < last && items_[i].y < band_end; ++i) {
        const Item& it = items_[i];
        if (it.kind != ItemKind::Text || (it.flags & kItemOwnedText)) continue;
        if (block != kNone && it.block != block) continue;
        if (offset >= it.text_off && offset < it.text_off + it.text_len) return it.y;
        if (it.text_off <= offset && (!best || it.text_off > best->text_off)) best = &it;
    }
    if (best && offset <= best->text_off + best->text_len + 8) return best->y;
    return -1;
}

Hit DisplayList::hit_test(float x, float y, const TextMeasurer& measurer) const {
    Hit hit;
    const auto [first, last] = visible(y, std::nextafter(y, INFINITY));
    float best_dx = INFINITY;
    uint32_t other = kNone;
    for (uint32_t i = first; i < last; ++i) {
        const Item& it = items_[i];
        if (y < it.y || y >= it.y + it.h) continue;
        if (it.kind != ItemKind::Text) {
            if (x >= it.x && x < it.x + it.w) other = i;  // the topmost drawn wins
            continue;
        }
        const float dx = x < it.x ? it.x - x : (x >= it.x + it.w ? x - (it.x + it.w) : 0.0f);
        if (dx < best_dx) {
            best_dx = dx;
            hit.item = i;
        }
    }
    if (hit.item == kNone) {
        hit.item = other;
        return hit;
    }
    const Item& it = items_[hit.item];
    if (best_dx == 0 && it.link != kNone) hit.link = it.link;
    // Nearest cluster boundary to x inside the item's text.
    const std::string_view s = text(it);
    const float target = x - it.x;
    float pen = 0;
    size_t i = 0;
    while (i < s.size()) {
        char32_t c;
        const size_t len = scan::cluster_length(s, i, c);
        float em = 0;
        for (size_t k = i; k < i + len;) {
            uint32_t cl = 0;
            em += measurer.advance(it.face, scan::decode(s, k, cl));
            k += cl;
        }
        const float w = em * it.size + (c == ' ' ? it.space_extra : 0.0f);
        if (target < pen + w * 0.5f) break;
        pen += w;
        i += len;
    }
    hit.offset = it.text_off + static_cast<uint32_t>(i);
    return hit;
}

float DisplayList::x_at(const Item& it, uint32_t offset, const TextMeasurer& measurer) const {
    const std::string_view s = text(it);
    const size_t stop = std::min<size_t>(offset > it.text_off ? offset - it.text_off : 0, s.size());
    float em = 0, extra = 0;
    for (size_t i = 0; i < stop;) {
        uint32_t len = 0;
        const char32_t c = scan::decode(s, i, len);
        em += measurer.advance(it.face, c);
        if (c == ' ') extra += it.space_extra;
        i += len;
    }
    return it.x + em * it.size + extra;
}

void DisplayList::range_rects(uint32_t first, uint32_t last, uint32_t begin, uint32_t end, const TextMeasurer& measurer,
                              std::vector<Rect>& out) const {
    last = std::min<uint32_t>(last, static_cast<uint32_t>(items_.size()));
    for (uint32_t i = first; i < last; ++i) {
        const Item& it = items_[i];
        if (it.kind != ItemKind::Text || (it.flags & kItemOwnedText)) continue;
        const uint32_t a = std::max(begin, it.text_off), b = std::min(end, it.text_off + it.text_len);
        if (a >= b) continue;
        const float x0 = x_at(it, a, measurer), x1 = x_at(it, b, measurer);
        out.push_back(Rect{x0, it.y, x1 - x0, it.h});
    }
}

}  // namespace reader::layout
