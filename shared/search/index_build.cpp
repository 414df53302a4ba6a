// Building the search index (IndexBuilder): tokenizing, the variant dictionary, and
// postings accumulated in per-variant chunk chains, compacted by build().
//
// Speed matters (a 123 MB bundle is indexed in the page): one hash probe per token on
// the token's own bytes (its variant key is the token itself for NFC text), folding
// only when a variant is first seen, and postings written once per (variant, unit)
// after sorting the unit's (variant, position) pairs.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "search/index_impl.h"
#include "search/tokenizer.h"
#include "text/vietnamese.h"

namespace reader::search {

namespace {

inline uint64_t load_tail(const char* p, size_t n) {
    uint64_t v = 0;
    std::memcpy(&v, p, n);
    return v;
}

uint64_t hash_bytes(std::string_view s) {
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    if (n) {
        h = (h ^ load_tail(p, n)) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    h ^= h >> 29;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 32;
    return h;
}

// Open-addressing map from a string (stored by the owner) to a dense id.
class StringIdMap {
public:
    template <typename KeyOf>
    uint32_t find(std::string_view key, uint32_t hash, KeyOf&& key_of) const {
        if (slots_.empty()) return kNone;
        size_t mask = slots_.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.id == kNone) return kNone;
            if (s.hash == hash && key_of(s.id) == key) return s.id;
        }
    }
    template <typename KeyOf>
    void insert(uint32_t id, uint32_t hash, KeyOf&& key_of) {
        if ((size_ + 1) * 2 > slots_.size()) grow(key_of);
        place(id, hash);
        ++size_;
    }
    static constexpr uint32_t kNone = UINT32_MAX;

private:
    struct Slot {
        uint32_t id = kNone;
        uint32_t hash = 0;
    };
    void place(uint32_t id, uint32_t hash) {
        size_t mask = slots_.size() - 1;
        size_t i = hash & mask;
        while (slots_[i].id != kNone) i = (i + 1) & mask;
        slots_[i] = {id, hash};
    }
    template <typename KeyOf>
    void grow(KeyOf&&) {
        std::vector<Slot> old;
        old.swap(slots_);
        slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        for (const Slot& s : old)
            if (s.id != kNone) place(s.id, s.hash);
    }
    std::vector<Slot> slots_;
    size_t size_ = 0;
};

// Growing byte chains in 1 MiB blocks: chunk = [next address:4][payload], chunk sizes
// doubling from 16 to 4096 bytes so rare variants waste little.
class ChainArena {
public:
    static constexpr uint32_t kNull = UINT32_MAX;
    static constexpr uint32_t kBlockBits = 20, kBlockSize = 1u << kBlockBits;
    static uint32_t chunk_size(uint8_t level) { return std::min<uint32_t>(16u << level, 4096u); }
    uint8_t* at(uint32_t addr) { return blocks_[addr >> kBlockBits].get() + (addr & (kBlockSize - 1)); }
    uint32_t alloc(uint32_t size) {
        if (blocks_.empty() || used_ + size > kBlockSize) {
            blocks_.emplace_back(new uint8_t[kBlockSize]);
            used_ = 0;
        }
        uint32_t addr = uint32_t((blocks_.size() - 1) << kBlockBits) | used_;
        used_ += size;
        return addr;
    }
    size_t bytes() const { return blocks_.size() * size_t(kBlockSize); }

private:
    std::vector<std::unique_ptr<uint8_t[]>> blocks_;
    uint32_t used_ = 0;
};

struct BuildVariant {
    uint32_t key_off = 0;
    uint32_t key_len = 0;
    uint32_t folded = 0;
    uint32_t head = ChainArena::kNull, tail = ChainArena::kNull;
    uint32_t bytes = 0;
    uint32_t last_unit = 0;
    uint32_t df = 0;
    uint16_t tail_used = 0;
    uint8_t level = 0;
};

}  // namespace

struct IndexBuilder::Impl {
    bool keep_text = false;
    std::unordered_map<uint32_t, uint32_t> doc_index;
    std::vector<uint32_t> doc_ids;
    std::vector<int64_t> doc_dates;
    std::vector<detail::Unit> units;
    std::string texts;
    std::vector<uint32_t> text_off{0};
    uint64_t tokens = 0;

    std::string variant_keys, folded_keys;
    std::vector<BuildVariant> variants;
    std::vector<uint32_t> folded_off;  // start of each folded key in folded_keys (end = next)
    std::vector<uint32_t> folded_len;
    StringIdMap variant_map, folded_map;
    ChainArena arena;

    // Per-add scratch.
    std::vector<uint64_t> pairs;
    std::string key, folded;
    uint8_t entry[16 + 5 * 64];

    std::string_view vkey(uint32_t id) const { return std::string_view(variant_keys).substr(variants[id].key_off, variants[id].key_len); }
    std::string_view fkey(uint32_t id) const { return std::string_view(folded_keys).substr(folded_off[id], folded_len[id]); }

