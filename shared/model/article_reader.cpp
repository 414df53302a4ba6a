// See article_reader.h.
#include "model/article_reader.h"

#include <algorithm>

#include "comments/threading.h"
#include "model/front_matter.h"
#include "model/link_policy.h"
#include "model/markdown_builder.h"
#include "time/datetime.h"

namespace reader {

using json = nlohmann::json;

namespace {

const char* type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        default: return "a value of another type";
    }
}

std::string in_quotes(std::string_view s) {
    std::string out = "'";
    out.append(s.substr(0, 60));
    if (s.size() > 60) out += "...";
    out += "'";
    return out;
}

constexpr std::string_view kFormat = "article-bundle/1";

}  // namespace

BundleReader::BundleReader(Bundle& bundle, Diagnostics& diags, std::string file, const LoadLimits& limits)
    : b_(bundle), diags_(diags), w_(bundle), file_(std::move(file)), limits_(limits) {}

void BundleReader::report(Severity s, const std::string& where, std::string message) {
    Diagnostic d;
    d.severity = s;
    d.file = file_;
    if (at_ != UINT64_MAX && at_ <= source_.size()) {
        // Values are read in order, so lines are counted forward from the last
        // report: all reports together cost one pass over the bytes at most.
        if (at_ < counted_to_) {
            counted_to_ = 0;
            counted_line_ = 1;
            counted_line_start_ = 0;
        }
        for (uint64_t i = counted_to_; i < at_; ++i) {
            if (source_[i] == '\n') {
                ++counted_line_;
                counted_line_start_ = i + 1;
            }
        }
        counted_to_ = at_;
        d.offset = at_;
        d.line = counted_line_;
        d.column = static_cast<uint32_t>(at_ - counted_line_start_ + 1);
    }
    d.where = where;
    d.message = std::move(message);
    diags_.items.push_back(std::move(d));
}

std::string BundleReader::where_article(size_t index, const std::string& id, std::string_view field) const {
    std::string s = "article ";
    if (!id.empty()) s += in_quotes(id) + " ";
    s += "(#" + std::to_string(index) + ")";
    if (!field.empty()) {
        s += ", field '";
        s.append(field);
        s += "'";
    }
    return s;
}

// ------------------------------------------------------------------ top level
void BundleReader::format(const json& v) {
    saw_format_ = true;
    if (!v.is_string()) {
        report(Severity::Error, "field 'format'", std::string("must be a string such as \"article-bundle/1\", not ") + type_name(v));
        return;
    }
    const std::string& f = v.get_ref<const std::string&>();
    if (f == kFormat) return;
    if (f.rfind("article-bundle/", 0) == 0) {
        // A later version: read what this reader knows (unknown fields are ignored).
        report(Severity::Warning, "field 'format'", "unknown format version " + in_quotes(f) +
               "; this reader understands " + std::string(kFormat) + " and reads what it can");
    } else {
        report(Severity::Error, "field 'format'", "unknown format " + in_quotes(f) + "; expected \"article-bundle/1\"");
    }
}

void BundleReader::site(const json& v) {
    if (!v.is_object()) {
        report(Severity::Error, "field 'site'", std::string("must be an object, not ") + type_name(v));
        return;
    }
    const std::string where = "site";
    read_string(v, "name", b_.site.name, where);
    read_string(v, "url", b_.site.url, where);
    read_string(v, "language", b_.site.language, where);
    read_string(v, "logo", b_.site.logo, where);
    read_string(v, "description", b_.site.description, where);
}

void BundleReader::top_level_value_type(const std::string& key, const json& v) {
    if (key == "articles" || key == "announcements" || key == "categories") {
        report(Severity::Error, "field '" + key + "'", std::string("must be an array, not ") + type_name(v));
    }
}

void BundleReader::wrong_top_level_type(const std::string& key, const char* type) {
    report(Severity::Error, "field '" + key + "'", std::string("must be ") +
           (key == "site" ? "an object" : "an array") + ", not an " + type);
}

