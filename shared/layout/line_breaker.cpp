// Greedy line breaking over grapheme clusters (see line_breaker.h).
//
// The scan collects a "word" (the clusters between two break opportunities, possibly
// spanning several pieces) and the "glue" before it, and commits the word to the open
// line when the next opportunity arrives: it goes on the line if it fits, starts a new
// line if not, and is cut between clusters if it is wider than a whole line.
#include "layout/line_breaker.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "layout/text_scan.h"

namespace reader::layout {
namespace {

constexpr float kNoWrap = 1e30f;

bool breaks_after(char32_t c) {
    return c == '-' || c == '/' || c == 0x2010 || c == 0x2013 || c == 0x2014;
}

// ASCII bytes the fast path leaves to the per-cluster path.
constexpr auto kSpecialAscii = [] {
    std::array<bool, 128> t{};
    for (const char c : {' ', '\t', '\n', '\r', '\f', '-', '/'}) t[static_cast<unsigned char>(c)] = true;
    return t;
}();

// Non-ASCII code points the fast path leaves to the per-cluster path.
bool is_special(char32_t c) {
    return scan::is_space(c) || scan::is_invisible_break(c) || breaks_after(c);
}

// May a line break between `before` (a hyphen, dash or slash) and `next`?
bool break_allowed(char32_t before, char32_t next) {
    if (before == '/') return next != '/' && !scan::is_digit(next) && next != ' ';
    return scan::is_letter(next);
}

}  // namespace

void LineBreaker::run(std::span<const Piece> pieces, const BreakOptions& options) {
    pieces_ = pieces;
    opt_ = options;
    width_ = (options.width > 0 && std::isfinite(options.width)) ? options.width : kNoWrap;
    lines_.clear();
    segs_.clear();
    word_.clear();
    word_w_ = word_hang_ = 0;
    word_clusters_ = 0;
    glue_ = {};
    break_after_pending_ = false;
    prev_char_ = 0;
    line_first_ = 0;
    line_x_ = 0;
    line_glues_ = 0;
    line_ascent_ = line_descent_ = 0;
    max_word_ = 0;

    const bool preserve = options.preserve_spaces;
    const TextMeasurer& m = *m_;
    for (uint32_t pi = 0; pi < pieces.size(); ++pi) {
        const Piece& p = pieces[pi];
        if (p.kind == PieceKind::HardBreak) {
            commit_word();
            finish_line(true, &p);
            glue_ = {};
            break_after_pending_ = false;
            continue;
        }
        if (p.kind == PieceKind::SoftBreak) {
            add_glue(m.advance(p.face, ' ') * p.size, true);
            continue;
        }
        const std::string_view s = p.text;
        const size_t n = s.size();
        const float size = p.size;
        const float* low = m.low_table(p.face);
        size_t i = 0;
        while (i < n) {
            if (!preserve) {
                // The fast path: a stretch of characters with no break opportunity
                // inside, measured in one loop and added to the word in one step.
                const size_t start = i;
                float em = 0;
                char32_t last = 0;
                uint32_t count = 0;
                while (i < n) {
                    const auto b = static_cast<unsigned char>(s[i]);
                    if (b < 0x80) {
                        if (kSpecialAscii[b]) break;
                        em += low[b];
                        last = b;
                        ++count;
                        ++i;
                        continue;
                    }
                    uint32_t len = 0;
                    const char32_t c = scan::decode(s, i, len);
                    const bool mark = scan::extends_cluster(c);
                    if ((mark && i == 0) || (!mark && is_special(c))) break;
                    em += m.advance(p.face, c);
                    if (!mark) {
                        last = c;
                        ++count;
                    }
                    i += len;
                }
                if (i > start) {
                    if (break_after_pending_) {
                        uint32_t len = 0;
                        if (break_allowed(pending_char_, scan::decode(s, start, len))) {
                            commit_word();
                            glue_.present = true;
                        }
                        break_after_pending_ = false;
                    }
                    add_cluster(pi, static_cast<uint32_t>(start), static_cast<uint32_t>(i), em * size, false, count);
                    prev_char_ = last;
                }
                if (i >= n) break;
            }
            // One cluster at a time: spaces, breaks, hyphens, slashes, dashes, a mark
            // starting the piece, and everything in preserving mode.
            const auto b = static_cast<unsigned char>(s[i]);
            char32_t c;
            size_t len;
            float w;
            if (b < 0x80 && (i + 1 >= n || static_cast<unsigned char>(s[i + 1]) < 0xCC)) {
                c = b;
                len = 1;
                w = m.advance(p.face, c) * size;
            } else {
                len = scan::cluster_length(s, i, c);
                float em = 0;
                for (size_t k = i; k < i + len;) {
                    uint32_t cl = 0;
                    em += m.advance(p.face, scan::decode(s, k, cl));
                    k += cl;
                }
                w = em * size;
            }
            if (c == '\n') {  // plain text line break
                commit_word();
                finish_line(true, &p);
                glue_ = {};
                break_after_pending_ = false;
                i += len;
                continue;
            }
            const bool single = len == (c < 0x80 ? 1u : c < 0x800 ? 2u : c < 0x10000 ? 3u : 4u);
            if (!preserve && single && scan::is_space(c)) {
                add_glue(m.advance(p.face, ' ') * size, true);
                i += len;
                continue;
            }
            if (scan::is_invisible_break(c) || (preserve && c == '\r')) {
                commit_word();
                glue_.present = true;
                break_after_pending_ = false;
                i += len;
                continue;
            }
            const bool mark_start = i == 0 && scan::extends_cluster(c);
            if (preserve) {
                const bool space = c == ' ' || c == '\t';
                if (!space && word_hang_ > 0) {  // a break opportunity follows spaces
                    commit_word();
                    glue_.present = true;
                }
                add_cluster(pi, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), w, mark_start);
                if (space) word_hang_ += w;
            } else {
                if (break_after_pending_ && !mark_start && break_allowed(pending_char_, c)) {
                    commit_word();
                    glue_.present = true;
                }
                break_after_pending_ = false;
                const bool had_word = !word_.empty();
                add_cluster(pi, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), w, mark_start);
                // Hyphens and dashes after a letter ("Bắc-Nam", not "21-KL"); slashes
                // after a long stretch ("https://", "/duong-dan/"; not "KL/TW", "và/hoặc").
                if (had_word && breaks_after(c) &&
                    (c == '/' ? word_clusters_ >= 7 : scan::is_letter(prev_char_))) {
                    break_after_pending_ = true;
                    pending_char_ = c;
                }
                prev_char_ = c;
            }
            i += len;
        }
    }
    commit_word();
    if (segs_.size() > line_first_) finish_line(true, pieces.empty() ? nullptr : &pieces.back());
}

