// Layout benchmark: a 200-page article (about 500,000 characters) laid out at the
// reading column's widths, with the costs the reading view pays per frame.
//
// The article is generated at run time from Vietnamese syllables (headings, lists,
// quotes, a table and code among the paragraphs), or with --corpus DIR from the
// corpus's articles.jsonl.gz (native only; never committed, see its README).
// Metrics are synthetic but proportional (varied advances, Vietnamese in the tables).
//
// Build by hand (native):
//   g++ -std=c++20 -O2 -Ishared -Itests/unit tests/bench/layout/layout_bench.cpp
//       shared/layout/*.cpp shared/model/document.cpp -o build/layout-bench
// As wasm, run under node:
//   em++ -std=c++20 -O2 -Ishared -Itests/unit ... -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -o layout-bench.js
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "layout/article_layout.h"
#include "layout_test_support.h"

using namespace reader;
using namespace reader::layout;
namespace {

// Thread CPU time where the platform has it (the build machine is shared: wall time
// there includes waiting for a core); wall time otherwise (wasm under node).
struct Clock {
    using time_point = double;  // ms
    static double now() {
#if defined(CLOCK_THREAD_CPUTIME_ID) && !defined(__EMSCRIPTEN__)
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
#else
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
    }
};

double ms_since(Clock::time_point t0) { return Clock::now() - t0; }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

struct Rng {
    uint32_t s = 20221207;
    uint32_t next() { s = s * 1664525u + 1013904223u; return s >> 8; }
    uint32_t below(uint32_t n) { return next() % n; }
};

const char* kSyllables[] = {
    "người", "dân", "thành", "phố", "không", "xả", "rác", "ra", "đường", "và", "kênh", "rạch", "vì", "sạch",
    "giảm", "ngập", "nước", "chi", "bộ", "Đảng", "hội", "nghị", "chuyên", "đề", "giải", "pháp", "tiếp", "tục",
    "nâng", "cao", "chất", "lượng", "sinh", "hoạt", "gắn", "với", "thực", "hiện", "kết", "luận", "số", "về",
    "đẩy", "mạnh", "xây", "dựng", "chỉnh", "đốn", "hệ", "thống", "chính", "trị", "kiên", "quyết", "ngăn",
    "chặn", "đẩy", "lùi", "xử", "lý", "nghiêm", "cán", "đảng", "viên", "suy", "thoái", "tư", "tưởng", "đạo",
    "đức", "lối", "sống", "biểu", "hiện", "Thủ", "Đức", "ủy", "ban", "nhân", "năm", "2022", "7/12", "24.317",
    "(Thanhuytphcm.vn)", "“tự", "diễn", "biến”", "Hướng", "dẫn", "02-HD/TU", "ngày", "của", "Ban", "Thường", "vụ"};
constexpr uint32_t kSyllableCount = sizeof(kSyllables) / sizeof(kSyllables[0]);

std::string sentence_words(Rng& rng, int words) {
    std::string s;
    for (int w = 0; w < words; ++w) {
        if (w) s += ' ';
        s += kSyllables[rng.below(kSyllableCount)];
        if (w + 1 < words && rng.below(12) == 0) s += ',';
    }
    return s;
}

size_t chars_of(std::string_view s) {
    size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// A synthetic article of about `target` characters (code points of body text).
void build_synthetic(test::BundleBuilder& bb, size_t target) {
    Rng rng;
    size_t chars = 0;
    int section = 0;
    while (chars < target) {
        const uint32_t kind = rng.below(40);
        if (kind == 0) {
            bb.heading(2 + static_cast<int>(rng.below(2)), "Phần " + std::to_string(++section) + ": " + sentence_words(rng, 6));
        } else if (kind == 1) {  // a list
            bb.open(BlockKind::List);
            bb.current().tight = true;
            bb.current().ordered = rng.below(2) == 0;
            for (int i = 0; i < 4; ++i) {
                bb.open(BlockKind::ListItem);
                const std::string t = sentence_words(rng, 8 + static_cast<int>(rng.below(20)));
                chars += chars_of(t);
                bb.paragraph(t);
                bb.close();
            }
            bb.close();
        } else if (kind == 2) {  // a quote
            bb.open(BlockKind::Quote);
            const std::string t = sentence_words(rng, 40);
            chars += chars_of(t);
            bb.paragraph(t);
            bb.close();
        } else if (kind == 3 && rng.below(4) == 0) {  // a table
            bb.open(BlockKind::Table);
            bb.current().columns = 3;
            for (int r = 0; r < 5; ++r) {
                bb.open(BlockKind::TableRow);
                bb.current().header = r == 0;
                for (int c = 0; c < 3; ++c) {
                    bb.open(BlockKind::TableCell);
                    bb.current().header = r == 0;
                    const std::string t = sentence_words(rng, 1 + static_cast<int>(rng.below(6)));
                    chars += chars_of(t);
                    bb.text(t);
                    bb.close();
                }
                bb.close();
            }
            bb.close();
        } else if (kind == 4 && rng.below(4) == 0) {
            bb.code("for (int i = 0; i < n; ++i) {\n    tong += gia_tri[i];\n}\n");
        } else {  // a paragraph, sometimes with styled runs and a link
            bb.open(BlockKind::Paragraph);
            const int parts = 1 + static_cast<int>(rng.below(4));
            for (int k = 0; k < parts; ++k) {
                std::string t = sentence_words(rng, 10 + static_cast<int>(rng.below(60)));
                t += k + 1 < parts ? " " : ".";
                chars += chars_of(t);
                const uint32_t style = rng.below(8);
                if (style == 0) bb.text(t, kStyleStrong);
                else if (style == 1) bb.text(t, kStyleEmphasis);
                else if (style == 2) bb.text(t, kStyleNone, 0);
                else bb.text(t);
            }
            bb.close();
        }
    }
}

#ifndef __EMSCRIPTEN__
// Bodies of the corpus's articles, one paragraph per double space, until `target` bytes.
bool build_from_corpus(test::BundleBuilder& bb, const std::string& dir, size_t target) {
    const std::string cmd = "gzip -dc '" + dir + "/articles.jsonl.gz'";
    FILE* f = popen(cmd.c_str(), "r");
    if (!f) return false;
    std::string line;
    size_t chars = 0;
    char buf[1 << 16];
    auto body_of = [](const std::string& l) {
        std::string out;
        const size_t k = l.find("\"body\": \"");
        if (k == std::string::npos) return out;
        for (size_t i = k + 9; i < l.size() && l[i] != '"'; ++i) {
            if (l[i] == '\\' && i + 1 < l.size()) {
                const char e = l[++i];
                if (e == 'n') out += '\n';
                else if (e == 'u' && i + 4 < l.size()) {  // \uXXXX (BMP only is enough here)
                    const unsigned cp = static_cast<unsigned>(std::stoul(l.substr(i + 1, 4), nullptr, 16));
                    i += 4;
                    if (cp < 0x80) out += static_cast<char>(cp);
                    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
                    else { out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
                } else out += e;
            } else {
                out += l[i];
            }
        }
        return out;
    };
    while (chars < target && fgets(buf, sizeof buf, f)) {
        line += buf;
        if (line.empty() || line.back() != '\n') continue;
        const std::string body = body_of(line);
        line.clear();
        size_t a = 0;
        while (a < body.size()) {
            size_t e = body.find("  ", a);
            if (e == std::string::npos) e = body.size();
            if (e > a + 1) {
                bb.paragraph(body.substr(a, e - a));
                chars += chars_of(std::string_view(body).substr(a, e - a));
            }
            a = e + 2;
        }
    }
    pclose(f);
    return chars >= target / 2;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    size_t target = 500000;
    std::string corpus;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--corpus") && i + 1 < argc) corpus = argv[++i];
        else if (!std::strcmp(argv[i], "--chars") && i + 1 < argc) target = std::stoul(argv[++i]);
    }
    test::BundleBuilder bb;
    auto t0 = Clock::now();
    if (!corpus.empty()) {
#ifndef __EMSCRIPTEN__
        if (!build_from_corpus(bb, corpus, target)) {
            std::printf("corpus not readable at %s: skipped\n", corpus.c_str());
            return 0;
        }
#endif
    } else {
        build_synthetic(bb, target);
    }
    bb.article().title = bb.str("Tiếp tục lãnh đạo, chỉ đạo tổ chức quán triệt nghiêm túc Kết luận số 21-KL/TW");
    bb.article().lead = bb.str("(Thanhuytphcm.vn) - Sáng 7/10, Thành ủy Thủ Đức tổ chức hội nghị chuyên đề.");
    Bundle& b = bb.finish();
    size_t body_bytes = 0, body_chars = 0;
    for (const Run& r : b.runs) {
        body_bytes += r.text.len;
        for (uint32_t k = 0; k < r.text.len; ++k) body_chars += (static_cast<unsigned char>(b.text[r.text.off + k]) & 0xC0) != 0x80;
    }
    std::printf("article: %s, %zu blocks, %zu runs, %zu characters (%zu bytes) of body text, built in %.1f ms\n",
                corpus.empty() ? "synthetic" : "corpus", b.blocks.size(), b.runs.size(), body_chars, body_bytes, ms_since(t0));

    test::ProportionalMetrics metrics;
    t0 = Clock::now();
    TextMeasurer probe(metrics);
    std::printf("measurer tables: %.3f ms\n", ms_since(t0));

    for (const bool justify : {false, true}) {
        ArticleLayout view(b, 0, metrics);
        LayoutSettings s;
        s.justify = justify;
        s.width = 680;
        t0 = Clock::now();
        const DisplayList* list = &view.layout(s);
        const double first = ms_since(t0);
        // Width changes (resizing, rotating a phone): each is a full relayout.
        const float widths[] = {358, 680, 520, 740, 420, 600};
        std::vector<double> relayout;
        for (int round = 0; round < 5; ++round) {
            for (const float w : widths) {
                s.width = w;
                t0 = Clock::now();
                list = &view.layout(s);
                relayout.push_back(ms_since(t0));
            }
        }
        s.width = 680;
        list = &view.layout(s);
        // Cache hits: what every frame pays when nothing changed.
        t0 = Clock::now();
        for (int i = 0; i < 100000; ++i) list = &view.layout(s);
        const double hit_us = ms_since(t0) * 1000.0 / 100000.0;
        // Visible range of a 900 px viewport at 2,000 scroll positions.
        size_t drawn = 0;
        t0 = Clock::now();
        for (int i = 0; i < 20000; ++i) {
            const float y = list->height() * static_cast<float>(i) / 20000.0f;
            const auto [a, z] = list->visible(y, y + 900);
            drawn = std::max<size_t>(drawn, z - a);
        }
        const double vis_us = ms_since(t0) * 1000.0 / 20000.0;
        // Scrolling to search matches and hit-testing.
        t0 = Clock::now();
        int found = 0;
        const uint32_t nruns = static_cast<uint32_t>(b.runs.size());
        for (uint32_t i = 0; i < 1000; ++i) {
            const Run& r = b.runs[(i * 7919u) % nruns];
            found += list->y_for_text_offset(r.text.off + r.text.len / 2) >= 0;
        }
        const double offset_us = ms_since(t0);  // ms per 1000 = µs each
        t0 = Clock::now();
        for (int i = 0; i < 1000; ++i) list->hit_test(static_cast<float>(i % 680), list->height() * static_cast<float>(i) / 1000.0f, view.measurer());
        const double hit_test_us = ms_since(t0);
        std::printf("\n%s, width 680, body 18 px:\n", justify ? "justified" : "ragged");
        std::printf("  items %zu (%.1f MB), height %.0f px (%.0f screens of 900 px)\n", list->items().size(),
                    static_cast<double>(list->items().size() * sizeof(Item)) / 1e6, list->height(), list->height() / 900);
        std::printf("  first layout %.2f ms; relayout after a width change: min %.2f ms, median %.2f ms, max %.2f ms (%zu runs)\n",
                    first, percentile(relayout, 0), median(relayout), percentile(relayout, 1.0), relayout.size());
        std::printf("  cached layout() %.3f us; visible() %.3f us; at most %zu items per 900 px screen\n",
                    hit_us, vis_us, drawn);
        std::printf("  y_for_text_offset (no block given, whole list): %.1f us each, %d/1000 found; hit_test %.2f us each\n",
                    offset_us, found, hit_test_us);
    }
    return 0;
}