void BundleReader::end_of_json() {
    at_ = UINT64_MAX;
    if (!saw_format_) {
        report(Severity::Warning, "", "no 'format' field; reading it as \"article-bundle/1\"");
    }
}

// ------------------------------------------------------------------ fields
bool BundleReader::read_string(const json& obj, const char* key, Str& out, const std::string& where,
                               bool required) {
    // Ids are often numbers in portals' exports: accept numbers as text for them only.
    const bool number_ok = std::string_view(key) == "id" || std::string_view(key) == "parent";
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) report(Severity::Error, where + ", field '" + key + "'", "is required");
        return false;
    }
    if (number_ok && (it->is_number_integer() || it->is_number_unsigned())) {
        out = dom_text(it->dump());
        return true;
    }
    if (!it->is_string()) {
        report(Severity::Error, where + ", field '" + key + "'", std::string("must be a string, not ") + type_name(*it));
        return false;
    }
    const std::string& s = it->get_ref<const std::string&>();
    if (s.size() > limits_.max_string) {
        report(Severity::Error, where + ", field '" + key + "'", "is " + std::to_string(s.size() >> 20) +
               " MiB long; the limit is " + std::to_string(limits_.max_string >> 20) + " MiB");
        return false;
    }
    out = dom_text(s);
    return true;
}

bool BundleReader::read_date(const json& obj, const char* key, Str& text, int64_t& unix_seconds, int32_t* offset,
                             const std::string& where) {
    if (!read_string(obj, key, text, where)) return false;
    const std::string_view s = b_.str(text);
    // Date-only values ("2022-12-07") are read in Vietnam's zone, the zone of the
    // portals this reader is made for; full timestamps must carry their offset.
    datetime::TimeParseOptions opts;
    opts.default_offset_minutes = 7 * 60;
    const auto parsed = datetime::parse_iso8601(s, opts);
    if (!parsed) {
        report(Severity::Warning, where + ", field '" + key + "'",
               "date " + in_quotes(s) + " is not ISO 8601 with an offset (e.g. 2022-12-07T08:30:00+07:00): " +
               std::string(datetime::describe(parsed.error)) + "; it is ignored");
        text = {};
        return false;
    }
    unix_seconds = parsed.value.unix_seconds;
    if (offset) *offset = parsed.value.offset_minutes;
    return true;
}

std::vector<Str> BundleReader::read_string_list(const json& v, const std::string& where, const char* field) {
    std::vector<Str> out;
    auto one = [&](const json& item) {
        if (item.is_string()) out.push_back(dom_text(item.get_ref<const std::string&>()));
        else if (item.is_object() && item.contains("name") && item["name"].is_string())
            out.push_back(dom_text(item["name"].get_ref<const std::string&>()));
        else report(Severity::Warning, where + ", field '" + field + "'", std::string("an item is ") + type_name(item) + ", not a string; it is skipped");
    };
    if (v.is_array()) for (const auto& item : v) one(item);
    else one(v);
    return out;
}

void BundleReader::read_image(const json& v, Image& img, const std::string& where) {
    const std::string w = where + ", field 'image'";
    if (v.is_string()) {
        const std::string& src = v.get_ref<const std::string&>();
        if (is_safe_image_src(src)) img.src = dom_text(src);
        else report(Severity::Warning, w, "image source " + in_quotes(src) + " is not allowed (http, https or a path inside the bundle)");
        return;
    }
    if (!v.is_object()) {
        report(Severity::Error, w, std::string("must be an object {src, alt, caption}, not ") + type_name(v));
        return;
    }
    Str src;
    if (read_string(v, "src", src, w)) {
        if (is_safe_image_src(b_.str(src))) img.src = src;
        else report(Severity::Warning, w + ".src", "image source " + in_quotes(b_.str(src)) + " is not allowed (http, https or a path inside the bundle)");
    }
    read_string(v, "alt", img.alt, w);
    read_string(v, "caption", img.caption, w);
    read_string(v, "credit", img.credit, w);
    for (auto [key, dim] : {std::pair<const char*, uint16_t*>{"width", &img.width}, {"height", &img.height}}) {
        auto it = v.find(key);
        if (it != v.end() && it->is_number() && it->get<double>() > 0 && it->get<double>() < 65536)
            *dim = static_cast<uint16_t>(it->get<double>());
    }
}