IntrinsicWidths LineBreaker::measure(std::span<const Piece> pieces, bool preserve_spaces) {
    BreakOptions o;
    o.width = 0;  // no wrapping
    o.preserve_spaces = preserve_spaces;
    run(pieces, o);
    IntrinsicWidths r;
    r.min = max_word_;
    for (const Line& l : lines_) r.max = std::max(r.max, l.width);
    return r;
}

void LineBreaker::add_cluster(uint32_t piece, uint32_t begin, uint32_t end, float w, bool mark_start, uint32_t clusters) {
    if (!word_.empty() && word_.back().piece == piece && word_.back().end == begin) {
        word_.back().end = end;
        word_.back().width += w;
    } else {
        word_.push_back(Frag{piece, begin, end, w, mark_start});
    }
    word_w_ += w;
    word_clusters_ += clusters;
}

void LineBreaker::add_glue(float width, bool stretch) {
    commit_word();
    glue_.present = true;
    glue_.width = std::max(glue_.width, width);
    glue_.stretch = glue_.stretch || stretch;
    break_after_pending_ = false;
}

void LineBreaker::commit_word() {
    if (word_.empty()) return;
    const float fit = word_w_ - word_hang_;
    max_word_ = std::max(max_word_, fit);
    const bool line_empty = segs_.size() == line_first_;
    if (!line_empty && fits(line_x_ + glue_.width + fit)) {
        place_frags(word_.data(), word_.size(), glue_.width, glue_.stretch);
    } else {
        if (!line_empty) finish_line(false, nullptr);
        if (fits(fit)) place_frags(word_.data(), word_.size(), 0, false);
        else split_long_word();
    }
    word_.clear();
    word_w_ = word_hang_ = 0;
    word_clusters_ = 0;
    glue_ = {};
}

