// Font metrics behind an interface, and the cache the layout engine measures with.
//
// The layout never sees a real font: the app implements FontMetrics with its ImGui
// fonts (one ImFont per Face), tests implement it with synthetic numbers. All
// metrics are in em units, i.e. pixels at a font size of 1 px; the layout multiplies
// by the size it wants. With ImGui: advance = glyph->AdvanceX / font->FontSize,
// ascent = font->Ascent / font->FontSize, descent = -font->Descent / font->FontSize.
// ImGui draws without kerning, so summing advances reproduces what it draws.
//
// Index of this file
//   [SECTION] Faces
//   [SECTION] FontMetrics (implemented by the app)
//   [SECTION] TextMeasurer (cached advances, used by the layout)
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace reader::layout {

// ------------------------------------------------------------------ [SECTION] Faces
// The concrete fonts the app loads. Which face a piece of text uses is decided in
// one place only: typography.h (text roles + run styles + settings → face).
enum class Face : uint8_t {
    SerifRegular,
    SerifItalic,
    SerifBold,
    SerifBoldItalic,
    SansRegular,
    SansItalic,
    SansBold,
    SansBoldItalic,
    Mono,
    Count
};
inline constexpr int kFaceCount = static_cast<int>(Face::Count);

enum class Family : uint8_t { Serif, Sans, Mono };

// Serif/Sans have all four styles; Mono has one face (bold/italic code stays Mono).
Face face_of(Family family, bool bold, bool italic);

// ------------------------------------------------------ [SECTION] FontMetrics (implemented by the app)
class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    virtual float advance(Face face, char32_t c) const = 0;  // em units; missing glyphs: the fallback glyph's advance
    virtual float ascent(Face face) const = 0;               // em units above the baseline (positive)
    virtual float descent(Face face) const = 0;              // em units below the baseline (positive)
    // Change this number whenever the fonts change (reloaded, other glyph ranges):
    // cached measurements and layouts made with an older number are recomputed.
    virtual uint64_t generation() const { return 0; }
};

// --------------------------------------------- [SECTION] TextMeasurer (cached advances, used by the layout)
// Copies the advances of the characters Vietnamese text is made of (Latin, Latin-1,
// Latin Extended A/B, combining marks, Latin Extended Additional, general
// punctuation) into a flat table per face, so measuring does no virtual call for
// them; other characters go to FontMetrics. Build once per FontMetrics generation;
// read-only afterwards (safe to share).
class TextMeasurer {
public:
    explicit TextMeasurer(const FontMetrics& metrics);

    float advance(Face face, char32_t c) const {                 // em units
        const float* t = &table_[static_cast<size_t>(face) * kStride];
        if (c < kLowEnd) return t[c];
        if (c - 0x1E00u < 0x100u) return t[kLowEnd + (c - 0x1E00u)];
        if (c - 0x2000u < 0x70u) return t[kLowEnd + 0x100u + (c - 0x2000u)];
        return metrics_->advance(face, c);
    }
    // The face's advances of U+0000..U+036F, indexable by any ASCII byte (fast paths).
    const float* low_table(Face face) const { return &table_[static_cast<size_t>(face) * kStride]; }
    float ascent(Face face) const { return ascent_[static_cast<size_t>(face)]; }    // em
    float descent(Face face) const { return descent_[static_cast<size_t>(face)]; }  // em
    float width(Face face, float size_px, std::string_view utf8) const;             // px, invalid bytes count as U+FFFD

    const FontMetrics& metrics() const { return *metrics_; }
    uint64_t generation() const { return generation_; }  // of the metrics when the tables were filled

private:
    static constexpr uint32_t kLowEnd = 0x370;                      // U+0000..U+036F
    static constexpr uint32_t kStride = kLowEnd + 0x100 + 0x70;     // + U+1E00..1EFF + U+2000..206F
    const FontMetrics* metrics_;
    uint64_t generation_ = 0;
    std::vector<float> table_;
    std::array<float, kFaceCount> ascent_{};
    std::array<float, kFaceCount> descent_{};
};

}  // namespace reader::layout
