// Article → DisplayList (see article_layout.h).
//
// One Builder walks the header strings, the body's pre-order block tree and the
// footer top to bottom with a y cursor. Vertical spacing collapses like CSS margins:
// a block asks for space before it, leaves space after it, and the larger of the two
// separates neighbours. Containers (quotes, list items, cells) narrow the x range.
#include "layout/article_layout.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace reader::layout {
namespace {

// Lays out `pieces` at (x, y) in `width` and appends one Text item per segment.
// first_line(top, height, baseline) runs after the first line's items are added
// (list markers go there, keeping items in top-to-bottom order).
template <typename FirstLineFn>
float emit_lines(DisplayList& out, LineBreaker& br, std::span<const Piece> pieces, float x, float y, float width,
                 TextAlign align, float line_px, bool preserve, uint32_t block, Part part, FirstLineFn&& first_line) {
    BreakOptions o;
    o.width = width;
    o.align = align;
    o.preserve_spaces = preserve;
    br.run(pieces, o);
    const TextMeasurer& m = br.measurer();
    const auto segs = br.segments();
    for (const Line& line : br.lines()) {
        const float glyphs = line.ascent + line.descent;
        const float h = std::max(line_px, glyphs);
        const float baseline = y + (h - glyphs) * 0.5f + line.ascent;
        for (uint32_t k = line.first; k < line.first + line.count; ++k) {
            const Segment& s = segs[k];
            const Piece& p = pieces[s.piece];
            Item it;
            it.kind = ItemKind::Text;
            it.x = x + s.x;
            it.y = y;
            it.w = s.width;
            it.h = h;
            it.text_y = baseline - m.ascent(p.face) * p.size;
            it.baseline = baseline;
            it.size = p.size;
            it.space_extra = line.space_extra;
            it.text_off = p.ref + s.begin;
            it.text_len = s.end - s.begin;
            it.link = p.link;
            it.block = block;
            it.style = p.style;
            it.face = p.face;
            it.ink = p.ink;
            it.part = part;
            it.flags = p.owned ? kItemOwnedText : 0;
            out.add(it);
        }
        if (&line == br.lines().data()) first_line(y, h, baseline);
        y += h;
    }
    return y;
}

Piece make_piece(DisplayList& out, std::string_view text, const TextStyle& ts, uint32_t link = kNone) {
    const DisplayList::TextRef r = out.store(text);
    Piece p;
    p.text = text;
    p.kind = PieceKind::Text;
    p.face = ts.face;
    p.size = ts.size;
    p.ref = r.off;
    p.owned = r.owned;
    p.link = link;
    p.style = ts.style;
    p.ink = ts.ink;
    return p;
}

Piece break_piece(PieceKind kind, const TextStyle& ts) {
    Piece p;
    p.kind = kind;
    p.face = ts.face;
    p.size = ts.size;
    return p;
}

struct Ctx {
    float x = 0;
    float w = 0;
    uint32_t lists = 0;   // enclosing lists (bullet shape)
    bool tight = false;   // inside a tight list item
};

class Builder {
public:
    Builder(const Bundle& b, const Article& a, const ArticleTexts& t, const LayoutSettings& s, const ImageSizes* sizes,
            LineBreaker& br, DisplayList& out)
        : b_(b), a_(a), t_(t), s_(s), sizes_(sizes), br_(br), m_(br.measurer()), out_(out), B_(body_size(s)) {}

    void run() {
        const Ctx page{0, s_.width, 0, false};
        container_start_ = true;  // nothing above the first block
        header(page);
        if (t_.hero_before_lead) { hero(page); lead(page); }
        else { lead(page); hero(page); }
        anchor(Part::Body, {});
        const uint32_t end = std::min<uint32_t>(a_.blocks.end, static_cast<uint32_t>(b_.blocks.size()));
        children(a_.blocks.begin, end, page);
        footer(page);
        out_.finish(y_);
    }

private:
    // ------------------------------------------------------------ spacing and helpers
    float open(float before) {
        if (container_start_) { before = 0; container_start_ = false; }
        y_ += std::max(pending_, before);
        pending_ = 0;
        return y_;
    }
    void close(float after) { pending_ = std::max(pending_, after); }
    float para_gap(const Ctx& c) const { return c.tight ? 0.0f : 0.8f * B_; }
    TextStyle st(TextRole role, uint16_t style = 0) const { return text_style(role, style, s_); }

