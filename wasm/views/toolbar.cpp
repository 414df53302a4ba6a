// See toolbar.h. Icons are drawn with ImDrawList shapes: the shipped fonts hold only
// the text glyphs.
#include "views/toolbar.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app.h"
#include "fonts.h"
#include "i18n/strings.h"
#include "js_bridge.h"
#include "keyboard_focus.h"
#include "theme.h"

namespace views {

using reader::i18n::StringId;
namespace kf = keyboard_focus;

namespace {

// ImGui's last item as a Tab stop of the toolbar (and its settings popup): true when
// the keyboard activates it.
// Takes the widget's own result so that the item is registered whatever it returned.
bool keyed(bool pressed, std::string_view label) { return kf::last_item(kf::Group::Toolbar, label).activated || pressed; }

// A square button with a shape drawn by `icon`; the tooltip names it.
template <typename Icon>
bool icon_button(const char* id, const std::string& label, Icon&& icon) {
    const float s = kToolbarHeight - 8;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, ImVec2(s, s));
    const bool hovered = ImGui::IsItemHovered();
    const kf::Result key = kf::last_item(kf::Group::Toolbar, label);
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered || key.focused) dl->AddRectFilled(p, ImVec2(p.x + s, p.y + s), pal.rule, 6.0f);
    icon(dl, ImVec2(p.x + s * 0.5f, p.y + s * 0.5f), s, pal.text);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", label.c_str());
    }
    return pressed || key.activated;
}

std::string tr(App& app, StringId id) { return std::string(reader::i18n::tr(app.lang(), id)); }

// The page's address is the deep link of what is shown (#article=ID&q=...): shared
// with the Web Share API where the browser has it, else copied (web/app.js shareLink).
void share_current(App& app, bool copy_only) {
    std::string title;
    if (const reader::Bundle* b = app.bundle(); b && app.ui().article >= 0) {
        title = std::string(b->str(b->articles[static_cast<size_t>(app.ui().article)].title));
    }
    js::share_link(title, tr(app, StringId::LinkCopied), copy_only);
}

