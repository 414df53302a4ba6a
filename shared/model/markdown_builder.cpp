// md4c callbacks → Block/Run/Link records (see markdown_builder.h).
//
// md4c reports a pre-order walk (enter/leave block, enter/leave span, text), which
// matches the model's pre-order block storage: a stack of open blocks records where
// each subtree ends, and a stack of open spans gives each text run its style.
#include "model/markdown_builder.h"

#include <array>
#include <cstring>

#include <md4c.h>

extern "C" {
#include <entity.h>
}

#include "model/link_policy.h"
#include "text/utf8.h"

namespace reader {
namespace {

struct SpanState {
    uint16_t style = kStyleNone;
    uint32_t link = UINT32_MAX;
    uint32_t span = UINT32_MAX;   // index into Bundle::spans, when one was recorded
};

class Builder {
public:
    Builder(ModelWriter& w, const MarkdownLimits& limits) : w_(w), b_(w.bundle()), limits_(limits) {}

    MarkdownOutput run(std::string_view md) {
        out_.blocks.begin = static_cast<uint32_t>(b_.blocks.size());
        MD_PARSER parser{};
        parser.abi_version = 0;
        parser.flags = markdown_flags();
        parser.enter_block = &Builder::enter_block_cb;
        parser.leave_block = &Builder::leave_block_cb;
        parser.enter_span = &Builder::enter_span_cb;
        parser.leave_span = &Builder::leave_span_cb;
        parser.text = &Builder::text_cb;
        md_parse(md.data(), static_cast<MD_SIZE>(md.size()), &parser, this);
        close_open_spans();
        // md4c always balances enter/leave, but a refused subtree (limits) may leave
        // open entries behind: close them so every subtree_end is set.
        close_implicit();
        while (!open_.empty()) close_block();
        out_.blocks.end = static_cast<uint32_t>(b_.blocks.size());
        return std::move(out_);
    }

    // Plain prose without md4c (see plain_prose below).
    void build_plain(std::string_view md);
    MarkdownOutput take_output() { return std::move(out_); }

private:
    // ------------------------------------------------------------ blocks
    static int enter_block_cb(MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_block(t, d); }
    static int leave_block_cb(MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leave_block(t, d); }
    static int enter_span_cb(MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_span(t, d); }
    static int leave_span_cb(MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leave_span(t, d); }
    static int text_cb(MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
        return static_cast<Builder*>(u)->text(t, std::string_view(s, n));
    }

    // Returns false when the block is not recorded (too deep / too many); its
    // content then flows into the nearest recorded ancestor.
    bool open_block(Block blk) {
        if (b_.blocks.size() - out_.blocks.begin >= limits_.max_blocks) {
            if (!warned_blocks_) out_.warnings.push_back("too many blocks; the rest of the body is dropped");
            warned_blocks_ = true;
            return false;
        }
        blk.level = blk.kind == BlockKind::Heading ? blk.level : static_cast<uint8_t>(std::min<size_t>(open_.size(), 255));
        blk.runs.begin = blk.runs.end = static_cast<uint32_t>(b_.runs.size());
        open_.push_back(static_cast<uint32_t>(b_.blocks.size()));
        b_.blocks.push_back(blk);
        return true;
    }

    void close_block() {
        Block& blk = b_.blocks[open_.back()];
        blk.subtree_end = static_cast<uint32_t>(b_.blocks.size());
        if (collects_inlines(blk.kind)) blk.runs.end = static_cast<uint32_t>(b_.runs.size());
        if (blk.kind == BlockKind::Code || blk.kind == BlockKind::HtmlText) {
            // Code keeps its literal text; trailing line feeds are trimmed for drawing
            // and counted, so exports can give back the exact text.
            unsigned trimmed = 0;
            while (!code_.empty() && code_.back() == '\n') {
                code_.pop_back();
                ++trimmed;
            }
            blk.trailing_newlines = static_cast<uint8_t>(std::min(trimmed, 255u));
            // Code is the source's own text (md4c decodes no entity in it).
            blk.code = source_text(code_);
            code_.clear();
        }
        open_.pop_back();
    }

