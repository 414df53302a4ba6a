// See atlas_transfer.h.
//
// Format (little-endian, both ends are the same wasm module):
//   "RDATLAS1", key {f32 dpr, body_px, ui_px, u8 serif},
//   u32 width, height, custom rectangle count, font count;
//   per custom rectangle: u16 width, height, x, y;
//   per font (in ConfigData order): f32 size, ascent, descent, u32 glyph count, then per
//     glyph u32 code point, f32 x0 y0 x1 y1 u0 v0 u1 v1 advance;
//   width * height alpha bytes.
#include "atlas_transfer.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <cstring>
#include <optional>

#include "io/byte_stream.h"

namespace atlas_transfer {
namespace {

constexpr char kMagic[8] = {'R', 'D', 'A', 'T', 'L', 'A', 'S', '1'};
constexpr uint32_t kMaxSide = 16384;

struct Glyph {
    uint32_t codepoint;
    float x0, y0, x1, y1, u0, v0, u1, v1, advance;
};
struct Font {
    float size, ascent, descent;
    std::vector<Glyph> glyphs;
};
struct Rect {
    uint16_t w, h, x, y;
};
struct Saved {
    Key key;
    uint32_t width = 0, height = 0;
    std::vector<Rect> rects;
    std::vector<Font> fonts;
    std::vector<unsigned char> pixels;
};

std::optional<Saved> g_loaded;
bool g_last_loaded = false;

// Whether `s` is the atlas these fonts would rasterize: the same fonts at the same
// sizes and the same custom rectangles (ImFontAtlasBuildInit has registered them).
bool fits(const ImFontAtlas& atlas, const Saved& s) {
    if (size_t(atlas.ConfigData.Size) != s.fonts.size() || size_t(atlas.CustomRects.Size) != s.rects.size()) return false;
    for (int i = 0; i < atlas.ConfigData.Size; ++i) {
        const ImFontConfig& cfg = atlas.ConfigData[i];
        if (cfg.MergeMode || cfg.DstFont == nullptr || cfg.SizePixels != s.fonts[size_t(i)].size) return false;
    }
    for (int i = 0; i < atlas.CustomRects.Size; ++i) {
        const ImFontAtlasCustomRect& r = atlas.CustomRects[i];
        const Rect& sr = s.rects[size_t(i)];
        if (r.Width != sr.w || r.Height != sr.h || r.GlyphID != 0) return false;
        if (uint32_t(sr.x) + sr.w > s.width || uint32_t(sr.y) + sr.h > s.height) return false;
    }
    return true;
}

bool build_from_loaded(ImFontAtlas* atlas) {
    Saved s = std::move(*g_loaded);
    g_loaded.reset();
    ImFontAtlasBuildInit(atlas);
    g_last_loaded = fits(*atlas, s);
    if (!g_last_loaded) return ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(atlas);

    // What the stb_truetype builder leaves behind, taken from the saved build.
    atlas->TexID = (ImTextureID) nullptr;
    atlas->ClearTexData();
    atlas->TexWidth = int(s.width);
    atlas->TexHeight = int(s.height);
    atlas->TexUvScale = ImVec2(1.0f / float(s.width), 1.0f / float(s.height));
    atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(s.pixels.size()));
    std::memcpy(atlas->TexPixelsAlpha8, s.pixels.data(), s.pixels.size());
    for (int i = 0; i < atlas->CustomRects.Size; ++i) {
        atlas->CustomRects[i].X = s.rects[size_t(i)].x;
        atlas->CustomRects[i].Y = s.rects[size_t(i)].y;
    }
    for (int i = 0; i < atlas->ConfigData.Size; ++i) {
        ImFontConfig& cfg = atlas->ConfigData[i];
        const Font& f = s.fonts[size_t(i)];
        ImFontAtlasBuildSetupFont(atlas, cfg.DstFont, &cfg, f.ascent, f.descent);
        cfg.DstFont->Glyphs.reserve(int(f.glyphs.size()));
        // No config: the saved values already have the config's adjustments applied.
        for (const Glyph& g : f.glyphs)
            cfg.DstFont->AddGlyph(nullptr, static_cast<ImWchar>(g.codepoint), g.x0, g.y0, g.x1, g.y1, g.u0, g.v0, g.u1, g.v1,
                                  g.advance);
    }
    // Renders the white pixel and the baked lines again (the same bytes) and builds the
    // fonts' lookup tables.
    ImFontAtlasBuildFinish(atlas);
    return true;
}

const ImFontBuilderIO kBuilder = {build_from_loaded};

}  // namespace

