// Article layout: an article of the model → a DisplayList, cached per settings;
// and layout_text() for anything else the app lays out (comment rows, its own sections).
//
// How the app uses it:
//   1. once per article:  ArticleLayout view(bundle, index, metrics);
//                         view.set_texts(texts);   // dateline etc. formatted by the app
//   2. every frame:       const DisplayList& list = view.layout(settings);  // cached
//                         auto [a, b] = list.visible(scroll_y, scroll_y + view_h);
//                         draw list.items()[a..b) offset by (column_x, -scroll_y)
//   3. scrolling to a search match:  list.y_for_text_offset(offset, block)
//      table of contents:            list.anchors() with level > 0
//      clicks / selection:           list.hit_test(x, y, view.measurer())
//   4. sections after the article (related articles, comments): build DisplayLists of
//      their own with layout_text() and draw them below list.height().
// The Bundle and FontMetrics must outlive the ArticleLayout.
//
// Index of this file
//   [SECTION] Inputs from the app
//   [SECTION] ArticleLayout
//   [SECTION] Plain text
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/display_list.h"
#include "layout/font_metrics.h"
#include "layout/line_breaker.h"
#include "layout/typography.h"
#include "model/document.h"

namespace reader::layout {

// ------------------------------------------------------------------ [SECTION] Inputs from the app
// The strings around the body. Strings that point into Bundle::text stay references
// (search matches in them map to y); others are copied by set_texts().
struct ArticleTexts {
    std::string_view category;
    std::string_view dateline;               // "Thứ Tư, ngày 7 tháng 12 năm 2022"
    std::string_view title;
    std::string_view subtitle;
    std::string_view meta;                   // e.g. reading time, shown under the title
    std::string_view lead;                   // "(Thanhuytphcm.vn) - ...", set apart
    std::vector<std::string_view> authors;   // the signature after the body, right-aligned, joined by ", "
    std::string_view tags_label;             // e.g. "Từ khóa:"
    std::vector<std::string_view> tags;
    std::string_view source;                 // e.g. "Nguồn: ..."
    bool hero = true;                        // show Article::image (caption, credit)
    bool hero_before_lead = true;            // the portal's order: photo, then the lead
};

// Title, subtitle, lead, authors, tags and source taken from the model (no dateline,
// category, meta or labels: those are formatted by the app).
ArticleTexts texts_from_model(const Bundle& bundle, const Article& article);

// Natural pixel sizes of images the app has loaded, so boxes get the right aspect.
// Layout asks only for images without a declared size; bump generation() when a new
// size becomes known (the next layout() then recomputes).
class ImageSizes {
public:
    virtual ~ImageSizes() = default;
    virtual bool natural_size(std::string_view src, float& width, float& height) const = 0;
    virtual uint64_t generation() const = 0;
};

// ------------------------------------------------------------------ [SECTION] ArticleLayout
class ArticleLayout {
public:
    ArticleLayout(const Bundle& bundle, uint32_t article, const FontMetrics& metrics);
    ~ArticleLayout();

    void set_texts(const ArticleTexts& texts);          // copied; the next layout() recomputes
    void set_image_sizes(const ImageSizes* sizes);      // may be null; kept by pointer

    // The article laid out for `settings`. Recomputed only when the settings, texts,
    // image sizes' generation or the fonts' generation changed since the last call;
    // the reference stays the same object (its contents change on recomputation).
    const DisplayList& layout(const LayoutSettings& settings);
    void invalidate();                                   // force the next layout() to recompute

    const TextMeasurer& measurer() const { return *measurer_; }
    uint32_t layout_count() const { return layout_count_; }  // computations so far (cache hits excluded)

private:
    const Bundle& bundle_;
    uint32_t article_;
    const FontMetrics& metrics_;
    std::unique_ptr<TextMeasurer> measurer_;
    std::unique_ptr<LineBreaker> breaker_;
    ArticleTexts texts_;
    std::deque<std::string> text_copies_;                // backing store of texts_ not in the bundle
    const ImageSizes* sizes_ = nullptr;
    DisplayList list_;
    bool valid_ = false;
    LayoutSettings last_settings_;
    uint64_t last_sizes_generation_ = 0;
    uint32_t layout_count_ = 0;
};

// ------------------------------------------------------------------ [SECTION] Plain text
// Lays out plain text ('\n' = line break) at (x, y) in `width`, appending Text items
// to `out`; returns the y below the last line. For comment rows, related-article
// titles, anything the app shows with the reader's typography. Call out.finish()
// when done adding. Text inside the bundle's arena is referenced, other text copied.
float layout_text(DisplayList& out, LineBreaker& breaker, std::string_view text, const TextStyle& style,
                  float x, float y, float width, Part part = Part::Other);

}  // namespace reader::layout