    static bool collects_inlines(BlockKind k) {
        return k == BlockKind::Paragraph || k == BlockKind::Heading || k == BlockKind::TableCell;
    }

    void close_implicit() {
        if (implicit_open_) {
            implicit_open_ = false;
            close_block();
        }
    }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        close_open_spans();
        close_implicit();
        Block blk;
        bool record = true;
        switch (type) {
            case MD_BLOCK_DOC: record = false; break;
            case MD_BLOCK_QUOTE: blk.kind = BlockKind::Quote; break;
            case MD_BLOCK_UL: {
                auto* d = static_cast<MD_BLOCK_UL_DETAIL*>(detail);
                blk.kind = BlockKind::List;
                blk.tight = d->is_tight != 0;
                break;
            }
            case MD_BLOCK_OL: {
                auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
                blk.kind = BlockKind::List;
                blk.ordered = true;
                blk.tight = d->is_tight != 0;
                blk.start = d->start;
                break;
            }
            case MD_BLOCK_LI: {
                auto* d = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
                blk.kind = BlockKind::ListItem;
                if (d->is_task) blk.task = (d->task_mark == ' ') ? TaskState::Open : TaskState::Done;
                break;
            }
            case MD_BLOCK_HR: blk.kind = BlockKind::ThematicBreak; break;
            case MD_BLOCK_H: {
                blk.kind = BlockKind::Heading;
                blk.level = static_cast<uint8_t>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
                break;
            }
            case MD_BLOCK_CODE: {
                auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
                blk.kind = BlockKind::Code;
                blk.info = w_.add_text(attribute_text(d->lang));
                break;
            }
            case MD_BLOCK_HTML: blk.kind = BlockKind::HtmlText; ++out_.raw_html; break;
            case MD_BLOCK_P: blk.kind = BlockKind::Paragraph; break;
            case MD_BLOCK_TABLE: {
                blk.kind = BlockKind::Table;
                blk.columns = static_cast<uint16_t>(std::min<unsigned>(static_cast<MD_BLOCK_TABLE_DETAIL*>(detail)->col_count, 1000));
                break;
            }
            case MD_BLOCK_THEAD: in_thead_ = true; record = false; break;
            case MD_BLOCK_TBODY: record = false; break;
            case MD_BLOCK_TR: blk.kind = BlockKind::TableRow; blk.header = in_thead_; break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                blk.kind = BlockKind::TableCell;
                blk.header = type == MD_BLOCK_TH;
                switch (static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align) {
                    case MD_ALIGN_LEFT: blk.align = Align::Left; break;
                    case MD_ALIGN_CENTER: blk.align = Align::Center; break;
                    case MD_ALIGN_RIGHT: blk.align = Align::Right; break;
                    default: blk.align = Align::Default; break;
                }
                break;
            }
        }
        if (record) {
            const bool is_container = blk.kind == BlockKind::Quote || blk.kind == BlockKind::List ||
                                      blk.kind == BlockKind::ListItem;
            if (is_container && open_.size() >= limits_.max_depth) {
                // Too deep: its content joins the enclosing block instead.
                if (!warned_depth_) out_.warnings.push_back("nesting deeper than " + std::to_string(limits_.max_depth) + " levels is flattened");
                warned_depth_ = true;
                record = false;
            } else {
                record = open_block(blk);
            }
        }
        recorded_.push_back(record);
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type, void*) {
        close_open_spans();
        close_implicit();
        if (type == MD_BLOCK_THEAD) in_thead_ = false;
        const bool record = recorded_.back();
        recorded_.pop_back();
        if (record && !open_.empty()) close_block();
        return 0;
    }

