// See fonts.h.
#include "fonts.h"

#include <imgui.h>
#include "atlas_transfer.h"
#include "gl_renderer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <span>

#include <emscripten/emscripten.h>

namespace fonts {
namespace {

constexpr int kFaces = reader::layout::kFaceCount;

// Same order as layout::Face.
constexpr std::array<std::string_view, kFaces> kFileNames = {
    "NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSerif-BoldItalic.ttf",
    "NotoSans-Regular.ttf", "NotoSans-Italic.ttf", "NotoSans-Bold.ttf", "NotoSans-BoldItalic.ttf",
    "NotoSansMono-Regular.ttf",
};

// Exactly the code points the shipped font files hold (tools/make_fonts.py cuts
// them with the same list): Latin, Latin-1, the Vietnamese letters, punctuation.
const ImWchar kRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF,
    0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168, 0x0169,
    0x01A0, 0x01A1, 0x01AF, 0x01B0,
    0x0300, 0x0301, 0x0303, 0x0303, 0x0309, 0x0309, 0x0323, 0x0323,
    0x1EA0, 0x1EF9,
    0x2010, 0x2027, 0x2030, 0x203A, 0x20AB, 0x20AC, 0x2122, 0x2122,
    0x2190, 0x2193, 0x2212, 0x2212,
    0,
};

const ImWchar kWarmUpRanges[] = {0x0020, 0x007E, 0};

// Sizes (× body size) each face is rasterized at; drawn sizes between slots use the
// next larger slot, scaled down (at most ~20%, which stays sharp). Chosen from the
// roles in layout/typography.cpp: body 1.0, lead 1.1, subtitle 1.25, headings
// 1.2-1.6, title 1.9 (in the body family); category, meta, captions, tags, comments
// 0.8-0.95 (sans); code 0.85 (mono). Only the body family's large sizes are built.
struct SlotPlan { Face face; std::array<float, 3> scales; };
const SlotPlan kSerifPlan[] = {
    {Face::SerifRegular, {1.0f, 1.25f, 0}},
    {Face::SerifItalic, {1.0f, 1.25f, 0}},
    {Face::SerifBold, {1.1f, 1.4f, 1.9f}},
    {Face::SerifBoldItalic, {1.0f, 0, 0}},
    {Face::SansRegular, {0.95f, 0, 0}},
    {Face::SansItalic, {0.85f, 0, 0}},
    {Face::SansBold, {0.85f, 0, 0}},
    {Face::Mono, {0.85f, 0, 0}},
};
const SlotPlan kSansPlan[] = {
    {Face::SansRegular, {0.95f, 1.25f, 0}},
    {Face::SansItalic, {1.0f, 1.25f, 0}},
    {Face::SansBold, {1.1f, 1.4f, 1.9f}},
    {Face::SansBoldItalic, {1.0f, 0, 0}},
    {Face::SerifRegular, {1.0f, 0, 0}},
    {Face::Mono, {0.85f, 0, 0}},
};

struct Slot {
    float px = 0;
    ImFont* font = nullptr;
};


class AtlasMetrics final : public reader::layout::FontMetrics {
public:
    float advance(Face face, char32_t c) const override {
        const ImFont* f = base(face);
        if (!f) return 0.5f;
        return f->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD)) / f->FontSize;
    }
    float ascent(Face face) const override { const ImFont* f = base(face); return f ? f->Ascent / f->FontSize : 0.8f; }
    float descent(Face face) const override { const ImFont* f = base(face); return f ? -f->Descent / f->FontSize : 0.2f; }
    uint64_t generation() const override;

private:
    static const ImFont* base(Face face);
};

struct State {
    std::array<std::vector<unsigned char>, kFaces> files;
    std::array<std::vector<Slot>, kFaces> slots;
    ImFont* ui = nullptr;
    ImFont* ui_bold = nullptr;
    float built_dpr = 0;
    Settings built{};
    bool built_once = false;
    uint64_t generation = 0;
    bool warm_up = false;
    bool save_builds = false;            // the atlas worker: keep each build's bytes
    std::vector<unsigned char> saved;
    AtlasInfo info;
    AtlasMetrics metrics;
} g;

const ImFont* AtlasMetrics::base(Face face) {
    // Metrics come from any size of the face (stb_truetype scales linearly); a face
    // not built in this family setting measures with the face it is drawn with.
    return font_for(face, 1.0f);
}
uint64_t AtlasMetrics::generation() const { return g.generation; }

