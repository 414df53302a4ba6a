// Unit tests for the search engine (shared/search/search.h): matching across
// diacritics, case, NFD and tone placement; ranking; phrases; prefixes; snippets;
// serialization and corruption; the in-article find.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "search/index_file.h"
#include "search/search.h"
#include "text/normalize.h"

using namespace reader::search;

namespace {

struct Doc {
    uint32_t id;
    const char* title;
    const char* body;
    int64_t date;
};

const Doc kDocs[] = {
    {1, "Thành ủy TP.HCM tổ chức hội nghị", "Hội nghị quán triệt Kết luận 21-KL/TW của Trung ương.", 100},
    {2, "Hòa Bình đón khách du lịch", "Tỉnh Hòa Bình có nhiều điểm du lịch đẹp.", 200},
    {3, "Thủy điện Hoà Bình xả lũ", "Nhà máy thủy điện Hòa Bình mở cửa xả đáy.", 300},
    {4, "Đường phố Đà Nẵng", "Đà Nẵng là thành phố đáng sống; doanh thu 24.317 tỷ đồng.", 400},
    {5, "Khỏe mạnh mỗi ngày", "Sức khoẻ là vàng. Bình an.", 500},
    {6, "Hạ tầng giao thông", "Dự án hạ tầng của thành phố Hà Nội.", 600},
    {7, "Hà Nội mùa thu", "Mùa thu Hà Nội đẹp nhất. Thủ đô Hà Nội.", 700},
    {8, "Tin khác", "Bình luận về Hà Nội và du lịch.", 50},
};

Index make_index(bool keep_text = true) {
    IndexBuilder b(keep_text);
    for (const Doc& d : kDocs) {
        b.add(d.id, Field::Title, 0, d.title, d.date);
        b.add(d.id, Field::Body, 0, d.body, d.date);
    }
    b.add(8, Field::Comment, 3, "Hà Nội đẹp lắm", 0);
    return b.build();
}

std::vector<uint32_t> ids(const Results& r) {
    std::vector<uint32_t> out;
    for (const Hit& h : r.hits) out.push_back(h.doc);
    return out;
}

bool has(const Results& r, uint32_t doc) {
    for (const Hit& h : r.hits)
        if (h.doc == doc) return true;
    return false;
}

Results run(const Index& idx, std::string text, bool diacritics = false, bool match_case = false, bool whole = false) {
    Query q;
    q.text = std::move(text);
    q.match_diacritics = diacritics;
    q.match_case = match_case;
    q.whole_words = whole;
    return idx.search(q);
}

std::string slice(const std::string& s, ByteRange r) { return s.substr(r.begin, r.end - r.begin); }

}  // namespace

TEST_CASE("search matches without diacritics, with d for đ, in NFD, any tone placement", "[search]") {
    Index idx = make_index();
    CHECK(has(run(idx, "da nang"), 4));
    CHECK(has(run(idx, "Đà Nẵng"), 4));
    CHECK(has(run(idx, "Dà Nẵng"), 4));
    CHECK(has(run(idx, reader::text::to_nfd("Đà Nẵng")), 4));
    auto hoa = run(idx, "hoà bình");
    CHECK(has(hoa, 2));
    CHECK(has(hoa, 3));
    CHECK(has(run(idx, "khoẻ"), 5));
    CHECK(has(run(idx, "khỏe"), 5));
    CHECK(has(run(idx, "THUY DIEN"), 3));
}

TEST_CASE("exact diacritics switch keeps only exact spellings, tone placement free", "[search]") {
    Index idx = make_index();
    auto r = run(idx, "Hà Nội", true);
    CHECK(has(r, 7));
    CHECK(has(r, 6));  // "Hà Nội" in the body
    auto ha = run(idx, "hạ tầng", true);
    CHECK(ids(ha) == std::vector<uint32_t>{6});
    CHECK(run(idx, "ha tang", true).total == 0);
    CHECK(has(run(idx, "thuỷ điện", true), 3));  // thủy / thuỷ
    CHECK(run(idx, "Dà Nẵng", true).hits.empty() == false);  // relaxed: "Nẵng" alone
    CHECK(run(idx, "Dà Nẵng", true).relaxed);
}

