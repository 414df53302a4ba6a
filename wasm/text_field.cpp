// See text_field.h.
#include "text_field.h"

#include <emscripten.h>

#include <algorithm>

#include "fonts.h"
#include "theme.h"
#include "web_platform.h"

// clang-format off
EM_JS(void, js_field_activate, (const char* value, int n, float x, float y, float w, float h), {
  Module.ReaderHost.activateTextField(UTF8ToString(value, n), x, y, w, h);
});
EM_JS(void, js_field_deactivate, (), { Module.ReaderHost.deactivateTextField(); });
// clang-format on

namespace text_field {
namespace {

struct Global {
    std::string active_id;
    std::string want_focus;
    State* bound = nullptr;     // the state of the active field, updated by on_input
    bool changed = false;
} g;

// Byte offset in UTF-8 `s` of UTF-16 index `u16` (what the DOM reports).
int utf16_to_byte(std::string_view s, int u16) {
    int units = 0;
    size_t i = 0;
    while (i < s.size() && units < u16) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        units += len == 4 ? 2 : 1;
        i += static_cast<size_t>(len);
    }
    return static_cast<int>(std::min(i, s.size()));
}

}  // namespace

bool draw(const char* id, State& s, float width, std::string_view placeholder) {
    const theme::Palette& pal = theme::palette();
    ImFont* font = fonts::ui();
    const float px = fonts::ui_px();
    const float h = px + 14;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    ImGui::InvisibleButton("field", ImVec2(width, h));
    const bool clicked = ImGui::IsItemClicked();
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const bool is_active = g.active_id == id;
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if ((clicked || g.want_focus == id) && !is_active) {
        g.want_focus.clear();
        g.active_id = id;
        g.bound = &s;
        js_field_activate(s.value.c_str(), static_cast<int>(s.value.size()), p.x, p.y, width, h);
    } else if (is_active) {
        g.bound = &s;  // the state may have moved (it is owned by a view)
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), pal.panel, 6.0f);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), g.active_id == id ? pal.accent : pal.rule, 6.0f, 0, g.active_id == id ? 2.0f : 1.0f);
    const ImVec2 tp(p.x + 10, p.y + 7);
    dl->PushClipRect(ImVec2(p.x + 4, p.y), ImVec2(p.x + width - 4, p.y + h), true);
    if (s.value.empty() && !placeholder.empty()) {
        dl->AddText(font, px, tp, pal.muted, placeholder.data(), placeholder.data() + placeholder.size());
    }
    // Keep the caret visible: scroll the text left when it runs past the box.
    const float caret_x = font->CalcTextSizeA(px, FLT_MAX, 0, s.value.data(), s.value.data() + std::min<size_t>(s.caret, s.value.size())).x;
    const float shift = std::max(0.0f, caret_x - (width - 24));
    dl->AddText(font, px, ImVec2(tp.x - shift, tp.y), pal.text, s.value.data(), s.value.data() + s.value.size());
    if (g.active_id == id) {
        const float cx = tp.x - shift + caret_x;
        dl->AddLine(ImVec2(cx, p.y + 6), ImVec2(cx, p.y + h - 6), pal.text, 1.5f);
        if (s.composing) {
            // Underline the text being composed by the IME (the part before the caret
            // of the current word) as platforms do.
            dl->AddLine(ImVec2(tp.x - shift, p.y + h - 5), ImVec2(cx, p.y + h - 5), pal.accent, 1.0f);
        }
    }
    dl->PopClipRect();
    const bool changed = g.changed && g.bound == &s;
    if (changed) g.changed = false;
    return changed;
}

void focus(const char* id) { g.want_focus = id; web_platform::request_frames(2); }

void blur() {
    if (g.active_id.empty()) return;
    g.active_id.clear();
    g.bound = nullptr;
    js_field_deactivate();
}

bool active(const char* id) { return g.active_id == id; }
bool any_active() { return !g.active_id.empty(); }

void on_input(std::string_view value, int caret_utf16, bool composing) {
    if (!g.bound) return;
    const bool value_changed = g.bound->value != value;
    g.bound->value.assign(value.data(), value.size());
    g.bound->caret = utf16_to_byte(g.bound->value, caret_utf16);
    g.bound->composing = composing;
    if (value_changed) {          // caret moves alone do not re-run searches
        ++g.bound->generation;
        g.changed = true;
    }
    web_platform::request_frames(3);
}

void on_blur() {
    g.active_id.clear();
    g.bound = nullptr;
    web_platform::request_frames(2);
}

}  // namespace text_field
