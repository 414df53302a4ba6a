// See display_list_painter.h.
#include "views/display_list_painter.h"

#include <algorithm>

#include "fonts.h"
#include "model/document.h"
#include "theme.h"

namespace views {

using reader::layout::Ink;
using reader::layout::Item;
using reader::layout::ItemKind;

ImU32 ink_color(Ink ink) {
    const theme::Palette& p = theme::palette();
    switch (ink) {
        case Ink::Text: return p.text;
        case Ink::Muted: return p.muted;
        case Ink::Heading: return p.text;
        case Ink::Accent: return p.accent;
        case Ink::Lead: return p.text;
        case Ink::Link: return p.link;
        case Ink::Code: return p.text;
        case Ink::CodeBackground: return p.panel;
        case Ink::QuoteBar: return p.rule;
        case Ink::Rule: return p.rule;
        case Ink::TableHeaderBackground: return p.panel;
        case Ink::TableBorder: return p.rule;
        case Ink::ImagePlaceholder: return p.panel;
        case Ink::TagBackground: return p.panel;
        case Ink::Marker: return p.muted;
    }
    return p.text;
}

namespace {

void draw_text(ImDrawList* dl, const reader::layout::DisplayList& list, const reader::layout::TextMeasurer& m,
               const Item& it, ImVec2 o, bool hovered) {
    const std::string_view text = list.text(it);
    ImFont* font = fonts::font_for(it.face, it.size);
    const ImU32 col = ink_color(it.ink);
    if (it.style & reader::kStyleCode) {
        dl->AddRectFilled(ImVec2(o.x + it.x - 2, o.y + it.y + 1), ImVec2(o.x + it.x + it.w + 2, o.y + it.y + it.h - 1),
                          ink_color(Ink::CodeBackground), 3.0f);
    }
    reader::layout::for_each_word(it, text, m, [&](float x, std::string_view word) {
        dl->AddText(font, it.size, ImVec2(o.x + x, o.y + it.text_y), col, word.data(), word.data() + word.size());
    });
    reader::layout::Rect deco[2];
    const int n = reader::layout::decoration_rects(it, deco);
    for (int i = 0; i < n; ++i) {
        const auto& r = deco[i];
        const bool link_line = (it.style & reader::kStyleLink) != 0;
        if (link_line && !hovered) {
            // Links: a thinner, softer underline until hovered.
            dl->AddRectFilled(ImVec2(o.x + r.x, o.y + r.y), ImVec2(o.x + r.x + r.w, o.y + r.y + std::max(1.0f, r.h * 0.6f)),
                              (col & 0x00FFFFFF) | 0x90000000);
        } else {
            dl->AddRectFilled(ImVec2(o.x + r.x, o.y + r.y), ImVec2(o.x + r.x + r.w, o.y + r.y + r.h), col);
        }
    }
}

// Highlight boxes behind a Text item for the ranges that overlap its bytes.
void draw_highlights(ImDrawList* dl, const reader::layout::DisplayList& list, const reader::layout::TextMeasurer& m,
                     const Item& it, ImVec2 o, std::span<const Highlight> hl) {
    if (hl.empty() || (it.flags & reader::layout::kItemOwnedText)) return;
    const uint32_t a = it.text_off, b = it.text_off + it.text_len;
    // First highlight that ends after the item starts.
    auto lo = std::lower_bound(hl.begin(), hl.end(), a, [](const Highlight& h, uint32_t v) { return h.off + h.len <= v; });
    const std::string_view text = list.text(it);
    const theme::Palette& pal = theme::palette();
    for (auto h = lo; h != hl.end() && h->off < b; ++h) {
        const uint32_t s0 = std::max(h->off, a) - a, s1 = std::min(h->off + h->len, b) - a;
        if (s0 >= s1) continue;
        auto x_at = [&](uint32_t byte) {
            const std::string_view pre = text.substr(0, byte);
            float x = m.width(it.face, it.size, pre);
            if (it.space_extra > 0) x += it.space_extra * static_cast<float>(std::count(pre.begin(), pre.end(), ' '));
            return it.x + x;
        };
        const float x0 = x_at(s0), x1 = x_at(s1);
        const ImU32 col = h->current ? pal.accent : pal.highlight;
        dl->AddRectFilled(ImVec2(o.x + x0 - 1, o.y + it.y + 1), ImVec2(o.x + x1 + 1, o.y + it.y + it.h - 1),
                          h->current ? ((col & 0x00FFFFFF) | 0x70000000) : col, 2.0f);
    }
}

}  // namespace

void paint(ImDrawList* dl, const reader::layout::DisplayList& list, const reader::layout::TextMeasurer& m,
           ImVec2 o, uint32_t first, uint32_t last, uint32_t hovered_link, std::span<const Highlight> highlights) {
    const auto& items = list.items();
    for (uint32_t i = first; i < last && i < items.size(); ++i) {
        const Item& it = items[i];
        const ImVec2 a(o.x + it.x, o.y + it.y);
        const ImVec2 b(a.x + it.w, a.y + it.h);
        switch (it.kind) {
            case ItemKind::Text:
                draw_highlights(dl, list, m, it, o, highlights);
                draw_text(dl, list, m, it, o, it.link != reader::layout::kNone && it.link == hovered_link);
                break;
            case ItemKind::Rect:
                dl->AddRectFilled(a, b, ink_color(it.ink), it.ink == Ink::TagBackground ? 4.0f : 0.0f);
                break;
            case ItemKind::Image: {
                // Images arrive with the image issue's texture cache; until then (and on
                // failure) the reserved box shows the alt text.
                dl->AddRectFilled(a, b, ink_color(Ink::ImagePlaceholder));
                const auto& box = list.images()[it.text_off];
                const std::string_view alt = list.alt(box);
                if (!alt.empty()) {
                    ImFont* f = fonts::ui();
                    const float px = fonts::ui_px();
                    const ImVec2 sz = f->CalcTextSizeA(px, it.w - 24, it.w - 24, alt.data(), alt.data() + alt.size());
                    dl->AddText(f, px, ImVec2(a.x + (it.w - sz.x) * 0.5f, a.y + (it.h - sz.y) * 0.5f), ink_color(Ink::Muted),
                                alt.data(), alt.data() + alt.size(), it.w - 24);
                }
                break;
            }
            case ItemKind::Bullet: {
                const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
                const float r = std::min(it.w, it.h) * 0.5f;
                const ImU32 col = ink_color(it.ink);
                if (it.flags & reader::layout::kBulletCircle) dl->AddCircle(c, r, col, 12, 1.2f);
                else if (it.flags & reader::layout::kBulletSquare) dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col);
                else dl->AddCircleFilled(c, r, col, 12);
                break;
            }
            case ItemKind::CheckBox: {
                const ImU32 col = ink_color(it.ink);
                dl->AddRect(a, b, col, 2.0f, 0, 1.4f);
                if (it.flags & reader::layout::kItemChecked) {
                    const float w = it.w, h = it.h;
                    dl->AddLine(ImVec2(a.x + w * 0.2f, a.y + h * 0.55f), ImVec2(a.x + w * 0.42f, a.y + h * 0.78f), col, 2.0f);
                    dl->AddLine(ImVec2(a.x + w * 0.42f, a.y + h * 0.78f), ImVec2(a.x + w * 0.82f, a.y + h * 0.25f), col, 2.0f);
                }
                break;
            }
        }
    }
}

}  // namespace views