TEST_CASE("exact matches rank above folded ones", "[search]") {
    Index idx = make_index();
    // "hạ tầng" (doc 6) vs "Hà Nội" (docs 6, 7): typing "hà" prefers Hà.
    auto r = run(idx, "hà", false, false, true);
    REQUIRE(r.hits.size() >= 2);
    CHECK(r.hits[0].doc == 7);
    auto r2 = run(idx, "hạ", false, false, true);
    REQUIRE(!r2.hits.empty());
    CHECK(r2.hits[0].doc == 6);
}

TEST_CASE("match case distinguishes capitals", "[search]") {
    Index idx = make_index();
    CHECK(has(run(idx, "Bình", false, true), 5));
    CHECK(run(idx, "BÌNH", false, true).total == 0);
    CHECK(run(idx, "bình", false, true, true).hits.size() < run(idx, "bình").hits.size());
}

TEST_CASE("title matches rank above body matches and recency breaks ties", "[search]") {
    Index idx = make_index();
    auto r = run(idx, "du lịch");
    REQUIRE(r.hits.size() >= 2);
    CHECK(r.hits[0].doc == 2);  // in the title
    CHECK(r.hits[0].field == Field::Title);
    // Identical single-word titles: the newer first.
    IndexBuilder b;
    b.add(10, Field::Title, 0, "Tin nóng", 100);
    b.add(11, Field::Title, 0, "Tin nóng", 300);
    b.add(12, Field::Title, 0, "Tin nóng", 200);
    Index t = b.build();
    CHECK(ids(run(t, "tin nóng")) == std::vector<uint32_t>{11, 12, 10});
}

TEST_CASE("adjacent query syllables rank higher than scattered ones", "[search]") {
    IndexBuilder b;
    b.add(1, Field::Body, 0, "bình thường ở hà và nội dung", 500);
    b.add(2, Field::Body, 0, "bình thường ở hà nội và dung", 100);
    Index idx = b.build();
    auto r = run(idx, "hà nội");
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].doc == 2);
}

TEST_CASE("quoted phrases must match in order", "[search]") {
    IndexBuilder b;
    b.add(1, Field::Body, 0, "nội hà là tên sai", 0);
    b.add(2, Field::Body, 0, "đến hà nội hôm nay", 0);
    Index idx = b.build();
    auto r = run(idx, "\"hà nội\"");
    CHECK(ids(r) == std::vector<uint32_t>{2});
    CHECK(r.total == 1);
    CHECK(run(idx, "\"nội hà\"").total == 1);
    CHECK(run(idx, "hà nội").total == 2);
    // Typographic quotes, as phones with smart punctuation type them, make phrases too.
    CHECK(ids(run(idx, "“hà nội”")) == std::vector<uint32_t>{2});
    CHECK(run(idx, "„hà nội“").total == 1);
    CHECK(run(idx, "«hà nội»").total == 1);
}

TEST_CASE("each phrase must be in one text, in order; different phrases may be in different texts", "[search]") {
    // Enough documents for the phrase filter to walk long lists with jumps: every third
    // has "10/7" in its title and "15/7" in its body; of the others, every fifth has
    // "7/10" in its title (the same parts, the other order); all bodies hold 7, 10 and 15.
    IndexBuilder b;
    uint32_t want_both = 0, want_swapped = 0;
    for (uint32_t d = 0; d < 600; ++d) {
        const bool both = d % 3 == 0, swapped = d % 5 == 0;
        std::string title = both ? "Lịch nghỉ từ 10/7" : swapped ? "Lịch nghỉ từ 7/10" : "Lịch nghỉ hè";
        std::string body = both ? "đến hết 15/7 năm nay" : "đến hết tháng 7, ngày 15 và 10";
        b.add(d, Field::Title, 0, title, d);
        b.add(d, Field::Body, 0, body, d);
        want_both += both;
        want_swapped += swapped && !both;
    }
    Index idx = b.build();
    Query q;
    q.text = "từ 10/7 15/7";
    q.limit = 1000;
    const Results r = idx.search(q);
    CHECK(r.total == want_both);
    for (const Hit& h : r.hits) CHECK(h.doc % 3 == 0);
    CHECK(run(idx, "\"từ 10/7\"").total == want_both);
    CHECK(run(idx, "\"10 7\" \"15 7\"").total == want_both);   // quoted, the same phrases
    CHECK(run(idx, "\"7 15\"").total == 0);                      // never in that order
    CHECK(run(idx, "7/10").total == want_swapped);
}

