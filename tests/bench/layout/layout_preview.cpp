// Layout preview: lays out a Markdown article with the real Noto fonts' metrics (read
// with ImGui's stb_truetype, scaled the way ImGui scales: ascent - descent = font
// size) and writes the display list as SVG, to look at the layout without the app.
//
//   layout_preview ARTICLE.md OUT.svg [--width PX] [--justify] [--sans] [--title T] [--lead L]
//   chromium --headless --screenshot=out.png --window-size=800,3000 OUT.svg
//
// Build by hand (after tools/bootstrap.py, which unpacks ImGui into build/third_party):
//   g++ -std=c++20 -O2 -Ishared -Itests/unit -Ibuild/third_party/imgui -Ibuild/<dir>/generated
//       tests/bench/layout/layout_preview.cpp -Lbuild/<dir> -lreader_core -lmd4c -o layout-preview
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#define STB_TRUETYPE_IMPLEMENTATION
#include "imstb_truetype.h"

#include "layout/article_layout.h"
#include "model/markdown_builder.h"
#include "model/model_writer.h"

using namespace reader;
using namespace reader::layout;

namespace {

const char* kFontDir = "/usr/share/fonts/truetype/noto/";
const char* kFiles[kFaceCount] = {"NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf",
                                  "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Italic.ttf",
                                  "NotoSans-Bold.ttf", "NotoSans-BoldItalic.ttf", "NotoSansMono-Regular.ttf"};

struct Font {
    std::vector<unsigned char> data;
    stbtt_fontinfo info{};
    float scale = 0;        // font units → em of the ImGui size
    float ascent = 0, descent = 0;
    float em_per_size = 0;  // CSS font-size / ImGui size
};

class StbMetrics : public FontMetrics {
public:
    bool load() {
        for (int f = 0; f < kFaceCount; ++f) {
            std::ifstream in(std::string(kFontDir) + kFiles[f], std::ios::binary);
            if (!in) return false;
            Font& font = fonts_[f];
            font.data.assign(std::istreambuf_iterator<char>(in), {});
            if (!stbtt_InitFont(&font.info, font.data.data(), stbtt_GetFontOffsetForIndex(font.data.data(), 0))) return false;
            int asc = 0, desc = 0, gap = 0;
            stbtt_GetFontVMetrics(&font.info, &asc, &desc, &gap);
            font.scale = 1.0f / static_cast<float>(asc - desc);
            font.ascent = static_cast<float>(asc) * font.scale;
            font.descent = static_cast<float>(-desc) * font.scale;
            const int units_per_em = ttUSHORT(font.data.data() + stbtt__find_table(font.data.data(), 0, "head") + 18);
            font.em_per_size = static_cast<float>(units_per_em) * font.scale;
        }
        return true;
    }
    float advance(Face face, char32_t c) const override {
        const Font& f = fonts_[static_cast<int>(face)];
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&f.info, static_cast<int>(c), &adv, &lsb);
        return static_cast<float>(adv) * f.scale;
    }
    float ascent(Face face) const override { return fonts_[static_cast<int>(face)].ascent; }
    float descent(Face face) const override { return fonts_[static_cast<int>(face)].descent; }
    float css_size(Face face, float size) const { return size * fonts_[static_cast<int>(face)].em_per_size; }

private:
    Font fonts_[kFaceCount];
};

std::string xml(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else out += c;
    }
    return out;
}

const char* colour(Ink ink) {
    switch (ink) {
        case Ink::Text: return "#1a1a1a";
        case Ink::Muted: return "#6b6b6b";
        case Ink::Heading: return "#111";
        case Ink::Accent: return "#b0201a";
        case Ink::Lead: return "#222";
        case Ink::Link: return "#0b57a4";
        case Ink::Code: return "#333";
        case Ink::CodeBackground: return "#f2f2f2";
        case Ink::QuoteBar: return "#c9c9c9";
        case Ink::Rule: return "#d5d5d5";
        case Ink::TableHeaderBackground: return "#efefef";
        case Ink::TableBorder: return "#d0d0d0";
        case Ink::ImagePlaceholder: return "#dde3ea";
        case Ink::TagBackground: return "#eef0f3";
        case Ink::Marker: return "#555";
    }
    return "#000";
}

