// The ImGui platform backend for the browser: DOM events queued by web/app.js
// become ImGuiIO events; the canvas size and devicePixelRatio become DisplaySize
// and DisplayFramebufferScale. Frames are drawn only on demand (no busy loop):
// every event asks for a frame, and ImGui gets a few more frames after input so
// hover and release states settle.
#pragma once

#include <string_view>

namespace web_platform {

struct Viewport {
    float css_width = 0;
    float css_height = 0;
    float dpr = 1;
};

void init();
void resize(float css_width, float css_height, float dpr);
const Viewport& viewport();

// Event intake (from the exported reader_* functions).
// kind: 0 move, 1 down, 2 up, 3 leave; t_ms: the event's time (performance.now() clock)
void pointer(int kind, float x, float y, int button, int pointer_type, double t_ms);
void wheel(float dx, float dy);                                          // CSS pixels, DOM convention
void key(std::string_view code, bool down, int modifiers);               // KeyboardEvent.code
void text(std::string_view utf8);
void focus(bool focused);

// Frame pacing.
void request_frames(int n);        // ask for n more frames (animations ask every frame)
int take_frames_wanted();          // how many more frames are wanted after this one
void new_frame(double now_ms);     // sets DeltaTime, DisplaySize; call before ImGui::NewFrame

// Wheel deltas in CSS pixels this frame, for views that scroll by pixels.
float take_wheel_pixels_y();

// Touch drag and fling scrolling in CSS pixels since the last call (positive = down);
// the scrolled view stops the fling when it reaches an end.
float take_touch_scroll_y();
void stop_touch_scroll();

// Long press: a finger held still for kLongPressMs selects (the article takes the word
// under it); while it stays down, moving it extends the selection instead of scrolling;
// lifting it offers the context actions (Copy). Each is reported once.
constexpr double kLongPressMs = 500;
bool take_long_press(float* x, float* y);   // the press just became a long press, at (x, y)
bool take_long_press_end();                 // the finger of a long press was lifted

}  // namespace web_platform
