// See app.h.
#include "app.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include <emscripten/heap.h>

#include <algorithm>
#include <cmath>

#include "fonts.h"
#include "i18n/strings.h"
#include "js_bridge.h"
#include "web_platform.h"

using json = nlohmann::json;
using reader::i18n::StringId;

namespace {

// "#article=ID&q=QUERY&comment=CID" → value of `key`, percent-decoded.
std::string hash_param(std::string_view hash, std::string_view key) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    size_t pos = 0;
    while (pos <= hash.size()) {
        size_t amp = hash.find('&', pos);
        if (amp == std::string_view::npos) amp = hash.size();
        std::string_view part = hash.substr(pos, amp - pos);
        const size_t eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == key) {
            std::string out;
            std::string_view v = part.substr(eq + 1);
            for (size_t i = 0; i < v.size(); ++i) {
                if (v[i] == '%' && i + 2 < v.size() + 0 && i + 2 <= v.size() - 1) {
                    const auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1; };
                    const int hi = hex(v[i + 1]), lo = hex(v[i + 2]);
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
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else {
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

void App::init(std::string_view config_json) {
    json cfg = json::parse(config_json, nullptr, false);
    if (cfg.is_object()) {
        if (cfg.contains("lang") && cfg["lang"].is_string()) lang_ = reader::i18n::lang_from_bcp47(cfg["lang"].get<std::string>());
        if (cfg.contains("prefersDark") && cfg["prefersDark"].is_boolean()) ui_.prefers_dark = cfg["prefersDark"].get<bool>();
        if (cfg.contains("navStart") && cfg["navStart"].is_number()) nav_start_ms_ = cfg["navStart"].get<double>();
    }
    load_settings();
    theme::apply(settings_.theme, ui_.prefers_dark);
}

void App::load_settings() {
    const json s = json::parse(js::storage_get("reader.settings"), nullptr, false);
    if (!s.is_object()) return;
    auto num = [&](const char* k, float lo, float hi, float& out) {
        if (s.contains(k) && s[k].is_number()) out = std::clamp(s[k].get<float>(), lo, hi);
    };
    num("fontPx", 12, 40, settings_.font_px);
    num("lineHeight", 1.1f, 2.4f, settings_.line_height);
    num("columnPx", 320, 1400, settings_.column_px);
    if (s.contains("serif") && s["serif"].is_boolean()) settings_.serif = s["serif"].get<bool>();
    if (s.contains("theme") && s["theme"].is_string()) settings_.theme = theme::parse(s["theme"].get<std::string>());
}

void App::save_settings() {
    json s = {{"fontPx", settings_.font_px}, {"lineHeight", settings_.line_height}, {"columnPx", settings_.column_px},
              {"serif", settings_.serif}, {"theme", std::string(theme::name(settings_.theme))}};
    js::storage_set("reader.settings", s.dump());
}

void App::load_bundle(std::string_view bytes, std::string_view name) {
    reader::LoadResult r = reader::load_bundle(bytes, name);
    diagnostics_ = std::move(r.diagnostics);
    bundle_ = std::move(r.bundle);
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
    if (bundle_->site.language.len) lang_ = reader::i18n::lang_from_bcp47(bundle_->str(bundle_->site.language));
    const std::string hash = ui_.pending_hash;
    ui_.pending_hash.clear();
    const std::string id = hash_param(hash, "article");
    const int wanted = id.empty() ? -1 : bundle_->find_article(id);
    if (!id.empty() && wanted < 0) post_error("no article with id '" + id + "' in this bundle");
    open_article(wanted >= 0 ? wanted : static_cast<int>(bundle_->front_article), false);
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

void App::navigate_hash(std::string_view hash) {
    if (!bundle_) {
        ui_.pending_hash = std::string(hash);
        return;
    }
    const std::string id = hash_param(hash, "article");
    if (id.empty()) {
        open_article(static_cast<int>(bundle_->front_article), false);
        return;
    }
    const int index = bundle_->find_article(id);
    if (index < 0) {
        post_error("no article with id '" + id + "' in this bundle");
        return;
    }
    open_article(index, false);
}

void App::open_article(int index, bool push_history) {
    if (!bundle_ || index < 0 || static_cast<size_t>(index) >= bundle_->articles.size()) return;
    if (ui_.article >= 0) ui_.scroll_by_article[ui_.article] = ui_.scroll_y;
    const bool changed = ui_.article != index;
    ui_.article = index;
    auto it = ui_.scroll_by_article.find(index);
    ui_.scroll_y = it != ui_.scroll_by_article.end() ? it->second : 0.0f;
    ui_.restore_scroll = true;
    const auto& a = bundle_->articles[static_cast<size_t>(index)];
    const std::string id(bundle_->str(a.id));
    const std::string title(bundle_->str(a.title));
    if (push_history) js::set_location_hash("#article=" + percent_encode(id), true);
    const std::string_view lang = a.language.len ? bundle_->str(a.language)
                                  : bundle_->site.language.len ? bundle_->str(bundle_->site.language) : "vi";
    js::set_document_info(title, lang);
    if (changed) {
        js::post_message(json{{"type", "reader:navigated"}, {"id", id}, {"title", title}}.dump());
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
        default:
            js::open_external(bundle_->str(l.href));
            break;
    }
}

void App::post_error(std::string_view message) {
    js::post_message(json{{"type", "reader:error"}, {"message", std::string(message)}}.dump());
}

void App::post_stats() {
    json s = {{"type", "reader:stats"},
              {"frames", stats_.frames},
              {"frameMsP50", stats_.percentile(50)},
              {"frameMsP95", stats_.percentile(95)},
              {"heapBytes", static_cast<double>(emscripten_get_heap_size())},
              {"firstFrameMs", stats_.first_frame_ms}};
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
    } else if (type == "reader:theme") {
        if (!m.contains("theme") || !m["theme"].is_string()) return post_error("reader:theme needs a string 'theme'");
        settings_.theme = theme::parse(m["theme"].get<std::string>());
        theme::apply(settings_.theme, ui_.prefers_dark);
        save_settings();
        web_platform::request_frames(2);
    } else if (type == "reader:prefers-dark") {
        ui_.prefers_dark = m.value("dark", false);
        theme::apply(settings_.theme, ui_.prefers_dark);
        web_platform::request_frames(2);
    } else if (type == "reader:stats") {
        post_stats();
    } else if (type.rfind("reader:", 0) == 0) {
        // Unknown or not-yet-supported reader: messages get an answer, not silence.
        post_error("unsupported message type '" + type + "'");
    }
}

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
    ImGui::TextWrapped("%s", lang_ == reader::i18n::Lang::Vi ? "Không mở được bài viết" : "The articles could not be opened");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    for (const auto& d : diagnostics_.items) {
        const std::string line = d.to_string();
        ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

int App::frame(double now_ms) {
    const double t0 = js::now_ms();
    fonts::Settings fs;
    fs.body_px = settings_.font_px;
    fs.serif = settings_.serif;
    fonts::ensure(web_platform::viewport().dpr, fs);
    web_platform::new_frame(now_ms);

    ImGui_ImplOpenGL3_NewFrame();   // creates the shaders on the first frame
    ImGui::NewFrame();
    const auto& vp = web_platform::viewport();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(vp.css_width, vp.css_height));
    ImGui::Begin("reader", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool showing_article = bundle_ && ui_.article >= 0;
    if (loading_) draw_loading_view();
    else if (!bundle_) draw_error_view();
    else {
        if (ui_.restore_scroll) {
            // The position remembered for this article, applied once after opening it.
            ImGui::SetScrollY(ui_.scroll_y);
            ui_.restore_scroll = false;
        }
        article_view_.draw(*this);
        ui_.scroll_y = ImGui::GetScrollY();
    }
    ImGui::End();
    ImGui::Render();

    const double cpu = js::now_ms() - t0;
    stats_.record(static_cast<float>(cpu));
    if (showing_article && !ui_.first_article_frame_posted) {
        ui_.first_article_frame_posted = true;
        stats_.first_frame_ms = now_ms - nav_start_ms_;
        const auto& a = bundle_->articles[static_cast<size_t>(ui_.article)];
        js::post_message(json{{"type", "reader:ready"}, {"id", std::string(bundle_->str(a.id))},
                              {"title", std::string(bundle_->str(a.title))},
                              {"firstFrameMs", stats_.first_frame_ms}}.dump());
    }
    return web_platform::take_frames_wanted();
}
