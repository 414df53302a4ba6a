// The app's fonts: Noto Serif / Noto Sans / Noto Sans Mono, cut at build time to
// Latin + Vietnamese, handed over as bytes by web/app.js, and rasterized into
// ImGui's atlas at the device pixel ratio (drawn at 1/dpr scale) so text is crisp
// on 2x screens.
//
// The layout engine speaks of faces (layout::Face) at any pixel size. The atlas
// holds each face at a few sizes (slots) chosen from the typography's roles; a
// draw call picks the slot of that face nearest above the wanted size, so text is
// never magnified. The atlas is rebuilt when the DPR or the reading size changes.
#pragma once

#include <string_view>
#include <vector>

#include "layout/font_metrics.h"

struct ImFont;

namespace fonts {

using reader::layout::Face;

struct Settings {
    float body_px = 19.0f;     // CSS pixels, after the reader's font size setting
    float ui_px = 15.0f;       // interface text
    bool serif = true;         // reading family: its large sizes are rasterized
};

// Returns false for an unknown file name.
bool add_file(std::string_view name, std::vector<unsigned char> bytes);
bool have_all_files();

// The warm-up instance (web/startup_worker.js) runs the start-up code only to have it
// compiled: its atlas holds ASCII alone, which takes the same code paths in a
// fraction of the time.
void set_warm_up(bool on);

// The atlas worker (web/startup_worker.js) builds the page's atlas in its own instance: it
// keeps the bytes of each build for the page (atlas_transfer.h).
void set_save_builds(bool on);
const std::vector<unsigned char>& saved_build();

// How the last atlas came about, for reader:stats.
struct AtlasInfo {
    bool loaded = false;       // from the worker's build, not rasterized here
    double build_ms = 0;       // ImFontAtlas::Build on this thread
    int builds = 0;
};
const AtlasInfo& atlas_info();

// Rebuilds the atlas when dpr or settings differ from the last build.
// Call outside ImGui::NewFrame/Render. Returns true when rebuilt.
bool ensure(float dpr, const Settings& s);
uint64_t generation();      // bumps on every rebuild
void invalidate();          // the next ensure() rebuilds and uploads the atlas (the GL context was lost and restored)

// The font to draw `face` at `px` CSS pixels (pass px to AddText as the size).
ImFont* font_for(Face face, float px);
ImFont* ui();               // interface text (sans, ui_px)
ImFont* ui_bold();
float ui_px();

// Layout metrics from the loaded fonts (em units), for the core's layout engine.
const reader::layout::FontMetrics& metrics();

}  // namespace fonts