    // ------------------------------------------------------------ spans
    int enter_span(MD_SPANTYPE type, void* detail) {
        SpanState s = spans_.empty() ? SpanState{} : spans_.back();
        if (image_depth_ > 0) {
            // Inside an image's alt text only the text counts (as CommonMark's HTML
            // renderer does): no styles, no spans.
            if (type == MD_SPAN_IMG) image_depth_++;
            spans_.push_back(s);
            return 0;
        }
        bool record = true;
        SpanKind kind = SpanKind::Emphasis;
        switch (type) {
            case MD_SPAN_EM: s.style |= kStyleEmphasis; kind = SpanKind::Emphasis; break;
            case MD_SPAN_STRONG: s.style |= kStyleStrong; kind = SpanKind::Strong; break;
            case MD_SPAN_CODE: s.style |= kStyleCode; kind = SpanKind::Code; break;
            case MD_SPAN_DEL: s.style |= kStyleStrike; kind = SpanKind::Strike; break;
            case MD_SPAN_U: s.style |= kStyleUnderline; kind = SpanKind::Underline; break;
            case MD_SPAN_A: {
                auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
                const uint32_t link = add_link(attribute_text(d->href), attribute_text(d->title));
                if (link != UINT32_MAX) {
                    s.style |= kStyleLink;
                    s.link = link;
                    kind = SpanKind::Link;
                } else {
                    record = false;  // the link was dropped: its text stays, unmarked
                }
                break;
            }
            case MD_SPAN_IMG: {
                auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
                // The alt text arrives as text callbacks until leave_span: collect it.
                image_depth_ = 1;
                image_alt_.clear();
                image_src_ = attribute_text(d->src);
                image_title_ = attribute_text(d->title);
                record = false;
                break;
            }
            default: record = false; break;  // LaTeX and wiki links are not enabled
        }
        if (record && ensure_inline_target()) {
            Span sp;
            sp.kind = kind;
            sp.block = open_.back();
            sp.begin_run = sp.end_run = static_cast<uint32_t>(b_.runs.size());
            sp.link = s.link;
            s.span = static_cast<uint32_t>(b_.spans.size());
            b_.spans.push_back(sp);
            merge_barrier_ = b_.runs.size();
        }
        spans_.push_back(s);
        return 0;
    }

    int leave_span(MD_SPANTYPE type, void*) {
        if (type == MD_SPAN_IMG && image_depth_ > 0 && --image_depth_ == 0) {
            SpanState s = spans_.size() >= 2 ? spans_[spans_.size() - 2] : SpanState{};
            if (is_safe_image_src(image_src_)) {
                Link l;
                l.href = w_.add_text(image_src_);
                l.title = w_.add_text(image_title_);
                l.target = LinkTarget::External;
                Run r;
                r.kind = RunKind::Image;
                r.style = s.style;
                r.link = static_cast<uint32_t>(b_.links.size());
                r.text = w_.add_text(image_alt_);
                b_.links.push_back(l);
                push_run(r);
            } else {
                out_.warnings.push_back("image source '" + clip(image_src_) + "' is not allowed; its alt text is shown");
                add_run(image_alt_, s);
            }
        }
        if (!spans_.empty()) {
            const SpanState& s = spans_.back();
            if (s.span != UINT32_MAX && (spans_.size() < 2 || spans_[spans_.size() - 2].span != s.span)) {
                Span& sp = b_.spans[s.span];
                sp.end_run = static_cast<uint32_t>(b_.runs.size());
                sp.subtree_end = static_cast<uint32_t>(b_.spans.size());
                merge_barrier_ = b_.runs.size();
            }
            spans_.pop_back();
        }
        return 0;
    }

    // Spans never cross blocks, but md4c (0.5.2) can leave one open: "*a *e
    // [l](h***s)" opens two emphases and never closes them (its own HTML renderer
    // writes two <em> without </em>). Whatever is still open when a block starts or
    // ends is closed there, so styles cannot leak into the next block and every
    // span record is complete.
    void close_open_spans() {
        while (!spans_.empty()) {
            const SpanState& s = spans_.back();
            if (s.span != UINT32_MAX && (spans_.size() < 2 || spans_[spans_.size() - 2].span != s.span)) {
                Span& sp = b_.spans[s.span];
                sp.end_run = static_cast<uint32_t>(b_.runs.size());
                sp.subtree_end = static_cast<uint32_t>(b_.spans.size());
            }
            spans_.pop_back();
        }
        image_depth_ = 0;
        merge_barrier_ = b_.runs.size();
    }

