// Converts one captured JSON object (an article, the site, an announcement, a
// category) into the model, reporting each problem with the article and field.
//
// Used by bundle_loader.cpp (JSON bundles and manifests) and for Markdown files
// with front matter, whose header is read into the same JSON shape first.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/bundle_loader.h"
#include "model/model_writer.h"

namespace reader {

class BundleReader {
public:
    BundleReader(Bundle& bundle, Diagnostics& diags, std::string file, const LoadLimits& limits);

    // Called by the SAX consumer as each top-level piece completes.
    void format(const nlohmann::json& v);
    void site(const nlohmann::json& v);
    void article(const nlohmann::json& v);
    void announcement(const nlohmann::json& v);
    void category(const nlohmann::json& v);
    void top_level_value_type(const std::string& key, const nlohmann::json& v);
    void wrong_top_level_type(const std::string& key, const char* type);
    void end_of_json();
    bool stopped() const { return stopped_; }

    // Where the value being read starts in the bundle's bytes, so model problems
    // also name a line and column (the article's opening brace). `bytes` must
    // outlive the reader; `base` is added to offsets (a byte-order mark skipped).
    void set_source(std::string_view bytes, uint64_t base) { source_ = bytes; source_base_ = base; }
    void set_position(uint64_t offset) { at_ = offset + source_base_; }
    // The DOM's strings are NFC already (JsonReader's are): copied unchecked.
    void set_strings_are_nfc(bool nfc) { strings_are_nfc_ = nfc; }

    // A single Markdown file with a front-matter header: one article.
    void markdown_article(std::string_view bytes);

    // Manifests: bodies fetched later by the caller.
    std::vector<PendingBody> take_pending() { return std::move(pending_); }
    void attach_body(uint32_t article, std::string_view markdown);

    // Links to other articles and related ids, once every article is known.
    void resolve_references();

private:
    struct Ctx;  // where we are, for messages

    void report(Severity s, const std::string& where, std::string message);
    std::string where_article(size_t index, const std::string& id, std::string_view field) const;

    bool read_string(const nlohmann::json& obj, const char* key, Str& out, const std::string& where,
                     bool required = false);
    bool read_date(const nlohmann::json& obj, const char* key, Str& text, int64_t& unix_seconds, int32_t* offset,
                   const std::string& where);
    void read_image(const nlohmann::json& v, Image& img, const std::string& where);
    void read_related(const nlohmann::json& v, Article& a, const std::string& where);
    void read_comments(const nlohmann::json& v, Article& a, const std::string& where);
    void read_body(Article& a, std::string_view markdown, const std::string& where);
    std::vector<Str> read_string_list(const nlohmann::json& v, const std::string& where, const char* field);

    Bundle& b_;
    Diagnostics& diags_;
    ModelWriter w_;
    std::string file_;
    LoadLimits limits_;
    bool stopped_ = false;
    size_t position_ = 0;   // index in the bundle's "articles" list, for messages
    bool saw_format_ = false;
    bool format_warned_ = false;
    std::unordered_map<std::string, uint32_t> ids_;
    std::vector<PendingBody> pending_;
    std::vector<uint32_t> article_links_;  // Link indices that name an article by id
    Str dom_text(std::string_view s) { return strings_are_nfc_ ? w_.add_nfc_text(s) : w_.add_text(s); }

    bool strings_are_nfc_ = false;
    std::string_view source_;
    uint64_t source_base_ = 0;
    uint64_t at_ = UINT64_MAX;             // offset of the value being read, or unknown
    uint64_t counted_to_ = 0;              // line numbers are counted forward, once
    uint32_t counted_line_ = 1;
    uint64_t counted_line_start_ = 0;
};

}  // namespace reader
