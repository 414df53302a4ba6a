// See text_selection.h.
#include "layout/text_selection.h"

#include <algorithm>
#include <cmath>

#include "layout/text_scan.h"
#include "model/html_export.h"

namespace reader::layout {
namespace {

bool is_text(const Item& it) { return it.kind == ItemKind::Text && it.text_len > 0; }

// Cluster starts of an item's text, as offsets relative to the text.
std::vector<uint32_t> cluster_starts(std::string_view s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        out.push_back(static_cast<uint32_t>(i));
        char32_t c;
        i += scan::cluster_length(s, i, c);
    }
    out.push_back(static_cast<uint32_t>(s.size()));
    return out;
}

bool word_char(char32_t c) { return scan::is_letter(c) || scan::is_digit(c) || scan::extends_cluster(c); }

// The code point of the cluster starting at relative byte `i`.
char32_t first_of(std::string_view s, size_t i) {
    char32_t c = 0;
    if (i < s.size()) scan::cluster_length(s, i, c);
    return c;
}

uint32_t next_text(const DisplayList& list, uint32_t from) {
    const auto& items = list.items();
    for (uint32_t i = from; i < items.size(); ++i) if (is_text(items[i])) return i;
    return kNone;
}

uint32_t prev_text(const DisplayList& list, uint32_t before) {
    const auto& items = list.items();
    for (uint32_t i = std::min<uint32_t>(before, static_cast<uint32_t>(items.size())); i-- > 0;) {
        if (is_text(items[i])) return i;
    }
    return kNone;
}

TextPos clamp_to(const Item& it, uint32_t index, uint32_t offset) {
    return TextPos{index, std::clamp(offset, it.text_off, it.text_off + it.text_len)};
}

// Is `b` on the same line as `a` (same band of y)?
bool same_line(const Item& a, const Item& b) {
    const float ca = a.y + a.h * 0.5f, cb = b.y + b.h * 0.5f;
    return cb > a.y && cb < a.y + a.h && ca > b.y && ca < b.y + b.h;
}

}  // namespace

TextPos position_at(const DisplayList& list, float x, float y, const TextMeasurer& measurer) {
    const auto& items = list.items();
    const TextPos first = list_start(list), last = list_end(list);
    if (!first.valid()) return {};
    if (y < items[first.item].y) return first;
    if (y >= list.height()) return last;
    const Hit hit = list.hit_test(x, y, measurer);
    if (hit.item != kNone && is_text(items[hit.item])) return clamp_to(items[hit.item], hit.item, hit.offset);
    // Between lines (paragraph gaps) or over an image: the start of the next text below.
    const auto [a, b] = list.visible(y, y + 1);
    (void)b;
    for (uint32_t i = a; i < items.size(); ++i) {
        if (is_text(items[i]) && items[i].y + items[i].h > y) return TextPos{i, items[i].text_off};
    }
    return last;
}

TextPos list_start(const DisplayList& list) {
    const uint32_t i = next_text(list, 0);
    return i == kNone ? TextPos{} : TextPos{i, list.items()[i].text_off};
}

TextPos list_end(const DisplayList& list) {
    const uint32_t i = prev_text(list, static_cast<uint32_t>(list.items().size()));
    if (i == kNone) return {};
    const Item& it = list.items()[i];
    return TextPos{i, it.text_off + it.text_len};
}

std::pair<TextPos, TextPos> word_at(const DisplayList& list, TextPos p) {
    if (!p.valid() || p.item >= list.items().size()) return {p, p};
    const Item& it = list.items()[p.item];
    const std::string_view s = list.text(it);
    const std::vector<uint32_t> starts = cluster_starts(s);
    const uint32_t rel = p.offset - it.text_off;
    // The cluster at the position, or the one before it when the position ends a word.
    size_t k = std::upper_bound(starts.begin(), starts.end(), rel) - starts.begin();
    k = k == 0 ? 0 : k - 1;   // index of the cluster containing rel
    if (k + 1 >= starts.size() || !word_char(first_of(s, starts[k]))) {
        if (k > 0 && word_char(first_of(s, starts[k - 1]))) --k;
        else return {p, p};
    }
    size_t lo = k, hi = k + 1;
    while (lo > 0 && word_char(first_of(s, starts[lo - 1]))) --lo;
    while (hi + 1 < starts.size() && word_char(first_of(s, starts[hi]))) ++hi;
    return {TextPos{p.item, it.text_off + starts[lo]}, TextPos{p.item, it.text_off + starts[hi]}};
}