    uint32_t add_link(const std::string& href, const std::string& title) {
        SanitizedLink s = sanitize_link(href);
        if (!s.keep) {
            out_.warnings.push_back("link to '" + clip(href) + "' removed (only http, https, mailto and in-bundle links are kept)");
            return UINT32_MAX;
        }
        Link l;
        l.href = w_.add_text(s.href);
        l.title = w_.add_text(title);
        l.target = s.target;
        const auto index = static_cast<uint32_t>(b_.links.size());
        b_.links.push_back(l);
        if (s.target == LinkTarget::Article) out_.article_links.push_back(index);
        return index;
    }

    // ------------------------------------------------------------ text
    int text(MD_TEXTTYPE type, std::string_view s) {
        std::string decoded;
        std::string_view piece = s;
        switch (type) {
            case MD_TEXT_NULLCHAR: piece = "\xEF\xBF\xBD"; break;  // U+FFFD, as CommonMark asks
            case MD_TEXT_ENTITY: decoded = decode_entity(s); piece = decoded; break;
            case MD_TEXT_BR:
            case MD_TEXT_SOFTBR:
                if (image_depth_ > 0) { image_alt_ += ' '; return 0; }
                if (in_code_block()) { code_ += '\n'; return 0; }
                push_break(type == MD_TEXT_BR ? RunKind::HardBreak : RunKind::SoftBreak);
                return 0;
            case MD_TEXT_HTML:  // kept as inert text; HTML blocks were counted when opened
                if (!in_code_block()) ++out_.raw_html;
                break;
            default: break;  // NORMAL, CODE, LATEXMATH
        }
        if (image_depth_ > 0) {
            image_alt_.append(piece);
            return 0;
        }
        if (in_code_block()) {
            code_.append(piece);
            return 0;
        }
        add_run(piece, spans_.empty() ? SpanState{} : spans_.back(), type == MD_TEXT_ENTITY || type == MD_TEXT_NULLCHAR);
        return 0;
    }

    // Text that is a part of the Markdown source: NFC when the source is.
    Str source_text(std::string_view piece) {
        return limits_.source_is_nfc ? w_.add_nfc_text(piece) : w_.add_text(piece);
    }

    bool in_code_block() const {
        if (open_.empty()) return false;
        const BlockKind k = b_.blocks[open_.back()].kind;
        return k == BlockKind::Code || k == BlockKind::HtmlText;
    }

    void add_run(std::string_view piece, const SpanState& s, bool made_here = true) {
        if (piece.empty()) return;
        // Consecutive text with the same style merges into one run (md4c splits
        // text at entities and escapes): fewer runs, simpler layout.
        if (!b_.runs.empty() && inline_target_open() && b_.runs.size() > current_runs_begin() &&
            b_.runs.size() > merge_barrier_) {
            Run& last = b_.runs.back();
            if (last.kind == RunKind::Text && last.style == s.style && last.link == s.link &&
                last.text.off + last.text.len == b_.text.size()) {
                const Str more = made_here ? w_.add_text(piece) : source_text(piece);
                last.text.len += more.len;
                return;
            }
        }
        Run r;
        r.kind = RunKind::Text;
        r.style = s.style;
        r.link = s.link;
        r.text = made_here ? w_.add_text(piece) : source_text(piece);
        push_run(r);
    }

    void push_break(RunKind kind) {
        Run r;
        r.kind = kind;
        push_run(r);
    }

    bool inline_target_open() const {
        return !open_.empty() && collects_inlines(b_.blocks[open_.back()].kind);
    }
    size_t current_runs_begin() const { return b_.blocks[open_.back()].runs.begin; }

    // Inline content outside a paragraph (tight list items, flattened containers)
    // gets a paragraph of its own so nothing is lost. False when none can be opened.
    bool ensure_inline_target() {
        if (inline_target_open()) return true;
        if (!open_.empty() && in_code_block()) return false;
        Block p;
        p.kind = BlockKind::Paragraph;
        if (!open_block(p)) return false;
        implicit_open_ = true;  // closed before the next block event
        return true;
    }

    void push_run(const Run& r) {
        if (!ensure_inline_target()) return;
        b_.runs.push_back(r);
    }