void LineBreaker::place_frags(const Frag* frags, size_t n, float glue, bool stretch) {
    line_x_ += glue;
    if (stretch) ++line_glues_;
    const TextMeasurer& m = *m_;
    for (size_t k = 0; k < n; ++k) {
        const Frag& f = frags[k];
        if (f.begin == f.end) continue;
        const Piece& p = pieces_[f.piece];
        // Join the previous segment when nothing but one U+0020 (or nothing at all)
        // separates them in the same piece: lines are drawn as few strings.
        Segment* prev = segs_.size() > line_first_ ? &segs_.back() : nullptr;
        bool join = false, over_space = false;
        if (prev && prev->piece == f.piece) {
            if (prev->end == f.begin) join = k > 0 || !stretch;
            else if (k == 0 && stretch && prev->end + 1 == f.begin && p.text[prev->end] == ' ') join = over_space = true;
        }
        if (join) {
            prev->end = f.end;
            prev->width = line_x_ + f.width - prev->x;
            prev->spaces += over_space ? 1 : 0;
        } else {
            segs_.push_back(Segment{line_x_, f.width, f.piece, f.begin, f.end, line_glues_, 0});
            line_ascent_ = std::max(line_ascent_, m.ascent(p.face) * p.size);
            line_descent_ = std::max(line_descent_, m.descent(p.face) * p.size);
        }
        line_x_ += f.width;
    }
}

void LineBreaker::split_long_word() {
    // Called on an empty line: cut the word between clusters, at least one per line.
    for (const Frag& f : word_) {
        const Piece& p = pieces_[f.piece];
        const TextMeasurer& m = *m_;
        uint32_t pos = f.begin, part_begin = f.begin;
        float part_w = 0;
        while (pos < f.end) {
            char32_t c;
            const uint32_t len = static_cast<uint32_t>(std::min<size_t>(scan::cluster_length(p.text, pos, c), f.end - pos));
            float em = 0;
            for (uint32_t k = pos; k < pos + len;) {
                uint32_t cl = 0;
                em += m.advance(p.face, scan::decode(p.text, k, cl));
                k += cl;
            }
            const float cw = em * p.size;
            const bool line_empty = segs_.size() == line_first_ && part_w == 0;
            const bool may_break = !(pos == f.begin && f.starts_with_mark) && c != ' ' && c != '\t';
            if (!line_empty && may_break && !fits(line_x_ + part_w + cw)) {
                if (pos > part_begin) {
                    const Frag part{f.piece, part_begin, pos, part_w, false};
                    place_frags(&part, 1, 0, false);
                }
                finish_line(false, nullptr);
                part_begin = pos;
                part_w = 0;
            }
            part_w += cw;
            pos += len;
        }
        const Frag rest{f.piece, part_begin, f.end, part_w, false};
        place_frags(&rest, 1, 0, false);
    }
}

void LineBreaker::finish_line(bool hard_end, const Piece* at) {
    Line line;
    line.first = line_first_;
    line.count = static_cast<uint32_t>(segs_.size()) - line_first_;
    line.width = line_x_;
    line.hard_end = hard_end;
    if (line.count == 0) {
        const Piece* p = at ? at : (pieces_.empty() ? nullptr : &pieces_.back());
        if (p) {
            line.ascent = m_->ascent(p->face) * p->size;
            line.descent = m_->descent(p->face) * p->size;
        }
    } else {
        line.ascent = line_ascent_;
        line.descent = line_descent_;
    }
    const bool wraps = width_ < kNoWrap;
    if (opt_.align == TextAlign::Justify && !hard_end && line_glues_ > 0 && wraps && line_x_ < width_) {
        const float extra = (width_ - line_x_) / static_cast<float>(line_glues_);
        for (uint32_t k = line.first; k < line.first + line.count; ++k) {
            Segment& seg = segs_[k];
            seg.x += extra * static_cast<float>(seg.glues);
            seg.width += extra * static_cast<float>(seg.spaces);
        }
        line.width = width_;
        line.space_extra = extra;
    }
    if (wraps && (opt_.align == TextAlign::Right || opt_.align == TextAlign::Center) && line.width < width_) {
        const float shift = opt_.align == TextAlign::Right ? width_ - line.width : (width_ - line.width) * 0.5f;
        for (uint32_t k = line.first; k < line.first + line.count; ++k) segs_[k].x += shift;
    }
    lines_.push_back(line);
    line_first_ = static_cast<uint32_t>(segs_.size());
    line_x_ = 0;
    line_glues_ = 0;
    line_ascent_ = line_descent_ = 0;
}

}  // namespace reader::layout