void BundleReader::read_related(const json& v, Article& a, const std::string& where) {
    const std::string w = where + ", field 'related'";
    if (!v.is_array()) {
        report(Severity::Error, w, std::string("must be an array, not ") + type_name(v));
        return;
    }
    for (const auto& item : v) {
        RelatedLink r;
        if (item.is_string()) {
            r.id = dom_text(item.get_ref<const std::string&>());
        } else if (item.is_object()) {
            read_string(item, "id", r.id, w);
            read_string(item, "title", r.title, w);
            Str url;
            if (read_string(item, "url", url, w)) {
                const SanitizedLink link = sanitize_link(b_.str(url));
                if (link.keep) r.url = link.href == b_.str(url) ? url : dom_text(link.href);  // trimmed
                else report(Severity::Warning, w, "link " + in_quotes(b_.str(url)) + " removed (only http, https, mailto and links inside the bundle)");
            }
            if (r.id.empty() && (r.title.empty() || r.url.empty())) {
                report(Severity::Warning, w, "an item needs an 'id', or a 'title' and a 'url'; it is skipped");
                continue;
            }
        } else {
            report(Severity::Warning, w, std::string("an item is ") + type_name(item) + "; it is skipped");
            continue;
        }
        a.related.push_back(r);
    }
}

void BundleReader::read_body(Article& a, std::string_view markdown, const std::string& where) {
    // `markdown` must not point into the arena: the arena grows while md4c reads.
    if (limits_.keep_markdown) a.body_markdown = dom_text(markdown);
    MarkdownLimits mlimits;
    mlimits.source_is_nfc = strings_are_nfc_;
    MarkdownOutput out = build_markdown(w_, markdown, mlimits);
    a.blocks = out.blocks;
    for (auto& msg : out.warnings) report(Severity::Warning, where + ", field 'body'", std::move(msg));
    if (out.raw_html > 0) {
        report(Severity::Warning, where + ", field 'body'",
               "raw HTML is shown as text, never as markup (" + std::to_string(out.raw_html) +
               (out.raw_html == 1 ? " place)" : " places)"));
    }
}