    void anchor(Part part, std::string_view text, uint32_t block = kNone, uint8_t level = 0) {
        Anchor a;
        a.y = y_ + (level == 0 ? pending_ : 0);
        a.block = block;
        a.level = level;
        a.part = part;
        if (!text.empty()) {
            const DisplayList::TextRef r = out_.store(text);
            a.text_off = r.off;
            a.text_len = r.len;
            a.owned = r.owned;
        }
        out_.add_anchor(a);
    }

    float emit(const Ctx& c, TextAlign align, float line_px, bool preserve, uint32_t block, Part part, float width = -1) {
        y_ = emit_lines(out_, br_, pieces_, c.x, y_, width >= 0 ? width : c.w, align, line_px, preserve, block, part,
                        [this](float top, float h, float baseline) {
                            if (marker_.active) flush_marker(baseline, top, h);
                        });
        return y_;
    }

    // A plain string in `role` (lead, title, captions...). Uses and clears pieces_.
    void plain(std::string_view text, TextRole role, Part part, const Ctx& c, TextAlign align, uint32_t block = kNone) {
        const TextStyle ts = st(role);
        pieces_.clear();
        pieces_.push_back(make_piece(out_, text, ts));
        emit(c, align, ts.line, false, block, part);
        pieces_.clear();
    }
    void plain(std::string_view text, TextRole role, Part part, const Ctx& c, uint32_t block = kNone) {
        plain(text, role, part, c, st(role).align, block);
    }

    // ------------------------------------------------------------ header and footer
    void header(const Ctx& c) {
        if (!t_.category.empty() || !t_.dateline.empty()) anchor(Part::Header, {});
        if (!t_.category.empty()) { open(0); plain(t_.category, TextRole::Category, Part::Header, c); close(0.25f * B_); }
        if (!t_.dateline.empty()) { open(0); plain(t_.dateline, TextRole::Meta, Part::Header, c); close(0.7f * B_); }
        if (!t_.title.empty()) {
            open(0);
            anchor(Part::Title, t_.title);
            plain(t_.title, TextRole::Title, Part::Title, c);
            close(0.5f * B_);
        }
        if (!t_.subtitle.empty()) { open(0); plain(t_.subtitle, TextRole::Subtitle, Part::Title, c); close(0.6f * B_); }
        if (!t_.meta.empty()) { open(0); plain(t_.meta, TextRole::Meta, Part::Header, c); close(0.6f * B_); }
        if (y_ > 0) close(1.0f * B_);
    }

    void lead(const Ctx& c) {
        if (t_.lead.empty()) return;
        open(1.0f * B_);
        anchor(Part::Lead, t_.lead);
        plain(t_.lead, TextRole::Lead, Part::Lead, c, s_.justify ? TextAlign::Justify : TextAlign::Left);
        close(1.2f * B_);
    }

    void hero(const Ctx& c) {
        const Image& img = a_.image;
        if (!t_.hero || img.src.empty()) return;
        anchor(Part::Hero, {});
        image_box(b_.str(img.src), b_.str(img.alt), b_.str(img.caption), b_.str(img.credit), img.width, img.height,
                  kNone, kNone, Part::Hero, c);
        close(1.2f * B_);
    }

    void footer(const Ctx& c) {
        if (!t_.authors.empty()) {
            open(1.0f * B_);
            anchor(Part::Signature, t_.authors.front());
            const TextStyle ts = st(TextRole::Signature);
            pieces_.clear();
            for (size_t k = 0; k < t_.authors.size(); ++k) {
                if (k > 0) pieces_.push_back(make_piece(out_, ", ", ts));
                pieces_.push_back(make_piece(out_, t_.authors[k], ts));
            }
            emit(c, ts.align, ts.line, false, kNone, Part::Signature);
            close(1.2f * B_);
        }
        if (!t_.tags.empty()) tags(c);
        if (!t_.source.empty()) {
            open(1.0f * B_);
            anchor(Part::Source, t_.source);
            plain(t_.source, TextRole::Source, Part::Source, c);
            close(0);
        }
    }

