// JSON bundles → model (see bundle_loader.h).
//
// The top-level object is walked here, one member at a time, by JsonReader (fast,
// iterative; see json_reader.h). Only one article's worth of JSON DOM exists at a
// time: each element of "articles" (and "announcements", "categories", and the
// "site" object) is parsed into a small DOM, converted into the model by
// article_reader.cpp, and dropped; members this reader does not know are skipped
// without building anything. Peak memory stays near the bytes plus the model.
#include "model/bundle_loader.h"

#include <nlohmann/json.hpp>

#include "model/article_reader.h"
#include "model/front_matter.h"
#include "model/json_prescan.h"
#include "model/json_reader.h"
#include "model/model_writer.h"
#include "text/utf8.h"

namespace reader {
namespace {

using json = nlohmann::json;

enum class Section { None, Site, Articles, Announcements, Categories, Format };

Section section_of(const std::string& key) {
    if (key == "site") return Section::Site;
    if (key == "articles") return Section::Articles;
    if (key == "announcements") return Section::Announcements;
    if (key == "categories") return Section::Categories;
    if (key == "format") return Section::Format;
    return Section::None;
}

void deliver(BundleReader& reader, Section s, const json& v) {
    switch (s) {
        case Section::Site: reader.site(v); break;
        case Section::Format: reader.format(v); break;
        case Section::Articles: reader.article(v); break;
        case Section::Announcements: reader.announcement(v); break;
        case Section::Categories: reader.category(v); break;
        case Section::None: break;
    }
}

// The members of the top-level object. Returns false when the bytes are not a JSON
// object at all (nothing was read); syntax errors after that leave `json.failed()`.
bool read_top_level(JsonReader& in, BundleReader& reader) {
    if (in.peek() != '{') return false;
    in.expect('{', "'{'");
    if (in.accept('}')) return true;
    std::string key;
    json value;
    do {
        if (!in.read_string(key) || !in.expect(':', "':' after the member name")) return true;
        const Section section = section_of(key);
        const bool list = section == Section::Articles || section == Section::Announcements || section == Section::Categories;
        if (list && in.peek() == '[') {
            in.expect('[', "'['");
            if (!in.accept(']')) {
                do {
                    in.peek();
                    reader.set_position(in.offset());
                    value = json();
                    if (!in.parse_value(value, 2)) return true;
                    deliver(reader, section, value);
                    if (reader.stopped()) return true;
                } while (in.accept(','));
                if (!in.expect(']', "',' or ']' after an array element")) return true;
            }
        } else if (section != Section::None) {
            in.peek();
            reader.set_position(in.offset());
            value = json();
            if (!in.parse_value(value, 1)) return true;
            if (list) reader.top_level_value_type(key, value);
            else deliver(reader, section, value);
        } else if (!in.skip_value(1)) {
            return true;  // unknown members are skipped, but must still be JSON
        }
    } while (in.accept(','));
    if (!in.expect('}', "',' or '}' after an object member")) return true;
    if (!in.at_end()) in.fail_expected("nothing after the bundle's closing '}'");
    return true;
}

bool looks_like_front_matter(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return bytes.substr(0, 4) == "---\n" || bytes.substr(0, 5) == "---\r\n";
}

void add_error(LoadResult& r, std::string_view name, std::string_view bytes, uint64_t offset,
               std::string message) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.file = std::string(name);
    const LineColumn lc = line_column_at(bytes, offset);
    d.line = lc.line;
    d.column = lc.column;
    d.offset = offset;
    d.message = std::move(message);
    r.diagnostics.items.push_back(std::move(d));
}

}  // namespace

LoadResult load_bundle(std::string_view bytes, std::string_view name, const LoadLimits& limits) {
    LoadResult result;
    result.name = std::string(name);
    if (bytes.size() > limits.max_bytes) {
        Diagnostic d;
        d.file = std::string(name);
        d.message = "the bundle is " + std::to_string(bytes.size() >> 20) + " MiB; the limit is " +
                    std::to_string(limits.max_bytes >> 20) + " MiB";
        result.diagnostics.items.push_back(std::move(d));
        return result;
    }
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    std::string_view body = bom ? bytes.substr(3) : bytes;

    result.bundle = std::make_unique<Bundle>();
    // The text arena holds about as much as the bytes (the text of the bodies minus
    // markup): reserved once, it never copies itself while growing. Pages never
    // written are never touched, so the reservation costs address space only.
    result.bundle->text.reserve(bytes.size() + 4096);
    BundleReader reader(*result.bundle, result.diagnostics, std::string(name), limits);

    if (looks_like_front_matter(body)) {
        size_t bad = 0;
        if (!text::validate_utf8(bytes, &bad)) {
            add_error(result, name, bytes, bad,
                      "invalid UTF-8 at byte offset " + std::to_string(bad) + "; a bundle must be UTF-8 text");
            result.bundle.reset();
            return result;
        }
        reader.markdown_article(body);
    } else {
        reader.set_source(bytes, bom ? 3 : 0);
        reader.set_strings_are_nfc(true);
        JsonReader in(body, limits.max_depth);
        const bool is_object = read_top_level(in, reader);
        if (!is_object) {
            // Not an object: say why in the clearest terms (a 100,000-deep array is
            // "too deep", not "not an object"; empty input is a syntax error).
            if (in.at_end()) {
                in.fail_expected("a JSON object");
            } else if (in.peek() == '[' || in.peek() == '{') {
                in.skip_value(0);
            }
        }
        if (in.failed()) {
            const uint64_t pos = in.error_offset() + (bom ? 3 : 0);
            switch (in.error()) {
                case JsonReader::Error::Syntax: add_error(result, name, bytes, pos, "JSON syntax error: " + in.error_message()); break;
                default: add_error(result, name, bytes, pos, in.error_message()); break;
            }
            // Articles read before the error are kept: they were complete and valid.
        } else if (!is_object) {
            add_error(result, name, bytes, 0, "a bundle must be a JSON object with \"format\" and \"articles\"");
        }
        if (!is_object) {
            result.bundle.reset();
            return result;
        }
        reader.end_of_json();
    }
    result.pending = reader.take_pending();
    if (result.bundle->articles.empty()) {
        if (!result.diagnostics.has_errors()) {
            Diagnostic d;
            d.file = std::string(name);
            d.message = "the bundle holds no article";
            result.diagnostics.items.push_back(std::move(d));
        }
        if (result.pending.empty()) result.bundle.reset();
        return result;
    }
    if (result.pending.empty()) finish_bundle(result);
    std::string& arena = result.bundle->text;
    if (arena.capacity() > arena.size() + arena.size() / 4 + (1u << 20)) arena.shrink_to_fit();
    return result;
}

void attach_markdown_body(LoadResult& result, uint32_t article, std::string_view markdown,
                          std::string_view name, const LoadLimits& limits) {
    if (!result.bundle || article >= result.bundle->articles.size()) return;
    BundleReader reader(*result.bundle, result.diagnostics, std::string(name), limits);
    reader.attach_body(article, markdown);
}

void finish_bundle(LoadResult& result) {
    if (!result.bundle) return;
    BundleReader reader(*result.bundle, result.diagnostics, result.name, LoadLimits{});
    reader.resolve_references();
}

}  // namespace reader