bool settings_popup(App& app) {
    ReadingSettings& s = app.settings();
    bool changed = false;
    ImGui::PushFont(fonts::ui());
    ImGui::TextUnformatted(tr(app, StringId::ReadingSettings).c_str());
    ImGui::Separator();
    // Font size: A- / A+ in steps, 14..32 px.
    ImGui::TextUnformatted(tr(app, StringId::FontSize).c_str());
    ImGui::SameLine(160);
    if (keyed(ImGui::Button("A−"), tr(app, StringId::FontSize) + " −")) { s.font_px = std::max(14.0f, s.font_px - 1); changed = true; }
    ImGui::SameLine();
    ImGui::Text("%.0f px", s.font_px);
    ImGui::SameLine();
    if (keyed(ImGui::Button("A+"), tr(app, StringId::FontSize) + " +")) { s.font_px = std::min(32.0f, s.font_px + 1); changed = true; }
    ImGui::TextUnformatted(tr(app, StringId::Typeface).c_str());
    ImGui::SameLine(160);
    if (keyed(ImGui::RadioButton(tr(app, StringId::TypefaceSerif).c_str(), s.serif), tr(app, StringId::TypefaceSerif))) { s.serif = true; changed = true; }
    ImGui::SameLine();
    if (keyed(ImGui::RadioButton(tr(app, StringId::TypefaceSans).c_str(), !s.serif), tr(app, StringId::TypefaceSans))) { s.serif = false; changed = true; }
    ImGui::TextUnformatted(tr(app, StringId::LineHeight).c_str());
    ImGui::SameLine(160);
    ImGui::SetNextItemWidth(150);
    changed |= ImGui::SliderFloat("##lh", &s.line_height, 1.2f, 2.2f, "%.2f");
    {
        // From the keyboard: Left / Right change it in steps, like a range input.
        char value[16];
        std::snprintf(value, sizeof value, " %.2f", s.line_height);
        if (kf::last_item(kf::Group::Toolbar, tr(app, StringId::LineHeight) + value).focused && !ImGui::GetIO().KeyShift) {
            const float step = ImGui::IsKeyPressed(ImGuiKey_RightArrow) ? 0.05f : ImGui::IsKeyPressed(ImGuiKey_LeftArrow) ? -0.05f : 0;
            if (step != 0) {
                s.line_height = std::clamp(std::round((s.line_height + step) * 20) / 20, 1.2f, 2.2f);
                changed = true;
            }
        }
    }
    ImGui::TextUnformatted(tr(app, StringId::ColumnWidth).c_str());
    ImGui::SameLine(160);
    const struct { StringId id; float px; } widths[] = {{StringId::WidthNarrow, 560}, {StringId::WidthMedium, 680}, {StringId::WidthWide, 860}};
    for (const auto& w : widths) {
        if (keyed(ImGui::RadioButton(tr(app, w.id).c_str(), s.column_px == w.px), tr(app, StringId::ColumnWidth) + ": " + tr(app, w.id))) { s.column_px = w.px; changed = true; }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    changed |= ImGui::Checkbox(tr(app, StringId::JustifyText).c_str(), &s.justify);
    if (keyed(false, tr(app, StringId::JustifyText))) {
        s.justify = !s.justify;
        changed = true;
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr(app, StringId::Theme).c_str());
    const struct { StringId id; theme::Name name; } themes[] = {
        {StringId::ThemeAuto, theme::Name::Auto}, {StringId::ThemeLight, theme::Name::Light}, {StringId::ThemeSepia, theme::Name::Sepia},
        {StringId::ThemeDark, theme::Name::Dark}, {StringId::ThemeHighContrast, theme::Name::Contrast}};
    for (const auto& t : themes) {
        if (keyed(ImGui::RadioButton(tr(app, t.id).c_str(), s.theme == t.name), tr(app, StringId::Theme) + ": " + tr(app, t.id))) { app.set_theme(t.name); changed = true; }
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr(app, StringId::Language).c_str());
    ImGui::SameLine(160);
    const bool vi = app.lang() == reader::i18n::Lang::Vi;
    if (keyed(ImGui::RadioButton("Tiếng Việt", vi), "Tiếng Việt")) { app.set_lang(reader::i18n::Lang::Vi); changed = true; }
    ImGui::SameLine();
    if (keyed(ImGui::RadioButton("English", !vi), "English")) { app.set_lang(reader::i18n::Lang::En); changed = true; }
    ImGui::Separator();
    if (keyed(ImGui::Button(tr(app, StringId::CopyLink).c_str()), tr(app, StringId::CopyLink))) share_current(app, true);
    ImGui::SameLine();
    if (keyed(ImGui::Button(tr(app, StringId::ResetSettings).c_str()), tr(app, StringId::ResetSettings))) {
        const theme::Name keep = s.theme;
        s = ReadingSettings{};
        s.theme = keep;
        changed = true;
    }
    ImGui::PopFont();
    return changed;
}

}  // namespace