    // ------------------------------------------------------------ helpers
    static std::string attribute_text(const MD_ATTRIBUTE& a) {
        std::string out;
        if (a.text == nullptr) return out;
        for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
            std::string_view part(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
            switch (a.substr_types[i]) {
                case MD_TEXT_ENTITY: out += decode_entity(part); break;
                case MD_TEXT_NULLCHAR: out += "\xEF\xBF\xBD"; break;
                default: out.append(part); break;
            }
        }
        return out;
    }

    // "&amp;", "&#123;", "&#x1F600;" → UTF-8; unknown entities stay literal.
    static std::string decode_entity(std::string_view e) {
        std::string out;
        if (e.size() >= 3 && e[1] == '#') {
            uint32_t cp = 0;
            bool hex = e[2] == 'x' || e[2] == 'X';
            for (size_t i = hex ? 3 : 2; i + 1 < e.size(); ++i) {
                const char c = e[i];
                uint32_t digit = 0;
                if (c >= '0' && c <= '9') digit = static_cast<uint32_t>(c - '0');
                else if (hex && c >= 'a' && c <= 'f') digit = static_cast<uint32_t>(c - 'a' + 10);
                else if (hex && c >= 'A' && c <= 'F') digit = static_cast<uint32_t>(c - 'A' + 10);
                else return std::string(e);
                cp = cp * (hex ? 16 : 10) + digit;
                if (cp > 0x10FFFF) { cp = 0xFFFD; break; }
            }
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
            text::append_utf8(out, cp);
            return out;
        }
        if (const ENTITY* ent = entity_lookup(e.data(), e.size())) {
            text::append_utf8(out, ent->codepoints[0]);
            if (ent->codepoints[1]) text::append_utf8(out, ent->codepoints[1]);
            return out;
        }
        return std::string(e);
    }

    static std::string clip(const std::string& s) { return s.size() > 60 ? s.substr(0, 57) + "..." : s; }

    ModelWriter& w_;
    Bundle& b_;
    MarkdownLimits limits_;
    MarkdownOutput out_;
    std::vector<uint32_t> open_;       // indices of open recorded blocks
    std::vector<bool> recorded_;       // per md4c block: was it recorded?
    std::vector<SpanState> spans_;
    std::string code_;
    std::string image_alt_, image_src_, image_title_;
    int image_depth_ = 0;
    size_t merge_barrier_ = 0;
    bool line_break_hard_ = false;  // build_plain: the previous line ended in two or more spaces    // runs before this index are closed to merging (a span opened or closed)
    bool implicit_open_ = false;  // a paragraph opened for loose inline content (tight list items)
    bool in_thead_ = false;
    bool warned_depth_ = false;
    bool warned_blocks_ = false;
};

}  // namespace

unsigned markdown_flags() {
    // GitHub dialect (tables, strikethrough, task lists, permissive autolinks).
    // Raw HTML stays enabled in the parser so it is recognized and kept as inert
    // text, exactly as written, instead of being parsed as Markdown.
    return MD_DIALECT_GITHUB;
}

