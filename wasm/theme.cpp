// See theme.h. Colours chosen for WCAG AA contrast of body text in every theme.
#include "theme.h"

namespace theme {
namespace {

Palette g_palette;
Name g_name = Name::Light;

constexpr ImU32 rgb(unsigned v) { return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 0xFF); }

Palette make(Name n) {
    switch (n) {
        case Name::Sepia:
            return {rgb(0xF4ECD8), rgb(0x3B2F1E), rgb(0x6E5B40), rgb(0x9A3412), rgb(0x8A3B0F), rgb(0xD9CBA8),
                    rgb(0xEADFC3), IM_COL32(200, 150, 60, 110), IM_COL32(250, 200, 60, 160), rgb(0xA11D1D), false};
        case Name::Dark:
            return {rgb(0x17181B), rgb(0xE3E3E3), rgb(0xA3A7AE), rgb(0xF08A6C), rgb(0x8AB4F8), rgb(0x34373D),
                    rgb(0x222428), IM_COL32(90, 130, 220, 120), IM_COL32(200, 160, 30, 150), rgb(0xFF8A80), true};
        case Name::Contrast:
            return {rgb(0x000000), rgb(0xFFFFFF), rgb(0xE0E0E0), rgb(0xFFD400), rgb(0x7FDBFF), rgb(0xFFFFFF),
                    rgb(0x000000), IM_COL32(255, 212, 0, 140), IM_COL32(255, 212, 0, 200), rgb(0xFF6B6B), true};
        default:
            return {rgb(0xFFFFFF), rgb(0x1F2328), rgb(0x5F6670), rgb(0xB3261E), rgb(0x0B57D0), rgb(0xE2E4E8),
                    rgb(0xF5F6F8), IM_COL32(11, 87, 208, 70), IM_COL32(255, 214, 0, 150), rgb(0xB3261E), false};
    }
}

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

Name parse(std::string_view s) {
    if (s == "light") return Name::Light;
    if (s == "sepia") return Name::Sepia;
    if (s == "dark") return Name::Dark;
    if (s == "contrast" || s == "high-contrast") return Name::Contrast;
    return Name::Auto;
}

std::string_view name(Name n) {
    switch (n) {
        case Name::Light: return "light";
        case Name::Sepia: return "sepia";
        case Name::Dark: return "dark";
        case Name::Contrast: return "contrast";
        default: return "auto";
    }
}

void apply(Name n, bool prefers_dark) {
    g_name = n;
    const Name resolved = n == Name::Auto ? (prefers_dark ? Name::Dark : Name::Light) : n;
    g_palette = make(resolved);
    const Palette& p = g_palette;
    ImGuiStyle& st = ImGui::GetStyle();
    if (p.dark) ImGui::StyleColorsDark(&st);
    else ImGui::StyleColorsLight(&st);
    st.WindowRounding = 0;
    st.FrameRounding = 4;
    st.ScrollbarSize = 12;
    st.ScrollbarRounding = 6;
    st.WindowBorderSize = 0;
    st.ChildBorderSize = 0;
    st.FramePadding = ImVec2(8, 5);
    st.ItemSpacing = ImVec2(8, 6);
    ImVec4* c = st.Colors;
    c[ImGuiCol_WindowBg] = v4(p.background);
    c[ImGuiCol_ChildBg] = v4(p.background);
    c[ImGuiCol_PopupBg] = v4(p.panel);
    c[ImGuiCol_Text] = v4(p.text);
    c[ImGuiCol_TextDisabled] = v4(p.muted);
    c[ImGuiCol_Separator] = v4(p.rule);
    c[ImGuiCol_Border] = v4(p.rule);
    c[ImGuiCol_FrameBg] = v4(p.background);
    c[ImGuiCol_FrameBgHovered] = v4(p.rule);
    c[ImGuiCol_CheckMark] = v4(p.accent);
    c[ImGuiCol_SliderGrab] = v4(p.accent);
    c[ImGuiCol_Button] = v4(p.background);
    c[ImGuiCol_ButtonHovered] = v4(p.rule);
    st.FrameBorderSize = 1.0f;
    c[ImGuiCol_MenuBarBg] = v4(p.panel);
    c[ImGuiCol_TextSelectedBg] = v4(p.selection);
    c[ImGuiCol_ScrollbarBg] = v4(p.background);
    c[ImGuiCol_NavHighlight] = v4(p.accent);
}

const Palette& palette() { return g_palette; }
Name current() { return g_name; }

}  // namespace theme
