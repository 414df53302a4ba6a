// Paragraph line breaking: styled text pieces → lines of positioned segments.
//
// Greedy, one pass, no allocation once its scratch vectors have grown. Breaks at
// white space (Vietnamese separates syllables with spaces), after hyphens and dashes
// between letters ("Bắc-Nam"; not "21-KL/TW", "COVID-19"), after slashes in long
// words ("https://thanhuytphcm.vn/tin-tuc/"; not "KL/TW", "7/12/2022"), at zero-width
// spaces and soft hyphens (no hyphen is drawn at such a break); a word wider
// than the line breaks between grapheme clusters. A break never falls inside a
// UTF-8 sequence nor between a letter and its combining marks.
//
// Collapsing mode (text): runs of white space and soft breaks are one glue of a
// space's width, dropped at line ends. Words of one piece separated by a single
// U+0020 form one segment; on a justified line every such space is widened by
// Line::space_extra (other gaps are in the segments' x). Preserving mode (code):
// spaces and tabs keep their widths and stay in the segments; trailing spaces of a
// wrapped line hang past the edge.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "layout/font_metrics.h"
#include "layout/typography.h"

namespace reader::layout {

enum class PieceKind : uint8_t {
    Text,       // `text` drawn with face/size
    SoftBreak,  // a source line break: a space
    HardBreak,  // a forced line break
};

// One styled slice of a paragraph. Where the bytes live is the caller's business:
// segments report byte ranges within `text`, and `ref` is passed through so the
// caller can turn them into offsets of its own (Bundle::text, an owned arena).
struct Piece {
    std::string_view text;
    PieceKind kind = PieceKind::Text;
    Face face = Face::SerifRegular;
    float size = 18;              // px
    uint32_t ref = 0;             // caller's offset of text[0]
    uint32_t link = UINT32_MAX;   // passed through
    uint16_t style = 0;           // RunStyle bits, passed through
    Ink ink = Ink::Text;          // passed through
    bool owned = false;           // passed through
};

struct BreakOptions {
    float width = 0;              // px; <= 0 or infinity: never wrap
    TextAlign align = TextAlign::Left;
    bool preserve_spaces = false; // code: keep every space and tab
};

// A drawable slice of one piece on one line.
struct Segment {
    float x = 0;                  // px from the paragraph's left edge (alignment and justification applied)
    float width = 0;              // px: the advances of the bytes [begin, end)
    uint32_t piece = 0;           // index into the pieces given
    uint32_t begin = 0;           // byte range within pieces[piece].text
    uint32_t end = 0;
    uint32_t glues = 0;           // stretchable spaces before it on its line (internal)
    uint32_t spaces = 0;          // single spaces inside it, widened on justified lines (internal)
};

struct Line {
    uint32_t first = 0;           // index into segments()
    uint32_t count = 0;
    float width = 0;              // px: natural width (justified lines: the full width)
    float ascent = 0;             // px: max over its segments (empty lines: of the piece at the break)
    float descent = 0;            // px
    float space_extra = 0;        // px added to every space inside this line's segments (justified lines)
    bool hard_end = false;        // ended by a hard break or the paragraph's end (not stretched when justifying)
};

struct IntrinsicWidths {
    float min = 0;                // px: the widest unbreakable word
    float max = 0;                // px: the widest line when nothing wraps
};

class LineBreaker {
public:
    explicit LineBreaker(const TextMeasurer& measurer) : m_(&measurer) {}

    // Lays out one paragraph; lines() and segments() are valid until the next call.
    void run(std::span<const Piece> pieces, const BreakOptions& options);
    std::span<const Line> lines() const { return lines_; }
    std::span<const Segment> segments() const { return segs_; }

    // For table columns: the narrowest and widest the pieces can be laid out.
    IntrinsicWidths measure(std::span<const Piece> pieces, bool preserve_spaces = false);

    const TextMeasurer& measurer() const { return *m_; }

private:
    struct Frag {                 // part of the word being collected
        uint32_t piece, begin, end;
        float width;
        bool starts_with_mark;    // the piece begins with a mark that belongs to the previous cluster
    };
    struct Glue {
        float width = 0;
        bool present = false;     // a break opportunity precedes the word
        bool stretch = false;     // a collapsible space (stretched when justifying)
    };

    void add_cluster(uint32_t piece, uint32_t begin, uint32_t end, float w, bool mark_start, uint32_t clusters = 1);
    void add_glue(float width, bool stretch);
    void commit_word();
    void place_frags(const Frag* frags, size_t n, float glue, bool stretch);
    void split_long_word();
    void finish_line(bool hard_end, const Piece* at);
    bool fits(float w) const { return w <= width_ + 0.01f; }

    const TextMeasurer* m_;
    std::span<const Piece> pieces_;
    BreakOptions opt_;
    float width_ = 0;             // effective wrap width (huge when not wrapping)

    std::vector<Frag> word_;      // the word being collected
    float word_w_ = 0;
    float word_hang_ = 0;         // trailing spaces of the word (preserving mode)
    uint32_t word_clusters_ = 0;
    char32_t prev_char_ = 0;      // first code point of the previous cluster
    Glue glue_;                   // the glue before word_
    bool break_after_pending_ = false;  // a hyphen/slash ended the last cluster
    char32_t pending_char_ = 0;

    std::vector<Line> lines_;
    std::vector<Segment> segs_;
    uint32_t line_first_ = 0;     // first segment of the open line
    float line_x_ = 0;
    uint32_t line_glues_ = 0;
    float line_ascent_ = 0, line_descent_ = 0;
    float max_word_ = 0;          // for measure()
};

}  // namespace reader::layout