// ------------------------------------------------------------------ comments
void BundleReader::read_comments(const json& v, Article& a, const std::string& where) {
    const std::string w = where + ", field 'comments'";
    if (!v.is_array()) {
        report(Severity::Error, w, std::string("must be an array, not ") + type_name(v));
        return;
    }
    // Flatten the nested "replies" form (and the flat "parent" form) into one list,
    // iteratively: reply chains can be deep, the call stack must not follow them.
    struct Item { const json* node; uint32_t parent; };   // parent: index into this article's list
    std::vector<Item> todo;
    for (auto it = v.rbegin(); it != v.rend(); ++it) todo.push_back({&*it, UINT32_MAX});
    const uint32_t base = static_cast<uint32_t>(b_.comments.size());
    std::vector<Str> parent_ids;   // Str, not string_view: the arena grows while reading
    bool warned_limit = false;
    while (!todo.empty()) {
        Item item = todo.back();
        todo.pop_back();
        const json& c = *item.node;
        const uint32_t local = static_cast<uint32_t>(b_.comments.size() - base);
        const std::string cw = w + "[" + std::to_string(local) + "]";
        if (!c.is_object()) {
            report(Severity::Warning, cw, std::string("a comment is ") + type_name(c) + ", not an object; it is skipped");
            continue;
        }
        if (b_.comments.size() >= limits_.max_comments) {
            if (!warned_limit) report(Severity::Error, w, "more than " + std::to_string(limits_.max_comments) + " comments in the bundle; the rest are dropped");
            warned_limit = true;
            break;
        }
        Comment cm;
        read_string(c, "id", cm.id, cw);
        // A comment without an id can still be shown and replied to in the nested
        // form: give it one, so links and threading have something to hold.
        if (cm.id.empty()) cm.id = dom_text("comment-" + std::to_string(b_.comments.size() + 1));
        read_string(c, "author", cm.author, cw);
        read_date(c, "published", cm.published, cm.published_unix, nullptr, cw);
        read_string(c, "text", cm.text, cw);
        if (auto it = c.find("likes"); it != c.end() && it->is_number()) {
            const double l = it->get<double>();
            cm.likes = l < 0 ? 0 : (l > 2e9 ? 2000000000 : static_cast<int32_t>(l));
        }
        if (auto it = c.find("edited"); it != c.end()) cm.edited = it->is_boolean() ? it->get<bool>() : it->is_string();
        if (auto it = c.find("deleted"); it != c.end() && it->is_boolean()) cm.deleted = it->get<bool>();
        Str parent_id;
        if (item.parent != UINT32_MAX) parent_id = b_.comments[base + item.parent].id;
        else read_string(c, "parent", parent_id, cw);
        parent_ids.push_back(parent_id);
        b_.comments.push_back(cm);
        if (auto it = c.find("replies"); it != c.end() && !it->is_null()) {
            if (!it->is_array()) {
                report(Severity::Warning, cw + ", field 'replies'", std::string("must be an array, not ") + type_name(*it));
            } else {
                for (auto r = it->rbegin(); r != it->rend(); ++r) todo.push_back({&*r, local});
            }
        }
    }
    // Thread: parents, children lists, cycles and missing parents, depth caps.
    const uint32_t n = static_cast<uint32_t>(b_.comments.size() - base);
    std::vector<comments::CommentInput> input(n);
    for (uint32_t i = 0; i < n; ++i) {
        const Comment& cm = b_.comments[base + i];
        input[i].id = b_.str(cm.id);
        input[i].parent_id = b_.str(parent_ids[i]);
        input[i].published_unix = cm.published_unix;
        input[i].likes = cm.likes;
        input[i].deleted = cm.deleted;
        input[i].edited = cm.edited;
    }
    comments::ThreadOptions opts;
    opts.max_depth = limits_.max_comment_depth;
    const comments::ThreadStructure t = comments::build_threads(input, opts);
    size_t reported = 0;
    for (const auto& issue : t.issues) {
        if (++reported > 20) {
            report(Severity::Warning, w, std::to_string(t.issues.size() - 20) + " more comment threading problems");
            break;
        }
        report(Severity::Warning, w, comments::describe_issue(issue, input));
    }
    comments::store_threads(t, base, b_.comments, b_.comment_children, a.comments);
    a.comment_total = n;
}

