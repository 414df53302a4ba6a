// See web_platform.h.
#include "web_platform.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "js_bridge.h"
#include "keyboard_focus.h"
#include "ui/kinetic_scroller.h"

namespace web_platform {
namespace {

struct State {
    Viewport vp;
    double last_time = 0;
    int frames_wanted = 1;
    float wheel_pixels_y = 0;
    float touch_pixels_y = 0;           // finger drags and flings, consumed by the article view
    reader::ui::KineticScroller touch;
    struct {
        bool armed = false;              // a finger is down and has not moved: may become a long press
        bool active = false;             // it did: moves select, they do not scroll
        bool fired = false, ended = false;   // reported to the view once each
        float x = 0, y = 0;
        double t0 = -1;                  // the first frame's time after the finger went down
    } hold;
} g;

constexpr int kSettleFrames = 3;  // frames after an event so ImGui's state settles

ImGuiKey key_from_code(std::string_view c) {
    struct Entry { const char* code; ImGuiKey key; };
    static const Entry table[] = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
        {"Escape", ImGuiKey_Escape}, {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
        {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt},
        {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
        {"Slash", ImGuiKey_Slash}, {"Minus", ImGuiKey_Minus}, {"Equal", ImGuiKey_Equal},
        {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3}, {"F4", ImGuiKey_F4},
        {"F5", ImGuiKey_F5}, {"F6", ImGuiKey_F6}, {"F7", ImGuiKey_F7}, {"F8", ImGuiKey_F8},
        {"F9", ImGuiKey_F9}, {"F10", ImGuiKey_F10}, {"F11", ImGuiKey_F11}, {"F12", ImGuiKey_F12},
        {"BracketLeft", ImGuiKey_LeftBracket}, {"BracketRight", ImGuiKey_RightBracket},
        {"Comma", ImGuiKey_Comma}, {"Period", ImGuiKey_Period},
    };
    for (const auto& e : table) if (c == e.code) return e.key;
    if (c.size() == 4 && c.substr(0, 3) == "Key" && c[3] >= 'A' && c[3] <= 'Z')
        return static_cast<ImGuiKey>(ImGuiKey_A + (c[3] - 'A'));
    if (c.size() == 6 && c.substr(0, 5) == "Digit" && c[5] >= '0' && c[5] <= '9')
        return static_cast<ImGuiKey>(ImGuiKey_0 + (c[5] - '0'));
    return ImGuiKey_None;
}

void wake() {
    g.frames_wanted = std::max(g.frames_wanted, kSettleFrames);
    js::request_frame();
}

}  // namespace

void init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "reader_web";
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // Keyboard navigation is the app's own (scrolling keys, search; Tab through controls in
    // keyboard_focus.cpp): ImGui's would scroll windows a second time on Page Up/Down,
    // Home and End, and its Tab does not leave the window it is in.
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
}

void resize(float w, float h, float dpr) {
    g.vp.css_width = std::max(1.0f, w);
    g.vp.css_height = std::max(1.0f, h);
    g.vp.dpr = std::clamp(dpr, 0.5f, 8.0f);
    wake();
}

const Viewport& viewport() { return g.vp; }

// A touch that moves past the slop scrolls the view instead of pressing what is under
// it: ImGui gets the press cancelled (pointer moved away, then released) so no
// link or button fires, and the finger's movement becomes scroll pixels.
bool touch_scroll(int kind, float x, float y, double now) {
    ImGuiIO& io = ImGui::GetIO();
    auto& hold = g.hold;
    switch (kind) {
    case 1:
        g.touch.touch_down(y, now);
        hold = {};
        hold.armed = true;
        hold.x = x;
        hold.y = y;
        hold.t0 = -1;        // set by the next frame: the frames' clock, not the event's
        request_frames(2);   // new_frame() watches the time while the finger rests
        return false;        // the press itself goes to ImGui
    case 0: {
        if (hold.active) return false;   // a long press: the finger's moves select, as a mouse drag
        if (hold.armed && (std::abs(x - hold.x) > 10 || std::abs(y - hold.y) > 10)) hold.armed = false;
        if (!g.touch.touching()) return false;
        const bool was_dragging = g.touch.dragging();
        g.touch_pixels_y += g.touch.touch_move(y, now);
        if (!g.touch.dragging()) return false;
        if (!was_dragging) {
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            io.AddMouseButtonEvent(0, false);
        }
        return true;
    }
    case 2: {
        hold.armed = false;
        if (hold.active) {
            hold.active = false;
            hold.ended = true;
            g.touch.stop();
            return false;   // the release goes to ImGui: it ends the selecting drag
        }
        const bool was_dragging = g.touch.dragging();
        g.touch.touch_up(now);
        return was_dragging;   // a tap's release goes to ImGui
    }
    default: g.touch.stop(); hold.armed = hold.active = false; return false;
    }
}

void pointer(int kind, float x, float y, int button, int pointer_type, double t_ms) {
    ImGuiIO& io = ImGui::GetIO();
    if (pointer_type == 1 && touch_scroll(kind, x, y, t_ms)) { wake(); return; }
    io.AddMouseSourceEvent(pointer_type == 1 ? ImGuiMouseSource_TouchScreen
                           : pointer_type == 2 ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse);
    if (kind == 3) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else {
        io.AddMousePosEvent(x, y);
    }
    // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
    const int b = button == 1 ? 2 : button == 2 ? 1 : button;
    if ((kind == 1 || kind == 2) && b >= 0 && b < 5) io.AddMouseButtonEvent(b, kind == 1);
    if (kind == 1) keyboard_focus::clear();   // the pointer is in use: no focus ring
    wake();
}

void wheel(float dx, float dy) {
    ImGuiIO& io = ImGui::GetIO();
    // DOM deltas are pixels, positive = down; ImGui wants "lines", positive = up.
    io.AddMouseWheelEvent(-dx / 100.0f, -dy / 100.0f);
    g.wheel_pixels_y += dy;
    wake();
}

void key(std::string_view code, bool down, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & 1) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & 2) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & 4) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & 8) != 0);
    const ImGuiKey k = key_from_code(code);
    if (k != ImGuiKey_None) io.AddKeyEvent(k, down);
    wake();
}