TextPos move_char(const DisplayList& list, TextPos p, int dir) {
    if (!p.valid() || p.item >= list.items().size()) return p;
    const Item& it = list.items()[p.item];
    const std::string_view s = list.text(it);
    const uint32_t rel = p.offset - it.text_off;
    const std::vector<uint32_t> starts = cluster_starts(s);
    if (dir > 0) {
        const auto nx = std::upper_bound(starts.begin(), starts.end(), rel);
        if (nx != starts.end()) return TextPos{p.item, it.text_off + *nx};
        const uint32_t n = next_text(list, p.item + 1);
        if (n == kNone) return p;
        // Into the next item: past its first cluster (its start looks like this item's end).
        return move_char(list, TextPos{n, list.items()[n].text_off}, +1);
    }
    auto pv = std::lower_bound(starts.begin(), starts.end(), rel);
    if (pv != starts.begin()) return TextPos{p.item, it.text_off + *(pv - 1)};
    const uint32_t n = prev_text(list, p.item);
    if (n == kNone) return p;
    const Item& pit = list.items()[n];
    return move_char(list, TextPos{n, pit.text_off + pit.text_len}, -1);
}

TextPos move_word(const DisplayList& list, TextPos p, int dir) {
    if (!p.valid()) return p;
    // Skip non-word clusters, then word clusters, in the direction of travel.
    auto cluster_is_word = [&](TextPos q, int d) {
        const Item& it = list.items()[q.item];
        const std::string_view s = list.text(it);
        const uint32_t rel = q.offset - it.text_off;
        if (d > 0) return rel < s.size() && word_char(first_of(s, rel));
        const TextPos b = move_char(list, q, -1);
        if (b.item != q.item) return false;   // item edge counts as a boundary
        return word_char(first_of(s, b.offset - it.text_off));
    };
    TextPos q = p;
    for (int guard = 0; guard < 4096; ++guard) {   // past separators
        if (cluster_is_word(q, dir)) break;
        const TextPos n = move_char(list, q, dir);
        if (n == q) return q;
        q = n;
    }
    for (int guard = 0; guard < 4096; ++guard) {   // through the word
        if (!cluster_is_word(q, dir)) break;
        const TextPos n = move_char(list, q, dir);
        if (n == q || n.item != q.item) return n == q ? q : (dir > 0 ? q : n);
        q = n;
    }
    return q;
}

TextPos move_line(const DisplayList& list, TextPos p, int dir, const TextMeasurer& measurer) {
    if (!p.valid() || p.item >= list.items().size()) return p;
    const auto& items = list.items();
    const Item& cur = items[p.item];
    const float x = list.x_at(cur, p.offset, measurer);
    uint32_t target = kNone;
    if (dir > 0) {
        for (uint32_t i = p.item + 1; i < items.size() && target == kNone; ++i) {
            if (is_text(items[i]) && !same_line(cur, items[i]) && items[i].y > cur.y) target = i;
        }
        if (target == kNone) return list_end(list);
    } else {
        for (uint32_t i = p.item; i-- > 0 && target == kNone;) {
            if (is_text(items[i]) && !same_line(cur, items[i]) && items[i].y < cur.y) target = i;
        }
        if (target == kNone) return list_start(list);
    }
    const Item& t = items[target];
    const Hit hit = list.hit_test(x, t.y + t.h * 0.5f, measurer);
    if (hit.item != kNone && is_text(items[hit.item])) return clamp_to(items[hit.item], hit.item, hit.offset);
    return TextPos{target, t.text_off};
}

void selection_rects(const DisplayList& list, const TextSelection& sel, uint32_t first, uint32_t last,
                     const TextMeasurer& measurer, std::vector<Rect>& out) {
    if (sel.empty()) return;
    const TextPos b = sel.begin(), e = sel.end();
    const auto& items = list.items();
    first = std::max(first, b.item);
    last = std::min<uint32_t>({last, e.item + 1, static_cast<uint32_t>(items.size())});
    for (uint32_t i = first; i < last; ++i) {
        const Item& it = items[i];
        if (!is_text(it)) continue;
        const uint32_t s0 = i == b.item ? b.offset : it.text_off;
        const uint32_t s1 = i == e.item ? e.offset : it.text_off + it.text_len;
        if (s1 <= s0) continue;
        const float x0 = list.x_at(it, s0, measurer), x1 = list.x_at(it, s1, measurer);
        out.push_back(Rect{x0, it.y, x1 - x0, it.h});
    }
}