ImFont* add_font(Face face, float px, float raster) {
    const auto& bytes = g.files[static_cast<size_t>(face)];
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;    // bytes stay ours: the atlas is rebuilt from them
    // Horizontal oversampling places glyphs at sub-pixel positions; from 1.5 device
    // pixels per CSS pixel on, the gain is invisible and it would double the atlas.
    cfg.OversampleH = raster >= 1.5f ? 1 : 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    std::snprintf(cfg.Name, sizeof(cfg.Name), "%s %.1fpx", kFileNames[static_cast<size_t>(face)].data(), px);
    ImFont* f = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()),
                                                           static_cast<int>(bytes.size()), px * raster, &cfg,
                                                           g.warm_up ? kWarmUpRanges : kRanges);
    f->Scale = 1.0f / raster;
    return f;
}

}  // namespace

bool add_file(std::string_view name, std::vector<unsigned char> bytes) {
    for (size_t i = 0; i < kFileNames.size(); ++i) {
        if (kFileNames[i] == name) {
            g.files[i] = std::move(bytes);
            g.built_once = false;
            return true;
        }
    }
    return false;
}

void set_warm_up(bool on) { g.warm_up = on; }
void set_save_builds(bool on) { g.save_builds = on; }
const std::vector<unsigned char>& saved_build() { return g.saved; }
const AtlasInfo& atlas_info() { return g.info; }

bool have_all_files() {
    for (const auto& f : g.files) if (f.empty()) return false;
    return true;
}

bool ensure(float dpr, const Settings& s) {
    if (g.built_once && dpr == g.built_dpr && s.body_px == g.built.body_px && s.ui_px == g.built.ui_px &&
        s.serif == g.built.serif) {
        return false;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->TexDesiredWidth = 4096;
    // Rasterize at device pixels: 1 texel per physical pixel, drawn at 1/dpr scale.
    // Beyond 2x the largest sizes would fill the atlas: they stay at 2x.
    const float raster = std::max(1.0f, dpr);
    for (auto& v : g.slots) v.clear();
    const std::span<const SlotPlan> plans = s.serif ? std::span<const SlotPlan>(kSerifPlan) : std::span<const SlotPlan>(kSansPlan);
    for (const auto& plan : plans) {
        for (float scale : plan.scales) {
            if (scale <= 0) continue;
            const float px = std::round(s.body_px * scale * 2) / 2;
            const float r = scale > 1.3f ? std::min(raster, 2.0f) : raster;
            g.slots[static_cast<size_t>(plan.face)].push_back({px, add_font(plan.face, px, r)});
        }
    }
    g.ui = add_font(Face::SansRegular, s.ui_px, raster);
    g.ui_bold = add_font(Face::SansBold, s.ui_px, raster);
    // The atlas worker's build of the same fonts, when it has come, instead of
    // rasterizing here (atlas_transfer.h).
    const atlas_transfer::Key key{dpr, s.body_px, s.ui_px, s.serif};
    const bool offered = atlas_transfer::pending(key);
    if (!offered) atlas_transfer::drop();
    io.Fonts->FontBuilderIO = offered ? atlas_transfer::builder() : nullptr;
    const double t0 = emscripten_get_now();
    io.Fonts->Build();
    io.Fonts->FontBuilderIO = nullptr;
    g.info.loaded = offered && atlas_transfer::last_build_loaded();
    g.info.build_ms = emscripten_get_now() - t0;
    ++g.info.builds;
    if (g.save_builds) g.saved = atlas_transfer::save(*io.Fonts, key);
    io.FontDefault = g.ui;
    gl_renderer::upload_font_atlas();
    io.Fonts->ClearTexData();            // the GPU has it; the CPU copies are tens of MB
    g.built_dpr = dpr;
    g.built = s;
    g.built_once = true;
    ++g.generation;
    return true;
}

uint64_t generation() { return g.generation; }

void invalidate() { g.built_once = false; }

ImFont* font_for(Face face, float px) {
    const auto* slots = &g.slots[static_cast<size_t>(face)];
    if (slots->empty()) {
        // Faces not built for this family setting (e.g. sans bold italic in serif mode)
        // draw with the nearest built face of the same weight.
        const bool bold = face == Face::SerifBold || face == Face::SansBold || face == Face::SerifBoldItalic || face == Face::SansBoldItalic;
        slots = &g.slots[static_cast<size_t>(bold ? Face::SansBold : Face::SansRegular)];
        if (slots->empty()) slots = &g.slots[static_cast<size_t>(bold ? Face::SerifBold : Face::SerifRegular)];
        if (slots->empty()) return g.ui;
    }
    const auto& slot_list = *slots;
    for (const Slot& s : slot_list) {
        if (s.px >= px * 0.97f) return s.font;
    }
    return slot_list.back().font;
}

ImFont* ui() { return g.ui; }
ImFont* ui_bold() { return g.ui_bold; }
float ui_px() { return g.built.ui_px; }
const reader::layout::FontMetrics& metrics() { return g.metrics; }

}  // namespace fonts
