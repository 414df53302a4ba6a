// See article_view.h.
#include "views/article_view.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app.h"
#include "fonts.h"
#include "i18n/number_format.h"
#include "i18n/strings.h"
#include "theme.h"
#include "time/date_format.h"
#include "web_platform.h"

namespace views {
namespace {

using reader::Block;
using reader::BlockKind;
using reader::Bundle;
using reader::RunKind;
using reader::i18n::StringId;

void text_wrapped(fonts::Role role, ImU32 color, std::string_view s) {
    ImGui::PushFont(fonts::get(role));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%.*s", static_cast<int>(s.size()), s.data());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// Plain text of a block's inline runs (soft breaks as spaces).
std::string inline_text(const Bundle& b, const Block& blk) {
    std::string out;
    for (uint32_t i = blk.runs.begin; i < blk.runs.end; ++i) {
        const auto& r = b.runs[i];
        switch (r.kind) {
            case RunKind::Text: out += b.str(r.text); break;
            case RunKind::SoftBreak: out += ' '; break;
            case RunKind::HardBreak: out += '\n'; break;
            case RunKind::Image: out += b.str(r.text); break;
        }
    }
    return out;
}

void draw_blocks(const Bundle& b, uint32_t begin, uint32_t end, int depth) {
    const auto& pal = theme::palette();
    for (uint32_t i = begin; i < end;) {
        const Block& blk = b.blocks[i];
        const uint32_t next = std::max(blk.subtree_end, i + 1);
        switch (blk.kind) {
            case BlockKind::Paragraph:
                text_wrapped(fonts::Role::Body, pal.text, inline_text(b, blk));
                ImGui::Dummy(ImVec2(0, fonts::size_px(fonts::Role::Body) * 0.6f));
                break;
            case BlockKind::Heading: {
                const auto role = blk.level <= 1 ? fonts::Role::Heading1 : blk.level == 2 ? fonts::Role::Heading2 : fonts::Role::Heading3;
                text_wrapped(role, pal.text, inline_text(b, blk));
                break;
            }
            case BlockKind::Code:
            case BlockKind::HtmlText:
                text_wrapped(fonts::Role::Mono, pal.muted, b.str(blk.code));
                break;
            case BlockKind::ThematicBreak:
                ImGui::Separator();
                break;
            case BlockKind::List:
            case BlockKind::ListItem:
            case BlockKind::Quote:
            case BlockKind::Table:
            case BlockKind::TableRow:
                ImGui::Indent(blk.kind == BlockKind::ListItem ? 0.0f : 18.0f);
                draw_blocks(b, i + 1, blk.subtree_end, depth + 1);
                ImGui::Unindent(blk.kind == BlockKind::ListItem ? 0.0f : 18.0f);
                break;
            case BlockKind::TableCell:
                text_wrapped(fonts::Role::Body, pal.text, inline_text(b, blk));
                break;
        }
        i = next;
    }
}

}  // namespace

void draw_article(App& app) {
    const Bundle* b = app.bundle();
    if (!b || app.ui().article < 0) return;
    const auto& a = b->articles[static_cast<size_t>(app.ui().article)];
    const auto lang = app.lang();
    const auto& pal = theme::palette();
    const auto& vp = web_platform::viewport();

    const float column = std::min(app.settings().column_px, vp.css_width - 32.0f);
    const float margin = std::max(16.0f, (vp.css_width - column) * 0.5f);
    ImGui::SetCursorPosX(margin);
    ImGui::PushTextWrapPos(margin + column);
    ImGui::Indent(margin);

    ImGui::Dummy(ImVec2(0, 24));
    if (!a.category.empty()) text_wrapped(fonts::Role::UiBold, pal.accent, b->str(a.category));
    if (a.published_unix != 0 || !a.published.empty()) {
        text_wrapped(fonts::Role::UiSmall, pal.muted,
                     reader::datetime::format_dateline(lang, a.published_unix, a.published_offset_min));
    }
    ImGui::Dummy(ImVec2(0, 6));
    text_wrapped(fonts::Role::Title, pal.text, b->str(a.title));
    if (!a.subtitle.empty()) text_wrapped(fonts::Role::Heading3, pal.muted, b->str(a.subtitle));
    ImGui::Dummy(ImVec2(0, 10));

    if (!a.image.src.empty() || !a.image.caption.empty()) {
        // Hero image: space reserved at 16:9 until the picture arrives.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = column * 9.0f / 16.0f;
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + column, p.y + h), pal.panel);
        ImGui::Dummy(ImVec2(column, h));
        if (!a.image.caption.empty()) text_wrapped(fonts::Role::BodyItalic, pal.muted, b->str(a.image.caption));
        ImGui::Dummy(ImVec2(0, 8));
    }
    if (!a.lead.empty()) {
        text_wrapped(fonts::Role::BodyBold, pal.text, b->str(a.lead));
        ImGui::Dummy(ImVec2(0, 10));
    }
    draw_blocks(*b, a.blocks.begin, a.blocks.end, 0);

    for (const auto& author : a.authors) {
        const std::string_view name = b->str(author);
        ImGui::PushFont(fonts::get(fonts::Role::BodyBold));
        const float w = ImGui::CalcTextSize(name.data(), name.data() + name.size()).x;
        ImGui::SetCursorPosX(margin + column - w);
        ImGui::TextUnformatted(name.data(), name.data() + name.size());
        ImGui::PopFont();
    }
    if (!a.source.empty()) {
        text_wrapped(fonts::Role::UiSmall, pal.muted,
                     std::string(reader::i18n::tr(lang, StringId::Source)) + ": " + std::string(b->str(a.source)));
    }
    ImGui::Dummy(ImVec2(0, 24));
    ImGui::Separator();

    // Reader comments (the full section is the comments issue's; this is its frame).
    text_wrapped(fonts::Role::Heading2, pal.text, reader::i18n::tr(lang, StringId::ReaderComments));
    const int64_t total = a.comment_count >= 0 ? std::max<int64_t>(a.comment_count, a.comment_total) : a.comment_total;
    text_wrapped(fonts::Role::Ui, pal.muted, std::string(reader::i18n::tr(lang, StringId::TotalComments)) + ": " +
                 reader::i18n::format_number(lang, total));

    ImGui::Dummy(ImVec2(0, 16));
    text_wrapped(fonts::Role::Heading2, pal.text, reader::i18n::tr(lang, StringId::OtherNews));
    for (size_t i = 0; i < b->articles.size(); ++i) {
        if (static_cast<int>(i) == app.ui().article) continue;
        ImGui::PushFont(fonts::get(fonts::Role::Body));
        ImGui::PushStyleColor(ImGuiCol_Text, pal.link);
        ImGui::PushID(static_cast<int>(i));
        const std::string title(b->str(b->articles[i].title));
        if (ImGui::Selectable(title.c_str(), false, 0, ImVec2(column, 0))) app.open_article(static_cast<int>(i), true);
        ImGui::PopID();
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    if (!b->announcements.empty()) {
        ImGui::Dummy(ImVec2(0, 16));
        text_wrapped(fonts::Role::Heading2, pal.text, reader::i18n::tr(lang, StringId::Announcements));
        for (const auto& an : b->announcements) text_wrapped(fonts::Role::Body, pal.text, b->str(an.title));
    }
    ImGui::Dummy(ImVec2(0, 48));
    ImGui::Unindent(margin);
    ImGui::PopTextWrapPos();
}

}  // namespace views
