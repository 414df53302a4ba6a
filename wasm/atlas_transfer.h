// A font atlas rasterized in one instance of the module and used by another.
//
// Rasterizing the atlas (16 faces and sizes of ~340 glyphs, stb_truetype) was the
// largest single task on the page's main thread before the first frame: 150-220 ms
// here, ~440 ms under Lighthouse's 4x CPU slowdown. web/startup_worker.js can build it in a
// worker, in its own instance, while the page's instance starts and parses the bundle;
// the worker saves it (save), the page loads the bytes (load), and the page's next atlas
// build with the same key takes the glyphs and pixels from them through ImGui's own
// builder hook (ImFontAtlas::FontBuilderIO) instead of rasterizing.
//
// The bytes come from the same module, so they are trusted to be of this format, but
// they are still checked: anything that does not fit the page's atlas exactly (other
// fonts, sizes or custom rectangles) is rasterized as before.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

struct ImFontAtlas;
struct ImFontBuilderIO;

namespace atlas_transfer {

// What an atlas is built for (fonts::ensure's inputs).
struct Key {
    float dpr = 0, body_px = 0, ui_px = 0;
    bool serif = true;
    bool operator==(const Key&) const = default;
};

// The atlas just built (before ImGui frees its pixels), as bytes.
std::vector<unsigned char> save(const ImFontAtlas& atlas, const Key& key);

// Keeps saved bytes for the next build with their key. False, with the reason, when
// they are not a saved atlas.
bool load(const unsigned char* data, size_t size, std::string* error);

// Whether loaded bytes wait for a build with this key.
bool pending(const Key& key);
void drop();  // the build they were made for will not come (the DPR or settings changed)

// The builder for that build (ImFontAtlas::FontBuilderIO): it takes the loaded atlas
// when it fits the atlas's fonts exactly and rasterizes with stb_truetype otherwise.
// The loaded bytes are dropped either way.
const ImFontBuilderIO* builder();

// Whether the last build through builder() used the loaded atlas.
bool last_build_loaded();

}  // namespace atlas_transfer
