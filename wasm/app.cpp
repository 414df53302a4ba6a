// See app.h.
#include "app.h"

#include <emscripten/heap.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "fonts.h"
#include "image_cache.h"
#include "i18n/strings.h"
#include "js_bridge.h"
#include "keyboard_focus.h"
#include "text_field.h"
#include "views/toolbar.h"
#include "web_platform.h"

using json = nlohmann::json;
using reader::i18n::StringId;

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(c | 32);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// "#article=ID&q=QUERY&comment=CID" → value of `key`, percent-decoded.
std::string hash_param(std::string_view hash, std::string_view key) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    size_t pos = 0;
    while (pos <= hash.size()) {
        size_t amp = hash.find('&', pos);
        if (amp == std::string_view::npos) amp = hash.size();
        const std::string_view part = hash.substr(pos, amp - pos);
        const size_t eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == key) {
            std::string out;
            const std::string_view v = part.substr(eq + 1);
            for (size_t i = 0; i < v.size(); ++i) {
                if (v[i] == '%') {
                    const int hi = i + 1 < v.size() ? hex_value(v[i + 1]) : -1;
                    const int lo = i + 2 < v.size() ? hex_value(v[i + 2]) : -1;
                    if (hi >= 0 && lo >= 0) {
                        out += static_cast<char>(hi * 16 + lo);
                        i += 2;
                        continue;
                    }
                }
                out += v[i] == '+' ? ' ' : v[i];
            }
            return out;
        }
        pos = amp + 1;
    }
    return {};
}

std::string percent_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

App& App::get() {
    static App app;
    return app;
}

// ------------------------------------------------------------------ start-up
void App::init(std::string_view config_json) {
    const json cfg = json::parse(config_json, nullptr, false);
    if (cfg.is_object()) {
        if (cfg.contains("lang") && cfg["lang"].is_string()) lang_ = reader::i18n::lang_from_bcp47(cfg["lang"].get<std::string>());
        if (cfg.contains("prefersDark") && cfg["prefersDark"].is_boolean()) ui_.prefers_dark = cfg["prefersDark"].get<bool>();
        if (cfg.contains("navStart") && cfg["navStart"].is_number()) nav_start_ms_ = cfg["navStart"].get<double>();
        if (cfg.contains("embed") && cfg["embed"].is_boolean()) ui_.embed = cfg["embed"].get<bool>();
        if (cfg.contains("library") && cfg["library"].is_boolean()) ui_.library_in_embed = cfg["library"].get<bool>();
        if (cfg.contains("warmUp") && cfg["warmUp"].is_boolean()) fonts::set_warm_up(cfg["warmUp"].get<bool>());
        if (cfg.contains("saveAtlas") && cfg["saveAtlas"].is_boolean()) fonts::set_save_builds(cfg["saveAtlas"].get<bool>());
    }
    load_settings();
    library_.init(*this);
    theme::apply(settings_.theme, ui_.prefers_dark);
}

void App::load_settings() {
    const json s = json::parse(js::storage_get("reader.settings"), nullptr, false);
    if (!s.is_object()) return;
    auto num = [&](const char* k, float lo, float hi, float& out) {
        if (s.contains(k) && s[k].is_number()) out = std::clamp(s[k].get<float>(), lo, hi);
    };
    num("fontPx", 14, 32, settings_.font_px);
    num("lineHeight", 1.2f, 2.2f, settings_.line_height);
    num("columnPx", 320, 1400, settings_.column_px);
    if (s.contains("serif") && s["serif"].is_boolean()) settings_.serif = s["serif"].get<bool>();
    if (s.contains("justify") && s["justify"].is_boolean()) settings_.justify = s["justify"].get<bool>();
    if (s.contains("theme") && s["theme"].is_string()) settings_.theme = theme::parse(s["theme"].get<std::string>());
    if (s.contains("lang") && s["lang"].is_string()) {
        lang_ = reader::i18n::lang_from_bcp47(s["lang"].get<std::string>());
        lang_chosen_ = true;
    }
}

void App::save_settings() {
    json s = {{"fontPx", settings_.font_px}, {"lineHeight", settings_.line_height}, {"columnPx", settings_.column_px},
              {"serif", settings_.serif}, {"justify", settings_.justify}, {"theme", std::string(theme::name(settings_.theme))}};
    if (lang_chosen_) s["lang"] = std::string(reader::i18n::bcp47(lang_));
    js::storage_set("reader.settings", s.dump());
}