    void tags(const Ctx& c) {
        open(1.2f * B_);
        anchor(Part::Tags, t_.tags_label);
        const TextStyle ts = st(TextRole::Tag);
        const float pad_x = 0.6f * ts.size, pad_y = 0.2f * ts.size, gap = 0.4f * ts.size;
        const float chip_h = ts.line + 2 * pad_y;
        const float asc = m_.ascent(ts.face) * ts.size, glyphs = asc + m_.descent(ts.face) * ts.size;
        float x = 0;
        auto text_item = [&](std::string_view s, float tx, float w, uint32_t index) {
            const DisplayList::TextRef r = out_.store(s);
            Item it;
            it.kind = ItemKind::Text;
            it.x = tx;
            it.y = y_;
            it.w = w;
            it.h = chip_h;
            it.baseline = y_ + (chip_h - glyphs) * 0.5f + asc;
            it.text_y = it.baseline - asc;
            it.size = ts.size;
            it.text_off = r.off;
            it.text_len = r.len;
            it.block = index;
            it.face = ts.face;
            it.ink = index == kNone ? Ink::Muted : ts.ink;
            it.part = Part::Tags;
            it.flags = r.owned ? kItemOwnedText : 0;
            out_.add(it);
        };
        if (!t_.tags_label.empty()) {
            const float w = m_.width(ts.face, ts.size, t_.tags_label);
            text_item(t_.tags_label, c.x, w, kNone);
            x = w + gap;
        }
        for (size_t k = 0; k < t_.tags.size(); ++k) {
            const std::string_view tag = t_.tags[k];
            const float tw = std::min(m_.width(ts.face, ts.size, tag), c.w - 2 * pad_x);
            const float w = tw + 2 * pad_x;
            if (x > 0 && x + w > c.w) {
                x = 0;
                y_ += chip_h + gap;
            }
            Item chip;
            chip.kind = ItemKind::Rect;
            chip.x = c.x + x;
            chip.y = y_;
            chip.w = w;
            chip.h = chip_h;
            chip.ink = Ink::TagBackground;
            chip.part = Part::Tags;
            chip.block = static_cast<uint32_t>(k);
            out_.add(chip);
            text_item(tag, c.x + x + pad_x, tw, static_cast<uint32_t>(k));
            x += w + gap;
        }
        y_ += chip_h;
        close(0.8f * B_);
    }

    // ------------------------------------------------------------ images
    void image_box(std::string_view src, std::string_view alt, std::string_view caption, std::string_view credit,
                   float declared_w, float declared_h, uint32_t link, uint32_t block, Part part, const Ctx& c) {
        open(para_gap(c) > 0 ? para_gap(c) : 0.5f * B_);
        flush_marker_at_top();
        float nw = declared_w, nh = declared_h;
        bool known = nw > 0 && nh > 0;
        if (!known && sizes_) known = sizes_->natural_size(src, nw, nh) && nw > 0 && nh > 0;
        float w = c.w, h = c.w * 9.0f / 16.0f;  // unknown size: a 16:9 box
        if (known) {
            w = std::min(c.w, nw);
            h = w * nh / nw;
        }
        ImageBox box;
        const DisplayList::TextRef rs = out_.store(src);
        const DisplayList::TextRef ra = out_.store(alt);
        box.src_off = rs.off;
        box.src_len = rs.len;
        box.src_owned = rs.owned;
        box.alt_off = ra.off;
        box.alt_len = ra.len;
        box.alt_owned = ra.owned;
        box.link = link;
        box.size_known = known;
        Item it;
        it.kind = ItemKind::Image;
        it.x = c.x + (c.w - w) * 0.5f;
        it.y = y_;
        it.w = w;
        it.h = h;
        it.text_off = out_.add_image(box);
        it.link = link;
        it.block = block;
        it.ink = Ink::ImagePlaceholder;
        it.part = part;
        out_.add(it);
        y_ += h;
        if (!caption.empty()) {
            y_ += 0.4f * B_;
            plain(caption, TextRole::Caption, part, c, block);
        }
        if (!credit.empty()) {
            y_ += caption.empty() ? 0.3f * B_ : 0;
            plain(credit, TextRole::Credit, part, c, block);
        }
        close(para_gap(c) > 0 ? para_gap(c) : 0.5f * B_);
    }

    // ------------------------------------------------------------ list markers
    struct Marker {
        bool active = false;
        ItemKind kind = ItemKind::Bullet;
        uint8_t flags = 0;
        std::string number;
        float right = 0;    // x of the marker's right edge
        uint32_t block = kNone;
    };

