// Reading settings and the typographic scale: the one place that decides which
// face, size, line height and colour role every kind of text gets.
//
// The app changes LayoutSettings (font size, serif/sans, line height, column width,
// justification); everything else follows from text_style(role, run style, settings).
#pragma once

#include <cstdint>

#include "layout/font_metrics.h"

namespace reader::layout {

// Colour roles: the app maps each to a colour of the current theme.
enum class Ink : uint8_t {
    Text,                   // body text
    Muted,                  // dateline, meta, captions, credits, source
    Heading,                // title and headings
    Accent,                 // category label
    Lead,                   // the lead paragraph
    Link,                   // link text (underlined: see kStyleLink on the item)
    Code,                   // code text (inline and blocks)
    CodeBackground,         // behind code blocks (inline code: drawn by the app behind kStyleCode text)
    QuoteBar,               // the bar left of a block quote
    Rule,                   // thematic breaks, separators
    TableHeaderBackground,  // behind header rows
    TableBorder,            // lines between table rows
    ImagePlaceholder,       // the reserved image box until the texture arrives
    TagBackground,          // tag chips
    Marker,                 // list bullets, numbers, check boxes
};

enum class TextAlign : uint8_t { Left, Center, Right, Justify };

// What a piece of text is; one entry each in text_style().
enum class TextRole : uint8_t {
    Body,
    Lead,
    Title,
    Subtitle,
    Category,
    Meta,          // dateline, reading time, author line above the body
    Heading1,
    Heading2,
    Heading3,
    Heading4,
    Heading5,
    Heading6,
    Caption,       // image captions
    Credit,        // image credits
    Signature,     // the author's name after the body, right-aligned
    Tag,
    Source,
    CodeBlock,
    Table,
    ListMarker,
    Comment,       // reader comments (laid out by the app with layout_text)
    CommentMeta,   // comment author and time
    Ui,            // any other interface text the app lays out with the engine
};

struct LayoutSettings {
    float width = 680;          // px: the text column (the app picks min(viewport - margins, preferred column))
    float body_px = 18;         // px: body font size at font_scale 1
    float font_scale = 1;       // the reader's font size setting
    float line_height = 1.6f;   // body line height as a factor of the font size
    bool serif = true;          // body family: serif or sans (titles/headings follow it)
    bool justify = false;       // justified body paragraphs (last lines stay ragged)
    bool wrap_code = true;      // wrap long code lines; otherwise they run past `width`
    bool operator==(const LayoutSettings&) const = default;
};

struct TextStyle {
    Face face = Face::SerifRegular;
    float size = 18;            // px
    float line = 28.8f;         // px: line box height
    Ink ink = Ink::Text;
    uint16_t style = 0;         // RunStyle bits (kStyleLink, kStyleCode, ...) to draw decorations
    TextAlign align = TextAlign::Left;
};

// The face/size/line/ink of `role` with the inline style bits `run_style` (RunStyle
// from model/document.h: emphasis → italic, strong → bold, code → Mono, link → Ink::Link).
TextStyle text_style(TextRole role, uint16_t run_style, const LayoutSettings& settings);

// The body size in px after scaling: the unit all spacing is expressed in.
inline float body_size(const LayoutSettings& s) { return s.body_px * s.font_scale; }

}  // namespace reader::layout