void App::load_bundle(std::string_view bytes, std::string_view name) {
    reader::LoadResult r = reader::load_bundle(bytes, name);
    diagnostics_ = std::move(r.diagnostics);
    bundle_ = std::move(r.bundle);
    search_.reset();
    loading_ = false;
    for (const auto& d : diagnostics_.items) {
        if (d.severity == reader::Severity::Error) js::log_error(d.to_string());
    }
    if (!bundle_) {
        fatal_ = diagnostics_.items.empty() ? "the bundle could not be read" : diagnostics_.items.front().to_string();
        post_error(fatal_);
        web_platform::request_frames(2);
        return;
    }
    const std::string hash = ui_.pending_hash;
    ui_.pending_hash.clear();
    navigate_hash(hash);
}

void App::load_failed(std::string_view message) {
    loading_ = false;
    bundle_.reset();
    reader::Diagnostic d;
    d.message = std::string(message);
    diagnostics_.items = {d};
    fatal_ = d.message;
    post_error(fatal_);
    web_platform::request_frames(2);
}

std::string App::site_name() const {
    if (bundle_ && bundle_->site.name.len) return std::string(bundle_->str(bundle_->site.name));
    return std::string(reader::i18n::tr(lang_, StringId::AppName));
}

// ------------------------------------------------------------------ navigation
void App::navigate_hash(std::string_view hash) {
    if (!bundle_) {
        ui_.pending_hash = std::string(hash);
        return;
    }
    const std::string id = hash_param(hash, "article");
    int index = static_cast<int>(bundle_->front_article);
    if (!id.empty()) {
        const int found = bundle_->find_article(id);
        if (found < 0) post_error("no article with id '" + id + "' in this bundle; showing the front article");
        else index = found;
    }
    open_article(index, false);
    const std::string q = hash_param(hash, "q");
    if (!q.empty()) search_view_.open(*this, q);
    else if (search_view_.is_open() && hash.find("q=") == std::string_view::npos) search_view_.close(*this);
    const std::string comment = hash_param(hash, "comment");
    if (!comment.empty()) {
        const auto& a = bundle_->articles[static_cast<size_t>(index)];
        bool found = false;
        for (uint32_t c = 0; c < bundle_->comments.size() && !found; ++c) {
            if (bundle_->str(bundle_->comments[c].id) != comment) continue;
            // Only comments of this article (their root is in its top-level list).
            uint32_t root = c;
            while (bundle_->comments[root].parent != UINT32_MAX) root = bundle_->comments[root].parent;
            for (uint32_t k = a.comments.begin; k < a.comments.end; ++k) found = found || bundle_->comment_children[k] == root;
            if (found) show_comment(c);
        }
        if (!found) post_error("no comment with id '" + comment + "' in this article");
    }
}

void App::update_hash(bool push) {
    if (!bundle_ || ui_.article < 0) return;
    std::string h = "#article=" + percent_encode(bundle_->str(bundle_->articles[static_cast<size_t>(ui_.article)].id));
    if (!query_.empty()) h += "&q=" + percent_encode(query_);
    js::set_location_hash(h, push);
}

void App::open_article(int index, bool push_history) {
    if (!bundle_ || index < 0 || static_cast<size_t>(index) >= bundle_->articles.size()) return;
    const double t0 = js::now_ms();
    const bool changed = ui_.article != index;
    ui_.article = index;
    const auto& a = bundle_->articles[static_cast<size_t>(index)];
    const std::string id(bundle_->str(a.id));
    const std::string title(bundle_->str(a.title));
    if (push_history && changed) update_hash(true);
    const std::string_view lang = a.language.len ? bundle_->str(a.language)
                                  : bundle_->site.language.len ? bundle_->str(bundle_->site.language) : "vi";
    js::set_document_info(title, lang, reader::i18n::bcp47(lang_));
    if (changed) {
        js::post_message(json{{"type", "reader:navigated"}, {"id", id}, {"title", title}}.dump());
        search_view_.article_changed(*this);
        open_cpu_ms_ = js::now_ms() - t0;   // layout happens in the next frame: added there
    }
    web_platform::request_frames(3);
}