    void flush_marker(float baseline, float line_top, float line_h) {
        Marker& mk = marker_;
        mk.active = false;
        Item it;
        it.kind = mk.kind;
        it.block = mk.block;
        it.ink = Ink::Marker;
        it.part = Part::Body;
        it.flags = mk.flags;
        if (mk.kind == ItemKind::Text) {
            const TextStyle ts = st(TextRole::ListMarker);
            const DisplayList::TextRef r = out_.store(mk.number);
            const float w = m_.width(ts.face, ts.size, mk.number);
            it.x = mk.right - w;
            it.y = line_top;
            it.w = w;
            it.h = line_h;
            it.baseline = baseline;
            it.text_y = baseline - m_.ascent(ts.face) * ts.size;
            it.size = ts.size;
            it.face = ts.face;
            it.text_off = r.off;
            it.text_len = r.len;
            it.flags = static_cast<uint8_t>(it.flags | (r.owned ? kItemOwnedText : 0));
        } else if (mk.kind == ItemKind::CheckBox) {
            const float s = 0.8f * B_;
            it.x = mk.right - s;
            it.y = std::max(line_top, baseline + 0.12f * B_ - s);
            it.w = it.h = s;
        } else {
            const float d = 0.34f * B_;
            it.x = mk.right - d;
            it.y = std::max(line_top, baseline - 0.33f * B_ - d * 0.5f);
            it.w = it.h = d;
        }
        out_.add(it);
    }

    // A list item starting with something other than text: the marker goes on the
    // first body line's baseline at the current y.
    void flush_marker_at_top() {
        if (!marker_.active) return;
        const TextStyle ts = st(TextRole::Body);
        const float asc = m_.ascent(ts.face) * ts.size, glyphs = asc + m_.descent(ts.face) * ts.size;
        const float h = std::max(ts.line, glyphs);
        flush_marker(y_ + (h - glyphs) * 0.5f + asc, y_, h);
    }

    // ------------------------------------------------------------ body blocks
    void children(uint32_t begin, uint32_t end, const Ctx& c) {
        for (uint32_t i = begin; i < end;) {
            const uint32_t next = b_.blocks[i].subtree_end;
            block(i, c);
            i = (next > i && next <= end) ? next : i + 1;  // malformed trees never loop
        }
    }

    void block(uint32_t i, const Ctx& c) {
        const Block& blk = b_.blocks[i];
        const size_t first_item = out_.items().size();
        float top = y_ + pending_;
        switch (blk.kind) {
            case BlockKind::Paragraph: paragraph(i, c, top); break;
            case BlockKind::Heading: top = heading(i, c); break;
            case BlockKind::Quote: top = quote(i, c); break;
            case BlockKind::List: top = list(i, c); break;
            case BlockKind::ListItem: children(i + 1, blk.subtree_end, c); break;  // outside a list: as a container
            case BlockKind::Code:
            case BlockKind::HtmlText: top = code(i, c); break;
            case BlockKind::ThematicBreak: top = rule(c); break;
            case BlockKind::Table: top = table(i, c); break;
            case BlockKind::TableRow:
            case BlockKind::TableCell: children(i + 1, blk.subtree_end, c); break;  // stray: flatten
        }
        // Side-by-side content (table cells) and markers placed at a block's top may
        // leave the block's own items out of order: restore it locally, cheaply.
        out_.sort_items(static_cast<uint32_t>(first_item));
        if (out_.items().size() > first_item) top = std::min(top, out_.items()[first_item].y);
        out_.set_block_span(i, top, y_);
    }

    void add_run_pieces(const Run& r, TextRole role, bool as_text_images) {
        const TextStyle ts = st(role, r.style);
        switch (r.kind) {
            case RunKind::Text: pieces_.push_back(make_piece(out_, b_.str(r.text), ts, r.link)); break;
            case RunKind::SoftBreak: pieces_.push_back(break_piece(PieceKind::SoftBreak, ts)); break;
            case RunKind::HardBreak: pieces_.push_back(break_piece(PieceKind::HardBreak, ts)); break;
            case RunKind::Image:
                if (as_text_images && !r.text.empty()) pieces_.push_back(make_piece(out_, b_.str(r.text), ts, kNone));
                break;
        }
    }

    static bool has_ink(std::span<const Piece> pieces) {
        for (const Piece& p : pieces) {
            if (p.kind != PieceKind::Text) continue;
            for (const char ch : p.text) {
                if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') return true;
            }
        }
        return false;
    }

