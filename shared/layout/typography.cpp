// The typographic scale of the reading view (see typography.h).
#include "layout/typography.h"

#include "model/document.h"

namespace reader::layout {
namespace {

// How a role looks, relative to the body size. `body_family` = serif or sans by setting.
struct RoleSpec {
    float size;        // × body size
    float line;        // × own size; 0 = the reader's line height setting
    bool body_family;  // follows the serif/sans setting; otherwise sans
    bool bold;
    bool italic;
    Ink ink;
    TextAlign align;
};

RoleSpec spec(TextRole role) {
    switch (role) {
        case TextRole::Body:        return {1.0f, 0, true, false, false, Ink::Text, TextAlign::Left};
        case TextRole::Lead:        return {1.1f, 0, true, true, false, Ink::Lead, TextAlign::Left};
        case TextRole::Title:       return {1.9f, 1.25f, true, true, false, Ink::Heading, TextAlign::Left};
        case TextRole::Subtitle:    return {1.25f, 1.35f, true, false, true, Ink::Muted, TextAlign::Left};
        case TextRole::Category:    return {0.8f, 1.4f, false, true, false, Ink::Accent, TextAlign::Left};
        case TextRole::Meta:        return {0.85f, 1.4f, false, false, false, Ink::Muted, TextAlign::Left};
        case TextRole::Heading1:    return {1.6f, 1.25f, true, true, false, Ink::Heading, TextAlign::Left};
        case TextRole::Heading2:    return {1.4f, 1.3f, true, true, false, Ink::Heading, TextAlign::Left};
        case TextRole::Heading3:    return {1.2f, 1.3f, true, true, false, Ink::Heading, TextAlign::Left};
        case TextRole::Heading4:    return {1.05f, 1.35f, true, true, false, Ink::Heading, TextAlign::Left};
        case TextRole::Heading5:    return {1.0f, 1.4f, true, true, true, Ink::Heading, TextAlign::Left};
        case TextRole::Heading6:    return {0.9f, 1.4f, true, true, false, Ink::Muted, TextAlign::Left};
        case TextRole::Caption:     return {0.85f, 1.45f, false, false, true, Ink::Muted, TextAlign::Center};
        case TextRole::Credit:      return {0.8f, 1.4f, false, false, false, Ink::Muted, TextAlign::Right};
        case TextRole::Signature:   return {1.0f, 0, true, true, false, Ink::Text, TextAlign::Right};
        case TextRole::Tag:         return {0.8f, 1.3f, false, false, false, Ink::Text, TextAlign::Left};
        case TextRole::Source:      return {0.85f, 1.4f, false, false, true, Ink::Muted, TextAlign::Left};
        case TextRole::CodeBlock:   return {0.85f, 1.45f, false, false, false, Ink::Code, TextAlign::Left};
        case TextRole::Table:       return {0.9f, 1.45f, true, false, false, Ink::Text, TextAlign::Left};
        case TextRole::ListMarker:  return {1.0f, 0, true, false, false, Ink::Marker, TextAlign::Right};
        case TextRole::Comment:     return {0.95f, 1.5f, false, false, false, Ink::Text, TextAlign::Left};
        case TextRole::CommentMeta: return {0.8f, 1.4f, false, true, false, Ink::Muted, TextAlign::Left};
        case TextRole::Ui:          return {0.9f, 1.4f, false, false, false, Ink::Text, TextAlign::Left};
    }
    return {1.0f, 0, true, false, false, Ink::Text, TextAlign::Left};
}

}  // namespace

TextStyle text_style(TextRole role, uint16_t run_style, const LayoutSettings& settings) {
    const RoleSpec r = spec(role);
    TextStyle s;
    const float base = body_size(settings);
    s.size = base * r.size;
    s.line = s.size * (r.line > 0 ? r.line : settings.line_height);
    const bool code = (run_style & kStyleCode) != 0 || role == TextRole::CodeBlock;
    const Family family = code ? Family::Mono
                               : (r.body_family ? (settings.serif ? Family::Serif : Family::Sans) : Family::Sans);
    const bool bold = r.bold || (run_style & kStyleStrong) != 0;
    const bool italic = r.italic != ((run_style & kStyleEmphasis) != 0);  // emphasis inside italic text turns upright
    s.face = face_of(family, bold, italic);
    if (code && role != TextRole::CodeBlock) s.size *= 0.9f;  // monospace looks larger than text at the same size
    s.ink = r.ink;
    if (run_style & kStyleLink) s.ink = Ink::Link;
    else if (code) s.ink = Ink::Code;
    s.style = run_style;
    s.align = r.align;
    return s;
}

}  // namespace reader::layout
