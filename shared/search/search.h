// Full-text search for Vietnamese bundles: index building, ranked search, snippets,
// serialization, and the in-article find.
//
// The engine knows nothing of bundles: the app feeds it texts with IndexBuilder::add
// (doc, field, sub_id, text, date) and gets back hits naming the same (doc, field,
// sub_id) with byte ranges into the text it gave. Matching is insensitive to NFC/NFD,
// case, diacritics (tones, vowel marks, đ -> d) and tone placement (hòa == hoà), with
// switches for exact diacritics, case and whole words.
//
// How it works, in short (details in index_format.h):
//   - texts are cut into tokens: syllables and the alphanumeric parts of codes and
//     numbers ("21-KL/TW" -> 21 kl tw at consecutive positions, so a query written the
//     same way matches them as a phrase);
//   - each distinct spelling of a token (NFC, tone placement made canonical, case kept)
//     is a *variant* with its own postings; variants are grouped under their folded
//     key ("Hoà", "hoà", "hòa", "HOA" -> "hoa"), kept in a sorted dictionary for
//     prefix search. A folded query reads every variant, an exact one only those that
//     match, and exact variants outrank folded ones;
//   - postings are delta + varint coded: unit, term frequency, positions. A *unit* is
//     one add() call (a title, a paragraph, a comment);
//   - ranking is BM25F over the fields of a document (title > lead > body > comments),
//     plus a bonus when query syllables are adjacent in the text, with recency as the
//     tie-breaker. All query tokens must match (AND); when that finds nothing, the best
//     partial matches are returned and `Results::relaxed` is set.
//
// Not thread-safe: Index::search uses scratch buffers kept in the index.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reader::search {

enum class Field : uint8_t { Title, Lead, Body, Caption, Author, Tag, Announcement, Comment };
inline constexpr int kFieldCount = 8;
const char* field_name(Field f);  // "title", "lead", ... (for JSON and the CLI)

struct ByteRange {
    uint32_t begin = 0;
    uint32_t end = 0;
    bool operator==(const ByteRange&) const = default;
};

struct Query {
    std::string text;               // as typed; "quoted phrases" (or “…”, „…“, «…») must match in order
    bool match_diacritics = false;  // exact diacritics (tone placement still free)
    bool match_case = false;
    bool whole_words = false;       // false: the last syllable also matches as a prefix
    uint32_t limit = 20;
    uint32_t offset = 0;
    bool snippets = true;           // build snippets and match ranges (needs the texts)
};

struct Hit {
    uint32_t doc = 0;
    Field field = Field::Title;     // the field the snippet comes from (the best match)
    uint32_t sub_id = 0;
    float score = 0;
    std::string snippet;            // UTF-8, a window of the field text ("…" where cut)
    std::vector<ByteRange> snippet_highlights;  // into `snippet`
    std::vector<ByteRange> matches;  // every match in the original field text
};

struct Results {
    uint32_t total = 0;             // documents matching
    std::vector<Hit> hits;          // ranked, [offset, offset + limit)
    bool relaxed = false;           // not every query token matched: best partial matches
};

// The texts behind the index, for snippets: must return exactly the text given to
// IndexBuilder::add for (doc, field, sub_id), or an empty view when it is gone.
using TextSource = std::function<std::string_view(uint32_t doc, Field field, uint32_t sub_id)>;

struct IndexStats {
    uint32_t documents = 0, units = 0, tokens_indexed = 0;
    uint32_t folded_terms = 0, variants = 0;
    size_t postings_bytes = 0, dictionary_bytes = 0, unit_bytes = 0, text_bytes = 0;
    size_t memory_bytes = 0;        // everything the index holds, stored texts included
    bool documents_in_order = false;  // each document's texts were added together (the fast path)
};

class Index;

class IndexBuilder {
public:
    // keep_text: the index keeps a copy of every text (for snippets without a
    // TextSource, e.g. a prebuilt index searched from the command line). The app,
    // which has the bundle's text, should pass false and call Index::set_text_source.
    explicit IndexBuilder(bool keep_text = false);
    ~IndexBuilder();
    IndexBuilder(IndexBuilder&&) noexcept;
    IndexBuilder& operator=(IndexBuilder&&) noexcept;

    // Adds one text: a title, a paragraph, a comment... `date` (any monotonic unit,
    // e.g. Unix seconds) is the document's, used for recency; the last non-zero one
    // given for a document wins. Text may be NFC or NFD; invalid UTF-8 is tolerated.
    // Add a document's texts one after another, documents in increasing order: search
    // finds a document's texts by their range of add() calls, so interleaved documents
    // still give the same results, only much more slowly (IndexStats::documents_in_order).
    void add(uint32_t doc, Field field, uint32_t sub_id, std::string_view text, int64_t date = 0);

    // Finishes the index; the builder is left empty.
    Index build();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class Index {
public:
    Index();
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;

    Results search(const Query& query) const;

    // Where snippets come from when the index holds no texts of its own.
    void set_text_source(TextSource source);

    // Compact, versioned, checksummed binary form (little-endian).
    std::vector<uint8_t> serialize() const;
    // Rebuilds an index from serialize()'s bytes. Input is fully validated: anything
    // malformed gives nullopt and a message in *error, never a crash.
    static std::optional<Index> deserialize(const uint8_t* data, size_t size, std::string* error = nullptr);

    IndexStats stats() const;

    struct Impl;  // public so the file-local helpers of index_*.cpp can name it (clang insists)

private:
    friend class IndexBuilder;
    std::unique_ptr<Impl> impl_;
};

// The in-article find bar: every match of `query` (as one string, white space runs
// equal) in `text`, as non-overlapping byte ranges of `text`, in order.
struct FindOptions {
    bool match_diacritics = false;
    bool match_case = false;
    bool whole_words = false;
};
std::vector<ByteRange> find_in_text(std::string_view text, std::string_view query, FindOptions options = {});

// The search field's text as the in-article find takes it: without the quotation marks,
// straight or typographic, that make phrases for Index::search (the find matches the
// whole query as one phrase already), so that "hà nội" typed with quotes is
// highlighted in the article too.
std::string find_query(std::string_view field_text);

}  // namespace reader::search
