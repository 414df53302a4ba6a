// Internal layout of the search index, shared by building, searching and
// serialization (not part of the public API; see search.h).
//
// Dictionary
//   folded terms  sorted by key: folded_keys[folded_off[f] .. folded_off[f+1]); their
//                 variants are variant ids [folded_var[f], folded_var[f+1])
//   variants      NFC, canonical tone placement, case kept: variant_keys[variant_off[v]..];
//                 postings[post_off[v] .. post_off[v+1]); variant_df[v] units
// Postings of one variant as serialized, one entry per unit containing it, units
// increasing (in memory they are blocks made from this form: postings_blocks.h):
//   varint unit delta (the first is absolute), varint tf,
//   tf == 1: varint position; tf > 1: varint byte length, then tf varints (first
//   absolute, then deltas).
// A unit is one IndexBuilder::add call; positions count tokens within it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "search/search.h"

namespace reader::search::detail {

inline void put_varint(std::vector<uint8_t>& out, uint32_t v) {
    while (v >= 0x80) {
        out.push_back(uint8_t(v | 0x80));
        v >>= 7;
    }
    out.push_back(uint8_t(v));
}
inline size_t put_varint(uint8_t* p, uint32_t v) {
    size_t n = 0;
    while (v >= 0x80) {
        p[n++] = uint8_t(v | 0x80);
        v >>= 7;
    }
    p[n++] = uint8_t(v);
    return n;
}
// Unchecked: only for postings validated at build or load time.
inline uint32_t get_varint(const uint8_t*& p) {
    uint32_t v = *p++;
    if (v < 0x80) return v;
    v &= 0x7F;
    int shift = 7;
    for (;;) {
        uint32_t b = *p++;
        v |= (b & 0x7F) << shift;
        if (b < 0x80) return v;
        shift += 7;
    }
}
// Checked: false on truncation or more than 5 bytes.
inline bool get_varint_checked(const uint8_t*& p, const uint8_t* end, uint32_t& v) {
    v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (p >= end) return false;
        uint32_t b = *p++;
        if (shift == 28 && b > 0x0F) return false;
        v |= (b & 0x7F) << shift;
        if (b < 0x80) return true;
    }
    return false;
}

struct Unit {
    uint32_t doc = 0;      // internal document index
    uint32_t sub_id = 0;
    uint32_t length = 0;   // tokens
    Field field = Field::Title;
};

// Field weights and BM25 parameters. Title > lead > body > comments.
inline constexpr float kFieldWeight[kFieldCount] = {
    /*Title*/ 6.0f, /*Lead*/ 2.5f, /*Body*/ 1.0f, /*Caption*/ 1.2f,
    /*Author*/ 2.0f, /*Tag*/ 3.0f, /*Announcement*/ 2.0f, /*Comment*/ 0.4f};
inline constexpr float kFieldB[kFieldCount] = {0.5f, 0.6f, 0.75f, 0.6f, 0.3f, 0.3f, 0.6f, 0.75f};
inline constexpr float kK1 = 1.2f;
inline constexpr uint32_t kSkipEvery = 32;

struct Scratch;  // search-time buffers (index_search.cpp)

}  // namespace reader::search::detail

namespace reader::search {

struct Index::Impl {
    // Documents (internal index -> the app's id and date).
    std::vector<uint32_t> doc_ids;
    std::vector<int64_t> doc_dates;
    // Units.
    std::vector<detail::Unit> units;
    std::vector<float> unit_norm;  // derived: field weight / BM25 length normalization
    // Derived, for the scoring loop: each unit's document, and where its field group's bit
    // goes in a search slot (compact arrays read sequentially with the postings).
    std::vector<uint32_t> unit_doc;
    std::vector<uint8_t> unit_group_shift;
    // Dictionary and postings.
    std::string folded_keys;
    std::vector<uint32_t> folded_off{0}, folded_var{0};
    std::vector<uint32_t> folded_df;  // derived: sum of its variants' df
    std::string variant_keys;
    std::vector<uint32_t> variant_off{0}, post_off{0}, variant_df;
    std::vector<uint8_t> postings;  // serialized form when loaded; blocks once derived
    uint64_t tokens = 0;
    // Derived with the blocks: for variant v, blocks [skip_begin[v], skip_begin[v+1]),
    // each the unit before the block (its first delta's base) and the block's offset, one
    // per kSkipEvery entries, so one document's postings are found without a full scan.
    std::vector<uint32_t> skip_begin, skip_unit, skip_off;
    // Derived: the units of document d lie in [doc_first_unit[d], doc_last_unit[d]].
    std::vector<uint32_t> doc_first_unit, doc_last_unit;
    // Derived: every document's units are consecutive and documents come in unit order
    // (IndexBuilder fed document by document), so one forward pass over a posting list
    // can visit candidate documents in order.
    bool docs_in_unit_order = false;
    // Stored texts (optional): unit u is texts[text_off[u] .. text_off[u+1]).
    bool has_text = false;
    std::string texts;
    std::vector<uint32_t> text_off;
    TextSource source;
    // Search scratch, reused between queries.
    std::unique_ptr<detail::Scratch> scratch;

    Impl();
    ~Impl();
    void derive();  // unit_norm and folded_df from the stored data
    std::string_view folded_key(uint32_t f) const {
        return std::string_view(folded_keys).substr(folded_off[f], folded_off[f + 1] - folded_off[f]);
    }
    std::string_view variant_key(uint32_t v) const {
        return std::string_view(variant_keys).substr(variant_off[v], variant_off[v + 1] - variant_off[v]);
    }
    std::string_view unit_text(uint32_t u) const;
};

}  // namespace reader::search
