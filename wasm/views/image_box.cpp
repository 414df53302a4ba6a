// See image_box.h. The icon is drawn with shapes: the shipped fonts hold only text glyphs.
#include "views/image_box.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "app.h"
#include "fonts.h"
#include "i18n/strings.h"
#include "image_cache.h"
#include "theme.h"
#include "web_platform.h"

namespace views {
namespace {

namespace L = reader::layout;

// A picture frame with a hill and a sun; `broken` adds a crack through it.
void picture_icon(ImDrawList* dl, ImVec2 c, float s, ImU32 col, bool broken) {
    const ImVec2 a(c.x - s * 0.5f, c.y - s * 0.38f), b(c.x + s * 0.5f, c.y + s * 0.38f);
    const float t = std::max(1.5f, s * 0.06f);
    dl->AddRect(a, b, col, s * 0.08f, 0, t);
    dl->AddCircleFilled(ImVec2(a.x + s * 0.28f, a.y + s * 0.26f), s * 0.08f, col, 16);
    const ImVec2 hill[] = {{a.x + s * 0.1f, b.y - s * 0.1f}, {a.x + s * 0.38f, c.y - s * 0.02f},
                           {a.x + s * 0.55f, c.y + s * 0.14f}, {a.x + s * 0.7f, c.y - s * 0.1f},
                           {b.x - s * 0.1f, b.y - s * 0.1f}};
    dl->AddPolyline(hill, 5, col, 0, t);
    if (broken) {
        const ImU32 bg = theme::palette().panel;
        const ImVec2 crack[] = {{c.x + s * 0.12f, a.y - t}, {c.x - s * 0.02f, c.y - s * 0.08f},
                                {c.x + s * 0.1f, c.y + s * 0.06f}, {c.x - s * 0.04f, b.y + t}};
        dl->AddPolyline(crack, 4, bg, 0, t * 2.2f);
    }
}

// Text centred in a width, wrapped; returns its height (only measures when dl is null).
float centred_text(ImDrawList* dl, ImFont* f, float px, float x, float y, float w, ImU32 col, std::string_view s) {
    if (s.empty() || w < 20) return 0;
    const char* end = s.data() + s.size();
    float h = 0;
    // Line by line, so each line is centred on its own.
    const char* p = s.data();
    while (p < end) {
        const char* line_end = f->CalcWordWrapPositionA(px / f->FontSize, p, end, w);
        if (line_end == p) line_end = p + 1;
        const ImVec2 sz = f->CalcTextSizeA(px, FLT_MAX, 0, p, line_end);
        if (dl) dl->AddText(f, px, ImVec2(x + (w - sz.x) * 0.5f, y + h), col, p, line_end);
        h += px * 1.3f;
        p = line_end;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
    }
    return h;
}

// Device pixels to decode an image drawn `css_w` wide at: the box at the screen's
// pixel ratio, in steps.
int wanted_px(float css_w) {
    const float px = css_w * web_platform::viewport().dpr;
    const int step = images::kWidthStepPx;
    return std::min(images::kMaxTexturePx, (static_cast<int>(std::ceil(px)) + step - 1) / step * step);
}

void failed_box(App& app, ImDrawList* dl, ImVec2 a, ImVec2 b, std::string_view alt) {
    const theme::Palette& pal = theme::palette();
    const float w = b.x - a.x, h = b.y - a.y;
    dl->AddRectFilled(a, b, pal.panel);
    dl->AddRect(a, b, pal.rule, 0, 0, 1.0f);
    ImFont* f = fonts::ui();
    ImFont* fb = fonts::ui_bold();
    const float px = fonts::ui_px();
    const std::string_view failed = reader::i18n::tr(app.lang(), reader::i18n::StringId::ImageFailed);
    const float icon = std::clamp(std::min(w, h) * 0.22f, 20.0f, 56.0f);
    const float text_w = w - 32;
    // Measure first so the group is centred vertically.
    const float total = icon + 10 + centred_text(nullptr, fb, px, 0, 0, text_w, 0, alt) + 4 +
                        centred_text(nullptr, f, px, 0, 0, text_w, 0, failed);
    float y = a.y + std::max(8.0f, (h - total) * 0.5f);
    picture_icon(dl, ImVec2(a.x + w * 0.5f, y + icon * 0.5f), icon, pal.muted, true);
    y += icon + 10;
    // Clip: a small box shows what fits.
    dl->PushClipRect(a, b, true);
    y += centred_text(dl, fb, px, a.x + 16, y, text_w, pal.text, alt) + 4;
    centred_text(dl, f, px, a.x + 16, y, text_w, pal.muted, failed);
    dl->PopClipRect();
}

}  // namespace

void draw_images(App& app, ImDrawList* dl, const L::DisplayList& list, ImVec2 origin, uint32_t first, uint32_t last) {
    images::Cache& cache = images::cache();
    // The textures of an article are freed when another one opens.
    static int shown_article = -1;
    if (app.ui().article != shown_article) {
        if (shown_article >= 0) cache.release_textures();
        shown_article = app.ui().article;
    }
    cache.begin_frame();

    const theme::Palette& pal = theme::palette();
    const auto& items = list.items();
    const ImVec2 win_min = dl->GetClipRectMin(), win_max = dl->GetClipRectMax();
    for (uint32_t i = first; i < last && i < items.size(); ++i) {
        const L::Item& it = items[i];
        if (it.kind != L::ItemKind::Image || it.text_off >= list.images().size()) continue;
        const L::ImageBox& box = list.images()[it.text_off];
        const ImVec2 a(origin.x + it.x, origin.y + it.y), b(a.x + it.w, a.y + it.h);
        if (b.y < win_min.y || a.y > win_max.y) continue;   // visible() may include a few above
        const std::string_view src = list.src(box);
        if (src.empty()) continue;                          // the painter's alt-text box stays
        images::Image& img = cache.get(src, wanted_px(it.w));
        cache.touch(img);
        img.drawn = true;
        img.drawn_x = a.x;
        img.drawn_y = a.y;
        img.drawn_w = it.w;
        img.drawn_h = it.h;
        switch (img.state) {
            case images::State::Ready: {
                // Fit inside the box keeping the image's aspect (a declared size may differ).
                float w = it.w, h = it.h;
                if (img.width > 0 && img.height > 0) {
                    const float s = std::min(it.w / img.width, it.h / img.height);
                    w = img.width * s;
                    h = img.height * s;
                }
                const ImVec2 p(a.x + (it.w - w) * 0.5f, a.y + (it.h - h) * 0.5f);
                dl->AddRectFilled(a, b, pal.background);   // behind transparent pixels and letterboxing
                // Dark theme: photos a little dimmer, so they do not glare on a dark page.
                const ImU32 tint = pal.dark && theme::current() != theme::Name::Contrast ? IM_COL32(224, 224, 224, 255) : IM_COL32_WHITE;
                dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(img.texture)), p, ImVec2(p.x + w, p.y + h),
                             ImVec2(0, 0), ImVec2(1, 1), tint);
                break;
            }
            case images::State::Failed:
                failed_box(app, dl, a, b, list.alt(box));
                break;
            case images::State::Loading:
            case images::State::Released:
                // A calm neutral box with a faint picture: the space is kept, nothing jumps.
                dl->AddRectFilled(a, b, pal.panel);
                picture_icon(dl, ImVec2(a.x + it.w * 0.5f, a.y + it.h * 0.5f), std::clamp(std::min(it.w, it.h) * 0.18f, 18.0f, 48.0f),
                             (pal.muted & 0x00FFFFFF) | 0x60000000, false);
                break;
        }
    }

    // The screenfuls above and below start loading now, so their images are there when
    // scrolled to (and a size arriving for one above moves the page less often).
    const float view_top = win_min.y - origin.y, view_bottom = win_max.y - origin.y, view_h = view_bottom - view_top;
    const auto [n0, n1] = list.visible(view_top - view_h, view_bottom + view_h);
    for (uint32_t i = n0; i < n1 && i < items.size(); ++i) {
        const L::Item& it = items[i];
        if (it.kind != L::ItemKind::Image || it.text_off >= list.images().size()) continue;
        if (it.y + it.h < view_top - view_h || it.y > view_bottom + view_h) continue;
        const std::string_view src = list.src(list.images()[it.text_off]);
        if (!src.empty()) cache.touch(cache.get(src, wanted_px(it.w)));
    }
    cache.trim(images::kTextureBudgetBytes);
}

}  // namespace views
