// JSON bundles → model (see bundle_loader.h).
//
// The bytes are streamed through nlohmann's SAX parser. Only one article's worth of
// JSON DOM exists at a time: each element of "articles" (and "announcements",
// "categories", and the "site" object) is captured as a small DOM, converted into
// the model by article_reader.cpp, and dropped. Peak memory stays near the size of
// the model instead of the 4-5x a whole DOM would take.
#include "model/bundle_loader.h"

#include <nlohmann/json.hpp>

#include "model/article_reader.h"
#include "model/front_matter.h"
#include "model/json_prescan.h"
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

// SAX consumer: keeps a DOM only for the subtree being captured.
class BundleSax {
public:
    explicit BundleSax(BundleReader& reader) : reader_(reader) {}

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool v) { return scalar(json(v)); }
    bool number_integer(json::number_integer_t v) { return scalar(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(json(v)); }
    bool number_float(json::number_float_t v, const std::string&) { return scalar(json(v)); }
    bool string(std::string& v) { return scalar(json(std::move(v))); }
    bool binary(json::binary_t&) { return scalar(json(nullptr)); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        if (!stack_.empty()) {
            key_ = std::move(k);
        } else if (depth_ == 1) {
            top_key_ = std::move(k);
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        error_position = position;
        error_message = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." →
        // keep what follows the position, which names what was expected.
        const size_t colon = error_message.find(": ");
        if (colon != std::string::npos) error_message = error_message.substr(colon + 2);
        return false;
    }

    bool top_is_object = true;
    uint64_t error_position = 0;
    std::string error_message;

private:
    // Where would a value starting now go?
    bool should_capture() const {
        if (depth_ == 1) {
            const Section s = section_of(top_key_);
            return s == Section::Site || s == Section::Format;
        }
        if (depth_ == 2 && in_top_array_) {
            const Section s = section_of(top_key_);
            return s == Section::Articles || s == Section::Announcements || s == Section::Categories;
        }
        return false;
    }

    bool scalar(json&& v) {
        if (depth_ == 0) {
            top_is_object = false;
            return false;
        }
        if (!stack_.empty()) {
            insert(std::move(v));
            return true;
        }
        if (should_capture()) deliver(std::move(v));
        else if (depth_ == 1) reader_.top_level_value_type(top_key_, v);
        return true;
    }

    bool open(json&& container) {
        const bool is_array = container.is_array();
        if (depth_ == 0 && is_array) {
            top_is_object = false;
            return false;
        }
        ++depth_;
        if (!stack_.empty()) {
            stack_.push_back(insert(std::move(container)));
        } else if (depth_ - 1 >= 1 && should_capture_at(depth_ - 1)) {
            root_ = std::move(container);
            stack_.push_back(&root_);
        } else if (depth_ == 2) {
            // A top-level member that is a container but not captured whole.
            const Section s = section_of(top_key_);
            in_top_array_ = is_array && (s == Section::Articles || s == Section::Announcements || s == Section::Categories);
            if (!in_top_array_ && s != Section::None) reader_.wrong_top_level_type(top_key_, is_array ? "array" : "object");
        }
        return true;
    }

    bool should_capture_at(uint32_t depth_before) const {
        if (depth_before == 1) {
            const Section s = section_of(top_key_);
            return s == Section::Site || s == Section::Format;
        }
        return depth_before == 2 && in_top_array_;
    }

    bool close() {
        if (!stack_.empty()) {
            stack_.pop_back();
            if (stack_.empty()) deliver(std::move(root_));
        }
        if (depth_ == 2) in_top_array_ = false;
        --depth_;
        return !reader_.stopped();
    }

    json* insert(json&& v) {
        json* parent = stack_.back();
        if (parent->is_array()) {
            parent->push_back(std::move(v));
            return &parent->back();
        }
        json& slot = (*parent)[key_];
        slot = std::move(v);
        return &slot;
    }

    void deliver(json&& v) {
        const Section s = section_of(top_key_);
        switch (s) {
            case Section::Site: reader_.site(v); break;
            case Section::Format: reader_.format(v); break;
            case Section::Articles: reader_.article(v); break;
            case Section::Announcements: reader_.announcement(v); break;
            case Section::Categories: reader_.category(v); break;
            case Section::None: break;
        }
        root_ = json();
    }

    BundleReader& reader_;
    uint32_t depth_ = 0;
    bool in_top_array_ = false;
    std::string top_key_;
    std::string key_;
    json root_;
    std::vector<json*> stack_;
};

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
    size_t bad = 0;
    if (!text::validate_utf8(bytes, &bad)) {
        add_error(result, name, bytes, bad,
                  "invalid UTF-8 at byte offset " + std::to_string(bad) + "; a bundle must be UTF-8 text");
        return result;
    }
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    std::string_view body = bom ? bytes.substr(3) : bytes;

    result.bundle = std::make_unique<Bundle>();
    BundleReader reader(*result.bundle, result.diagnostics, std::string(name), limits);

    if (looks_like_front_matter(body)) {
        reader.markdown_article(body);
    } else {
        const DepthScan scan = scan_json_depth(body, limits.max_depth);
        if (scan.first_too_deep != UINT64_MAX) {
            add_error(result, name, bytes, scan.first_too_deep + (bom ? 3 : 0),
                      "JSON nesting is deeper than " + std::to_string(limits.max_depth) + " levels");
            result.bundle.reset();
            return result;
        }
        BundleSax sax(reader);
        const bool ok = json::sax_parse(body.begin(), body.end(), &sax, json::input_format_t::json, true, true);
        if (!sax.top_is_object) {
            add_error(result, name, bytes, 0, "a bundle must be a JSON object with \"format\" and \"articles\"");
            result.bundle.reset();
            return result;
        }
        if (!ok && !reader.stopped()) {
            // Byte position from nlohmann counts characters read, one past the bad one.
            const uint64_t pos = sax.error_position > 0 ? sax.error_position - 1 : 0;
            add_error(result, name, bytes, pos + (bom ? 3 : 0), "JSON syntax error: " + sax.error_message);
            // Articles read before the error are kept: they were complete and valid.
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
