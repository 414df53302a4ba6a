// See keyboard_focus.h.
#include "keyboard_focus.h"

#include <emscripten.h>

#include <algorithm>
#include <vector>

#include "text_field.h"
#include "theme.h"
#include "web_platform.h"

// clang-format off
EM_JS(void, js_focus_label, (const char* p, int n), {
  if (Module.ReaderHost.focusChanged) Module.ReaderHost.focusChanged(UTF8ToString(p, n));
});
// clang-format on

namespace keyboard_focus {
namespace {

struct Entry {
    ImGuiID id;
    Group group;
    Kind kind;
};

struct State {
    std::vector<Entry> drawing;     // registered during the frame being drawn
    std::vector<Entry> order;       // the last drawn frame's controls, in Tab order
    ImGuiID focused = 0;
    int focused_index = -1;         // its place in `order` (kept when it vanishes)
    bool seen = false;              // drawn this frame
    bool missing = false;           // not drawn last frame (a closed popup): takes no keys
    bool reveal = false;            // scroll it into view when next drawn
    bool arrived = false;           // focus just came to it by Tab (a field activates)
    ImGuiID activate = 0;
    bool took_enter = false, took_space = false;
    std::string label, sent_label;
} g;

const Entry* focused_entry() {
    if (g.focused_index < 0 || g.focused_index >= static_cast<int>(g.order.size())) return nullptr;
    const Entry& e = g.order[static_cast<size_t>(g.focused_index)];
    return e.id == g.focused ? &e : nullptr;
}

void move_to(int index) {
    const Entry& e = g.order[static_cast<size_t>(index)];
    g.focused = e.id;
    g.focused_index = index;
    g.reveal = true;
    g.arrived = true;
    g.missing = false;
    web_platform::request_frames(3);
}

// The current window scrolls so that [min, max] shows, with some context around it.
void scroll_into_view(ImVec2 min, ImVec2 max) {
    if (ImGui::GetScrollMaxY() <= 0) return;   // the window does not scroll (toolbar, popups)
    const float top = ImGui::GetWindowPos().y, h = ImGui::GetWindowSize().y;
    const float margin = std::min(h * 0.25f, 120.0f);
    if (min.y < top + 8) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - (top - min.y) - margin));
    else if (max.y > top + h - 8) ImGui::SetScrollY(ImGui::GetScrollY() + (max.y - (top + h)) + margin);
    else return;
    web_platform::request_frames(3);
}

}  // namespace

Result item(Group group, ImGuiID id, ImVec2 min, ImVec2 max, std::string_view label, Kind kind) {
    g.drawing.push_back({id, group, kind});
    Result r;
    if (id != g.focused || g.focused == 0) return r;
    r.focused = true;
    g.seen = true;
    g.label.assign(label.data(), label.size());
    // The ring: 2 px in the theme's link colour (the mirror's outline), outside the
    // control. A text field shows its own focus (its accented border while active).
    if (kind != Kind::Field)
        ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3),
                                        theme::palette().link, 5.0f, 0, 2.5f);
    if (g.reveal) {
        g.reveal = false;
        scroll_into_view(min, max);
    }
    if (g.activate == id) {
        g.activate = 0;
        r.activated = true;
    }
    if (kind == Kind::Field && g.arrived) r.activated = true;   // Tab into a field starts typing there
    g.arrived = false;
    return r;
}

Result last_item(Group group, std::string_view label, Kind kind) {
    return item(group, ImGui::GetItemID(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), label, kind);
}

bool focused(ImGuiID id) { return id != 0 && id == g.focused; }

void set_focus(ImGuiID id) {
    g.focused = id;
    g.reveal = true;
    g.arrived = false;
    g.missing = false;
    for (size_t i = 0; i < g.order.size(); ++i)
        if (g.order[i].id == id) g.focused_index = static_cast<int>(i);
    web_platform::request_frames(2);
}

bool key_taken(ImGuiKey key) {
    if (key == ImGuiKey_Enter || key == ImGuiKey_KeypadEnter) return g.took_enter;
    if (key == ImGuiKey_Space) return g.took_space;
    return false;
}

std::string focused_label() { return g.focused && !g.missing ? g.label : std::string(); }

void new_frame() {
    g.activate = 0;
    g.took_enter = g.took_space = false;
    const Entry* e = focused_entry();
    if (!e || g.missing || e->kind == Kind::Field) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)) g.took_enter = true;
    if (e->kind == Kind::Button && ImGui::IsKeyPressed(ImGuiKey_Space, false)) g.took_space = true;
    if (g.took_enter || g.took_space) g.activate = g.focused;
}

void end_frame() {
    std::stable_sort(g.drawing.begin(), g.drawing.end(),
                     [](const Entry& a, const Entry& b) { return static_cast<int>(a.group) < static_cast<int>(b.group); });
    g.order.swap(g.drawing);
    g.drawing.clear();
    if (g.focused) {
        g.missing = !g.seen;
        for (size_t i = 0; i < g.order.size(); ++i)
            if (g.order[i].id == g.focused) g.focused_index = static_cast<int>(i);
    }
    g.seen = false;
    const std::string label = focused_label();
    if (label != g.sent_label) {
        g.sent_label = label;
        js_focus_label(label.data(), static_cast<int>(label.size()));
    }
}

bool tab(bool backwards) {
    const Entry* e = focused_entry();
    const bool from_field = e && e->kind == Kind::Field && !g.missing;
    int next;
    if (!g.focused || g.order.empty()) {
        next = backwards ? static_cast<int>(g.order.size()) - 1 : 0;
    } else if (g.missing || !e) {
        // The control went away (a popup closed): go on from where it was.
        next = backwards ? g.focused_index - 1 : g.focused_index;
    } else {
        next = g.focused_index + (backwards ? -1 : 1);
    }
    if (from_field) text_field::blur();
    if (next < 0 || next >= static_cast<int>(g.order.size())) {
        clear();
        return false;   // the browser moves focus on, out of the canvas
    }
    move_to(next);
    return true;
}

void enter(int direction) {
    if (direction == 0 || g.order.empty()) return;
    move_to(direction > 0 ? 0 : static_cast<int>(g.order.size()) - 1);
}

void clear() {
    if (!g.focused) return;
    g.focused = 0;
    g.focused_index = -1;
    g.reveal = g.arrived = false;
    web_platform::request_frames(2);
}

}  // namespace keyboard_focus