void App::follow_link(uint32_t link) {
    if (!bundle_ || link >= bundle_->links.size()) return;
    const reader::Link& l = bundle_->links[link];
    switch (l.target) {
        case reader::LinkTarget::Article:
            if (l.article != UINT32_MAX) open_article(static_cast<int>(l.article), true);
            else post_error("this link names an article that is not in the bundle");
            break;
        case reader::LinkTarget::Anchor:
            break;  // in-article anchors scroll with the table of contents
        case reader::LinkTarget::Relative:
            js::open_relative(bundle_->str(l.href));   // resolved against the bundle's URL
            break;
        default:
            js::open_external(bundle_->str(l.href));
            break;
    }
}

void App::scroll_to_text(uint32_t off, uint32_t block) { article_view_.scroll_to_text(off, block); }

// ------------------------------------------------------------------ settings
void App::set_theme(theme::Name t) {
    settings_.theme = t;
    theme::apply(t, ui_.prefers_dark);
    save_settings();
    web_platform::request_frames(2);
}

void App::set_lang(reader::i18n::Lang l) {
    lang_ = l;
    lang_chosen_ = true;
    save_settings();
    web_platform::request_frames(2);
}

void App::toggle_search() {
    if (search_view_.is_open()) search_view_.close(*this);
    else search_view_.open(*this);
}

void App::fetch_comments(int article, std::string_view url) {
    const int id = next_request_++;
    comment_requests_[id] = article;
    js::fetch(id, url);
    web_platform::request_frames(2);
}

void App::fetched(int request, bool ok, int status, std::string_view bytes, std::string_view error) {
    auto it = comment_requests_.find(request);
    if (it == comment_requests_.end()) return;
    const int article = it->second;
    comment_requests_.erase(it);
    article_view_.comments().refreshed(*this, article, ok, status, bytes, error);
    article_view_.invalidate_sections();
    web_platform::request_frames(3);
}

void App::show_comment(uint32_t comment) {
    if (!bundle_ || comment >= bundle_->comments.size()) return;
    article_view_.reveal_comment(comment);
    scroll_to_text(bundle_->comments[comment].text.off, UINT32_MAX);
}

// ------------------------------------------------------------------ search
void App::ensure_search_index() {
    if (!search_ && bundle_) search_ = std::make_unique<reader::search::BundleSearch>(*bundle_);
}

void App::query_changed(std::string_view query) {
    if (query == query_) return;
    query_ = std::string(query);
    update_hash(false);
}

void App::answer_search(const json& m) {
    if (!m.contains("query") || !m["query"].is_string()) return post_error("reader:search needs a string 'query'");
    if (!bundle_) return post_error("no bundle is loaded yet");
    ensure_search_index();
    reader::search::Query q;
    q.text = m["query"].get<std::string>().substr(0, 1000);
    q.match_diacritics = m.contains("diacritics") && m["diacritics"].is_boolean() && m["diacritics"].get<bool>();
    q.limit = 20;
    if (m.contains("limit") && m["limit"].is_number_unsigned()) q.limit = std::min<uint32_t>(100, m["limit"].get<uint32_t>());
    const reader::search::Results r = search_->search(q);
    json hits = json::array();
    for (const auto& h : r.hits) {
        const bool ann = search_->is_announcement(h.doc);
        const auto& b = *bundle_;
        const std::string id(ann ? b.str(b.announcements[h.doc - b.articles.size()].id) : b.str(b.articles[h.doc].id));
        const std::string title(ann ? b.str(b.announcements[h.doc - b.articles.size()].title) : b.str(b.articles[h.doc].title));
        json hit = {{"id", id}, {"title", title}, {"snippet", h.snippet}, {"field", reader::search::field_name(h.field)},
                    {"score", h.score}};
        if (ann) hit["announcement"] = true;
        if (h.field == reader::search::Field::Comment) hit["comment"] = std::string(b.str(b.comments[h.sub_id].id));
        json ranges = json::array();
        for (const auto& hl : h.snippet_highlights) ranges.push_back({hl.begin, hl.end});
        hit["highlights"] = ranges;
        hits.push_back(std::move(hit));
    }
    js::post_message(json{{"type", "reader:results"}, {"query", q.text}, {"total", r.total}, {"hits", hits}, {"relaxed", r.relaxed}}.dump());
}

// ------------------------------------------------------------------ host messages
void App::post_error(std::string_view message) {
    js::post_message(json{{"type", "reader:error"}, {"message", std::string(message)}}.dump());
}