TEST_CASE("codes and numbers are searchable as written", "[search]") {
    Index idx = make_index();
    CHECK(ids(run(idx, "21-KL/TW")) == std::vector<uint32_t>{1});
    CHECK(ids(run(idx, "21-kl/tw")) == std::vector<uint32_t>{1});
    CHECK(ids(run(idx, "24.317")) == std::vector<uint32_t>{4});
    CHECK(run(idx, "317.24").total == 0);  // parts present, not in that order
}

TEST_CASE("the last syllable matches as a prefix while typing", "[search]") {
    Index idx = make_index();
    CHECK(has(run(idx, "thủy đi"), 3));
    CHECK(has(run(idx, "Đà Nẵ"), 4));
    CHECK(has(run(idx, "da na"), 4));
    CHECK(run(idx, "thủy đi ").relaxed);  // a trailing space ends the syllable
    CHECK(run(idx, "thủy đi", false, false, true).relaxed);
}

TEST_CASE("AND search finds exactly the documents holding every token (brute force check)", "[search]") {
    // A generated corpus large enough for every path of the intersection: several
    // spellings (variant lists) per folded syllable, lists long and short against the
    // surviving documents (full scans, skip-table seeks, the live-document bit set),
    // tokens in title and body units. Each syllable's spellings fold to its key.
    struct Syllable {
        const char* folded;
        std::vector<const char*> spellings;
    };
    const std::vector<Syllable> vocab = {
        {"hoa", {"hoa", "hòa", "hoà", "Hòa", "HOA", "hóa"}}, {"binh", {"bình", "Bình", "binh"}},
        {"an", {"an", "ân", "ấn", "An"}}, {"nam", {"năm", "nằm", "Nam", "nam"}},
        {"do", {"đó", "đỏ", "Đỏ", "do", "độ"}}, {"thu", {"thu", "thủ", "thú", "Thu"}},
        {"xa", {"xa", "xã", "xả"}}, {"lu", {"lũ", "lú", "Lũ"}}, {"ke", {"kẻ", "kế"}},
        {"mot", {"một"}}, {"hai", {"hai", "hải", "Hải"}}, {"ba", {"ba", "bà", "bá", "Ba"}}};
    uint64_t seed = 12345;
    auto rnd = [&](uint32_t n) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        return uint32_t((seed >> 33) % n);
    };
    const uint32_t kDocsN = 3000;
    std::vector<std::vector<int>> has_key(kDocsN);
    IndexBuilder b(false);
    for (uint32_t d = 0; d < kDocsN; ++d) {
        for (Field f : {Field::Title, Field::Body}) {
            std::string text;
            // Skewed choice: low-numbered syllables are common, the last ones rare.
            const uint32_t n = f == Field::Title ? 3 + rnd(4) : 10 + rnd(40);
            for (uint32_t k = 0; k < n; ++k) {
                const int key = int(std::min(rnd(uint32_t(vocab.size())), rnd(uint32_t(vocab.size()))));
                const auto& sp = vocab[size_t(key)].spellings;
                text += sp[rnd(uint32_t(sp.size()))];
                text += ' ';
                has_key[d].push_back(key);
            }
            b.add(d, f, 0, text, int64_t(d));
        }
    }
    Index idx = b.build();
    for (int trial = 0; trial < 60; ++trial) {
        const int nq = 2 + int(rnd(3));
        std::vector<int> keys;
        std::string text;
        for (int i = 0; i < nq; ++i) {
            keys.push_back(int(rnd(uint32_t(vocab.size()))));
            text += std::string(i ? " " : "") + vocab[size_t(keys.back())].folded;
        }
        std::vector<bool> want(kDocsN, true);
        uint32_t count = 0;
        for (uint32_t d = 0; d < kDocsN; ++d) {
            for (int k : keys) want[d] = want[d] && std::count(has_key[d].begin(), has_key[d].end(), k) > 0;
            count += want[d];
        }
        Query q;
        q.text = text;
        q.whole_words = true;
        q.limit = 50;
        q.snippets = false;
        const Results r = idx.search(q);
        INFO(text);
        if (count == 0) {
            CHECK((r.relaxed || r.total == 0));
            continue;
        }
        CHECK_FALSE(r.relaxed);
        CHECK(r.total == count);
        for (const Hit& h : r.hits) CHECK(want[h.doc]);
    }
}

