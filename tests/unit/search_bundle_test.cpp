// The search engine over a real bundle: Vietnamese typed every way finds the seed
// article, and matches map back to the bytes the layout draws.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "model/bundle_loader.h"
#include "search/bundle_search.h"

using namespace reader;
using namespace reader::search;

namespace {

std::unique_ptr<Bundle> default_bundle() {
    std::ifstream in(std::string(READER_SOURCE_DIR) + "/assets/bundles/default.json", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    LoadResult r = load_bundle(ss.str(), "default.json");
    return std::move(r.bundle);
}

}  // namespace

TEST_CASE("the seed article is found however Vietnamese is typed", "[search][bundle]") {
    auto b = default_bundle();
    REQUIRE(b);
    BundleSearch s(*b);
    const int seed = b->find_article("thanhuy-ket-luan-21-kl-tw");
    for (const char* q : {"sinh hoạt chi bộ", "sinh hoat chi bo", "SINH HOẠT CHI BỘ", "dang vien", "sinh hoa\xCC\xA3t chi bo\xCC\x82\xCC\xA3",
                          "21-KL/TW", "\"nâng cao chất lượng sinh hoạt chi bộ\""}) {
        Query query;
        query.text = q;
        const Results r = s.search(query);
        INFO(q);
        REQUIRE(!r.hits.empty());
        CHECK(r.hits[0].doc == static_cast<uint32_t>(seed));
    }
}

TEST_CASE("body matches map back to the arena bytes that hold the matched word", "[search][bundle]") {
    auto b = default_bundle();
    BundleSearch s(*b);
    Query q;
    q.text = "24.317 đảng viên";
    const Results r = s.search(q);
    REQUIRE(!r.hits.empty());
    bool mapped = false;
    for (const auto& h : r.hits) {
        if (h.field != Field::Body) continue;
        const std::string plain = s.text_of(h.doc, h.field, h.sub_id);
        for (const auto& m : h.matches) {
            // Each match, mapped to the arena, holds the same bytes as in the plain text.
            const auto ranges = s.to_arena(h.doc, h.field, h.sub_id, {m});
            REQUIRE(!ranges.empty());
            std::string joined;
            for (const auto& a : ranges) joined += std::string_view(b->text).substr(a.off, a.len);
            CHECK(joined == plain.substr(m.begin, m.end - m.begin));
        }
        mapped = true;
    }
    CHECK(mapped);
}

TEST_CASE("comments and announcements are searchable", "[search][bundle]") {
    auto b = default_bundle();
    BundleSearch s(*b);
    Query q;
    q.text = "kinh nghiem sinh hoat chi bo o khu pho";
    Results r = s.search(q);
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].field == Field::Comment);
    q.text = "tim kiem khong dau";
    r = s.search(q);
    bool announcement = false;
    for (const auto& h : r.hits) announcement = announcement || s.is_announcement(h.doc);
    CHECK(announcement);
}

TEST_CASE("an article's comments are indexed with the article's own texts", "[search][bundle]") {
    // The engine's fast path needs each document's texts added together; comments
    // indexed after every article once made search as you type 50x slower.
    auto b = default_bundle();
    REQUIRE(b);
    REQUIRE(!b->comments.empty());
    REQUIRE(!b->announcements.empty());
    BundleSearch s(*b);
    CHECK(s.index().stats().documents_in_order);
}