// ------------------------------------------------------------------ articles
void BundleReader::article(const json& v) {
    // Messages name the article by its position in the bundle's list, which is what
    // an author can find; the model index may differ when some were skipped.
    const size_t index = position_++;
    if (b_.articles.size() >= limits_.max_articles) {
        if (!stopped_) report(Severity::Error, "field 'articles'", "more than " + std::to_string(limits_.max_articles) + " articles; the rest are not read");
        stopped_ = true;
        return;
    }
    if (!v.is_object()) {
        report(Severity::Error, where_article(index, "", ""), std::string("must be an object, not ") + type_name(v) + "; it is skipped");
        return;
    }
    Article a;
    std::string id;
    if (auto it = v.find("id"); it != v.end() && (it->is_string() || it->is_number_integer() || it->is_number_unsigned())) {
        id = it->is_string() ? it->get<std::string>() : it->dump();
    }
    const std::string where = where_article(index, id, "");
    if (id.empty()) {
        report(Severity::Error, where + ", field 'id'", "is required (a non-empty string); the article is skipped");
        return;
    }
    if (ids_.count(id)) {
        report(Severity::Error, where + ", field 'id'", "duplicate id " + in_quotes(id) + " (first used by article #" +
               std::to_string(ids_[id]) + "); this one is skipped");
        return;
    }
    Str title;
    auto title_it = v.find("title");
    if (title_it == v.end() || title_it->is_null()) {
        report(Severity::Error, where + ", field 'title'", "is required; the article is skipped");
        return;
    }
    if (!title_it->is_string()) {
        report(Severity::Error, where + ", field 'title'", std::string("must be a string, not ") + type_name(*title_it) +
               "; the article is skipped");
        return;
    }
    if (!read_string(v, "title", title, where, true) || b_.str(title).empty()) {
        report(Severity::Error, where + ", field 'title'", "must not be empty; the article is skipped");
        return;
    }
    a.id = dom_text(id);
    a.title = title;
    read_string(v, "subtitle", a.subtitle, where);
    if (!read_date(v, "published", a.published, a.published_unix, &a.published_offset_min, where) && !v.contains("published")) {
        report(Severity::Warning, where + ", field 'published'", "is missing; the article has no date");
    }
    read_date(v, "updated", a.updated, a.updated_unix, nullptr, where);
    if (auto it = v.find("category"); it != v.end() && !it->is_null()) {
        if (it->is_object()) read_string(*it, "name", a.category, where + ", field 'category'");
        else read_string(v, "category", a.category, where);
    }
    if (auto it = v.find("tags"); it != v.end() && !it->is_null()) a.tags = read_string_list(*it, where, "tags");
    if (auto it = v.find("authors"); it != v.end() && !it->is_null()) a.authors = read_string_list(*it, where, "authors");
    if (auto it = v.find("author"); it != v.end() && !it->is_null()) {
        auto more = read_string_list(*it, where, "author");
        a.authors.insert(a.authors.end(), more.begin(), more.end());
    }
    read_string(v, "source", a.source, where);
    read_string(v, "lead", a.lead, where);
    read_string(v, "language", a.language, where);
    if (auto it = v.find("image"); it != v.end() && !it->is_null()) read_image(*it, a.image, where);
    if (auto it = v.find("related"); it != v.end() && !it->is_null()) read_related(*it, a, where);
    if (auto it = v.find("comment_count"); it != v.end() && !it->is_null()) {
        if (it->is_number() && it->get<double>() >= 0) a.comment_count = static_cast<int64_t>(std::min(it->get<double>(), 9e15));
        else report(Severity::Warning, where + ", field 'comment_count'", "must be a non-negative number");
    }
    Str curl;
    if (read_string(v, "comments_url", curl, where)) {
        const std::string_view u = b_.str(curl);
        // Fetched by the app on refresh: http(s) or a reference relative to the bundle.
        if (is_safe_image_src(u)) a.comments_url = curl;
        else report(Severity::Warning, where + ", field 'comments_url'", "URL " + in_quotes(u) + " is not allowed");
    }

    if (auto it = v.find("body"); it != v.end() && it->is_string()) {
        // Parsed from the JSON DOM's own copy: the arena may grow while md4c reads.
        const std::string& body = it->get_ref<const std::string&>();
        if (body.size() > limits_.max_string) {
            report(Severity::Error, where + ", field 'body'", "is " + std::to_string(body.size() >> 20) +
                   " MiB long; the limit is " + std::to_string(limits_.max_string >> 20) + " MiB");
        } else {
            read_body(a, body, where);
        }
    } else if (it != v.end() && !it->is_null()) {
        report(Severity::Error, where + ", field 'body'", std::string("must be a Markdown string, not ") + type_name(*it));
    } else if (auto it = v.find("body_url"); it != v.end() && it->is_string()) {
        const std::string& url = it->get_ref<const std::string&>();
        if (is_bundle_path(url)) {
            pending_.push_back({static_cast<uint32_t>(b_.articles.size()), url});
        } else {
            report(Severity::Error, where + ", field 'body_url'", "must be a relative URL inside the bundle's folder, not " + in_quotes(url));
        }
    } else if (a.lead.empty()) {
        report(Severity::Warning, where + ", field 'body'", "is missing (and there is no lead): the article is empty");
    }
    if (auto it = v.find("comments"); it != v.end() && !it->is_null()) read_comments(*it, a, where);

    ids_[id] = static_cast<uint32_t>(b_.articles.size());
    b_.articles.push_back(std::move(a));
}