TEST_CASE("when not every token matches, the best partial matches come back", "[search]") {
    Index idx = make_index();
    auto r = run(idx, "Hà Nội xyzzy");
    CHECK(r.relaxed);
    CHECK(has(r, 7));
    CHECK(run(idx, "qqqq").total == 0);
    CHECK(run(idx, "").total == 0);
    CHECK(run(idx, "  \"  ").total == 0);
}

TEST_CASE("snippets carry highlighted ranges and match positions in the field text", "[search]") {
    Index idx = make_index();
    auto r = run(idx, "ha noi");
    REQUIRE(!r.hits.empty());
    const Hit& h = r.hits[0];
    CHECK(h.doc == 7);
    CHECK(h.field == Field::Title);
    CHECK(h.snippet == "Hà Nội mùa thu");
    REQUIRE(h.snippet_highlights.size() == 1);
    CHECK(slice(h.snippet, h.snippet_highlights[0]) == "Hà Nội");
    REQUIRE(h.matches.size() == 1);
    CHECK(h.matches[0] == ByteRange{0, uint32_t(std::string("Hà Nội").size())});
}

TEST_CASE("long texts get a window around the match with ellipses", "[search]") {
    std::string body;
    for (int i = 0; i < 40; ++i) body += "câu chuyện không liên quan gì cả. ";
    std::string tail;
    for (int i = 0; i < 40; ++i) tail += " và nhiều chữ nữa ở phía sau";
    body += "Hồ Gươm ở giữa" + tail;
    IndexBuilder b(true);
    b.add(1, Field::Body, 7, body, 0);
    Index idx = b.build();
    auto r = run(idx, "ho guom");
    REQUIRE(r.hits.size() == 1);
    const Hit& h = r.hits[0];
    CHECK(h.sub_id == 7);
    CHECK(h.snippet.size() < 260);
    CHECK(h.snippet.rfind("\xE2\x80\xA6", 0) == 0);
    CHECK(h.snippet.size() >= 3);
    CHECK(h.snippet.substr(h.snippet.size() - 3) == "\xE2\x80\xA6");
    REQUIRE(h.snippet_highlights.size() == 1);
    CHECK(slice(h.snippet, h.snippet_highlights[0]) == "Hồ Gươm");
    REQUIRE(h.matches.size() == 1);
    CHECK(slice(body, h.matches[0]) == "Hồ Gươm");
}

TEST_CASE("snippets come from the text source when the index keeps no text", "[search]") {
    Index idx = make_index(false);
    auto r0 = run(idx, "Đà Nẵng");
    REQUIRE(!r0.hits.empty());
    CHECK(r0.hits[0].snippet.empty());
    idx.set_text_source([](uint32_t doc, Field f, uint32_t) -> std::string_view {
        for (const Doc& d : kDocs)
            if (d.id == doc) return f == Field::Title ? d.title : d.body;
        return {};
    });
    auto r = run(idx, "Đà Nẵng");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].snippet == "Đường phố Đà Nẵng");
}

TEST_CASE("limit and offset page through the results", "[search]") {
    Index idx = make_index();
    Query q;
    q.text = "hà nội";
    auto all = idx.search(q);
    REQUIRE(all.total >= 3);
    q.limit = 1;
    q.offset = 1;
    auto page = idx.search(q);
    CHECK(page.total == all.total);
    REQUIRE(page.hits.size() == 1);
    CHECK(page.hits[0].doc == all.hits[1].doc);
    q.offset = 1000;
    CHECK(idx.search(q).hits.empty());
}

TEST_CASE("serialization round-trips the index", "[search][serialize]") {
    Index idx = make_index();
    std::vector<uint8_t> bytes = idx.serialize();
    std::string error;
    auto back = Index::deserialize(bytes.data(), bytes.size(), &error);
    REQUIRE(back.has_value());
    CHECK(error.empty());
    for (const char* q : {"ha noi", "Đà Nẵng", "21-KL/TW", "\"hà nội\"", "thủy đi", "khoe"}) {
        auto a = run(idx, q), b = run(*back, q);
        CHECK(ids(a) == ids(b));
        CHECK(a.total == b.total);
        if (!a.hits.empty()) CHECK(a.hits[0].snippet == b.hits[0].snippet);
    }
    CHECK(back->serialize() == bytes);
    CHECK(back->stats().variants == idx.stats().variants);
}

