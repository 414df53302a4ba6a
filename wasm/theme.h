// Reading themes (light, sepia, dark, high contrast) and the colours views draw with.
#pragma once

#include <imgui.h>

#include <string_view>

namespace theme {

enum class Name { Auto, Light, Sepia, Dark, Contrast };

struct Palette {
    ImU32 background, text, muted, accent, link, rule, panel, selection, highlight, error;
    bool dark;
};

Name parse(std::string_view s);          // "light", "sepia", "dark", "contrast", "auto"
std::string_view name(Name n);

// Applies a theme to ImGui's style; `prefers_dark` resolves Auto.
void apply(Name n, bool prefers_dark);
const Palette& palette();
Name current();

}  // namespace theme