    void paragraph(uint32_t i, const Ctx& c, float& top) {
        const Block& blk = b_.blocks[i];
        pieces_.clear();
        bool first_part = true;
        auto flush = [&] {
            if (pieces_.empty() || !has_ink(pieces_)) {
                pieces_.clear();
                return;
            }
            open(para_gap(c));
            if (first_part) top = y_;
            first_part = false;
            const TextStyle ts = st(TextRole::Body);
            emit(c, s_.justify ? TextAlign::Justify : TextAlign::Left, ts.line, false, i, Part::Body);
            pieces_.clear();
            close(para_gap(c));
        };
        const uint32_t end = std::min<uint32_t>(blk.runs.end, static_cast<uint32_t>(b_.runs.size()));
        for (uint32_t r = blk.runs.begin; r < end; ++r) {
            const Run& run = b_.runs[r];
            if (run.kind == RunKind::Image && run.link < b_.links.size()) {
                // An image in a paragraph stands on its own: text before, image, text after.
                flush();
                const Link& l = b_.links[run.link];
                const std::string_view alt = b_.str(run.text);
                const std::string_view caption = l.title.empty() ? alt : b_.str(l.title);
                if (first_part) top = y_ + std::max(pending_, para_gap(c));
                first_part = false;
                image_box(b_.str(l.href), alt, caption, {}, 0, 0, run.link, i, Part::Body, c);
                continue;
            }
            add_run_pieces(run, TextRole::Body, true);
        }
        flush();
    }

    float heading(uint32_t i, const Ctx& c) {
        const Block& blk = b_.blocks[i];
        const int level = std::clamp<int>(blk.level, 1, 6);
        const auto role = static_cast<TextRole>(static_cast<int>(TextRole::Heading1) + level - 1);
        const float top = open(level <= 2 ? 1.6f * B_ : 1.25f * B_);
        pieces_.clear();
        std::string joined;
        const uint32_t end = std::min<uint32_t>(blk.runs.end, static_cast<uint32_t>(b_.runs.size()));
        for (uint32_t r = blk.runs.begin; r < end; ++r) {
            const Run& run = b_.runs[r];
            add_run_pieces(run, role, true);
            if (run.kind == RunKind::Text || run.kind == RunKind::Image) joined += b_.str(run.text);
            else joined += ' ';
        }
        // The table of contents shows the heading's text: a reference when it is one run.
        if (end - blk.runs.begin == 1 && b_.runs[blk.runs.begin].kind == RunKind::Text)
            anchor(Part::Body, b_.str(b_.runs[blk.runs.begin].text), i, static_cast<uint8_t>(level));
        else
            anchor(Part::Body, joined, i, static_cast<uint8_t>(level));
        const TextStyle ts = st(role);
        emit(c, TextAlign::Left, ts.line, false, i, Part::Body);
        close(0.45f * B_);
        return top;
    }

    float quote(uint32_t i, const Ctx& c) {
        const float top = open(para_gap(c) > 0 ? para_gap(c) : 0.5f * B_);
        flush_marker_at_top();
        const float bar_w = std::max(2.0f, std::round(0.2f * B_));
        const float indent = bar_w + 0.9f * B_;
        Item bar;
        bar.kind = ItemKind::Rect;
        bar.x = c.x;
        bar.y = top;
        bar.w = bar_w;
        bar.ink = Ink::QuoteBar;
        bar.block = i;
        bar.part = Part::Body;
        const uint32_t bar_index = out_.add(bar);
        Ctx inner{c.x + indent, std::max(1.0f, c.w - indent), c.lists, false};
        container_start_ = true;
        children(i + 1, b_.blocks[i].subtree_end, inner);
        container_start_ = false;
        out_.item(bar_index).h = y_ - top;
        close(para_gap(c) > 0 ? para_gap(c) : 0.5f * B_);
        return top;
    }