TEST_CASE("corrupt or truncated index bytes give an error, never a crash", "[search][serialize]") {
    Index idx = make_index();
    std::vector<uint8_t> bytes = idx.serialize();
    std::string error;
    CHECK_FALSE(Index::deserialize(nullptr, 0, &error));
    CHECK_FALSE(error.empty());
    for (size_t n : {size_t(0), size_t(8), size_t(31), bytes.size() / 2, bytes.size() - 1}) {
        error.clear();
        CHECK_FALSE(Index::deserialize(bytes.data(), n, &error));
        CHECK_FALSE(error.empty());
    }
    // Flip bytes everywhere: the checksum catches each one.
    for (size_t i = 0; i < bytes.size(); i += 7) {
        std::vector<uint8_t> bad = bytes;
        bad[i] ^= 0x5A;
        CHECK_FALSE(Index::deserialize(bad.data(), bad.size(), &error));
    }
    std::vector<uint8_t> version = bytes;
    version[8] = 99;
    CHECK_FALSE(Index::deserialize(version.data(), version.size(), &error));
    CHECK(error.find("version") != std::string::npos);
}

TEST_CASE("structurally invalid payloads are rejected even with a valid checksum", "[search][serialize]") {
    // Re-checksums a mutated payload the way serialize() does, so only validation
    // stands between the bytes and the search code.
    Index idx = make_index();
    std::vector<uint8_t> bytes = idx.serialize();
    auto rechecksum = [](std::vector<uint8_t>& b) {
        const uint64_t h = reader::search::detail::index_checksum(b.data() + 32, b.size() - 32);
        std::memcpy(b.data() + 24, &h, 8);
    };
    size_t rejected = 0, accepted = 0;
    uint32_t seed = 12345;
    for (int round = 0; round < 3000; ++round) {
        std::vector<uint8_t> bad = bytes;
        seed = seed * 1103515245 + 12345;
        size_t at = 32 + (seed >> 8) % (bad.size() - 32);
        bad[at] ^= uint8_t(1 + (seed >> 3) % 255);
        rechecksum(bad);
        std::string error;
        auto r = Index::deserialize(bad.data(), bad.size(), &error);
        if (!r) {
            ++rejected;
            CHECK_FALSE(error.empty());
        } else {
            ++accepted;
            // Whatever was accepted must be safe to search.
            for (const char* q : {"ha noi", "d", "21-KL/TW", "\"hà nội\""}) (void)run(*r, q);
        }
    }
    CHECK(rejected > 0);
    INFO("accepted " << accepted);
}

TEST_CASE("find_in_text finds every match with diacritics, case and whole-word switches", "[search][find]") {
    std::string text = "Hòa Bình và hoà bình; HOA BINH. Hoà Bìnhxyz";
    auto all = find_in_text(text, "hoa binh");
    REQUIRE(all.size() == 4);
    CHECK(slice(text, all[0]) == "Hòa Bình");
    CHECK(slice(text, all[2]) == "HOA BINH");
    CHECK(slice(text, all[3]) == "Hoà Bình");
    CHECK(find_in_text(text, "hoa binh", {false, false, true}).size() == 3);
    auto exact = find_in_text(text, "hoà bình", {true, false, false});
    REQUIRE(exact.size() == 3);  // tone placement is free, HOA BINH has no marks
    CHECK(find_in_text(text, "Hoà Bình", {true, true, false}).size() == 2);
    CHECK(find_in_text(text, "hOA", {false, true, false}).empty());
    CHECK(find_in_text(text, "   ").empty());
    // NFD text maps back to its own bytes.
    std::string nfd = reader::text::to_nfd("Đà Nẵng đẹp");
    auto r = find_in_text(nfd, "da nang");
    REQUIRE(r.size() == 1);
    CHECK(slice(nfd, r[0]) == reader::text::to_nfd("Đà Nẵng"));
    // White space runs in the text match one space in the query.
    auto ws = find_in_text("Hà  \n Nội", "ha noi");
    REQUIRE(ws.size() == 1);
    CHECK(ws[0] == ByteRange{0, uint32_t(std::string("Hà  \n Nội").size())});
}