void App::post_stats() {
    json s = {{"type", "reader:stats"},
              {"frames", stats_.frames},
              {"framesPresented", stats_.presented},
              {"frameMsP50", stats_.percentile(50)},
              {"frameMsP95", stats_.percentile(95)},
              {"heapBytes", static_cast<double>(emscripten_get_heap_size())},
              {"firstFrameMs", stats_.first_frame_ms},
              {"openMs", stats_.last_open_ms},
              {"relayoutMs", stats_.last_relayout_ms},
              {"contentHeight", article_view_.content_height()},
              // What the reader shows, for hosts and tests that check state rather than pixels.
              {"article", bundle_ && ui_.article >= 0 ? std::string(bundle_->str(bundle_->articles[static_cast<size_t>(ui_.article)].id)) : std::string()},
              {"scrollY", ui_.scroll_by_article.count(ui_.article) ? ui_.scroll_by_article[ui_.article] : 0.0f},
              {"theme", std::string(theme::name(settings_.theme))},
              {"fontPx", settings_.font_px},
              {"serif", settings_.serif},
              {"lang", std::string(reader::i18n::bcp47(lang_))},
              {"searchOpen", search_view_.is_open()},
              {"query", search_view_.query()},
              {"searchTotal", search_view_.total()},
              {"matchCount", search_view_.match_count()},
              {"matchCurrent", search_view_.current_match() + 1},
              {"searchMs", search_view_.last_run_ms()},
              {"searchFindMs", search_view_.last_find_ms()},
              {"searchRuns", search_view_.runs()},
              {"searchOptions", {{"diacritics", search_options().match_diacritics}, {"case", search_options().match_case},
                                 {"wholeWords", search_options().whole_words}}},
              // The control the keyboard focus ring is on in the canvas ("" when none).
              {"focus", keyboard_focus::focused_label()}};
    const fonts::AtlasInfo& atlas = fonts::atlas_info();
    s["atlas"] = {{"loaded", atlas.loaded}, {"buildMs", atlas.build_ms}, {"builds", atlas.builds}};
    s["images"] = images::cache().stats();   // src, state, natural size, box on screen
    s["library"] = library_.stats(*this);      // mode, open, table of contents, rows on screen
    s["comments"] = article_view_.comments().stats(*this);
    const auto& menu = article_view_.context_menu();
    s["selection"] = {{"text", article_view_.selected_text(*this)}, {"menuOpen", menu.open},
                      {"copy", {menu.copy_min.x, menu.copy_min.y, menu.copy_max.x, menu.copy_max.y}}};   // status, sort, rows, clickable places
    js::post_message(s.dump());
}

void App::host_message(std::string_view text) {
    const json m = json::parse(text, nullptr, false);
    if (!m.is_object() || !m.contains("type") || !m["type"].is_string()) {
        post_error("ignored a message that is not an object with a string 'type'");
        return;
    }
    const std::string type = m["type"].get<std::string>();
    if (type == "reader:open") {
        if (!m.contains("id") || !m["id"].is_string()) return post_error("reader:open needs a string 'id'");
        if (!bundle_) return post_error("no bundle is loaded yet");
        const int index = bundle_->find_article(m["id"].get<std::string>());
        if (index < 0) return post_error("no article with id '" + m["id"].get<std::string>() + "'");
        open_article(index, true);
    } else if (type == "reader:search") {
        answer_search(m);
    } else if (type == "reader:theme") {
        if (!m.contains("theme") || !m["theme"].is_string()) return post_error("reader:theme needs a string 'theme'");
        const std::string t = m["theme"].get<std::string>();
        if (t != "auto" && theme::parse(t) == theme::Name::Auto) return post_error("unknown theme '" + t + "' (light, sepia, dark, contrast, auto)");
        set_theme(theme::parse(t));
    } else if (type == "reader:prefers-dark") {
        ui_.prefers_dark = m.value("dark", false);
        theme::apply(settings_.theme, ui_.prefers_dark);
        web_platform::request_frames(2);
    } else if (type == "reader:stats") {
        // {reset: true} starts the frame-time percentiles afresh (benchmarks measure one phase).
        if (m.value("reset", false)) stats_.reset_window();
        post_stats();
    } else {
        post_error("unsupported message type '" + type + "'");
    }
}