void BundleReader::attach_body(uint32_t article, std::string_view markdown) {
    Article& a = b_.articles[article];
    const std::string where = where_article(article, std::string(b_.str(a.id)), "");
    read_body(a, markdown, where);
}

void BundleReader::announcement(const json& v) {
    const std::string where = "announcement #" + std::to_string(b_.announcements.size());
    if (!v.is_object()) {
        report(Severity::Warning, where, std::string("must be an object, not ") + type_name(v) + "; it is skipped");
        return;
    }
    Announcement an;
    read_string(v, "id", an.id, where);
    if (!read_string(v, "title", an.title, where, true)) return;
    read_date(v, "published", an.published, an.published_unix, nullptr, where);
    Str url;
    if (read_string(v, "url", url, where)) {
        const SanitizedLink link = sanitize_link(b_.str(url));
        if (link.keep) an.url = link.href == b_.str(url) ? url : dom_text(link.href);  // trimmed
        else report(Severity::Warning, where + ", field 'url'", "link " + in_quotes(b_.str(url)) + " removed");
    }
    read_string(v, "text", an.text, where);
    b_.announcements.push_back(an);
}

void BundleReader::category(const json& v) {
    const std::string where = "category #" + std::to_string(b_.categories.size());
    Category c;
    if (v.is_string()) {
        c.id = c.name = dom_text(v.get_ref<const std::string&>());
    } else if (v.is_object()) {
        read_string(v, "id", c.id, where);
        read_string(v, "name", c.name, where, true);
        if (c.id.empty()) c.id = c.name;
    } else {
        report(Severity::Warning, where, std::string("must be a string or an object, not ") + type_name(v));
        return;
    }
    b_.categories.push_back(c);
}

// ------------------------------------------------------------------ Markdown file
void BundleReader::markdown_article(std::string_view bytes) {
    saw_format_ = true;  // a Markdown article has no format field
    FrontMatter fm = parse_front_matter(bytes);
    for (auto& p : fm.problems) {
        Diagnostic d;
        d.file = file_;
        d.line = p.line;
        d.column = 1;
        d.message = std::move(p.message);
        diags_.items.push_back(std::move(d));
    }
    if (!fm.header.is_object()) return;
    json header = std::move(fm.header);
    if (!header.contains("id")) {
        // One-article files are often named by their slug only: derive the id.
        std::string id = file_;
        const size_t slash = id.find_last_of('/');
        if (slash != std::string::npos) id = id.substr(slash + 1);
        const size_t dot = id.rfind('.');
        if (dot != std::string::npos && dot > 0) id = id.substr(0, dot);
        header["id"] = id.empty() ? "article" : id;
    }
    header["body"] = std::string(fm.body);
    article(header);
}

// ------------------------------------------------------------------ references
void BundleReader::resolve_references() {
    if (ids_.empty()) {
        for (uint32_t i = 0; i < b_.articles.size(); ++i) ids_[std::string(b_.str(b_.articles[i].id))] = i;
    }
    for (Link& l : b_.links) {
        if (l.target != LinkTarget::Article || l.article != UINT32_MAX) continue;
        std::string_view href = b_.str(l.href);
        std::string_view id = href.substr(std::string_view("#article=").size());
        id = id.substr(0, id.find('&'));
        auto it = ids_.find(std::string(id));
        if (it != ids_.end()) {
            l.article = it->second;
        } else {
            report(Severity::Warning, "", "link to article " + in_quotes(id) + " goes nowhere (no article has that id)");
        }
    }
    for (uint32_t i = 0; i < b_.articles.size(); ++i) {
        Article& a = b_.articles[i];
        for (RelatedLink& r : a.related) {
            if (r.id.empty()) continue;
            auto it = ids_.find(std::string(b_.str(r.id)));
            if (it != ids_.end()) r.article = it->second;
            else report(Severity::Warning, "article " + in_quotes(b_.str(a.id)) + ", field 'related'",
                        "related id " + in_quotes(b_.str(r.id)) + " names no article in the bundle");
        }
    }
    // The front article: the first one listed (bundles put their lead story first).
    b_.front_article = 0;
}

}  // namespace reader
