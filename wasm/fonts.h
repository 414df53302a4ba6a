// The app's fonts: Noto Serif / Noto Sans / Noto Sans Mono, cut at build time to
// Latin + Vietnamese, handed over as bytes by web/app.js, and rasterized into
// ImGui's atlas at the device pixel ratio (size × dpr, drawn at 1/dpr scale) so text
// is crisp on 2x screens. The atlas is rebuilt when the DPR or the reading font size
// changes, between frames.
#pragma once

#include <string_view>
#include <vector>

struct ImFont;

namespace fonts {

enum class File { SerifRegular, SerifItalic, SerifBold, SerifBoldItalic, SansRegular, SansItalic, SansBold, SansBoldItalic, Mono, kCount };

enum class Role {
    Ui, UiBold, UiSmall,                                     // interface (sans)
    Body, BodyItalic, BodyBold, BodyBoldItalic,              // reading text (serif or sans by setting)
    Title, Heading1, Heading2, Heading3,                     // article title and headings
    Mono,                                                    // code
    kCount
};

struct Settings {
    float body_px = 19.0f;     // CSS pixels
    bool serif = true;
    float ui_px = 15.0f;
};

// Returns false for an unknown file name.
bool add_file(std::string_view name, std::vector<unsigned char> bytes);
bool have_all_files();

// Rebuilds the atlas when dpr or settings differ from the last build.
// Must be called outside ImGui::NewFrame/Render. Returns true when rebuilt.
bool ensure(float dpr, const Settings& s);

ImFont* get(Role r);
float size_px(Role r);   // CSS pixel size of a role

}  // namespace fonts