namespace {

// The HTML element a block's text goes in.
const char* element_for(const Bundle* bundle, uint32_t block, char (&heading)[3]) {
    if (!bundle || block == kNone || block >= bundle->blocks.size()) return "p";
    const Block& blk = bundle->blocks[block];
    switch (blk.kind) {
        case BlockKind::Heading:
            heading[0] = 'h';
            heading[1] = static_cast<char>('0' + std::clamp<int>(blk.level + 1, 2, 6));
            heading[2] = 0;
            return heading;
        case BlockKind::Code: return "pre";
        default: break;
    }
    return "p";
}

bool is_code(const Item& it) { return it.face == Face::Mono && !(it.style & kStyleCode); }

}  // namespace

CopiedText selected_text(const DisplayList& list, const TextSelection& sel, const Bundle* bundle) {
    CopiedText out;
    if (sel.empty()) return out;
    const TextPos b = sel.begin(), e = sel.end();
    const auto& items = list.items();
    const Item* prev = nullptr;
    const char* open_el = nullptr;
    char heading[3] = {};
    char open_heading[3] = {};
    uint32_t open_link = kNone;
    auto close_link = [&] {
        if (open_link != kNone) out.html += "</a>";
        open_link = kNone;
    };
    auto close_el = [&] {
        close_link();
        if (open_el) {
            out.html += "</";
            out.html += open_el;
            out.html += ">\n";
        }
        open_el = nullptr;
    };
    for (uint32_t i = b.item; i <= e.item && i < items.size(); ++i) {
        const Item& it = items[i];
        if (!is_text(it)) continue;
        const uint32_t s0 = i == b.item ? b.offset : it.text_off;
        const uint32_t s1 = i == e.item ? e.offset : it.text_off + it.text_len;
        if (s1 <= s0) continue;
        const std::string_view text = list.text(it).substr(s0 - it.text_off, s1 - s0);
        // Text outside body blocks (title, lead, signature: block kNone) joins its lines
        // within its part; the header's and the app's own lines (dates, captions,
        // comment rows) each stand alone.
        const bool loose_lines = it.part == Part::Header || it.part == Part::Hero || it.part == Part::Other;
        const bool new_block = !prev || prev->block != it.block || prev->part != it.part ||
                               (it.block == kNone && loose_lines && !same_line(*prev, it));
        if (it.link != open_link) close_link();   // separators go outside links
        if (prev) {
            const bool line_break = !same_line(*prev, it);
            const char last = out.plain.empty() ? ' ' : out.plain.back();
            if (new_block) {
                out.plain += "\n\n";
            } else if (line_break && is_code(it)) {
                out.plain += '\n';
                out.html += '\n';
            } else if ((line_break || it.x > prev->x + prev->w + 0.5f) && last != ' ' && text.front() != ' ') {
                // A wrapped line, or a gap on the line (the space between two runs is not drawn as text).
                out.plain += ' ';
                out.html += ' ';
            }
        }
        if (new_block) {
            close_el();
            const char* el = element_for(bundle, it.block, heading);
            if (el == heading) {
                std::copy(heading, heading + 3, open_heading);
                el = open_heading;
            }
            out.html += '<';
            out.html += el;
            out.html += '>';
            open_el = el;
        }
        if (it.link != open_link) {
            close_link();
            if (it.link != kNone && bundle && it.link < bundle->links.size()) {
                out.html += "<a href=\"";
                append_url_escaped(out.html, bundle->str(bundle->links[it.link].href));
                out.html += "\">";
                open_link = it.link;
            }
        }
        const bool strong = it.style & kStyleStrong, em = it.style & kStyleEmphasis;
        if (strong) out.html += "<strong>";
        if (em) out.html += "<em>";
        append_html_escaped(out.html, text);
        if (em) out.html += "</em>";
        if (strong) out.html += "</strong>";
        out.plain += text;
        prev = &it;
    }
    close_el();
    while (!out.html.empty() && out.html.back() == '\n') out.html.pop_back();
    return out;
}

}  // namespace reader::layout
