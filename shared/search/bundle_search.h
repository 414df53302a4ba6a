// The search engine applied to a bundle: which texts of the model are indexed, under
// which document/field/sub-id, and how a match in an indexed text maps back to the
// bytes of Bundle::text the layout draws (for highlighting and scrolling).
//
//   doc    = article index; announcements follow as doc = articles.size() + i
//   Title, Lead, Caption          sub_id 0
//   Author, Tag                   sub_id = position in the article's list
//   Body                          sub_id = index into Bundle::blocks (paragraphs,
//                                 headings, table cells, code blocks)
//   Comment                       sub_id = index into Bundle::comments
//   Announcement                  sub_id 0 = title, 1 = text
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "search/search.h"

namespace reader::search {

// A byte range of Bundle::text.
struct ArenaRange {
    uint32_t off = 0;
    uint32_t len = 0;
};

class BundleSearch {
public:
    // Builds the index (the bundle must outlive it). keep_text: the index keeps its own
    // copy of the texts, so that serialize() gives a file searchable with snippets
    // without the bundle (reader-cli index).
    explicit BundleSearch(const Bundle& bundle, bool keep_text = false);
    ~BundleSearch();

    Results search(const Query& q) const { return index_.search(q); }
    const Index& index() const { return index_; }

    // The plain text indexed for (doc, field, sub_id): what match ranges index into.
    std::string text_of(uint32_t doc, Field field, uint32_t sub_id) const;

    // Match ranges (into text_of(...)) → ranges of Bundle::text, for highlighting.
    std::vector<ArenaRange> to_arena(uint32_t doc, Field field, uint32_t sub_id, const std::vector<ByteRange>& ranges) const;

    bool is_announcement(uint32_t doc) const { return doc >= bundle_.articles.size(); }

private:
    const Bundle& bundle_;
    Index index_;
    // Snippets are built for the few hits shown: the last texts handed out are kept
    // alive here so the engine's string_views stay valid during one search.
    mutable std::vector<std::unique_ptr<std::string>> recent_;
    mutable size_t recent_next_ = 0;
};

// The plain text of a block as indexed (soft breaks as spaces, images as their alt
// text), with the pieces that come from Bundle::text, to map offsets back.
struct PlainPiece {
    uint32_t plain_off = 0;   // in the plain text
    uint32_t arena_off = 0;   // in Bundle::text
    uint32_t len = 0;
};
std::string block_plain_text(const Bundle& b, uint32_t block, std::vector<PlainPiece>* pieces = nullptr);

}  // namespace reader::search