bool draw_toolbar(App& app) {
    const theme::Palette& pal = theme::palette();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetWindowWidth();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + kToolbarHeight), pal.panel);
    dl->AddLine(ImVec2(p.x, p.y + kToolbarHeight - 1), ImVec2(p.x + w, p.y + kToolbarHeight - 1), pal.rule);
    bool changed = false;

    // The library (table of contents, other articles, announcements): leftmost, like a menu.
    float name_x = 12;
    if (app.library().available(app)) {
        ImGui::SetCursorScreenPos(ImVec2(p.x + 4, p.y + 4));
        const ImVec2 b0 = ImGui::GetCursorScreenPos();
        const bool open = app.library().is_open(app);
        if (icon_button("library", tr(app, open ? StringId::HideLibrary : StringId::OpenLibrary), [open](ImDrawList* d, ImVec2 c, float sz, ImU32 col) {
                // A list: three lines with a marker, the first one accented while open.
                const float w = sz * 0.24f;
                for (int k = -1; k <= 1; ++k) {
                    const float y = c.y + k * sz * 0.17f;
                    d->AddCircleFilled(ImVec2(c.x - w - 3, y), 1.8f, col);
                    d->AddLine(ImVec2(c.x - w + 2, y), ImVec2(c.x + w + 2, y), open && k == -1 ? theme::palette().accent : col, 2.0f);
                }
            })) {
            app.library().toggle(app);
        }
        app.library().note_toggle_rect(b0, ImGui::GetItemRectMax());
        name_x = 4 + (kToolbarHeight - 8) + 8;
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x + name_x, p.y + (kToolbarHeight - fonts::ui_px()) * 0.5f - 1));
    const std::string name = app.site_name();
    ImGui::PushFont(fonts::ui_bold());
    ImGui::PushStyleColor(ImGuiCol_Text, pal.accent);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();

    const float s = kToolbarHeight - 8;
    ImGui::SetCursorScreenPos(ImVec2(p.x + w - 3 * (s + 6) - 6, p.y + 4));
    const bool can_share = js::can_share();
    if (icon_button("share", tr(app, can_share ? StringId::Share : StringId::CopyLink), [](ImDrawList* d, ImVec2 c, float sz, ImU32 col) {
            // The usual "share" sign: three dots joined by two lines.
            const float r = sz * 0.085f;
            const ImVec2 left(c.x - sz * 0.17f, c.y), top(c.x + sz * 0.17f, c.y - sz * 0.19f), bottom(c.x + sz * 0.17f, c.y + sz * 0.19f);
            d->AddLine(left, top, col, 1.8f);
            d->AddLine(left, bottom, col, 1.8f);
            for (const ImVec2& q : {left, top, bottom}) d->AddCircleFilled(q, r, col, 12);
        })) {
        share_current(app, !can_share);
    }
    ImGui::SameLine(0, 6);
    if (icon_button("search", tr(app, StringId::Search) + " (Ctrl+F)", [](ImDrawList* d, ImVec2 c, float sz, ImU32 col) {
            const float r = sz * 0.2f;
            d->AddCircle(ImVec2(c.x - r * 0.3f, c.y - r * 0.3f), r, col, 20, 2.0f);
            d->AddLine(ImVec2(c.x + r * 0.45f, c.y + r * 0.45f), ImVec2(c.x + r * 1.4f, c.y + r * 1.4f), col, 2.4f);
        })) {
        app.toggle_search();
    }
    ImGui::SameLine(0, 6);
    if (icon_button("settings", tr(app, StringId::ReadingSettings), [](ImDrawList* d, ImVec2 c, float, ImU32 col) {
            ImFont* f = fonts::ui_bold();
            const float px = fonts::ui_px() * 1.15f;
            const ImVec2 sz = f->CalcTextSizeA(px, FLT_MAX, 0, "Aa");
            d->AddText(f, px, ImVec2(c.x - sz.x * 0.5f, c.y - sz.y * 0.5f), col, "Aa");
        })) {
        ImGui::OpenPopup("settings-popup");
    }
    const ImGuiID settings_button = ImGui::GetItemID();
    ImGui::SetNextWindowPos(ImVec2(p.x + w - 8, p.y + kToolbarHeight), ImGuiCond_Always, ImVec2(1, 0));
    if (ImGui::BeginPopup("settings-popup")) {
        changed = settings_popup(app);
        // Esc closes it (ImGui does so only with its own keyboard navigation) and the
        // keyboard focus goes back to the button that opened it.
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
            ImGui::CloseCurrentPopup();
            kf::set_focus(settings_button);
        }
        ImGui::EndPopup();
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + kToolbarHeight));
    return changed;
}

}  // namespace views
