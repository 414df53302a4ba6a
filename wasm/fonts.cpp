// See fonts.h.
#include "fonts.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <array>
#include <cmath>

namespace fonts {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(File::kCount)> kFileNames = {
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
    0x0300, 0x0301, 0x0303, 0x0303, 0x0309, 0x0309, 0x0323, 0x0323,  // combining tone marks (NFD leftovers)
    0x1EA0, 0x1EF9,
    0x2010, 0x2027, 0x2030, 0x203A, 0x20AB, 0x20AC, 0x2122, 0x2122,
    0x2190, 0x2193, 0x2212, 0x2212,
    0,
};

struct State {
    std::array<std::vector<unsigned char>, static_cast<size_t>(File::kCount)> files;
    std::array<ImFont*, static_cast<size_t>(Role::kCount)> fonts{};
    std::array<float, static_cast<size_t>(Role::kCount)> sizes{};
    float built_dpr = 0;
    Settings built{};
    bool built_once = false;
} g;

File file_for(Role r, bool serif) {
    auto body = [&](File s, File n) { return serif ? s : n; };
    switch (r) {
        case Role::Ui: return File::SansRegular;
        case Role::UiBold: return File::SansBold;
        case Role::UiSmall: return File::SansRegular;
        case Role::Body: return body(File::SerifRegular, File::SansRegular);
        case Role::BodyItalic: return body(File::SerifItalic, File::SansItalic);
        case Role::BodyBold: return body(File::SerifBold, File::SansBold);
        case Role::BodyBoldItalic: return body(File::SerifBoldItalic, File::SansBoldItalic);
        case Role::Title: return body(File::SerifBold, File::SansBold);
        case Role::Heading1:
        case Role::Heading2:
        case Role::Heading3: return body(File::SerifBold, File::SansBold);
        case Role::Mono: return File::Mono;
        default: return File::SansRegular;
    }
}

float px_for(Role r, const Settings& s) {
    switch (r) {
        case Role::Ui:
        case Role::UiBold: return s.ui_px;
        case Role::UiSmall: return std::round(s.ui_px * 0.86f);
        case Role::Title: return std::round(s.body_px * 1.65f);
        case Role::Heading1: return std::round(s.body_px * 1.4f);
        case Role::Heading2: return std::round(s.body_px * 1.22f);
        case Role::Heading3: return std::round(s.body_px * 1.08f);
        case Role::Mono: return std::round(s.body_px * 0.84f);
        default: return s.body_px;
    }
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

bool have_all_files() {
    for (const auto& f : g.files) if (f.empty()) return false;
    return true;
}

bool ensure(float dpr, const Settings& s) {
    if (g.built_once && dpr == g.built_dpr && s.body_px == g.built.body_px && s.serif == g.built.serif &&
        s.ui_px == g.built.ui_px) {
        return false;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->TexDesiredWidth = 4096;
    // Rasterize at device pixels: 1 texel per physical pixel, drawn at 1/dpr scale.
    const float raster = std::max(1.0f, dpr);
    for (size_t r = 0; r < static_cast<size_t>(Role::kCount); ++r) {
        const Role role = static_cast<Role>(r);
        const auto& bytes = g.files[static_cast<size_t>(file_for(role, s.serif))];
        const float px = px_for(role, s);
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;    // bytes stay ours: the atlas is rebuilt from them
        cfg.OversampleH = raster >= 2 ? 1 : 2;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = false;
        snprintf(cfg.Name, sizeof(cfg.Name), "role%zu %.0fpx", r, px);
        ImFont* f = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()),
                                                   static_cast<int>(bytes.size()), px * raster, &cfg, kRanges);
        f->Scale = 1.0f / raster;
        g.fonts[r] = f;
        g.sizes[r] = px;
    }
    io.Fonts->Build();
    io.FontDefault = g.fonts[static_cast<size_t>(Role::Ui)];
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g.built_dpr = dpr;
    g.built = s;
    g.built_once = true;
    return true;
}

ImFont* get(Role r) { return g.fonts[static_cast<size_t>(r)]; }
float size_px(Role r) { return g.sizes[static_cast<size_t>(r)]; }

}  // namespace fonts