    uint32_t variant_id(std::string_view k) {
        uint32_t h = uint32_t(hash_bytes(k));
        auto key_of = [this](uint32_t id) { return vkey(id); };
        uint32_t id = variant_map.find(k, h, key_of);
        if (id != StringIdMap::kNone) return id;
        id = uint32_t(variants.size());
        BuildVariant v;
        v.key_off = uint32_t(variant_keys.size());
        v.key_len = uint32_t(k.size());
        variant_keys.append(k);
        folded.clear();
        text::append_fold(folded, k);
        uint32_t fh = uint32_t(hash_bytes(folded));
        auto fkey_of = [this](uint32_t f) { return fkey(f); };
        uint32_t f = folded_map.find(folded, fh, fkey_of);
        if (f == StringIdMap::kNone) {
            f = uint32_t(folded_off.size());
            folded_off.push_back(uint32_t(folded_keys.size()));
            folded_len.push_back(uint32_t(folded.size()));
            folded_keys.append(folded);
            folded_map.insert(f, fh, fkey_of);
        }
        v.folded = f;
        variants.push_back(v);
        variant_map.insert(id, h, key_of);
        return id;
    }

    void append(BuildVariant& v, const uint8_t* p, size_t n) {
        v.bytes += uint32_t(n);
        while (n) {
            uint32_t cap = ChainArena::chunk_size(v.level) - 4;
            if (v.tail == ChainArena::kNull || v.tail_used == cap) {
                if (v.tail != ChainArena::kNull && v.level < 15) ++v.level;
                uint32_t size = ChainArena::chunk_size(v.level);
                uint32_t c = arena.alloc(size);
                std::memcpy(arena.at(c), &ChainArena::kNull, 4);
                if (v.tail == ChainArena::kNull) {
                    v.head = c;
                } else {
                    std::memcpy(arena.at(v.tail), &c, 4);
                }
                v.tail = c;
                v.tail_used = 0;
                cap = size - 4;
            }
            size_t k = std::min<size_t>(n, cap - v.tail_used);
            std::memcpy(arena.at(v.tail) + 4 + v.tail_used, p, k);
            v.tail_used = uint16_t(v.tail_used + k);
            p += k;
            n -= k;
        }
    }

    void copy_chain(const BuildVariant& v, uint8_t* out) {
        uint32_t c = v.head;
        uint32_t left = v.bytes;
        uint8_t level = 0;
        while (left) {
            uint32_t cap = ChainArena::chunk_size(level) - 4;
            uint32_t k = std::min(left, cap);
            std::memcpy(out, arena.at(c) + 4, k);
            out += k;
            left -= k;
            std::memcpy(&c, arena.at(c), 4);
            if (level < 15) ++level;
        }
    }

    void emit(uint32_t vid, uint32_t unit, const uint64_t* pos, size_t tf) {
        BuildVariant& v = variants[vid];
        uint32_t delta = v.df == 0 ? unit : unit - v.last_unit;
        v.last_unit = unit;
        ++v.df;
        size_t n = detail::put_varint(entry, delta);
        n += detail::put_varint(entry + n, uint32_t(tf));
        if (tf == 1) {
            n += detail::put_varint(entry + n, uint32_t(pos[0]));
            append(v, entry, n);
            return;
        }
        // Positions go to a scratch vector first: their byte length comes before them.
        std::vector<uint8_t>& buf = position_buf;
        buf.clear();
        uint32_t prev = 0;
        for (size_t k = 0; k < tf; ++k) {
            uint32_t p = uint32_t(pos[k]);
            detail::put_varint(buf, k == 0 ? p : p - prev);
            prev = p;
        }
        n += detail::put_varint(entry + n, uint32_t(buf.size()));
        append(v, entry, n);
        append(v, buf.data(), buf.size());
    }
    std::vector<uint8_t> position_buf;
};

IndexBuilder::IndexBuilder(bool keep_text) : impl_(std::make_unique<Impl>()) { impl_->keep_text = keep_text; }
IndexBuilder::~IndexBuilder() = default;
IndexBuilder::IndexBuilder(IndexBuilder&&) noexcept = default;
IndexBuilder& IndexBuilder::operator=(IndexBuilder&&) noexcept = default;

