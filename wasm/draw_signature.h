// A fingerprint of everything a frame would put on the canvas: ImGui's draw lists
// (vertices, indices, commands with their clip rectangles and textures), the drawing
// buffer's size and the clear colour. ImGui needs a few frames after every change to
// settle (hover, layout), and most of them draw exactly what is already on screen;
// with the same fingerprint the frame is not sent to WebGL at all. That matters where
// WebGL is rendered in software and read back for compositing (headless browsers,
// machines without a GPU): there each drawn frame costs the main thread 100+ ms.
// Texture names from Emscripten's GL layer are never reused, so new image or font
// textures always change the fingerprint.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace draw_signature {

uint64_t of(const ImDrawData* data, int fb_width, int fb_height, uint32_t clear_rgba);

}  // namespace draw_signature
