// Searching the index: query parsing, term expansion over variants and prefixes,
// BM25F accumulation, phrase and adjacency checks on positions, ranking, snippets.
#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>

#include "search/index_impl.h"
#include "search/postings_blocks.h"
#include "search/tokenizer.h"
#include "text/normalize.h"
#include "text/unicode_data.h"
#include "text/utf8.h"
#include "text/vietnamese.h"

namespace reader::search {

namespace detail {

constexpr int kMaxQueryTokens = 12;
constexpr uint32_t kNone = UINT32_MAX;
constexpr size_t kMaxPrefixExpansions = 24;      // the typed syllable is not a word (yet)
constexpr size_t kMaxPrefixExpansionsWord = 6;   // it is a word: fewer, cheaper extensions
// Expansions are also capped by what they cost: the most frequent completions are
// taken until their postings reach this fraction of the index's units. A short prefix
// typed while searching as you type ("gia n") would otherwise read the lists of the
// six or more most common syllables starting with it: tens of ms where a whole query
// takes one or two.
constexpr double kExpansionBudget = 0.5;
constexpr uint32_t kScanWindow = 1024;      // units per window when reading lists side by side
constexpr size_t kAdjacencyBudget = 4000;   // candidate documents checked for adjacency
constexpr float kExpansionWeight = 0.6f;    // a longer syllable matched by prefix
constexpr float kFoldedWeight = 0.35f;      // same folded key, other diacritics
constexpr float kFoldedDWeight = 0.8f;      // differs only by d / đ
constexpr float kAdjacencyWeight = 1.0f;

// A query token's slot in one document (Scratch::Slot::bits) says which of the token's
// TermRefs matched (bit min(i, kLastTermBit)), whether one of them was typed exactly
// (kExactBit), and in which field groups (title, lead, body, other) it was seen (bit
// kGroupShift + group). One word per slot: a posting updates one 8-byte slot and nothing
// else, the cost that dominates a query.
constexpr int kLastTermBit = 26;
constexpr int kGroupShift = 27;
constexpr uint32_t kExactBit = 1u << 31;
constexpr int kFieldGroup[kFieldCount] = {0, 1, 2, 3, 3, 3, 3, 2};
inline uint32_t term_bit(size_t ti) { return 1u << std::min<size_t>(ti, kLastTermBit); }
inline uint32_t group_bits(uint32_t slot_bits) { return (slot_bits >> kGroupShift) & 0xF; }

struct QueryToken {
    std::string exact, exact_case, folded, folded_case;
    bool diacritics = false;
    bool prefix = false;
    int group = -1;  // phrase group: quoted, or a code joined by connectors
};

struct TermRef {
    uint32_t variant;
    float weight;
    bool exact;
};

struct PosRef {
    uint32_t ptr;  // offset of the position data in postings
    uint32_t tf;
    int32_t next;
};

// Positions of one query token in one unit, gathered for the adjacency check.
struct UnitHit {
    uint32_t unit;
    int q;
    uint32_t ptr;  // position data in postings
    uint32_t tf;
    float weight;
};

struct Scratch {
    // Dense per-document accumulators (reset through `touched`).
    // Per document: the query tokens whose lists created it (every token's in relaxed
    // mode; the first token's in AND mode, where `alive` tells the survivors).
    std::vector<uint32_t> mask;
    // Per document and query token (slot doc * nq + q): BM25F weighted term frequency
    // and the bits described at kGroupShift.
    struct Slot {
        float tfw;
        uint32_t bits;
    };
    std::vector<Slot> slots;
    std::vector<uint32_t> touched;
    std::vector<uint32_t> candidates;
    std::vector<uint32_t> live;       // AND intersection so far, in document order
    // The same set as one bit per document: a later token's list is tested against it
    // without touching the (much larger, cache-missing) accumulators of dead documents.
    std::vector<uint64_t> alive;
    struct Scan {                     // a posting list being read window by window
        uint32_t next_block, end_block;  // skip-table indices: the next block to decode, the end
        uint32_t df_left;             // entries in the blocks not decoded yet
        uint32_t term;                // index in the token's TermRefs
        uint32_t i;                   // the next entry of `block`
        Block block;
    };
    std::vector<Scan> scans;
    std::vector<float> base_scores;   // of the candidates, for the want-th best
    std::vector<UnitHit> unit_hits;
    std::vector<uint32_t> positions[kMaxQueryTokens];
    std::vector<uint64_t> unit_positions[kMaxQueryTokens];  // unit << 32 | position (phrases)
};

}  // namespace detail

using namespace detail;

// ------------------------------------------------------------------ Index basics
Index::Impl::Impl() : scratch(std::make_unique<Scratch>()) {}
Index::Impl::~Impl() = default;
Index::Index() : impl_(std::make_unique<Impl>()) {}
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

const char* field_name(Field f) {
    static const char* const kNames[kFieldCount] = {"title", "lead", "body", "caption", "author", "tag", "announcement", "comment"};
    return uint32_t(f) < kFieldCount ? kNames[uint32_t(f)] : "body";
}

void Index::Impl::derive() {
    // BM25F: a unit's term frequency counts w_field / (1 - b + b * L / avgL), where L is
    // the length of that field in the unit's document (all its units together).
    const size_t nd = doc_ids.size();
    std::vector<uint32_t> field_len(nd * kFieldCount, 0);
    double sum[kFieldCount] = {};
    uint32_t count[kFieldCount] = {};
    for (const Unit& u : units) field_len[size_t(u.doc) * kFieldCount + size_t(u.field)] += u.length;
    for (size_t d = 0; d < nd; ++d)
        for (int f = 0; f < kFieldCount; ++f)
            if (uint32_t l = field_len[d * kFieldCount + f]) {
                sum[f] += l;
                ++count[f];
            }
    unit_norm.resize(units.size());
    unit_doc.resize(units.size());
    unit_group_shift.resize(units.size());
    for (size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        int f = int(u.field);
        double avg = count[f] ? sum[f] / count[f] : 1.0;
        double len = field_len[size_t(u.doc) * kFieldCount + f];
        unit_norm[i] = float(kFieldWeight[f] / (1.0 - kFieldB[f] + kFieldB[f] * len / std::max(avg, 1.0)));
        unit_doc[i] = u.doc;
        unit_group_shift[i] = uint8_t(kGroupShift + kFieldGroup[f]);
    }
    const size_t nf = folded_off.size() - 1;
    folded_df.assign(nf, 0);
    for (size_t f = 0; f < nf; ++f) {
        uint64_t s = 0;
        for (uint32_t v = folded_var[f]; v < folded_var[f + 1]; ++v) s += variant_df[v];
        folded_df[f] = uint32_t(std::min<uint64_t>(s, UINT32_MAX));
    }
    doc_first_unit.assign(nd, UINT32_MAX);
    doc_last_unit.assign(nd, 0);
    for (uint32_t i = 0; i < units.size(); ++i) {
        uint32_t d = units[i].doc;
        doc_first_unit[d] = std::min(doc_first_unit[d], i);
        doc_last_unit[d] = std::max(doc_last_unit[d], i);
    }
    docs_in_unit_order = true;
    for (uint32_t i = 1; i < units.size() && docs_in_unit_order; ++i)
        docs_in_unit_order = units[i].doc == units[i - 1].doc || units[i].doc == units[i - 1].doc + 1;
    // The stored (serialized, validated) postings become blocks, with their skip tables.
    detail::block_postings(*this);
    scratch->mask.assign(nd, 0);
    scratch->slots.assign(nd * kMaxQueryTokens, Scratch::Slot{0.0f, 0});
    scratch->alive.assign(nd / 64 + 1, 0);
}

std::string_view Index::Impl::unit_text(uint32_t u) const {
    if (has_text) return std::string_view(texts).substr(text_off[u], text_off[u + 1] - text_off[u]);
    if (source) {
        const Unit& x = units[u];
        return source(doc_ids[x.doc], x.field, x.sub_id);
    }
    return {};
}

void Index::set_text_source(TextSource source) { impl_->source = std::move(source); }

IndexStats Index::stats() const {
    const Impl& x = *impl_;
    IndexStats s;
    s.documents = uint32_t(x.doc_ids.size());
    s.units = uint32_t(x.units.size());
    s.tokens_indexed = uint32_t(std::min<uint64_t>(x.tokens, UINT32_MAX));
    s.folded_terms = uint32_t(x.folded_off.size() - 1);
    s.variants = uint32_t(x.variant_df.size());
    s.postings_bytes = x.postings.capacity();
    s.dictionary_bytes = x.folded_keys.capacity() + x.variant_keys.capacity() +
                         4 * (x.folded_off.capacity() + x.folded_var.capacity() + x.folded_df.capacity() +
                              x.variant_off.capacity() + x.post_off.capacity() + x.variant_df.capacity());
    s.unit_bytes = x.units.capacity() * sizeof(Unit) + x.unit_norm.capacity() * 4 + x.unit_doc.capacity() * 4 +
                   x.unit_group_shift.capacity() + x.doc_ids.capacity() * 4 +
                   x.doc_dates.capacity() * 8 + 4 * (x.doc_first_unit.capacity() + x.doc_last_unit.capacity()) +
                   4 * (x.skip_begin.capacity() + x.skip_unit.capacity() + x.skip_off.capacity()) +
                   x.scratch->mask.capacity() * 4 + x.scratch->slots.capacity() * sizeof(Scratch::Slot) + x.scratch->alive.capacity() * 8;
    s.text_bytes = x.texts.capacity() + x.text_off.capacity() * 4;
    s.memory_bytes = s.postings_bytes + s.dictionary_bytes + s.unit_bytes + s.text_bytes;
    s.documents_in_order = x.docs_in_unit_order;
    return s;
}

// ------------------------------------------------------------------ query parsing
namespace {

std::string lower_nfc(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (size_t i = 0; i < key.size();) {
        unsigned char c = static_cast<unsigned char>(key[i]);
        if (c < 0x80) {
            out.push_back(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
            ++i;
            continue;
        }
        text::append_utf8(out, text::to_lower(text::next_codepoint(key, i)));
    }
    return out;
}

// Typographic quotation marks as '"': phones with smart punctuation type “hà nội”, and
// Vietnamese text also uses „…“ and «…».
std::string straight_quotes(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' &&
            (s[i + 2] == '\x9C' || s[i + 2] == '\x9D' || s[i + 2] == '\x9E')) {  // “ ” „
            out.push_back('"');
            i += 2;
        } else if (c == 0xC2 && i + 1 < s.size() && (s[i + 1] == '\xAB' || s[i + 1] == '\xBB')) {  // « »
            out.push_back('"');
            i += 1;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// đ (U+0111) -> d, for the "typed d for đ" closeness test.
std::string without_dd(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (i + 1 < s.size() && s[i] == '\xC4' && s[i + 1] == '\x91') {
            out.push_back('d');
            ++i;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::vector<QueryToken> parse_query(const Query& q) {
    std::vector<QueryToken> tokens;
    std::string text = straight_quotes(text::to_nfc(q.text));
    // Quoted stretches are phrases; an unterminated quote runs to the end.
    std::vector<std::pair<std::string_view, bool>> parts;  // (text, quoted)
    {
        std::string_view s = text;
        bool quoted = false;
        size_t start = 0;
        for (size_t i = 0; i <= s.size(); ++i) {
            if (i == s.size() || s[i] == '"') {
                if (i > start) parts.push_back({s.substr(start, i - start), quoted});
                quoted = !quoted;
                start = i + 1;
            }
        }
    }
    int groups = 0;
    std::string key;
    for (auto [part, quoted] : parts) {
        Tokenizer tz(part);
        Token t;
        int group = quoted ? groups++ : -1;
        int code_group = -1;
        size_t first_in_part = tokens.size();
        while (tokens.size() < size_t(kMaxQueryTokens) && tz.next(t)) {
            QueryToken qt;
            std::string_view tok = t.in(part);
            token_key(tok, t.ascii, t.simple, key);
            qt.exact_case = key;
            qt.exact = lower_nfc(key);
            qt.folded_case = text::fold(key, text::Case::Keep);
            qt.folded = text::fold(key);
            qt.diacritics = text::has_diacritics(key);
            if (quoted) {
                qt.group = group;
            } else if (t.joined && tokens.size() > first_in_part) {
                if (tokens.back().group < 0) {
                    code_group = groups++;
                    tokens.back().group = code_group;
                }
                qt.group = tokens.back().group;
            }
            tokens.push_back(std::move(qt));
        }
    }
    // Search as you type: the last syllable may be incomplete, unless the query ends
    // with a space or a closing quote, or whole words are asked for.
    if (!tokens.empty() && !q.whole_words && tokens.back().group < 0 && !text.empty()) {
        unsigned char last = static_cast<unsigned char>(text.back());
        if (last != ' ' && last != '"' && last != '\t' && last != '\n') tokens.back().prefix = true;
    }
    return tokens;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The variants a query token reads, with weights: exact spelling 1, folded 0.35,
// longer syllables by prefix 0.6 of that.
std::vector<TermRef> resolve(const Index::Impl& x, const QueryToken& t, const Query& q) {
    std::vector<TermRef> refs;
    const uint32_t nf = uint32_t(x.folded_off.size() - 1);
    // First folded key >= t.folded.
    uint32_t lo = 0, hi = nf;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (x.folded_key(mid) < t.folded) lo = mid + 1; else hi = mid;
    }
    std::vector<uint32_t> folded_terms;
    if (lo < nf && x.folded_key(lo) == t.folded) folded_terms.push_back(lo);
    if (t.prefix) {
        std::vector<uint32_t> longer;
        for (uint32_t f = lo; f < nf && starts_with(x.folded_key(f), t.folded); ++f)
            if (x.folded_key(f) != t.folded) longer.push_back(f);
        const size_t cap = folded_terms.empty() ? kMaxPrefixExpansions : kMaxPrefixExpansionsWord;
        if (longer.size() > cap) {
            std::partial_sort(longer.begin(), longer.begin() + cap, longer.end(),
                              [&](uint32_t a, uint32_t b) {
                                  // Ties broken by key order: the same expansions on every platform.
                                  return x.folded_df[a] != x.folded_df[b] ? x.folded_df[a] > x.folded_df[b] : a < b;
                              });
            longer.resize(cap);
        } else {
            std::sort(longer.begin(), longer.end(), [&](uint32_t a, uint32_t b) {
                return x.folded_df[a] != x.folded_df[b] ? x.folded_df[a] > x.folded_df[b] : a < b;
            });
        }
        // The first (most frequent) expansion always; then more while within budget.
        const double budget = kExpansionBudget * double(x.units.size());
        double spent = 0;
        size_t keep = 0;
        for (; keep < longer.size(); ++keep) {
            spent += x.folded_df[longer[keep]];
            if (keep > 0 && spent > budget) break;
        }
        longer.resize(keep);
        folded_terms.insert(folded_terms.end(), longer.begin(), longer.end());
    }
    const std::string exact_dd = without_dd(t.exact);
    for (uint32_t f : folded_terms) {
        bool expansion = x.folded_key(f) != t.folded;
        for (uint32_t v = x.folded_var[f]; v < x.folded_var[f + 1]; ++v) {
            std::string_view key = x.variant_key(v);
            auto same = [&](std::string_view a, std::string_view b) { return t.prefix ? starts_with(a, b) : a == b; };
            std::string lower = lower_nfc(key);
            bool exact = same(lower, t.exact);
            float w = 1.0f;
            if (q.match_diacritics) {
                if (!(q.match_case ? same(key, t.exact_case) : exact)) continue;
            } else {
                if (q.match_case && !same(text::fold(key, text::Case::Keep), t.folded_case)) continue;
                if (t.diacritics && !exact) w = same(without_dd(lower), exact_dd) ? kFoldedDWeight : kFoldedWeight;
                if (!t.diacritics) exact = true;  // nothing typed to be exact about
            }
            if (expansion) w *= kExpansionWeight;
            refs.push_back({v, w, exact});
        }
    }
    return refs;
}

inline void decode_positions(const uint8_t* base, const PosRef& r, std::vector<uint32_t>& out) {
    const uint8_t* p = base + r.ptr;
    uint32_t pos = 0;
    for (uint32_t k = 0; k < r.tf; ++k) {
        uint32_t d = get_varint(p);
        pos = k == 0 ? d : pos + d;
        out.push_back(pos);
    }
}

bool has_adjacent(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        uint64_t want = uint64_t(a[i]) + 1;
        if (b[j] == want) return true;
        if (b[j] < want) ++j; else ++i;
    }
    return false;
}

}  // namespace

// ------------------------------------------------------------------ snippets
namespace {

struct Highlighter {
    const std::vector<QueryToken>& tokens;
    const Query& q;

    // Most of a text's tokens differ from every query token in their first two folded
    // bytes: they are passed over without cutting them out or folding them whole.
    // `filter` is off when some query token could match anything (an empty form).
    bool filter = false;
    std::vector<std::string_view> wants;  // each query token's folded form
    // The bytes a token passing the test can start with: ASCII letters and digits that
    // begin some query token, and every lead byte of a multi-byte code point (tested
    // after folding it). ranges() looks for tokens only at those.
    bool start_byte[256] = {};

    Highlighter(const std::vector<QueryToken>& query_tokens, const Query& query) : tokens(query_tokens), q(query) {
        filter = true;
        for (const QueryToken& qt : tokens) {
            const std::string& want = q.match_case ? qt.folded_case : qt.folded;
            if (want.empty()) { filter = false; return; }
            wants.push_back(want);
        }
        for (int b = 0; b < 0x80; ++b) {
            const char c = char(!q.match_case && b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
            for (std::string_view w : wants) start_byte[b] |= ascii_alnum(uint8_t(b)) && w[0] == c;
        }
        for (int b = 0xC0; b < 0x100; ++b) start_byte[b] = true;
    }
    // Whether the token starting at byte `at` of text may match: the first two bytes of
    // its folded form (the first of a one-letter token) begin some query token's.
    bool may_match(std::string_view text, size_t at) const {
        if (!filter) return true;
        char head[8];
        size_t n = 0;
        const text::Case c = q.match_case ? text::Case::Keep : text::Case::Fold;
        for (size_t i = at; n < 2 && i < text.size();) {
            const uint8_t b = uint8_t(text[i]);
            if (b < 0x80) {
                if (!ascii_alnum(b)) break;
                head[n++] = char(c == text::Case::Fold && b >= 'A' && b <= 'Z' ? b + 32 : b);
                ++i;
                continue;
            }
            const char32_t cp = text::next_codepoint(text, i);
            if (!text::is_word_char(cp)) break;
            if (const char32_t f = text::fold_codepoint(cp, c)) n += text::encode_utf8(f, head + n);
        }
        if (n == 0) return true;  // folds to nothing so far: decided by matches()
        for (std::string_view w : wants) {
            const size_t k = std::min(n, w.size());
            if (std::memcmp(head, w.data(), k) == 0) return true;
        }
        return false;
    }
    bool matches(std::string_view tok, const Token& t, std::string& key, std::string& folded) const {
        folded.clear();
        text::append_fold(folded, tok, q.match_case ? text::Case::Keep : text::Case::Fold);
        bool any = false;
        for (const QueryToken& qt : tokens) {
            const std::string& want = q.match_case ? qt.folded_case : qt.folded;
            if (qt.prefix ? starts_with(folded, want) : folded == want) { any = true; break; }
        }
        if (!any || !q.match_diacritics) return any;
        token_key(tok, t.ascii, t.simple, key);
        std::string lower = q.match_case ? key : lower_nfc(key);
        for (const QueryToken& qt : tokens) {
            const std::string& want = q.match_case ? qt.exact_case : qt.exact;
            if (qt.prefix ? starts_with(lower, want) : lower == want) return true;
        }
        return false;
    }

    // The matches in `text`, joined into ranges.
    std::vector<ByteRange> ranges(std::string_view text) const {
        std::vector<ByteRange> out;
        std::string key, folded;
        uint32_t last_end = UINT32_MAX;
        // The tokens, in order, or with the filter only those starting with a start_byte
        // (and, after a skipped code point that is no word character, the next one).
        Tokenizer all(text);
        size_t at = 0;
        auto next_token = [&](Token& t) {
            if (!filter) return all.next(t);
            const size_t n = text.size();
            for (;;) {
                while (at < n && !start_byte[uint8_t(text[at])]) ++at;
                if (at >= n) return false;
                if (word_char_before(text, at) || !may_match(text, at)) {
                    ++at;
                    continue;
                }
                Tokenizer tz(text.substr(at));
                if (!tz.next(t)) return false;
                t.begin += uint32_t(at);
                t.end += uint32_t(at);
                at = t.end;
                return true;
            }
        };
        Token t;
        while (next_token(t)) {
            if (!matches(t.in(text), t, key, folded)) continue;
            // Merge with the previous match when only white space or one connector
            // separates them ("Hà Nội" is highlighted as one range).
            bool merge = false;
            if (!out.empty() && last_end != UINT32_MAX) {
                std::string_view gap = text.substr(last_end, t.begin - last_end);
                merge = gap.size() <= 1 || (gap.size() <= 3 && gap.find_first_not_of(" ") == std::string_view::npos);
            }
            if (merge) out.back().end = t.end; else out.push_back({t.begin, t.end});
            last_end = t.end;
        }
        return out;
    }
};

constexpr size_t kSnippetBytes = 220;
constexpr size_t kSnippetLead = 60;

void make_snippet(std::string_view text, const std::vector<ByteRange>& matches, Hit& hit) {
    hit.matches = matches;
    if (text.size() <= kSnippetBytes) {
        hit.snippet.assign(text);
        hit.snippet_highlights = matches;
        return;
    }
    // The window starts a little before the longest match (the first of equals).
    ByteRange focus{0, 0};
    for (const ByteRange& r : matches)
        if (r.end - r.begin > focus.end - focus.begin) focus = r;
    size_t begin = focus.begin > kSnippetLead ? focus.begin - kSnippetLead : 0;
    size_t end = std::min(text.size(), begin + kSnippetBytes);
    if (end == text.size()) begin = end > kSnippetBytes ? end - kSnippetBytes : 0;
    // Move inward to spaces so that no word is cut (when a space is near).
    if (begin > 0) {
        size_t sp = text.find(' ', begin);
        if (sp != std::string_view::npos && sp < begin + 24 && sp < focus.begin) begin = sp + 1;
        else begin = text::utf8_prev_boundary(text, begin + 1);
    }
    if (end < text.size()) {
        size_t sp = text.rfind(' ', end);
        if (sp != std::string_view::npos && sp > begin && sp + 24 > end && sp >= focus.end) end = sp;
        else end = text::utf8_prev_boundary(text, end);
    }
    static const std::string kEllipsis = "\xE2\x80\xA6";  // …
    size_t shift = 0;
    if (begin > 0) {
        hit.snippet = kEllipsis;
        shift = kEllipsis.size();
    }
    hit.snippet.append(text.substr(begin, end - begin));
    if (end < text.size()) hit.snippet += kEllipsis;
    for (const ByteRange& r : matches) {
        if (r.end <= begin || r.begin >= end) continue;
        uint32_t b = uint32_t(std::max<size_t>(r.begin, begin) - begin + shift);
        uint32_t e = uint32_t(std::min<size_t>(r.end, end) - begin + shift);
        hit.snippet_highlights.push_back({b, e});
    }
}

}  // namespace

// ------------------------------------------------------------------ search
namespace {

// Calls fn(unit, ptr, tf) for each posting of variant v whose unit lies in
// [first, last], starting from the block holding `first`.
template <typename Fn>
void postings_in_range(const Index::Impl& x, uint32_t v, uint32_t first, uint32_t last, Fn&& fn) {
    PostingCursor c(x, v);
    if (!c.seek(first)) return;
    for (; c.valid && c.unit <= last; c.next()) fn(c.unit, c.ptr(), c.tf);
}

// The largest adjacency bonus factor a pair can earn in each of those groups.
constexpr float kGroupBonus[4] = {1.0f, 2.5f / 6.0f, 1.0f / 6.0f, 3.0f / 6.0f};

struct UnitEval {
    uint32_t unit = kNone;
    float score = -1;
    int matched = 0;
};

}  // namespace

Results Index::search(const Query& query) const {
    const Impl& x = *impl_;
    Scratch& s = *x.scratch;
    Results results;
    std::vector<QueryToken> tokens = parse_query(query);
    const int nq = int(tokens.size());
    if (nq == 0 || x.units.empty()) return results;

    std::vector<std::vector<TermRef>> terms(nq);
    std::vector<float> idf(nq);
    std::vector<uint64_t> cost(nq);
    const double n_units = double(x.units.size());
    bool all_found = true;
    for (int i = 0; i < nq; ++i) {
        terms[i] = resolve(x, tokens[i], query);
        uint64_t df = 0;
        for (const TermRef& r : terms[i]) {
            df += x.variant_df[r.variant];
            cost[i] += x.post_off[r.variant + 1] - x.post_off[r.variant];
        }
        double d = std::min<double>(double(df), n_units);
        idf[i] = float(std::log(1.0 + (n_units - d + 0.5) / (d + 0.5)));
        if (terms[i].empty()) all_found = false;
    }
    std::vector<int> order(nq);
    for (int i = 0; i < nq; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return cost[a] < cost[b]; });
    const uint8_t* base = x.postings.data();

    // Clears what the query wrote. A document's nq slots are cleared with stores of a
    // size known at compile time: a fill of run-time size becomes a call to memset per
    // document in wasm (no bulk-memory instructions), ~40 us per query.
    auto reset = [&] {
        auto clear = [&](auto count) {
            for (uint32_t d : s.touched) {
                s.mask[d] = 0;
                s.alive[d >> 6] = 0;
                Scratch::Slot* sl = &s.slots[size_t(d) * nq];
                for (int i = 0; i < decltype(count)::value; ++i) sl[i] = Scratch::Slot{0.0f, 0};
            }
        };
        switch (nq) {
        case 1: clear(std::integral_constant<int, 1>{}); break;
        case 2: clear(std::integral_constant<int, 2>{}); break;
        case 3: clear(std::integral_constant<int, 3>{}); break;
        case 4: clear(std::integral_constant<int, 4>{}); break;
        default:
            for (uint32_t d : s.touched) {
                s.mask[d] = 0;
                s.alive[d >> 6] = 0;
                std::fill_n(&s.slots[size_t(d) * nq], nq, Scratch::Slot{0.0f, 0});
            }
        }
        s.touched.clear();
    };

    // Phase 1: document-level BM25F accumulators. Per document the query's tokens take
    // `nq` consecutive slots (not kMaxQueryTokens), so one document's updates share
    // cache lines.
    const uint32_t* unit_doc = x.unit_doc.data();
    const float* unit_norm = x.unit_norm.data();
    const uint8_t* unit_shift = x.unit_group_shift.data();
    uint32_t* __restrict mask = s.mask.data();
    Scratch::Slot* __restrict slots = s.slots.data();
    const uint32_t n_units_u32 = uint32_t(x.units.size());
    uint64_t* __restrict alive = s.alive.data();
    auto accumulate = [&](bool and_mode) {
        for (int oi = 0; oi < nq; ++oi) {
            const int qi = order[oi];
            const bool create = !and_mode || oi == 0;
            const uint32_t bit = 1u << qi;
            const bool intersect = and_mode && oi > 0 && x.docs_in_unit_order;
            if (intersect && oi == 1) {
                // The first token's documents in order: several variants' lists leave
                // `touched` unsorted; sorting many is slower than one pass over all.
                s.live.assign(s.touched.begin(), s.touched.end());
                if (!std::is_sorted(s.live.begin(), s.live.end())) {
                    if (s.live.size() * 32 < s.mask.size()) {
                        std::sort(s.live.begin(), s.live.end());
                    } else {
                        s.live.clear();
                        for (uint32_t d = 0; d < uint32_t(s.mask.size()); ++d)
                            if (mask[d]) s.live.push_back(d);
                    }
                }
            }
            for (size_t ti = 0; ti < terms[qi].size(); ++ti) {
                const TermRef& term = terms[qi][ti];
                const uint32_t tbits = term_bit(ti) | (term.exact ? kExactBit : 0);
                const float weight = term.weight;
                auto add = [&](uint32_t unit, uint32_t doc, uint32_t tf) {
                    Scratch::Slot& sl = slots[size_t(doc) * nq + qi];
                    sl.tfw += weight * float(tf) * unit_norm[unit];
                    sl.bits |= tbits | (1u << unit_shift[unit]);
                };
                if (intersect && uint64_t(s.live.size()) * 4 < x.variant_df[term.variant]) {
                    // Few live documents against a long list: visit them in order,
                    // jumping through the skip table.
                    PostingCursor c(x, term.variant);
                    for (uint32_t doc : s.live) {
                        if (!c.seek(x.doc_first_unit[doc])) break;
                        const uint32_t last = x.doc_last_unit[doc];
                        while (c.valid && c.unit <= last) {
                            add(c.unit, doc, c.tf);
                            c.next();
                        }
                    }
                    continue;
                }
                if (!create && and_mode && !x.docs_in_unit_order && uint64_t(s.touched.size()) * 16 < x.variant_df[term.variant]) {
                    for (uint32_t doc : s.touched) {
                        postings_in_range(x, term.variant, x.doc_first_unit[doc], x.doc_last_unit[doc],
                                          [&](uint32_t unit, uint32_t, uint32_t tf) {
                                              if (unit_doc[unit] == doc) add(unit, doc, tf);
                                          });
                    }
                    continue;
                }
                Scratch::Scan& sc = s.scans.emplace_back();
                sc.next_block = x.skip_begin[term.variant];
                sc.end_block = x.skip_begin[term.variant + 1];
                sc.df_left = x.variant_df[term.variant];
                sc.term = uint32_t(ti);
                sc.i = 0;
                sc.block.n = 0;
            }
            // The remaining lists are read side by side, one window of units at a time,
            // so the accumulators of the window's documents stay in cache while all of
            // the token's variants are added to them (each list alone would sweep every
            // document's accumulators once).
            for (uint32_t w = 0; !s.scans.empty() && w < n_units_u32; w += kScanWindow) {
                const uint32_t wend = w + kScanWindow;
                for (Scratch::Scan& sc : s.scans) {
                    const TermRef& term = terms[qi][sc.term];
                    const uint32_t tbits = term_bit(sc.term) | (term.exact ? kExactBit : 0);
                    const float weight = term.weight;
                    // Local copies: the compiler keeps them in registers instead of
                    // reloading them through the closure after every store.
                    const uint32_t* const ud = unit_doc;
                    const float* const un = unit_norm;
                    const uint8_t* const us = unit_shift;
                    Scratch::Slot* const sl0 = slots + qi;
                    const uint32_t* const skip_unit = x.skip_unit.data();
                    const uint32_t* const skip_off = x.skip_off.data();
                    for (;;) {
                        if (sc.i == sc.block.n) {
                            if (sc.next_block == sc.end_block) break;
                            const uint32_t k = sc.next_block++;
                            const uint32_t n = std::min(sc.df_left, kSkipEvery);
                            sc.df_left -= n;
                            decode_block(base + skip_off[k], n, skip_unit[k], sc.block);
                            sc.i = 0;
                            // Native builds: ask for the list's next block early (no-op in wasm).
                            if (sc.next_block < sc.end_block) __builtin_prefetch(base + skip_off[sc.next_block]);
                        }
                        const Block& blk = sc.block;
                        const uint32_t n = blk.n;
                        uint32_t i = sc.i;
                        for (; i < n; ++i) {
                            const uint32_t unit = blk.unit[i];
                            if (unit >= wend) break;
                            const uint32_t doc = ud[unit];
                            Scratch::Slot& sl = sl0[size_t(doc) * nq];
                            if (create) {
                                if (mask[doc] == 0) s.touched.push_back(doc);
                                mask[doc] |= bit;
                                sl.tfw += weight * float(blk.tf[i]) * un[unit];
                                sl.bits |= tbits | (1u << us[unit]);
                                continue;
                            }
                            // Without a branch on whether the document is still in the
                            // intersection (about half are not, unpredictably): a dead
                            // document's slot gets zeros, which change nothing.
                            const uint32_t live = uint32_t(alive[doc >> 6] >> (doc & 63)) & 1;
                            sl.tfw += weight * float(blk.tf[i] * live) * un[unit];
                            sl.bits |= (tbits | (1u << us[unit])) & (0u - live);
                        }
                        sc.i = i;
                        if (i < n) break;  // the window ends inside this block
                    }
                }
            }
            s.scans.clear();
            if (!and_mode) continue;
            if (oi == 0) {
                for (uint32_t doc : s.touched) alive[doc >> 6] |= 1ull << (doc & 63);
            } else if (intersect) {
                size_t kept = 0;
                for (uint32_t doc : s.live) {
                    if (slots[size_t(doc) * nq + qi].bits) s.live[kept++] = doc;
                    else alive[doc >> 6] &= ~(1ull << (doc & 63));
                }
                s.live.resize(kept);
            } else {
                for (uint32_t doc : s.touched)
                    if (!slots[size_t(doc) * nq + qi].bits) alive[doc >> 6] &= ~(1ull << (doc & 63));
            }
        }
    };

    bool relaxed = false;
    reset();
    if (all_found || nq == 1) accumulate(true);
    // The survivors, without a branch on each (about half are, unpredictably).
    s.candidates.resize(s.touched.size());
    size_t n_candidates = 0;
    for (uint32_t d : s.touched) {
        s.candidates[n_candidates] = d;
        n_candidates += (alive[d >> 6] >> (d & 63)) & 1;
    }
    s.candidates.resize(n_candidates);
    if (s.candidates.empty() && nq > 1) {
        relaxed = true;
        reset();
        accumulate(false);
        s.candidates.assign(s.touched.begin(), s.touched.end());
    }
    // The query tokens document d has, from its slots.
    auto doc_tokens = [&](uint32_t d) {
        uint32_t m = 0;
        for (int i = 0; i < nq; ++i)
            if (s.slots[size_t(d) * nq + i].bits) m |= 1u << i;
        return m;
    };

    // BM25F per document, with a lift for exactly typed diacritics.
    struct Ranked {
        uint32_t doc;
        float score;
        int matched;
        float bound = 0;  // upper bound of the final score
    };
    std::vector<Ranked> ranked;
    ranked.reserve(s.candidates.size());
    uint32_t diacritic_mask = 0;
    for (int i = 0; i < nq; ++i)
        if (tokens[i].diacritics && !query.match_diacritics) diacritic_mask |= 1u << i;
    for (size_t k = 0; k < s.candidates.size(); ++k) {
        uint32_t d = s.candidates[k];
        float score = 0;
        for (int i = 0; i < nq; ++i) {
            float t = s.slots[size_t(d) * nq + i].tfw;
            if (t > 0) score += idf[i] * t * (kK1 + 1) / (t + kK1);
        }
        if (diacritic_mask) {
            int typed = __builtin_popcount(diacritic_mask);
            int exact = 0;
            for (int i = 0; i < nq; ++i)
                exact += (diacritic_mask >> i & 1) && (s.slots[size_t(d) * nq + i].bits & kExactBit);
            score *= 1.0f + 0.3f * float(exact) / float(typed);
        }
        ranked.push_back({d, score, relaxed ? __builtin_popcount(doc_tokens(d)) : 0, 0});
    }

    // Phase 2, per document: positions of its units (through the skip tables), for the
    // adjacency bonus and the snippet's unit. (Phrases: phrases_hold below.)
    bool has_groups = false;
    for (const QueryToken& t : tokens) has_groups |= t.group >= 0;
    auto evaluate = [&](uint32_t doc, float* bonus_out) -> UnitEval {
        s.unit_hits.clear();
        const uint32_t first = x.doc_first_unit[doc], last = x.doc_last_unit[doc];
        for (int qi = 0; qi < nq; ++qi) {
            uint32_t bits = s.slots[size_t(doc) * nq + qi].bits;
            for (size_t ti = 0; ti < terms[qi].size(); ++ti) {
                if (!(bits & term_bit(ti))) continue;
                const TermRef& term = terms[qi][ti];
                postings_in_range(x, term.variant, first, last, [&](uint32_t unit, uint32_t ptr, uint32_t tf) {
                    if (x.units[unit].doc == doc) s.unit_hits.push_back({unit, qi, ptr, tf, term.weight});
                });
            }
        }
        std::sort(s.unit_hits.begin(), s.unit_hits.end(), [](const UnitHit& a, const UnitHit& b) {
            return a.unit != b.unit ? a.unit < b.unit : a.q < b.q;
        });
        UnitEval best;
        float best_bonus = 0;
        for (size_t i = 0; i < s.unit_hits.size();) {
            size_t j = i;
            const uint32_t unit = s.unit_hits[i].unit;
            uint32_t mask = 0;
            float uscore = 0;
            while (j < s.unit_hits.size() && s.unit_hits[j].unit == unit) {
                const UnitHit& h = s.unit_hits[j];
                mask |= 1u << h.q;
                uscore += h.weight * float(h.tf) * x.unit_norm[unit] * idf[h.q];
                ++j;
            }
            const int matched = __builtin_popcount(mask);
            if (matched > best.matched || (matched == best.matched && uscore > best.score)) best = {unit, uscore, matched};
            // The bonus this unit could give if all its pairs were adjacent: when that is
            // no more than the best so far, its positions are not read (a body after a
            // title that has the pair: a body's bonus weighs a sixth of a title's).
            float potential = 0;
            if (matched >= 2 && nq > 1 && bonus_out)
                for (int qi = 0; qi + 1 < nq; ++qi)
                    if ((mask >> qi & 1) && (mask >> (qi + 1) & 1)) potential += 0.5f * (idf[qi] + idf[qi + 1]);
            const float field_factor = kFieldWeight[int(x.units[unit].field)] / kFieldWeight[0];
            if (matched >= 2 && nq > 1 && bonus_out && kAdjacencyWeight * potential * field_factor > best_bonus) {
                for (int qi = 0; qi < nq; ++qi) s.positions[qi].clear();
                for (size_t k = i; k < j; ++k) decode_positions(base, PosRef{s.unit_hits[k].ptr, s.unit_hits[k].tf, -1}, s.positions[s.unit_hits[k].q]);
                for (int qi = 0; qi < nq; ++qi)
                    if (s.positions[qi].size() > 1) std::sort(s.positions[qi].begin(), s.positions[qi].end());
                float pairs = 0;
                for (int qi = 0; qi + 1 < nq; ++qi)
                    if (!s.positions[qi].empty() && !s.positions[qi + 1].empty() && has_adjacent(s.positions[qi], s.positions[qi + 1]))
                        pairs += 0.5f * (idf[qi] + idf[qi + 1]);
                best_bonus = std::max(best_bonus, kAdjacencyWeight * pairs * field_factor);
            }
            i = j;
        }
        if (bonus_out) *bonus_out = best_bonus;
        return best;
    };

    // Whether each phrase group of the query (quoted, or a code such as "21-KL/TW") is in
    // some unit of `doc`, its tokens at consecutive positions. Different groups may be in
    // different units ("từ 10/7 đến 15/7": the title may hold one date, the body the
    // other). The cursors, one per list of each phrase token, only move forward:
    // documents must come in increasing order. A group of one token only needs the token.
    // (A document's units are [doc_first_unit, doc_last_unit], all of them its own when
    // its texts were added together.)
    auto phrases_hold = [&](uint32_t doc, std::vector<std::vector<PostingCursor>>& cursors) {
        const uint32_t first = x.doc_first_unit[doc], last = x.doc_last_unit[doc];
        for (int qi = 0; qi < nq; ++qi) {
            std::vector<uint64_t>& up = s.unit_positions[qi];
            up.clear();
            if (tokens[qi].group < 0) continue;
            const uint32_t bits = s.slots[size_t(doc) * nq + qi].bits;
            for (size_t ti = 0; ti < cursors[qi].size(); ++ti) {
                if (!(bits & term_bit(ti))) continue;  // not in this document
                // Texts added interleaved: the document's range of units holds other
                // documents' texts, and the next document's range may start before
                // this one's ends, so each document reads from a fresh cursor.
                if (!x.docs_in_unit_order) cursors[qi][ti] = PostingCursor(x, terms[qi][ti].variant);
                PostingCursor& c = cursors[qi][ti];
                if (!c.seek(first)) continue;
                for (; c.valid && c.unit <= last; c.next()) {
                    if (x.unit_doc[c.unit] != doc) continue;
                    s.positions[qi].clear();
                    decode_positions(base, PosRef{c.ptr(), c.tf, -1}, s.positions[qi]);
                    for (uint32_t pos : s.positions[qi]) up.push_back(uint64_t(c.unit) << 32 | pos);
                }
            }
            // One list's entries come sorted (units, then positions, ascending); only
            // several variants of the token need merging.
            if (!std::is_sorted(up.begin(), up.end())) std::sort(up.begin(), up.end());
        }
        for (int qi = 0; qi < nq; ++qi) {
            if (tokens[qi].group < 0 || (qi > 0 && tokens[qi - 1].group == tokens[qi].group)) continue;
            int qj = qi;
            while (qj + 1 < nq && tokens[qj + 1].group == tokens[qi].group) ++qj;
            bool found = false;
            for (uint64_t start : s.unit_positions[qi]) {
                bool ok = true;
                for (int k = qi + 1; k <= qj && ok; ++k)
                    ok = std::binary_search(s.unit_positions[k].begin(), s.unit_positions[k].end(), start + uint64_t(k - qi));
                if (ok) { found = true; break; }
            }
            if (!found) return false;
        }
        return true;
    };

    // Rank: matched tokens (relaxed only), score in 0.5 % buckets, then recency.
    auto rank_key = [](float score) { return score > 0 ? int32_t(std::floor(std::log(score) * 200.0f)) : INT32_MIN; };
    auto better = [&](const Ranked& a, const Ranked& b) {
        if (a.matched != b.matched) return a.matched > b.matched;
        int32_t ka = rank_key(a.score), kb = rank_key(b.score);
        if (ka != kb) return ka > kb;
        int64_t ta = x.doc_dates[a.doc], tb = x.doc_dates[b.doc];
        if (ta != tb) return ta > tb;
        return x.doc_ids[a.doc] < x.doc_ids[b.doc];
    };
    const size_t want = std::min<size_t>(ranked.size(), size_t(query.offset) + query.limit);
    uint32_t total = uint32_t(ranked.size());
    if (nq > 1) {
        if (has_groups) {
            // Phrases filter every candidate (the total must be right). The candidates
            // are visited in document order with one forward cursor per list of the
            // phrases' tokens, so each list is read once, with jumps, instead of being
            // searched from its start for every candidate (a code such as "đồng/tháng"
            // of two common syllables has thousands of candidates).
            std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.doc < b.doc; });
            std::vector<std::vector<PostingCursor>> cursors(nq);
            for (int qi = 0; qi < nq; ++qi)
                if (tokens[qi].group >= 0)
                    for (const TermRef& t : terms[qi]) cursors[qi].emplace_back(x, t.variant);
            size_t kept = 0;
            for (const Ranked& r : ranked)
                if (phrases_hold(r.doc, cursors)) ranked[kept++] = r;
            ranked.resize(kept);
            total = uint32_t(kept);
        }
        if (want > 0 && !ranked.empty()) {
            // Threshold algorithm: take documents by decreasing base score and stop when
            // even the largest possible adjacency bonus cannot lift the next one into
            // the top `want`.
            // Per document, the bonus is bounded by the fields holding both syllables
            // of a pair; documents are taken by decreasing bound.
            float group_bonus[16];  // the best kGroupBonus among a set of groups
            for (uint32_t set = 0; set < 16; ++set) {
                group_bonus[set] = 0;
                for (int g = 0; g < 4; ++g)
                    if (set >> g & 1) group_bonus[set] = std::max(group_bonus[set], kGroupBonus[g]);
            }
            float pair_weight[kMaxQueryTokens];
            for (int qi = 0; qi + 1 < nq; ++qi) pair_weight[qi] = 0.5f * (idf[qi] + idf[qi + 1]) * kAdjacencyWeight;
            auto bound = [&](uint32_t doc) {
                const Scratch::Slot* sl = &s.slots[size_t(doc) * nq];
                float b = 0;
                for (int qi = 0; qi + 1 < nq; ++qi)
                    b += group_bonus[group_bits(sl[qi].bits) & group_bits(sl[qi + 1].bits)] * pair_weight[qi];
                return b;
            };
            for (Ranked& r : ranked) r.bound = r.score + bound(r.doc);
            if (!relaxed && ranked.size() > 4 * want) {
                // Documents that the loop below would never take, dropped before making
                // the heap: every final score is at least the base score, so once the
                // `want` best base scores are taken, the worst of the top is at least the
                // want-th best base score, and a bound 1 % below that stops the loop.
                s.base_scores.resize(ranked.size());
                for (size_t k = 0; k < ranked.size(); ++k) s.base_scores[k] = ranked[k].score;
                std::nth_element(s.base_scores.begin(), s.base_scores.begin() + (want - 1), s.base_scores.end(), std::greater<float>());
                const float floor_score = s.base_scores[want - 1];
                size_t kept = 0;
                for (const Ranked& r : ranked) {
                    ranked[kept] = r;
                    kept += !(r.bound * 1.01f < floor_score);
                }
                ranked.resize(kept);
            }
            auto heap_less = [](const Ranked& a, const Ranked& b) {
                return a.matched != b.matched ? a.matched < b.matched : a.bound < b.bound;
            };
            std::make_heap(ranked.begin(), ranked.end(), heap_less);
            std::vector<Ranked> done;
            std::vector<Ranked> top;  // heap whose front is the worst of the best `want`
            auto worse_first = [](const Ranked& a, const Ranked& b) {
                return a.matched != b.matched ? a.matched > b.matched : a.score > b.score;
            };
            size_t end = ranked.size();
            while (end > 0) {
                const Ranked& next = ranked.front();
                if (top.size() >= want) {
                    const Ranked& thr = top.front();
                    if (next.matched < thr.matched ||
                        (next.matched == thr.matched && next.bound * 1.01f < thr.score))
                        break;
                }
                std::pop_heap(ranked.begin(), ranked.begin() + end, heap_less);
                Ranked r = ranked[--end];
                float bonus = 0;
                evaluate(r.doc, &bonus);
                r.score += bonus;
                done.push_back(r);
                top.push_back(r);
                std::push_heap(top.begin(), top.end(), worse_first);
                if (top.size() > want) {
                    std::pop_heap(top.begin(), top.end(), worse_first);
                    top.pop_back();
                }
            }
            ranked.swap(done);
        }
    }
    const size_t upto = std::min<size_t>(ranked.size(), size_t(query.offset) + query.limit);
    std::partial_sort(ranked.begin(), ranked.begin() + upto, ranked.end(), better);
    results.total = total;
    results.relaxed = relaxed;

    const Highlighter hl(tokens, query);
    for (size_t k = query.offset; k < upto; ++k) {
        const Ranked& r = ranked[k];
        UnitEval best = evaluate(r.doc, nullptr);
        Hit hit;
        hit.doc = x.doc_ids[r.doc];
        hit.score = r.score;
        if (best.unit != kNone) {
            const Unit& u = x.units[best.unit];
            hit.field = u.field;
            hit.sub_id = u.sub_id;
            if (query.snippets) {
                std::string_view text = x.unit_text(best.unit);
                if (!text.empty()) make_snippet(text, hl.ranges(text), hit);
            }
        }
        results.hits.push_back(std::move(hit));
    }
    reset();
    return results;
}

// ------------------------------------------------------------------ find in text
std::string find_query(std::string_view field_text) {
    std::string out = straight_quotes(field_text);
    std::replace(out.begin(), out.end(), '"', ' ');
    return out;
}

std::vector<ByteRange> find_in_text(std::string_view text, std::string_view query, FindOptions o) {
    std::vector<ByteRange> out;
    text::MappedText q = text::map_for_matching(query, o.match_diacritics, o.match_case);
    std::u32string_view needle = q.chars;
    while (!needle.empty() && needle.front() == U' ') needle.remove_prefix(1);
    while (!needle.empty() && needle.back() == U' ') needle.remove_suffix(1);
    if (needle.empty()) return out;
    text::MappedText t = text::map_for_matching(text, o.match_diacritics, o.match_case);
    std::u32string_view hay = t.chars;
    auto word_at = [&](size_t k) { return k < hay.size() && text::is_word_char(hay[k]); };
    size_t from = 0;
    while (from + needle.size() <= hay.size()) {
        size_t k = hay.find(needle, from);
        if (k == std::u32string_view::npos) break;
        size_t e = k + needle.size();
        if (o.whole_words && ((k > 0 && word_at(k - 1) && word_at(k)) || (word_at(e) && word_at(e - 1)))) {
            from = k + 1;
            continue;
        }
        out.push_back({t.offsets[k], t.offsets[e]});
        from = e;
    }
    return out;
}

}  // namespace reader::search
