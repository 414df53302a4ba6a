// Images in the article: the texture in the box the layout reserved, a neutral box
// while it loads, and a clear placeholder when it cannot be had (a broken-picture
// icon, the alt text and "Không tải được ảnh" / "The image could not be loaded").
//
// The article view paints its display list first (which leaves an alt-text box for
// every image) and then calls draw_images() for the same visible range; images
// cover those boxes. Textures are released when another article opens.
#pragma once

#include <imgui.h>

#include <cstdint>

#include "layout/display_list.h"

class App;

namespace views {

// Draws the Image items among [first, last) of `list` (origin: the list's top-left on
// screen). Loads the images it meets (images::cache()).
void draw_images(App& app, ImDrawList* dl, const reader::layout::DisplayList& list, ImVec2 origin,
                 uint32_t first, uint32_t last);

}  // namespace views
