// Keyboard focus inside the canvas: Tab / Shift+Tab walk every control the views draw
// (toolbar, search panel, library panel, links and actions of the article page), a
// focus ring shows where focus is, Enter (and Space on buttons) activates it.
//
// ImGui's own keyboard navigation is not used (web_platform.cpp says why): its Tab
// stays inside one window, so it cannot walk from the toolbar into the article's child
// window, and it knows nothing of controls that are hit-tested on a display list.
// Here every control registers itself each frame with its screen rectangle, in its
// group's order; the order of the frame drawn last is what Tab walks. Tab past the
// last control (Shift+Tab before the first) lets the browser move focus out of the
// canvas, to the accessible mirror (or what is before the canvas), so the page's Tab
// order reads canvas controls, then the mirror, and back.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace keyboard_focus {

// Tab order between the parts of the screen (then the order they are drawn in).
enum class Group { Toolbar, Search, Library, Article };
enum class Kind {
    Button,   // Enter and Space activate
    Link,     // Enter activates; Space keeps scrolling the page, as in browsers
    Field,    // a text field: focus activates it (the DOM input takes the keys)
};

struct Result {
    bool focused = false;
    bool activated = false;   // Enter / Space pressed on it this frame
};

// Registers a control of this frame. Draws the ring while it has focus, and scrolls
// the current window so that it shows when focus has just arrived. `label` names it
// for assistive technology (the canvas's accessible name while it has focus).
Result item(Group group, ImGuiID id, ImVec2 min, ImVec2 max, std::string_view label, Kind kind = Kind::Button);
// The same for ImGui's last item (a Button, Checkbox, RadioButton, InvisibleButton...).
Result last_item(Group group, std::string_view label, Kind kind = Kind::Button);

bool focused(ImGuiID id);
void set_focus(ImGuiID id);         // e.g. back to the button that opened a closed popup
// A control (other than a text field) has focus: Enter / Space are its keys this frame.
bool key_taken(ImGuiKey key);
std::string focused_label();        // for reader:stats; empty when nothing has focus

void new_frame();                   // before the views draw
void end_frame();                   // after: this frame's order is what Tab walks next

// From the page (main.cpp exports), between frames.
bool tab(bool backwards);           // true: focus moved to a control; false: it leaves the canvas
void enter(int direction);          // the canvas got focus: +1 by Tab (first control), -1 by Shift+Tab (last), 0 other
void clear();                       // pointer use: the ring goes away

}  // namespace keyboard_focus