    float list(uint32_t i, const Ctx& c) {
        const Block& blk = b_.blocks[i];
        const float item_gap = blk.tight ? 0.3f * B_ : 0.8f * B_;
        const float top = open(c.tight ? 0.3f * B_ : para_gap(c));
        uint32_t count = 0;
        for (uint32_t k = i + 1; k < blk.subtree_end && k < b_.blocks.size();) {
            if (b_.blocks[k].kind == BlockKind::ListItem) ++count;
            const uint32_t next = b_.blocks[k].subtree_end;
            k = next > k ? next : k + 1;
        }
        bool any_task = false;
        for (uint32_t k = i + 1; k < blk.subtree_end && k < b_.blocks.size(); k = std::max(k + 1, b_.blocks[k].subtree_end))
            any_task = any_task || b_.blocks[k].task != TaskState::None;
        const TextStyle marker_style = st(TextRole::ListMarker);
        const float gap = 0.45f * B_;
        float indent = any_task ? 1.8f * B_ : 1.5f * B_;
        if (blk.ordered) {
            const std::string widest = std::to_string(static_cast<uint64_t>(blk.start) + (count > 0 ? count - 1 : 0)) + ".";
            indent = std::max(1.75f * B_, m_.width(marker_style.face, marker_style.size, widest) + gap + 0.2f * B_);
        }
        indent = std::min(indent, 0.5f * c.w);
        const Ctx inner{c.x + indent, std::max(1.0f, c.w - indent), c.lists + 1, blk.tight};
        uint32_t n = 0;
        for (uint32_t k = i + 1; k < blk.subtree_end && k < b_.blocks.size();) {
            const Block& item = b_.blocks[k];
            const uint32_t next = item.subtree_end > k ? item.subtree_end : k + 1;
            if (item.kind != BlockKind::ListItem) {
                block(k, inner);
                k = next;
                continue;
            }
            if (n > 0) close(item_gap);
            const float item_top = open(0);
            marker_ = Marker{};
            marker_.active = true;
            marker_.right = inner.x - gap;
            marker_.block = k;
            if (item.task != TaskState::None) {
                marker_.kind = ItemKind::CheckBox;
                marker_.flags = item.task == TaskState::Done ? kItemChecked : 0;
            } else if (blk.ordered) {
                marker_.kind = ItemKind::Text;
                marker_.number = std::to_string(static_cast<uint64_t>(blk.start) + n) + ".";
            } else {
                marker_.kind = ItemKind::Bullet;
                const uint32_t shape = c.lists % 3;
                marker_.flags = shape == 0 ? kBulletDisc : shape == 1 ? kBulletCircle : kBulletSquare;
            }
            container_start_ = true;
            const size_t first_item = out_.items().size();
            children(k + 1, item.subtree_end, inner);
            container_start_ = false;
            if (marker_.active) {  // an empty item: its marker on a line of its own
                flush_marker_at_top();
                y_ += st(TextRole::Body).line;
            }
            float span_top = item_top;
            if (out_.items().size() > first_item) span_top = std::min(span_top, out_.items()[first_item].y);
            out_.set_block_span(k, span_top, y_);
            ++n;
            k = next;
        }
        close(c.tight ? 0.3f * B_ : para_gap(c));
        return top;
    }

    float code(uint32_t i, const Ctx& c) {
        const Block& blk = b_.blocks[i];
        const float top = open(para_gap(c) > 0 ? para_gap(c) : 0.5f * B_);
        flush_marker_at_top();
        const TextStyle ts = st(TextRole::CodeBlock);
        const float pad = 0.6f * B_;
        Item bg;
        bg.kind = ItemKind::Rect;
        bg.x = c.x;
        bg.y = top;
        bg.w = c.w;
        bg.ink = Ink::CodeBackground;
        bg.block = i;
        bg.part = Part::Body;
        const uint32_t bg_index = out_.add(bg);
        y_ += pad;
        const std::string_view text = b_.str(blk.code);
        const Ctx inner{c.x + pad, std::max(1.0f, c.w - 2 * pad), c.lists, c.tight};
        size_t a = 0;
        while (a <= text.size() && !text.empty()) {
            size_t e = text.find('\n', a);
            if (e == std::string_view::npos) e = text.size();
            const std::string_view line = text.substr(a, e - a);
            if (line.empty() || line == "\r") {
                y_ += ts.line;
            } else {
                pieces_.clear();
                Piece p = make_piece(out_, line, ts);
                pieces_.push_back(p);
                emit(inner, TextAlign::Left, ts.line, true, i, Part::Body, s_.wrap_code ? inner.w : 0.0f);
            }
            if (e == text.size()) break;
            a = e + 1;
        }
        y_ += pad;
        out_.item(bg_index).h = y_ - top;
        close(para_gap(c) > 0 ? para_gap(c) : 0.5f * B_);
        return top;
    }

    float rule(const Ctx& c) {
        const float top = open(1.4f * B_);
        flush_marker_at_top();
        Item it;
        it.kind = ItemKind::Rect;
        it.x = c.x;
        it.y = y_;
        it.w = c.w;
        it.h = std::max(1.0f, std::round(B_ / 18.0f));
        it.ink = Ink::Rule;
        it.part = Part::Body;
        out_.add(it);
        y_ += it.h;
        close(1.4f * B_);
        return top;
    }