// ------------------------------------------------------------------ drawing
void App::draw_loading_view() {
    const auto& vp = web_platform::viewport();
    const std::string_view s = reader::i18n::tr(lang_, StringId::Loading);
    ImGui::SetCursorPos(ImVec2(vp.css_width * 0.5f - 40, vp.css_height * 0.5f));
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
}

void App::draw_error_view() {
    const auto& pal = theme::palette();
    const auto& vp = web_platform::viewport();
    const float column = std::min(680.0f, vp.css_width - 32);
    ImGui::SetCursorPos(ImVec2((vp.css_width - column) * 0.5f, 48));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::PushFont(fonts::font_for(fonts::Face::SerifBold, 26));
    ImGui::PushStyleColor(ImGuiCol_Text, pal.error);
    const std::string title(reader::i18n::tr(lang_, StringId::ErrorBundleNotOpened));
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    for (const auto& d : diagnostics_.items) {
        const std::string line = d.to_string();
        ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void App::prepare_fonts() {
    fonts::Settings fs;
    fs.body_px = settings_.font_px;
    fs.serif = settings_.serif;
    if (fonts::have_all_files()) fonts::ensure(web_platform::viewport().dpr, fs);
}

int App::frame(double now_ms) {
    prepare_fonts();
    web_platform::new_frame(now_ms);

    ImGui::NewFrame();
    keyboard_focus::new_frame();
    const auto& vp = web_platform::viewport();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(vp.css_width, vp.css_height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("reader", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                 ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    const bool showing_article = bundle_ && ui_.article >= 0;
    float top = 0;
    if (loading_) {
        draw_loading_view();
    } else if (!bundle_) {
        draw_error_view();
    } else {
        search_view_.handle_shortcuts(*this);
        if (!ui_.embed) {
            if (views::draw_toolbar(*this)) save_settings();
            top = views::kToolbarHeight;
        }
        // The library: beside the article on wide screens, a drawer over it on phones;
        // drawn first so that a finger dragging over it scrolls it, not the article.
        const float side = library_.side_width(*this);
        library_.draw(*this, top);
        ImGui::SetCursorPos(ImVec2(side, top));
        // The scrollbar is always there: ImGui learns a child's content height one frame
        // late, so a scrollbar that appears in the second frame would change the reading
        // width and lay the article out twice, and draw a frame more.
        ImGui::BeginChild("article", ImVec2(vp.css_width - side, vp.css_height - top), false,
                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysVerticalScrollbar);
        const int before = ui_.article;
        article_view_.draw(*this, search_view_.highlights());
        ui_.scroll_by_article[before] = ImGui::GetScrollY();
        ImGui::EndChild();
        search_view_.draw(*this, top);
    }
    ImGui::End();
    ImGui::Render();
    keyboard_focus::end_frame();

    // Auto-height iframes: tell the host whenever the content height changes.
    const float content = std::ceil(article_view_.content_height() + top);
    content_height_changed_ = content != last_content_height_;
    last_content_height_ = content;
    if (showing_article && std::abs(content - ui_.last_posted_height) >= 1.0f) {
        ui_.last_posted_height = content;
        js::post_message(json{{"type", "reader:resize"}, {"height", content}}.dump());
    }

    return web_platform::take_frames_wanted();
}

void App::frame_done(double cpu, double now_ms, bool presented) {
    stats_.record(static_cast<float>(cpu));
    if (presented) ++stats_.presented;
    const bool showing_article = !loading_ && bundle_ && ui_.article >= 0;
    if (showing_article && open_cpu_ms_ >= 0) {
        stats_.last_open_ms = open_cpu_ms_ + cpu;
        open_cpu_ms_ = -1;
    }
    const float width = web_platform::viewport().css_width;
    if (drawn_width_ > 0 && width != drawn_width_) stats_.last_relayout_ms = cpu;
    drawn_width_ = width;
    if (showing_article && !ui_.first_article_frame_posted) {
        ui_.first_article_frame_posted = true;
        stats_.first_frame_ms = now_ms - nav_start_ms_;
        const auto& a = bundle_->articles[static_cast<size_t>(ui_.article)];
        js::post_message(json{{"type", "reader:ready"}, {"id", std::string(bundle_->str(a.id))},
                              {"title", std::string(bundle_->str(a.title))},
                              {"firstFrameMs", stats_.first_frame_ms}}.dump());
    }
}