TEST_CASE("the in-article find takes a quoted search as the phrase it is", "[search][find]") {
    const std::string text = "Người dân Hà Nội đón Tết; \"Hà Nội\" là thủ đô.";
    CHECK(find_query("\"hà nội\"") == " hà nội ");
    const auto r = find_in_text(text, find_query("\"hà nội\""));
    REQUIRE(r.size() == 2);
    CHECK(slice(text, r[0]) == "Hà Nội");
    // Two quoted phrases side by side are one phrase to the find, as typed without quotes.
    CHECK(find_in_text(text, find_query("\"người dân\" \"hà nội\"")).size() == 1);
    CHECK(find_query("21-KL/TW") == "21-KL/TW");
    CHECK(find_in_text(text, find_query("“hà nội”")).size() == 2);
}

TEST_CASE("documents whose texts are added interleaved give the same results", "[search]") {
    // The fast path needs each document's texts together (documents_in_order); the
    // engine must still be right, only slower, when a caller interleaves them.
    IndexBuilder interleaved(true);
    for (const Doc& d : kDocs) interleaved.add(d.id, Field::Title, 0, d.title, d.date);
    for (const Doc& d : kDocs) interleaved.add(d.id, Field::Body, 0, d.body, d.date);
    interleaved.add(8, Field::Comment, 3, "Hà Nội đẹp lắm", 0);
    const Index slow = interleaved.build();
    const Index fast = make_index();
    CHECK(fast.stats().documents_in_order);
    CHECK_FALSE(slow.stats().documents_in_order);
    for (const char* q : {"ha noi", "hoa binh", "\"thủy điện hòa bình\"", "du lich", "thanh pho", "th", "21-KL/TW"}) {
        INFO(q);
        const Results a = run(fast, q), b = run(slow, q);
        CHECK(a.total == b.total);
        CHECK(ids(a) == ids(b));
        for (size_t i = 0; i < a.hits.size() && i < b.hits.size(); ++i) CHECK(a.hits[i].snippet == b.hits[i].snippet);
    }
    // Interleaved, a document's texts enclose another's: document 1's title and body
    // come before and after document 2's title, which alone holds the phrase.
    IndexBuilder mixed;
    mixed.add(1, Field::Title, 0, "nội dung hà", 0);
    mixed.add(2, Field::Title, 0, "hà nội", 0);
    mixed.add(3, Field::Title, 0, "hà nội xưa", 0);
    mixed.add(1, Field::Body, 0, "nội hà", 0);
    mixed.add(2, Field::Body, 0, "phố cổ", 0);
    mixed.add(3, Field::Body, 0, "nội hà", 0);
    const Index m = mixed.build();
    const Results r = run(m, "\"hà nội\"");
    CHECK(r.total == 2);
    CHECK_FALSE(has(r, 1));
    CHECK(run(m, "\"nội hà\"").total == 2);   // documents 1 and 3, each in its body
}

TEST_CASE("phrases are checked on positions read from packed blocks, with any tf and wide gaps", "[search]") {
    // 600 documents whose body holds "xa" 1-4 times; in every third, "yb" follows the
    // last "xa" (the phrase), elsewhere it comes first. Runs of documents without either
    // word make some unit gaps wide, so blocks of 32 entries carry deltas and term
    // frequencies of many bit widths, and the phrase check reads positions of entries in
    // the middle of blocks.
    IndexBuilder b(true);
    uint32_t id = 1;
    std::vector<uint32_t> want;
    for (int i = 0; i < 600; ++i) {
        if (i % 97 == 0)
            for (int k = 0; k < 300; ++k) b.add(id++, Field::Body, 0, "chỉ có chữ khác ở đây", 0);
        std::string body = (i % 3 == 0) ? "mở đầu" : "yb mở đầu";
        for (int k = 0; k <= i % 4; ++k) body += " xa lời" ;
        if (i % 3 == 0) {
            body += " xa yb";
            want.push_back(id);
        }
        b.add(id++, Field::Body, 0, body, 0);
    }
    Index idx = b.build();
    Query q;
    q.text = "\"xa yb\"";
    q.limit = 1000;
    q.snippets = false;
    Results r = idx.search(q);
    CHECK(r.total == want.size());
    std::vector<uint32_t> got = ids(r);
    std::sort(got.begin(), got.end());
    CHECK(got == want);
    // Unquoted, every document with both words matches.
    q.text = "xa yb";
    CHECK(idx.search(q).total == 600);
    // The blocks turn back into the same file.
    const std::vector<uint8_t> bytes = idx.serialize();
    auto back = Index::deserialize(bytes.data(), bytes.size());
    REQUIRE(back.has_value());
    CHECK(back->serialize() == bytes);
    q.text = "\"xa yb\"";
    CHECK(back->search(q).total == want.size());
}