    float table(uint32_t ti, const Ctx& c) {
        const Block& tb = b_.blocks[ti];
        const float top = open(para_gap(c) > 0 ? para_gap(c) : 0.5f * B_);
        flush_marker_at_top();
        // Rows and their cells.
        std::vector<uint32_t> rows;
        std::vector<std::vector<uint32_t>> cells;
        size_t ncols = tb.columns;
        for (uint32_t r = ti + 1; r < tb.subtree_end && r < b_.blocks.size();) {
            const Block& row = b_.blocks[r];
            const uint32_t next = row.subtree_end > r ? row.subtree_end : r + 1;
            if (row.kind == BlockKind::TableRow) {
                rows.push_back(r);
                cells.emplace_back();
                for (uint32_t k = r + 1; k < row.subtree_end && k < b_.blocks.size();) {
                    if (b_.blocks[k].kind == BlockKind::TableCell) cells.back().push_back(k);
                    const uint32_t kn = b_.blocks[k].subtree_end;
                    k = kn > k ? kn : k + 1;
                }
                ncols = std::max(ncols, cells.back().size());
            }
            r = next;
        }
        if (rows.empty() || ncols == 0) return top;
        const float pad_x = 0.5f * B_, pad_y = 0.35f * B_;
        auto cell_pieces = [&](uint32_t cell) {
            const Block& cb = b_.blocks[cell];
            pieces_.clear();
            const uint16_t extra = cb.header ? kStyleStrong : 0;
            const uint32_t end = std::min<uint32_t>(cb.runs.end, static_cast<uint32_t>(b_.runs.size()));
            for (uint32_t r = cb.runs.begin; r < end; ++r) {
                Run run = b_.runs[r];
                run.style = static_cast<uint16_t>(run.style | extra);
                add_run_pieces(run, TextRole::Table, true);
            }
        };
        // Column widths: content widths when they fit, else shrink towards the
        // longest words, else share the width in proportion to the longest words.
        std::vector<float> mins(ncols, 0), maxs(ncols, 0);
        for (const auto& row : cells) {
            for (size_t k = 0; k < row.size(); ++k) {
                cell_pieces(row[k]);
                const IntrinsicWidths iw = br_.measure(pieces_);
                mins[k] = std::max(mins[k], iw.min + 2 * pad_x);
                maxs[k] = std::max(maxs[k], iw.max + 2 * pad_x);
            }
        }
        float sum_min = 0, sum_max = 0;
        for (size_t k = 0; k < ncols; ++k) {
            mins[k] = std::max(mins[k], 2 * pad_x + 1);
            maxs[k] = std::max(maxs[k], mins[k]);
            sum_min += mins[k];
            sum_max += maxs[k];
        }
        std::vector<float> widths(ncols);
        for (size_t k = 0; k < ncols; ++k) {
            if (sum_max <= c.w) widths[k] = maxs[k];
            else if (sum_min <= c.w) widths[k] = mins[k] + (maxs[k] - mins[k]) * (c.w - sum_min) / std::max(1e-3f, sum_max - sum_min);
            else widths[k] = c.w * mins[k] / sum_min;
        }
        float table_w = 0;
        for (const float w : widths) table_w += w;
        const float border = std::max(1.0f, std::round(B_ / 18.0f));
        auto rule_at = [&](float y, float h) {
            Item it;
            it.kind = ItemKind::Rect;
            it.x = c.x;
            it.y = y;
            it.w = table_w;
            it.h = h;
            it.ink = Ink::TableBorder;
            it.block = ti;
            it.part = Part::Body;
            out_.add(it);
        };
        rule_at(y_, border);
        y_ += border;
        for (size_t r = 0; r < rows.size(); ++r) {
            const float row_top = y_;
            const bool header = b_.blocks[rows[r]].header;
            uint32_t bg_index = kNone;
            if (header) {
                Item bg;
                bg.kind = ItemKind::Rect;
                bg.x = c.x;
                bg.y = row_top;
                bg.w = table_w;
                bg.ink = Ink::TableHeaderBackground;
                bg.block = rows[r];
                bg.part = Part::Body;
                bg_index = out_.add(bg);
            }
            float row_bottom = row_top;
            float cx = c.x;
            for (size_t k = 0; k < cells[r].size(); ++k) {
                const uint32_t cell = cells[r][k];
                y_ = row_top + pad_y;
                cell_pieces(cell);
                const TextStyle ts = st(TextRole::Table);
                TextAlign align = TextAlign::Left;
                if (b_.blocks[cell].align == Align::Center) align = TextAlign::Center;
                else if (b_.blocks[cell].align == Align::Right) align = TextAlign::Right;
                const Ctx cc{cx + pad_x, std::max(1.0f, widths[k] - 2 * pad_x), c.lists, false};
                emit(cc, align, ts.line, false, cell, Part::Body);
                out_.set_block_span(cell, row_top, y_ + pad_y);
                row_bottom = std::max(row_bottom, y_ + pad_y);
                cx += widths[k];
            }
            row_bottom = std::max(row_bottom, row_top + st(TextRole::Table).line + 2 * pad_y);
            if (bg_index != kNone) out_.item(bg_index).h = row_bottom - row_top;
            y_ = row_bottom;
            out_.set_block_span(rows[r], row_top, y_);
            const float h = header ? 2 * border : border;
            rule_at(y_, h);
            y_ += h;
        }
        close(para_gap(c) > 0 ? para_gap(c) : 0.5f * B_);
        return top;
    }

