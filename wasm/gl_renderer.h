// Draws ImGui's draw lists with WebGL2. The app owns its GL context, so unlike
// ImGui's generic OpenGL3 backend this renderer never queries GL state to back it
// up and restore it (19 synchronous getParameter/isEnabled calls per frame, about
// 4 ms of a scroll frame in Chromium here), and it keeps one vertex array object
// instead of creating and deleting one every frame.
#pragma once

struct ImDrawData;

namespace gl_renderer {

bool init();                    // shaders, buffers, vertex layout; false with a console message on failure
void upload_font_atlas();       // (re)creates the font texture from ImGui's atlas and sets its TexID
void render(const ImDrawData* data, int fb_width, int fb_height);

}  // namespace gl_renderer
