// TextMeasurer: per-face advance tables filled once from the app's FontMetrics.
#include "layout/font_metrics.h"

#include "layout/text_scan.h"

namespace reader::layout {

Face face_of(Family family, bool bold, bool italic) {
    switch (family) {
        case Family::Mono: return Face::Mono;
        case Family::Sans:
            return bold ? (italic ? Face::SansBoldItalic : Face::SansBold) : (italic ? Face::SansItalic : Face::SansRegular);
        case Family::Serif:
        default:
            return bold ? (italic ? Face::SerifBoldItalic : Face::SerifBold) : (italic ? Face::SerifItalic : Face::SerifRegular);
    }
}

TextMeasurer::TextMeasurer(const FontMetrics& metrics) : metrics_(&metrics), generation_(metrics.generation()) {
    table_.resize(static_cast<size_t>(kFaceCount) * kStride);
    for (int f = 0; f < kFaceCount; ++f) {
        const auto face = static_cast<Face>(f);
        float* t = &table_[static_cast<size_t>(f) * kStride];
        for (char32_t c = 0; c < kLowEnd; ++c) t[c] = metrics.advance(face, c);
        for (char32_t c = 0; c < 0x100; ++c) t[kLowEnd + c] = metrics.advance(face, 0x1E00 + c);
        for (char32_t c = 0; c < 0x70; ++c) t[kLowEnd + 0x100 + c] = metrics.advance(face, 0x2000 + c);
        ascent_[static_cast<size_t>(f)] = metrics.ascent(face);
        descent_[static_cast<size_t>(f)] = metrics.descent(face);
    }
}

float TextMeasurer::width(Face face, float size_px, std::string_view s) const {
    float em = 0;
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            em += table_[static_cast<size_t>(face) * kStride + b];
            ++i;
            continue;
        }
        uint32_t len = 0;
        em += advance(face, scan::decode(s, i, len));
        i += len;
    }
    return em * size_px;
}

}  // namespace reader::layout