TEST_CASE("highlights cover words starting with capitals, đ or a decomposed letter", "[search]") {
    Index idx = make_index();
    auto r = run(idx, "da nang");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].doc == 4);
    REQUIRE(r.hits[0].snippet_highlights.size() == 1);
    CHECK(slice(r.hits[0].snippet, r.hits[0].snippet_highlights[0]) == "Đà Nẵng");
    r = run(idx, "THANH UY");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].doc == 1);
    REQUIRE(!r.hits[0].snippet_highlights.empty());
    CHECK(slice(r.hits[0].snippet, r.hits[0].snippet_highlights[0]) == "Thành ủy");

    IndexBuilder b(true);
    const std::string nfd = "A\xCC\x80n nghi\xCC\x89 o\xCC\x89 \xC4\x90" "a\xCC\x80 La\xCC\xA3t";  // Àn nghỉ ở Đà Lạt, decomposed
    b.add(1, Field::Title, 0, nfd, 0);
    Index small = b.build();
    r = run(small, "an nghi o da lat");
    REQUIRE(r.hits.size() == 1);
    REQUIRE(r.hits[0].snippet_highlights.size() == 1);
    CHECK(slice(r.hits[0].snippet, r.hits[0].snippet_highlights[0]) == nfd);
}

TEST_CASE("highlights find whole tokens only: not inside words, after punctuation, by prefix", "[search]") {
    // The highlighter looks for tokens only at bytes that may start a match and tests
    // their first two folded bytes before cutting them out: "tranh" and "thản" share a
    // beginning with "thanh", the T of "xThanh" is inside a word, and “Thanh” follows a
    // multi-byte quotation mark.
    const std::string text = "Bức tranh về thành phố, thản nhiên, “Thanh” và xThanh, đất thanhxuân.";
    IndexBuilder b(true);
    b.add(1, Field::Body, 0, text, 0);
    Index idx = b.build();
    auto words = [&](const Results& r) {
        std::vector<std::string> out;
        REQUIRE(r.hits.size() == 1);
        for (ByteRange m : r.hits[0].matches) out.push_back(slice(text, m));
        return out;
    };
    CHECK(words(run(idx, "thanh")) == std::vector<std::string>{"thành", "Thanh", "thanhxuân"});
    CHECK(words(run(idx, "thanh", false, false, true)) == std::vector<std::string>{"thành", "Thanh"});
    CHECK(words(run(idx, "Thanh", false, true, true)) == std::vector<std::string>{"Thanh"});
    CHECK(words(run(idx, "thành", true, false, true)) == std::vector<std::string>{"thành"});
    CHECK(words(run(idx, "dat")) == std::vector<std::string>{"đất"});
}

TEST_CASE("the adjacency bonus lifts a document from below the top's base scores, with many candidates", "[search]") {
    // 60 short titles with the two syllables apart score higher on BM25 alone than one
    // long title with them adjacent; the bonus must still put that one first. Documents
    // are dropped before the threshold loop only when even their bound cannot reach the
    // top, so this one must survive that cut (limit 3: 61 candidates > 4 × 3).
    IndexBuilder b;
    for (uint32_t i = 1; i <= 60; ++i) b.add(i, Field::Title, 0, "hà và nội " + std::to_string(i), 1000 + i);
    b.add(99, Field::Title, 0, "hôm nay hà nội mưa to", 1);
    Index idx = b.build();
    Query q;
    q.text = "hà nội";
    q.limit = 3;
    Results r = idx.search(q);
    CHECK(r.total == 61);
    REQUIRE(r.hits.size() == 3);
    INFO("scores " << r.hits[0].score << " " << r.hits[1].score);
    CHECK(r.hits[0].doc == 99);
}
