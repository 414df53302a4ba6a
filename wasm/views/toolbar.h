// The reader's top bar (hidden in the embedded mode): the site's name, the search
// button, and the reading settings (font size, serif/sans, line height, column
// width, justification, theme, interface language), remembered across visits.
#pragma once

class App;

namespace views {

constexpr float kToolbarHeight = 44.0f;

// Draws the bar at the top of the current window; returns true when a setting changed.
bool draw_toolbar(App& app);

}  // namespace views
