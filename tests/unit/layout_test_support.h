// Test helpers for the layout engine: synthetic font metrics with exact widths, and a
// small builder for article bundles (pre-order blocks and runs) without a parser.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/font_metrics.h"
#include "layout/text_scan.h"
#include "model/document.h"

namespace reader::layout::test {

// Every visible character is `char_em` wide (bold faces and Mono: `bold_em`), a space
// `space_em`, a tab four spaces, combining marks and invisible breaks nothing. At
// 10 px with the defaults a letter is 5 px, so expected widths are easy to state.
class FixedMetrics : public FontMetrics {
public:
    explicit FixedMetrics(float char_em = 0.5f, float space_em = 0.5f, float bold_em = 0.6f)
        : char_em_(char_em), space_em_(space_em), bold_em_(bold_em) {}

    float advance(Face face, char32_t c) const override {
        ++calls;
        if (c == ' ') return space_em_;
        if (c == '\t') return 4 * space_em_;
        if (scan::extends_cluster(c) || scan::is_invisible_break(c)) return 0;
        const bool wide = face == Face::Mono || face == Face::SerifBold || face == Face::SansBold ||
                          face == Face::SerifBoldItalic || face == Face::SansBoldItalic;
        return wide ? bold_em_ : char_em_;
    }
    float ascent(Face) const override { return 0.8f; }
    float descent(Face) const override { return 0.2f; }
    uint64_t generation() const override { return generation_; }

    mutable size_t calls = 0;     // advance() calls, to check the measurer's tables
    uint64_t generation_ = 1;

private:
    float char_em_, space_em_, bold_em_;
};

// Varying advances (like a proportional font) for tests that must not depend on
// every letter having the same width.
class ProportionalMetrics : public FontMetrics {
public:
    float advance(Face face, char32_t c) const override {
        if (c == ' ') return 0.27f;
        if (scan::extends_cluster(c) || scan::is_invisible_break(c)) return 0;
        const float bold = (face == Face::SerifBold || face == Face::SansBold) ? 0.05f : 0.0f;
        return 0.35f + static_cast<float>((c * 2654435761u) >> 29) * 0.04f + bold;
    }
    float ascent(Face) const override { return 0.9f; }
    float descent(Face) const override { return 0.25f; }
};

// Builds one article's blocks and runs in a Bundle, in pre-order like the parser.
class BundleBuilder {
public:
    BundleBuilder() {
        b.articles.emplace_back();
        b.articles.back().blocks.begin = 0;
    }

    Str str(std::string_view s) {
        const Str r{static_cast<uint32_t>(b.text.size()), static_cast<uint32_t>(s.size())};
        b.text.append(s);
        return r;
    }
    Article& article() { return b.articles.back(); }

    uint32_t open(BlockKind kind) {
        Block blk;
        blk.kind = kind;
        blk.level = static_cast<uint8_t>(stack_.size());
        blk.runs.begin = blk.runs.end = static_cast<uint32_t>(b.runs.size());
        b.blocks.push_back(blk);
        stack_.push_back(static_cast<uint32_t>(b.blocks.size() - 1));
        return stack_.back();
    }
    Block& current() { return b.blocks[stack_.back()]; }
    void close() {
        b.blocks[stack_.back()].subtree_end = static_cast<uint32_t>(b.blocks.size());
        stack_.pop_back();
    }

    void text(std::string_view s, uint16_t style = kStyleNone, uint32_t link = UINT32_MAX) {
        Run r;
        r.kind = RunKind::Text;
        r.style = link != UINT32_MAX ? static_cast<uint16_t>(style | kStyleLink) : style;
        r.link = link;
        r.text = str(s);
        push(r);
    }
    void soft_break() { Run r; r.kind = RunKind::SoftBreak; push(r); }
    void hard_break() { Run r; r.kind = RunKind::HardBreak; push(r); }
    void image(std::string_view src, std::string_view alt, std::string_view title = {}) {
        Run r;
        r.kind = RunKind::Image;
        r.link = add_link(src, title);
        r.text = str(alt);
        push(r);
    }
    uint32_t add_link(std::string_view href, std::string_view title = {}) {
        Link l;
        l.href = str(href);
        l.title = str(title);
        b.links.push_back(l);
        return static_cast<uint32_t>(b.links.size() - 1);
    }

    uint32_t paragraph(std::string_view s) {
        const uint32_t i = open(BlockKind::Paragraph);
        text(s);
        close();
        return i;
    }
    uint32_t heading(int level, std::string_view s) {
        const uint32_t i = open(BlockKind::Heading);
        current().level = static_cast<uint8_t>(level);
        text(s);
        close();
        return i;
    }
    uint32_t code(std::string_view s) {
        const uint32_t i = open(BlockKind::Code);
        current().code = str(s);
        close();
        return i;
    }

    Bundle& finish() {
        b.articles.back().blocks.end = static_cast<uint32_t>(b.blocks.size());
        return b;
    }

    Bundle b;

private:
    void push(const Run& r) {
        b.runs.push_back(r);
        current().runs.end = static_cast<uint32_t>(b.runs.size());
    }
    std::vector<uint32_t> stack_;
};

}  // namespace reader::layout::test