    const Bundle& b_;
    const Article& a_;
    const ArticleTexts& t_;
    const LayoutSettings& s_;
    const ImageSizes* sizes_;
    LineBreaker& br_;
    const TextMeasurer& m_;
    DisplayList& out_;
    const float B_;                // body size, the unit of spacing
    float y_ = 0;
    float pending_ = 0;            // space owed below the previous block
    bool container_start_ = false; // the next block opens a quote / list item: no space above it
    Marker marker_;
    std::vector<Piece> pieces_;
};

}  // namespace

// ------------------------------------------------------------------ texts_from_model
ArticleTexts texts_from_model(const Bundle& bundle, const Article& article) {
    ArticleTexts t;
    t.title = bundle.str(article.title);
    t.subtitle = bundle.str(article.subtitle);
    t.lead = bundle.str(article.lead);
    for (const Str& a : article.authors) if (!a.empty()) t.authors.push_back(bundle.str(a));
    for (const Str& tag : article.tags) if (!tag.empty()) t.tags.push_back(bundle.str(tag));
    t.source = bundle.str(article.source);
    return t;
}

// ------------------------------------------------------------------ ArticleLayout
ArticleLayout::ArticleLayout(const Bundle& bundle, uint32_t article, const FontMetrics& metrics)
    : bundle_(bundle), article_(article), metrics_(metrics),
      measurer_(std::make_unique<TextMeasurer>(metrics)),
      breaker_(std::make_unique<LineBreaker>(*measurer_)) {
    if (article_ < bundle_.articles.size()) texts_ = texts_from_model(bundle_, bundle_.articles[article_]);
}

ArticleLayout::~ArticleLayout() = default;

void ArticleLayout::set_texts(const ArticleTexts& texts) {
    std::deque<std::string> copies;
    const char* base = bundle_.text.data();
    auto keep = [&](std::string_view s) -> std::string_view {
        if (s.empty()) return {};
        if (s.data() >= base && s.data() + s.size() <= base + bundle_.text.size()) return s;
        return copies.emplace_back(s);
    };
    ArticleTexts t = texts;
    t.category = keep(t.category);
    t.dateline = keep(t.dateline);
    t.title = keep(t.title);
    t.subtitle = keep(t.subtitle);
    t.meta = keep(t.meta);
    t.lead = keep(t.lead);
    for (auto& a : t.authors) a = keep(a);
    t.tags_label = keep(t.tags_label);
    for (auto& tag : t.tags) tag = keep(tag);
    t.source = keep(t.source);
    texts_ = std::move(t);
    text_copies_ = std::move(copies);  // moving a deque keeps its elements in place
    valid_ = false;
}

void ArticleLayout::set_image_sizes(const ImageSizes* sizes) {
    sizes_ = sizes;
    valid_ = false;
}

void ArticleLayout::invalidate() { valid_ = false; }

const DisplayList& ArticleLayout::layout(const LayoutSettings& settings) {
    if (measurer_->generation() != metrics_.generation()) {
        measurer_ = std::make_unique<TextMeasurer>(metrics_);
        breaker_ = std::make_unique<LineBreaker>(*measurer_);
        valid_ = false;
    }
    const uint64_t sizes_gen = sizes_ ? sizes_->generation() : 0;
    if (valid_ && settings == last_settings_ && sizes_gen == last_sizes_generation_) return list_;
    list_.clear(bundle_.text);
    if (article_ < bundle_.articles.size()) {
        Builder builder(bundle_, bundle_.articles[article_], texts_, settings, sizes_, *breaker_, list_);
        builder.run();
    } else {
        list_.finish(0);
    }
    valid_ = true;
    last_settings_ = settings;
    last_sizes_generation_ = sizes_gen;
    ++layout_count_;
    return list_;
}

// ------------------------------------------------------------------ plain text
float layout_text(DisplayList& out, LineBreaker& breaker, std::string_view text, const TextStyle& style,
                  float x, float y, float width, Part part) {
    if (text.empty()) return y;
    const Piece p = make_piece(out, text, style);
    return emit_lines(out, breaker, std::span<const Piece>(&p, 1), x, y, width, style.align, style.line, false, kNone,
                      part, [](float, float, float) {});
}

}  // namespace reader::layout