namespace {

// ------------------------------------------------------------------ plain prose
// Most news bodies are paragraphs of plain text. For text in which nothing could be
// read as Markdown markup, what md4c would report is known exactly: paragraphs split
// at blank lines; in each, the lines' leading spaces and the last line's trailing
// spaces dropped; a line ending in two or more spaces a hard break, any other line
// end a soft break. `plain_prose` recognises such text by refusing, in one scan,
// every byte that could start markup anywhere (backslash, code, emphasis, links,
// HTML, entities, strikethrough, tables, autolinks) or at a line start (headings,
// quotes, lists, rules, fences, indented code); `build_plain` then builds that
// model directly, at a fraction of md4c's cost. fuzz_markdown checks that both ways
// give the same model on every input the scan accepts.
constexpr std::array<bool, 256> make_refused_anywhere() {
    std::array<bool, 256> t{};
    for (const char* c = "\\`*_[]<&~|@\t\r"; *c; ++c) t[static_cast<unsigned char>(*c)] = true;
    t[0] = true;
    return t;
}
constexpr auto kRefusedAnywhere = make_refused_anywhere();

// Bytes the scan must look at: the refused ones, line ends, and the ':' and '.' of
// "://" and "www.".
constexpr std::array<bool, 256> make_interesting() {
    std::array<bool, 256> t = make_refused_anywhere();
    t['\n'] = t[':'] = t['.'] = true;
    return t;
}
constexpr auto kInteresting = make_interesting();

bool plain_prose(std::string_view md) {
    const char* p = md.data();
    const char* end = p + md.size();
    bool line_start = true;
    while (p < end) {
        if (line_start) {
            line_start = false;
            int spaces = 0;
            while (p < end && *p == ' ') ++p, ++spaces;
            if (spaces >= 4) return false;  // indented code (or a continuation line: refused alike)
            if (p >= end) break;
            const char c = *p;
            if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') return false;
            if (c >= '0' && c <= '9') {
                const char* d = p;
                while (d < end && d - p < 10 && *d >= '0' && *d <= '9') ++d;
                if (d < end && (*d == '.' || *d == ')')) return false;  // an ordered list item
            }
        }
        // Eight bytes at a time while none of them needs a look (almost all text).
        while (end - p >= 8) {
            const auto* u = reinterpret_cast<const unsigned char*>(p);
            // Bitwise on purpose (no branch per byte); int keeps clang's bool warning quiet.
            const int any = int(kInteresting[u[0]]) | int(kInteresting[u[1]]) | int(kInteresting[u[2]]) |
                            int(kInteresting[u[3]]) | int(kInteresting[u[4]]) | int(kInteresting[u[5]]) |
                            int(kInteresting[u[6]]) | int(kInteresting[u[7]]);
            if (any) break;
            p += 8;
        }
        if (p >= end) break;
        const auto c = static_cast<unsigned char>(*p);
        if (kRefusedAnywhere[c]) return false;
        if (c == '\n') {
            line_start = true;
        } else if (c == ':' && end - p >= 3 && p[1] == '/' && p[2] == '/') {
            return false;  // "https://..." would be an autolink
        } else if (c == '.' && p - md.data() >= 3) {
            const auto lower = [](char x) { return static_cast<char>(x | 0x20); };
            if (lower(p[-1]) == 'w' && lower(p[-2]) == 'w' && lower(p[-3]) == 'w') return false;  // "www."
        }
        ++p;
    }
    return true;
}

}  // namespace

void Builder::build_plain(std::string_view md) {
    out_.blocks.begin = static_cast<uint32_t>(b_.blocks.size());
    const char* p = md.data();
    const char* end = p + md.size();
    bool in_paragraph = false;
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        const char* line_end = nl ? nl : end;
        const char* a = p;
        while (a < line_end && *a == ' ') ++a;
        const char* z = line_end;
        while (z > a && z[-1] == ' ') --z;
        if (a == z) {
            // A blank line ends the paragraph.
            if (in_paragraph) close_block();
            in_paragraph = false;
        } else {
            if (!in_paragraph) {
                Block blk;
                blk.kind = BlockKind::Paragraph;
                if (!open_block(blk)) break;
                in_paragraph = true;
            } else {
                // The previous line's end: a hard break after two or more spaces.
                push_break(line_break_hard_ ? RunKind::HardBreak : RunKind::SoftBreak);
            }
            Run r;
            r.kind = RunKind::Text;
            r.text = source_text(std::string_view(a, static_cast<size_t>(z - a)));
            push_run(r);
            line_break_hard_ = line_end - z >= 2;
        }
        p = nl ? nl + 1 : end;
    }
    if (in_paragraph) close_block();
    out_.blocks.end = static_cast<uint32_t>(b_.blocks.size());
}

MarkdownOutput build_markdown(ModelWriter& w, std::string_view markdown, const MarkdownLimits& limits) {
    Builder builder(w, limits);
    if (limits.plain_fast_path && markdown.size() / 2 < limits.max_blocks && plain_prose(markdown)) {
        builder.build_plain(markdown);
        return builder.take_output();
    }
    return builder.run(markdown);
}

}  // namespace reader
