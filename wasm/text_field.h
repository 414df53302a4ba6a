// Text fields backed by a hidden DOM <input> (web/app.js): while a field is active
// the DOM input holds focus and is the source of truth, so IME composition
// (Telex/VNI, macOS marked text), Unikey-style backspace-and-replace, paste and phone
// keyboards all work; the field only draws the value and caret it is told about.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace text_field {

struct State {
    std::string value;      // exactly as the DOM input holds it (NFC or NFD: search copes)
    int caret = 0;          // byte offset of the caret in value
    bool composing = false;
    unsigned generation = 0;// bumps on every change
};

// Draws a single-line field `id` at the current cursor with the given width;
// returns true on the frame its value changed. Clicking it (or focus(id)) activates
// the DOM input; Esc or clicking elsewhere deactivates it.
bool draw(const char* id, State& s, float width, std::string_view placeholder);

void focus(const char* id);              // activate on the next draw
void blur();                             // deactivate the active field
bool active(const char* id);
bool any_active();

// From the page (main.cpp exports).
void on_input(std::string_view value, int caret_utf16, bool composing);
void on_blur();

}  // namespace text_field
