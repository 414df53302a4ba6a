// Unit tests for shared/text/normalize.h: NFC / NFD against vectors generated from
// Python's unicodedata at build time (tools/gen_nfc_vectors.py), and the fast path.
#include <catch2/catch.hpp>

#include <string>

#include "text/normalize.h"
#include "text/unicode_data.h"

using namespace reader::text;

namespace {
struct NormalizationVector {
    const char* input;
    const char* nfc;
    const char* nfd;
};
#include "nfc_vectors.inc"
}  // namespace

TEST_CASE("tables and vectors come from the same Unicode version", "[text][nfc]") {
    CHECK(std::string(unicode_version()) == kVectorsUnicodeVersion);
}

TEST_CASE("to_nfc and to_nfd match Python's unicodedata on generated vectors", "[text][nfc]") {
    size_t failures = 0;
    for (const auto& v : kNormalizationVectors) {
        std::string nfc = to_nfc(v.input), nfd = to_nfd(v.input);
        if (nfc != v.nfc || nfd != v.nfd || is_nfc(v.input) != (std::string(v.input) == v.nfc) ||
            !is_nfc(v.nfc) || to_nfc(v.nfd) != v.nfc) {
            if (++failures <= 10) {
                FAIL_CHECK("input \"" << v.input << "\" nfc=\"" << nfc << "\" want \"" << v.nfc
                                      << "\" nfd=\"" << nfd << "\" want \"" << v.nfd << "\"");
            }
        }
    }
    CHECK(failures == 0);
    CHECK(std::size(kNormalizationVectors) > 5000);
}

TEST_CASE("NFC composes Vietnamese typed in NFD in either mark order", "[text][nfc]") {
    // ệ = e + circumflex (U+0302) + dot below (U+0323); dot below (ccc 220) sorts first.
    CHECK(to_nfc("Vie\xCC\xA3\xCC\x82t") == "Việt");
    CHECK(to_nfc("Vie\xCC\x82\xCC\xA3t") == "Việt");
    CHECK(to_nfd("Việt") == "Vie\xCC\xA3\xCC\x82t");
    CHECK(to_nfc("ho\xCC\x80""a") == "hòa");
    CHECK(is_nfc("Thành ủy TP.HCM tổ chức hội nghị"));
    CHECK_FALSE(is_nfc("ho\xCC\x80""a"));
}

TEST_CASE("NFC handles composition exclusions, singletons and Hangul", "[text][nfc]") {
    CHECK(to_nfc("\xE2\x84\xAB") == "\xC3\x85");              // U+212B ANGSTROM -> U+00C5
    CHECK(to_nfc("\xE0\xA5\x98") == "\xE0\xA4\x95\xE0\xA4\xBC");  // U+0958 excluded
    CHECK(to_nfc("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8") == "\xEA\xB0\x81");  // ᄀ ᅡ ᆨ -> 각
    CHECK(to_nfd("\xEA\xB0\x81") == "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8");
}

TEST_CASE("NFC of text that is already NFC returns it unchanged", "[text][nfc]") {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "Ủy ban nhân dân TP.HCM đã họp về quy hoạch đô thị. ";
    CHECK(is_nfc(text));
    CHECK(to_nfc(text) == text);
    std::string out = "prefix:";
    append_nfc(out, "a\xCC\x81 and b");
    CHECK(out == "prefix:á and b");
}

TEST_CASE("NFC never crashes on malformed UTF-8", "[text][nfc]") {
    std::string bad = "\xCC\x81\xFF\xE1\xBA";  // mark first, invalid byte, truncated
    std::string nfc = to_nfc(bad);
    CHECK_FALSE(nfc.empty());
    CHECK_FALSE(to_nfd(bad).empty());
    (void)is_nfc(bad);
}