void text(std::string_view utf8) {
    std::string s(utf8);
    ImGui::GetIO().AddInputCharactersUTF8(s.c_str());
    wake();
}

void focus(bool focused) {
    ImGui::GetIO().AddFocusEvent(focused);
    if (!focused) keyboard_focus::clear();   // focus left the reader: no ring in it
    wake();
}

void request_frames(int n) {
    if (n > g.frames_wanted) g.frames_wanted = n;
    js::request_frame();
}

int take_frames_wanted() {
    if (g.frames_wanted > 0) --g.frames_wanted;
    return g.frames_wanted;
}

void new_frame(double now) {
    ImGuiIO& io = ImGui::GetIO();
    const double dt = g.last_time > 0 ? (now - g.last_time) / 1000.0 : 1.0 / 60.0;
    // After an idle period the gap is long: clamp so animations do not jump.
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0 / 240.0, 1.0 / 10.0));
    g.last_time = now;
    io.DisplaySize = ImVec2(g.vp.css_width, g.vp.css_height);
    io.DisplayFramebufferScale = ImVec2(g.vp.dpr, g.vp.dpr);
    if (g.hold.armed) {
        if (g.touch.dragging()) {
            g.hold.armed = false;
        } else if (g.hold.t0 < 0) {
            // Event times may run on another clock (synthetic events carry their own):
            // the hold is timed by frames alone.
            g.hold.t0 = now;
        } else if (now - g.hold.t0 >= kLongPressMs) {
            g.hold.armed = false;
            g.hold.active = g.hold.fired = true;
            g.touch.stop();
        }
        request_frames(2);   // until it is decided
    }
    if (g.touch.flinging()) {
        // rAF times and event times share the performance.now() clock.
        g.touch_pixels_y += g.touch.step(now);
        request_frames(2);   // the fling is an animation: frames only while it runs
    }
}

float take_touch_scroll_y() {
    const float v = g.touch_pixels_y;
    g.touch_pixels_y = 0;
    return v;
}

void stop_touch_scroll() { g.touch.stop(); }

bool take_long_press(float* x, float* y) {
    if (!g.hold.fired) return false;
    g.hold.fired = false;
    *x = g.hold.x;
    *y = g.hold.y;
    return true;
}

bool take_long_press_end() {
    const bool e = g.hold.ended;
    g.hold.ended = false;
    return e;
}

float take_wheel_pixels_y() {
    const float v = g.wheel_pixels_y;
    g.wheel_pixels_y = 0;
    return v;
}

}  // namespace web_platform
