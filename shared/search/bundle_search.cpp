// See bundle_search.h.
#include "search/bundle_search.h"

namespace reader::search {

std::string block_plain_text(const Bundle& b, uint32_t block, std::vector<PlainPiece>* pieces) {
    std::string s;
    const Block& blk = b.blocks[block];
    auto piece = [&](Str str) {
        if (str.empty()) return;
        if (pieces) pieces->push_back({static_cast<uint32_t>(s.size()), str.off, str.len});
        s += b.str(str);
    };
    if (blk.kind == BlockKind::Code || blk.kind == BlockKind::HtmlText) {
        piece(blk.code);
        return s;
    }
    for (uint32_t i = blk.runs.begin; i < blk.runs.end; ++i) {
        const Run& r = b.runs[i];
        switch (r.kind) {
            case RunKind::Text:
            case RunKind::Image: piece(r.text); break;
            case RunKind::SoftBreak: s += ' '; break;
            case RunKind::HardBreak: s += '\n'; break;
        }
    }
    return s;
}

namespace {

bool has_text(const Block& blk) {
    switch (blk.kind) {
        case BlockKind::Paragraph:
        case BlockKind::Heading:
        case BlockKind::TableCell: return !blk.runs.empty();
        case BlockKind::Code:
        case BlockKind::HtmlText: return !blk.code.empty();
        default: return false;
    }
}

}  // namespace

BundleSearch::BundleSearch(const Bundle& bundle, bool keep_text) : bundle_(bundle) {
    IndexBuilder builder(keep_text);
    const auto& b = bundle_;
    for (uint32_t d = 0; d < b.articles.size(); ++d) {
        const Article& a = b.articles[d];
        const int64_t date = a.published_unix;
        builder.add(d, Field::Title, 0, b.str(a.title), date);
        if (!a.lead.empty()) builder.add(d, Field::Lead, 0, b.str(a.lead), date);
        if (!a.image.caption.empty()) builder.add(d, Field::Caption, 0, b.str(a.image.caption), date);
        for (uint32_t i = 0; i < a.authors.size(); ++i) builder.add(d, Field::Author, i, b.str(a.authors[i]), date);
        for (uint32_t i = 0; i < a.tags.size(); ++i) builder.add(d, Field::Tag, i, b.str(a.tags[i]), date);
        for (uint32_t k = a.blocks.begin; k < a.blocks.end; ++k) {
            if (!has_text(b.blocks[k])) continue;
            builder.add(d, Field::Body, k, block_plain_text(b, k), date);
        }
        // The article's comments right after its own texts: the engine finds a
        // document's units by their range, so they must be added together (comments
        // added after all articles made that range span the whole index for every
        // commented article, and search as you type 50× slower).
        std::vector<uint32_t> stack(b.comment_children.begin() + a.comments.begin, b.comment_children.begin() + a.comments.end);
        while (!stack.empty()) {
            const uint32_t c = stack.back();
            stack.pop_back();
            const Comment& cm = b.comments[c];
            if (!cm.deleted && !cm.text.empty()) builder.add(d, Field::Comment, c, b.str(cm.text), date);
            for (uint32_t r = cm.replies.begin; r < cm.replies.end; ++r) stack.push_back(b.comment_children[r]);
        }
    }
    const uint32_t base = static_cast<uint32_t>(b.articles.size());
    for (uint32_t i = 0; i < b.announcements.size(); ++i) {
        const Announcement& an = b.announcements[i];
        builder.add(base + i, Field::Announcement, 0, b.str(an.title), an.published_unix);
        if (!an.text.empty()) builder.add(base + i, Field::Announcement, 1, b.str(an.text), an.published_unix);
    }
    index_ = builder.build();
    if (keep_text) return;  // snippets come from the index's own copy
    recent_.resize(64);
    index_.set_text_source([this](uint32_t doc, Field field, uint32_t sub) -> std::string_view {
        // Texts that are one slice of the arena are returned in place; others are
        // rebuilt and kept in a small ring so the view outlives the call.
        std::string t = text_of(doc, field, sub);
        auto& slot = recent_[recent_next_++ % recent_.size()];
        slot = std::make_unique<std::string>(std::move(t));
        return *slot;
    });
}

BundleSearch::~BundleSearch() = default;

std::string BundleSearch::text_of(uint32_t doc, Field field, uint32_t sub) const {
    const auto& b = bundle_;
    if (doc >= b.articles.size()) {
        const uint32_t i = doc - static_cast<uint32_t>(b.articles.size());
        if (i >= b.announcements.size()) return {};
        const Announcement& an = b.announcements[i];
        return std::string(b.str(sub == 0 ? an.title : an.text));
    }
    const Article& a = b.articles[doc];
    switch (field) {
        case Field::Title: return std::string(b.str(a.title));
        case Field::Lead: return std::string(b.str(a.lead));
        case Field::Caption: return std::string(b.str(a.image.caption));
        case Field::Author: return sub < a.authors.size() ? std::string(b.str(a.authors[sub])) : std::string();
        case Field::Tag: return sub < a.tags.size() ? std::string(b.str(a.tags[sub])) : std::string();
        case Field::Body: return sub < b.blocks.size() ? block_plain_text(b, sub) : std::string();
        case Field::Comment: return sub < b.comments.size() ? std::string(b.str(b.comments[sub].text)) : std::string();
        case Field::Announcement: return {};
    }
    return {};
}

std::vector<ArenaRange> BundleSearch::to_arena(uint32_t doc, Field field, uint32_t sub,
                                               const std::vector<ByteRange>& ranges) const {
    std::vector<ArenaRange> out;
    const auto& b = bundle_;
    auto whole = [&](Str s) {
        for (const auto& r : ranges) {
            if (r.end <= s.len) out.push_back({s.off + r.begin, r.end - r.begin});
        }
    };
    if (doc >= b.articles.size()) return out;
    const Article& a = b.articles[doc];
    switch (field) {
        case Field::Title: whole(a.title); break;
        case Field::Lead: whole(a.lead); break;
        case Field::Caption: whole(a.image.caption); break;
        case Field::Author: if (sub < a.authors.size()) whole(a.authors[sub]); break;
        case Field::Tag: if (sub < a.tags.size()) whole(a.tags[sub]); break;
        case Field::Comment: if (sub < b.comments.size()) whole(b.comments[sub].text); break;
        case Field::Body: {
            if (sub >= b.blocks.size()) break;
            std::vector<PlainPiece> pieces;
            block_plain_text(b, sub, &pieces);
            // A match may span pieces (a word in bold next to plain text): cut it.
            for (const auto& r : ranges) {
                for (const auto& p : pieces) {
                    const uint32_t lo = std::max(r.begin, p.plain_off);
                    const uint32_t hi = std::min(r.end, p.plain_off + p.len);
                    if (lo < hi) out.push_back({p.arena_off + (lo - p.plain_off), hi - lo});
                }
            }
            break;
        }
        default: break;
    }
    return out;
}

}  // namespace reader::search