std::vector<unsigned char> save(const ImFontAtlas& atlas, const Key& key) {
    reader::io::ByteWriter w;
    if (!atlas.TexPixelsAlpha8 || atlas.TexWidth <= 0 || atlas.TexHeight <= 0) return {};
    for (char c : kMagic) w.put(c);
    w.put(key.dpr);
    w.put(key.body_px);
    w.put(key.ui_px);
    w.put(uint8_t(key.serif ? 1 : 0));
    w.put(uint32_t(atlas.TexWidth));
    w.put(uint32_t(atlas.TexHeight));
    w.put(uint32_t(atlas.CustomRects.Size));
    w.put(uint32_t(atlas.ConfigData.Size));
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        w.put(uint16_t(r.Width));
        w.put(uint16_t(r.Height));
        w.put(uint16_t(r.X));
        w.put(uint16_t(r.Y));
    }
    for (const ImFontConfig& cfg : atlas.ConfigData) {
        const ImFont* f = cfg.DstFont;
        w.put(cfg.SizePixels);
        w.put(f->Ascent);
        w.put(f->Descent);
        w.put(uint32_t(f->Glyphs.Size));
        for (const ImFontGlyph& g : f->Glyphs) {
            w.put(uint32_t(g.Codepoint));
            for (float v : {g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1, g.AdvanceX}) w.put(v);
        }
    }
    w.put_bytes(atlas.TexPixelsAlpha8, size_t(atlas.TexWidth) * size_t(atlas.TexHeight));
    return std::move(w.out);
}

bool load(const unsigned char* data, size_t size, std::string* error) {
    auto fail = [&](const char* why) {
        if (error) *error = std::string("font atlas: ") + why;
        return false;
    };
    if (!data) return fail("no data");
    reader::io::ByteReader r(data, size);
    char magic[8];
    for (char& c : magic)
        if (!r.get(c)) return fail("truncated");
    if (std::memcmp(magic, kMagic, 8) != 0) return fail("not a saved atlas");
    Saved s;
    uint8_t serif = 0;
    uint32_t rects = 0, fonts = 0;
    if (!r.get(s.key.dpr) || !r.get(s.key.body_px) || !r.get(s.key.ui_px) || !r.get(serif) || !r.get(s.width) ||
        !r.get(s.height) || !r.get(rects) || !r.get(fonts))
        return fail("truncated header");
    s.key.serif = serif != 0;
    if (s.width == 0 || s.height == 0 || s.width > kMaxSide || s.height > kMaxSide) return fail("bad size");
    if (rects > r.left() / 8) return fail("truncated rectangles");
    s.rects.resize(rects);
    for (Rect& x : s.rects)
        if (!r.get(x.w) || !r.get(x.h) || !r.get(x.x) || !r.get(x.y)) return fail("truncated rectangles");
    if (fonts > r.left() / 16) return fail("truncated fonts");
    s.fonts.resize(fonts);
    for (Font& f : s.fonts) {
        uint32_t glyphs = 0;
        if (!r.get(f.size) || !r.get(f.ascent) || !r.get(f.descent) || !r.get(glyphs)) return fail("truncated fonts");
        if (glyphs > r.left() / sizeof(Glyph)) return fail("truncated glyphs");
        f.glyphs.resize(glyphs);
        for (Glyph& g : f.glyphs) {
            if (!r.get(g.codepoint) || !r.get(g.x0) || !r.get(g.y0) || !r.get(g.x1) || !r.get(g.y1) || !r.get(g.u0) ||
                !r.get(g.v0) || !r.get(g.u1) || !r.get(g.v1) || !r.get(g.advance))
                return fail("truncated glyphs");
            if (g.codepoint > IM_UNICODE_CODEPOINT_MAX) return fail("bad code point");
        }
    }
    const size_t n = size_t(s.width) * size_t(s.height);
    if (r.left() != n || !r.get_bytes(s.pixels, n)) return fail("pixel data does not match the size");
    g_loaded = std::move(s);
    return true;
}

bool pending(const Key& key) { return g_loaded && g_loaded->key == key; }

void drop() { g_loaded.reset(); }

const ImFontBuilderIO* builder() { return &kBuilder; }

bool last_build_loaded() { return g_last_loaded; }

}  // namespace atlas_transfer
