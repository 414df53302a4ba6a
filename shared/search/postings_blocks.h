// The in-memory form of the posting lists: blocks of up to kSkipEvery entries whose
// unit deltas and term frequencies are bit-packed, each block's positions after them.
//
// Why: Vietnamese syllables are so common that a 2-4 syllable query reads tens of
// thousands of postings, and reading the serialized form (varint unit delta, varint tf,
// positions inline) cost ~15 ns per entry in branch mispredictions alone: every entry's
// lengths differ. Here the scan decodes 32 entries with the same two bit widths and no
// data-dependent branch, and steps over the block's positions in one jump.
//
// Block k of variant v (k in [skip_begin[v], skip_begin[v+1])) starts at skip_off[k];
// skip_unit[k] is the unit before its first entry (0 for the first block, whose first
// delta is the absolute unit). It holds n = min(kSkipEvery, df - entries before) entries:
//   u8 wd, u8 wt; n unit deltas of wd bits; n (tf - 1) of wt bits (each array padded to
//   a byte, bits little-endian); then per entry its tf positions as varints (the first
//   absolute, then deltas).
// The buffer ends with kBlockPadding zero bytes so that unpacking may load 8 bytes at
// the last packed value. The serialized form (index_serialize.cpp) stays the varint one:
// blocks are made from it after validation (block_postings) and turned back into it to
// save (unblock_postings), so the file format does not change.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "search/index_impl.h"

namespace reader::search::detail {

inline constexpr size_t kBlockPadding = 8;

// Value i of width w (0..32) in a bit-packed array.
inline uint32_t unpack_bits(const uint8_t* p, uint32_t i, uint32_t w) {
    const uint64_t bit = uint64_t(i) * w;
    uint64_t v;
    std::memcpy(&v, p + (bit >> 3), 8);
    return uint32_t((v >> (bit & 7)) & ((uint64_t(1) << w) - 1));
}

// One decoded block: units and term frequencies of its entries, and where the first
// entry's positions start (the others follow in order).
struct Block {
    uint32_t n = 0;
    const uint8_t* positions = nullptr;
    uint32_t unit[kSkipEvery];
    uint32_t tf[kSkipEvery];
};

inline void decode_block(const uint8_t* p, uint32_t n, uint32_t base_unit, Block& b) {
    const uint32_t wd = p[0], wt = p[1];
    p += 2;
    uint32_t unit = base_unit;
    for (uint32_t i = 0; i < n; ++i) {
        unit += unpack_bits(p, i, wd);
        b.unit[i] = unit;
    }
    p += (n * wd + 7) / 8;
    for (uint32_t i = 0; i < n; ++i) b.tf[i] = 1 + unpack_bits(p, i, wt);
    b.positions = p + (n * wt + 7) / 8;
    b.n = n;
}

// Past `count` varints.
inline const uint8_t* skip_varints(const uint8_t* p, uint32_t count) {
    for (uint32_t k = 0; k < count; ++k)
        while (*p++ & 0x80) {}
    return p;
}

// Entries in block `k` (0-based within the variant) of a variant with `df` entries.
inline uint32_t block_entries(uint32_t df, uint32_t k) {
    const uint64_t before = uint64_t(k) * kSkipEvery;
    return uint32_t(std::min<uint64_t>(kSkipEvery, df - before));
}

// A forward cursor over one variant's postings that can jump ahead through the skip
// table: intersecting a long list with few candidates decodes only the blocks holding
// them instead of the whole list.
struct PostingCursor {
    const uint8_t* base;
    const uint32_t* skip_unit;
    const uint32_t* skip_off;
    uint32_t blocks = 0, df = 0;
    uint32_t block = 0;            // the decoded block (index within the variant); `blocks` before the first
    uint32_t i = 0;                // the current entry in it
    uint32_t unit = 0, tf = 0;     // the current entry (valid while `valid`, once started)
    bool valid = false;            // false once past the last entry
    Block b;
    // Positions of entry pos_i of the block start at pos_p (advanced lazily by ptr()).
    const uint8_t* pos_p = nullptr;
    uint32_t pos_i = 0;

    // Not positioned yet: the first seek() (or next()) decodes the block it needs, so
    // a cursor made to look at one document does not decode the list's first block.
    PostingCursor(const Index::Impl& x, uint32_t v)
        : base(x.postings.data()), skip_unit(x.skip_unit.data() + x.skip_begin[v]),
          skip_off(x.skip_off.data() + x.skip_begin[v]), blocks(x.skip_begin[v + 1] - x.skip_begin[v]),
          df(x.variant_df[v]), block(blocks), valid(blocks > 0) {}
    void enter(uint32_t k) {
        block = k;
        decode_block(base + skip_off[k], block_entries(df, k), skip_unit[k], b);
        i = 0;
        pos_p = b.positions;
        pos_i = 0;
        unit = b.unit[0];
        tf = b.tf[0];
        valid = true;
    }
    bool started() const { return block < blocks; }
    void next() {
        if (!started()) {
            if (blocks > 0) enter(0);
        } else if (++i < b.n) {
            unit = b.unit[i];
            tf = b.tf[i];
        } else if (block + 1 < blocks) {
            enter(block + 1);
        } else {
            valid = false;
        }
    }
    // Offset in postings of the current entry's positions.
    uint32_t ptr() {
        for (; pos_i < i; ++pos_i) pos_p = skip_varints(pos_p, b.tf[pos_i]);
        return uint32_t(pos_p - base);
    }
    // Moves to the first entry whose unit is >= target; false when there is none.
    bool seek(uint32_t target) {
        if (!valid) return false;
        if (started() && unit >= target) return true;
        // The first entry >= target is in the last block whose preceding unit is below
        // target (or the first block): found by galloping ahead, then halving.
        const uint32_t from = started() ? block : 0;
        if (!started() || (block + 1 < blocks && skip_unit[block + 1] < target)) {
            uint32_t lo = from, step = 1;
            while (lo + step < blocks && skip_unit[lo + step] < target) {
                lo += step;
                step *= 2;
            }
            uint32_t hi = std::min(blocks, lo + step);  // skip_unit[hi] >= target, or hi == blocks
            while (hi - lo > 1) {
                const uint32_t mid = lo + (hi - lo) / 2;
                if (skip_unit[mid] < target) lo = mid; else hi = mid;
            }
            enter(lo);
        }
        while (valid && unit < target) next();
        return valid;
    }
};

// Replaces x.postings / x.post_off (serialized form, validated) by blocks, and makes
// the skip tables.
void block_postings(Index::Impl& x);
// The serialized form of x's postings, with its offsets.
std::vector<uint8_t> unblock_postings(const Index::Impl& x, std::vector<uint32_t>& post_off);

}  // namespace reader::search::detail