void IndexBuilder::add(uint32_t doc, Field field, uint32_t sub_id, std::string_view text, int64_t date) {
    if (!impl_) impl_ = std::make_unique<Impl>();
    Impl& b = *impl_;
    auto [it, inserted] = b.doc_index.try_emplace(doc, uint32_t(b.doc_ids.size()));
    if (inserted) {
        b.doc_ids.push_back(doc);
        b.doc_dates.push_back(date);
    } else if (date != 0) {
        b.doc_dates[it->second] = date;
    }
    if (uint32_t(field) >= kFieldCount) field = Field::Body;
    const uint32_t unit = uint32_t(b.units.size());
    // Texts beyond 4 GiB in total cannot be addressed: stop keeping them.
    if (b.keep_text && b.texts.size() + text.size() < UINT32_MAX) {
        b.texts.append(text);
        b.text_off.push_back(uint32_t(b.texts.size()));
    } else {
        b.keep_text = false;
    }

    b.pairs.clear();
    Tokenizer tokenizer(text);
    Token t;
    uint32_t pos = 0;
    while (tokenizer.next(t)) {
        std::string_view tok = t.in(text);
        std::string_view k = tok;
        if (!(t.ascii && tok.size() <= kMaxKeyBytes)) {
            token_key(tok, t.ascii, t.simple, b.key);
            k = b.key;
        }
        uint32_t vid = b.variant_id(k);
        b.pairs.push_back(uint64_t(vid) << 32 | pos);
        ++pos;
    }
    b.units.push_back({it->second, sub_id, pos, field});
    b.tokens += pos;
    std::sort(b.pairs.begin(), b.pairs.end());
    // The low 32 bits of each pair are positions; emit() reads them through a
    // uint64 pointer, so mask them on the fly via a small copy.
    std::vector<uint64_t>& pairs = b.pairs;
    for (size_t i = 0; i < pairs.size();) {
        uint32_t vid = uint32_t(pairs[i] >> 32);
        size_t j = i;
        while (j < pairs.size() && uint32_t(pairs[j] >> 32) == vid) {
            pairs[j] &= 0xFFFFFFFFull;
            ++j;
        }
        b.emit(vid, unit, pairs.data() + i, j - i);
        i = j;
    }
}

Index IndexBuilder::build() {
    if (!impl_) impl_ = std::make_unique<Impl>();
    Impl& b = *impl_;
    Index index;
    Index::Impl& x = *index.impl_;
    x.doc_ids = std::move(b.doc_ids);
    x.doc_dates = std::move(b.doc_dates);
    x.units = std::move(b.units);
    x.tokens = b.tokens;
    if (b.keep_text) {
        x.has_text = true;
        x.texts = std::move(b.texts);
        x.text_off = std::move(b.text_off);
    }

    // Folded keys in sorted order.
    const uint32_t nf = uint32_t(b.folded_off.size());
    std::vector<uint32_t> forder(nf);
    std::iota(forder.begin(), forder.end(), 0);
    std::sort(forder.begin(), forder.end(), [&](uint32_t a, uint32_t c) { return b.fkey(a) < b.fkey(c); });
    std::vector<uint32_t> frank(nf);
    for (uint32_t r = 0; r < nf; ++r) frank[forder[r]] = r;

    // Variants grouped by folded rank, then by key.
    const uint32_t nv = uint32_t(b.variants.size());
    std::vector<uint32_t> vorder(nv);
    std::iota(vorder.begin(), vorder.end(), 0);
    std::sort(vorder.begin(), vorder.end(), [&](uint32_t a, uint32_t c) {
        uint32_t fa = frank[b.variants[a].folded], fc = frank[b.variants[c].folded];
        if (fa != fc) return fa < fc;
        return b.vkey(a) < b.vkey(c);
    });

    x.folded_keys.reserve(b.folded_keys.size());
    x.folded_off.assign(1, 0);
    x.folded_off.reserve(nf + 1);
    for (uint32_t r = 0; r < nf; ++r) {
        x.folded_keys.append(b.fkey(forder[r]));
        x.folded_off.push_back(uint32_t(x.folded_keys.size()));
    }
    x.folded_var.assign(nf + 1, 0);
    for (const BuildVariant& v : b.variants) ++x.folded_var[frank[v.folded] + 1];
    for (uint32_t r = 0; r < nf; ++r) x.folded_var[r + 1] += x.folded_var[r];

    size_t total = 0;
    for (const BuildVariant& v : b.variants) total += v.bytes;
    x.postings.resize(total);
    x.variant_keys.reserve(b.variant_keys.size());
    x.variant_off.assign(1, 0);
    x.variant_off.reserve(nv + 1);
    x.post_off.assign(1, 0);
    x.post_off.reserve(nv + 1);
    x.variant_df.reserve(nv);
    size_t at = 0;
    for (uint32_t id : vorder) {
        const BuildVariant& v = b.variants[id];
        x.variant_keys.append(b.vkey(id));
        x.variant_off.push_back(uint32_t(x.variant_keys.size()));
        b.copy_chain(v, x.postings.data() + at);
        at += v.bytes;
        x.post_off.push_back(uint32_t(at));
        x.variant_df.push_back(v.df);
    }
    bool keep = b.keep_text;
    impl_ = std::make_unique<Impl>();  // frees the arena and maps
    impl_->keep_text = keep;
    x.derive();
    return index;
}

}  // namespace reader::search