std::string font_attrs(Face f, float css) {
    const bool serif = f <= Face::SerifBoldItalic, mono = f == Face::Mono;
    const bool bold = f == Face::SerifBold || f == Face::SerifBoldItalic || f == Face::SansBold || f == Face::SansBoldItalic;
    const bool italic = f == Face::SerifItalic || f == Face::SerifBoldItalic || f == Face::SansItalic || f == Face::SansBoldItalic;
    std::ostringstream o;
    o << "font-family=\"" << (mono ? "Noto Sans Mono" : serif ? "Noto Serif" : "Noto Sans") << "\" font-size=\"" << css
      << "\"" << (bold ? " font-weight=\"bold\"" : "") << (italic ? " font-style=\"italic\"" : "");
    return o.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: layout_preview ARTICLE.md OUT.svg [--width PX] [--justify] [--sans] [--title T] [--lead L]\n");
        return 2;
    }
    LayoutSettings settings;
    std::string title, lead;
    for (int i = 3; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--width") && i + 1 < argc) settings.width = std::stof(argv[++i]);
        else if (!std::strcmp(argv[i], "--justify")) settings.justify = true;
        else if (!std::strcmp(argv[i], "--sans")) settings.serif = false;
        else if (!std::strcmp(argv[i], "--title") && i + 1 < argc) title = argv[++i];
        else if (!std::strcmp(argv[i], "--lead") && i + 1 < argc) lead = argv[++i];
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::string markdown((std::istreambuf_iterator<char>(in)), {});
    StbMetrics metrics;
    if (!metrics.load()) {
        std::fprintf(stderr, "fonts not found in %s\n", kFontDir);
        return 1;
    }
    Bundle b;
    ModelWriter w(b);
    b.articles.emplace_back();
    b.articles[0].title = w.add_text(title);
    b.articles[0].lead = w.add_text(lead);
    b.articles[0].authors.push_back(w.add_text("Đình Quân"));
    b.articles[0].blocks = build_markdown(w, markdown).blocks;

    ArticleLayout view(b, 0, metrics);
    ArticleTexts texts = texts_from_model(b, b.articles[0]);
    texts.dateline = "Thứ Tư, ngày 7 tháng 12 năm 2022";
    texts.tags_label = "Từ khóa:";
    texts.tags = {"Thủ Đức", "chi bộ", "Kết luận 21-KL/TW"};
    view.set_texts(texts);
    const DisplayList& list = view.layout(settings);

    const float margin = 24;
    std::ofstream out(argv[2]);
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << settings.width + 2 * margin << "\" height=\""
        << list.height() + 2 * margin << "\" style=\"font-kerning:none;text-rendering:geometricPrecision\">\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<g transform=\"translate(" << margin << "," << margin << ")\">\n";
    for (const Item& it : list.items()) {
        switch (it.kind) {
            case ItemKind::Text: {
                const std::string attrs = font_attrs(it.face, metrics.css_size(it.face, it.size));
                if (it.style & reader::kStyleCode)
                    out << "<rect x=\"" << it.x - 2 << "\" y=\"" << it.text_y << "\" width=\"" << it.w + 4 << "\" height=\""
                        << it.size << "\" fill=\"#f0f0f0\"/>\n";
                for_each_word(it, list.text(it), view.measurer(), [&](float x, std::string_view word) {
                    out << "<text x=\"" << x << "\" y=\"" << it.baseline << "\" " << attrs << " fill=\"" << colour(it.ink)
                        << "\" xml:space=\"preserve\">" << xml(word) << "</text>\n";
                });
                Rect deco[2];
                const int n = decoration_rects(it, deco);
                for (int k = 0; k < n; ++k)
                    out << "<rect x=\"" << deco[k].x << "\" y=\"" << deco[k].y << "\" width=\"" << deco[k].w << "\" height=\""
                        << deco[k].h << "\" fill=\"" << colour(it.ink) << "\"/>\n";
                break;
            }
            case ItemKind::Rect:
                out << "<rect x=\"" << it.x << "\" y=\"" << it.y << "\" width=\"" << it.w << "\" height=\"" << it.h
                    << "\" rx=\"" << (it.ink == Ink::TagBackground ? 4 : 0) << "\" fill=\"" << colour(it.ink) << "\"/>\n";
                break;
            case ItemKind::Image: {
                const ImageBox& box = list.images()[it.text_off];
                out << "<rect x=\"" << it.x << "\" y=\"" << it.y << "\" width=\"" << it.w << "\" height=\"" << it.h
                    << "\" fill=\"" << colour(Ink::ImagePlaceholder) << "\"/>\n<text x=\"" << it.x + 8 << "\" y=\"" << it.y + 20
                    << "\" font-family=\"Noto Sans\" font-size=\"12\" fill=\"#667\">" << xml(list.src(box)) << "</text>\n";
                break;
            }
            case ItemKind::Bullet: {
                const float r = it.w / 2;
                if (it.flags & kBulletSquare)
                    out << "<rect x=\"" << it.x << "\" y=\"" << it.y << "\" width=\"" << it.w << "\" height=\"" << it.h << "\" fill=\"#555\"/>\n";
                else
                    out << "<circle cx=\"" << it.x + r << "\" cy=\"" << it.y + r << "\" r=\"" << r << "\" "
                        << ((it.flags & kBulletCircle) ? "fill=\"none\" stroke=\"#555\"" : "fill=\"#555\"") << "/>\n";
                break;
            }
            case ItemKind::CheckBox:
                out << "<rect x=\"" << it.x << "\" y=\"" << it.y << "\" width=\"" << it.w << "\" height=\"" << it.h
                    << "\" rx=\"2\" fill=\"none\" stroke=\"#555\"/>\n";
                if (it.flags & kItemChecked)
                    out << "<path d=\"M" << it.x + it.w * 0.2f << "," << it.y + it.h * 0.5f << " L" << it.x + it.w * 0.42f << ","
                        << it.y + it.h * 0.75f << " L" << it.x + it.w * 0.8f << "," << it.y + it.h * 0.25f
                        << "\" fill=\"none\" stroke=\"#555\" stroke-width=\"2\"/>\n";
                break;
        }
    }
    out << "</g>\n</svg>\n";
    std::printf("%zu items, height %.0f px\n", list.items().size(), list.height());
    return 0;
}
