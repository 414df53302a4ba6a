// The wasm entry points. web/app.js loads the module, then:
//   1. reader_init(config)         creates the WebGL2 context and ImGui
//   2. reader_add_font(name, ...)  once per shipped font file, then
//      reader_load_atlas(bytes)    the atlas worker's build of the atlas, when it has one,
//      reader_prepare_fonts()      the font atlas (taken from those bytes, or rasterized),
//                                  in a task of its own
//   3. reader_load_bundle(...)     with the bundle's bytes (or after a fetch failure,
//                                  with an empty buffer and the error as the name)
//   4. reader_frame(now)           inside requestAnimationFrame, only when asked for
// Input events arrive through reader_pointer/wheel/key/text/focus/resize and only
// queue work; the frame does the rest.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "app.h"
#include "atlas_transfer.h"
#include "i18n/lang.h"
#include "i18n/strings.h"
#include "model/bundle_loader.h"
#include "model/html_export.h"
#include "time/date_format.h"
#include "draw_signature.h"
#include "fonts.h"
#include "gl_renderer.h"
#include "image_cache.h"
#include "js_bridge.h"
#include "keyboard_focus.h"
#include "text_field.h"
#include "theme.h"
#include "web_platform.h"

namespace {

EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;
uint64_t g_on_screen = 0;   // draw_signature of the frame last sent to WebGL
bool g_context_lost = false;

// The browser may take the GPU away (a phone putting the tab in the background, a GPU
// reset). Without a handler the canvas stays blank for good: accepting the loss lets the
// browser restore the context, and everything on the GPU is then made again.
EM_BOOL on_context_lost(int, const void*, void*) {
    g_context_lost = true;
    return EM_TRUE;   // preventDefault: ask for the context back
}

EM_BOOL on_context_restored(int, const void*, void*) {
    emscripten_webgl_make_context_current(g_gl);
    g_context_lost = false;
    gl_renderer::init();                  // program, buffers, vertex layout
    fonts::invalidate();                  // the atlas texture, rebuilt at the next frame
    images::cache().release_textures();   // images load again as they come into view
    g_on_screen = 0;                      // whatever the canvas showed is gone
    web_platform::request_frames(2);
    return EM_TRUE;
}

// web/app.js asks the canvas for its context first, with these same attributes, so that
// the GPU process sets it up during the downloads (createGLContextEarly); keep the two
// in step. Here the canvas hands back that context.
bool create_gl_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;          // ImGui anti-aliases its own shapes
    attrs.premultipliedAlpha = true;
    attrs.preserveDrawingBuffer = false;
    g_gl = emscripten_webgl_create_context("#reader-canvas", &attrs);
    if (g_gl <= 0) return false;
    emscripten_webgl_make_context_current(g_gl);
    emscripten_set_webglcontextlost_callback("#reader-canvas", nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#reader-canvas", nullptr, EM_FALSE, on_context_restored);
    return true;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int reader_init(float css_w, float css_h, float dpr, const char* config_json) {
    if (!create_gl_context()) return 0;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    web_platform::init();
    web_platform::resize(css_w, css_h, dpr);
    if (!gl_renderer::init()) return 0;
    App::get().init(config_json ? config_json : "{}");
    return 1;
}

// Takes ownership of `data` (allocated with _malloc by the page).
EMSCRIPTEN_KEEPALIVE int reader_add_font(const char* name, unsigned char* data, int size) {
    std::vector<unsigned char> bytes(data, data + size);
    free(data);
    return fonts::add_file(name, std::move(bytes)) ? 1 : 0;
}

// Rasterizes the font atlas once every font file is in: called by the page in a task of
// its own while the bundle may still be downloading, so the first frame does not.
EMSCRIPTEN_KEEPALIVE void reader_prepare_fonts() { App::get().prepare_fonts(); }

// The atlas worker (web/startup_worker.js): the bytes of its last atlas build, as
// [u32 size][bytes], or null before one. Owned by the instance.
EMSCRIPTEN_KEEPALIVE const unsigned char* reader_saved_atlas() {
    static std::vector<unsigned char> out;
    const auto& saved = fonts::saved_build();
    if (saved.empty()) return nullptr;
    const uint32_t n = static_cast<uint32_t>(saved.size());
    out.resize(4 + saved.size());
    std::memcpy(out.data(), &n, 4);
    std::memcpy(out.data() + 4, saved.data(), saved.size());
    return out.data();
}

// The page: the worker's atlas, used by the next atlas build with the same DPR and
// settings instead of rasterizing. Takes ownership of `data`; 0 if it is not an atlas
// (nothing for the reader to tell: the page rasterizes its own, as without a worker).
EMSCRIPTEN_KEEPALIVE int reader_load_atlas(unsigned char* data, int size) {
    const bool ok = atlas_transfer::load(data, data ? static_cast<size_t>(size) : 0, nullptr);
    free(data);
    return ok ? 1 : 0;
}

// Takes ownership of `data`.
EMSCRIPTEN_KEEPALIVE void reader_load_bundle(char* data, int size, const char* name) {
    std::string bytes(data ? data : "", data ? static_cast<size_t>(size) : 0);
    free(data);
    App::get().load_bundle(bytes, name ? name : "bundle");
}

// The bundle could not be fetched: show why, in the page, not a blank canvas.
EMSCRIPTEN_KEEPALIVE void reader_load_error(const char* message) { App::get().load_failed(message ? message : ""); }

// Without WebGL2 the page still shows the article: the core's HTML export of the
// article `id` (the front one when empty or unknown) of the given bundle bytes, with the
// dateline in `lang`. Needs neither reader_init nor GL. JSON {"id", "title", "lang",
// "html"} or {"error"}; the bytes stay the caller's; the caller frees the result.
EMSCRIPTEN_KEEPALIVE char* reader_plain_html(const char* data, int size, const char* name, const char* id, const char* lang) {
    const reader::LoadResult r = reader::load_bundle(std::string_view(data ? data : "", data ? static_cast<size_t>(size) : 0),
                                                     name ? name : "bundle");
    nlohmann::json out;
    if (!r.bundle || r.bundle->articles.empty()) {
        out["error"] = r.diagnostics.items.empty() ? std::string("the bundle has no article") : r.diagnostics.items.front().to_string();
    } else {
        const reader::Bundle& b = *r.bundle;
        const int found = id && *id ? b.find_article(id) : -1;
        const uint32_t index = found >= 0 ? static_cast<uint32_t>(found) : b.front_article;
        const auto& a = b.articles[index];
        reader::HtmlOptions o;
        o.ui = reader::i18n::lang_from_bcp47(lang ? lang : "vi");
        const std::string dateline = a.published_unix != 0
            ? reader::datetime::format_dateline(o.ui, a.published_unix, a.published_offset_min) : std::string();
        o.dateline = dateline;
        std::string html;
        reader::append_article_html(html, b, index, o);
        reader::append_announcements_html(html, b, o);
        out = {{"id", std::string(b.str(a.id))}, {"title", std::string(b.str(a.title))}, {"html", html},
               {"lang", std::string(reader::i18n::bcp47(o.ui))},
               {"notice", std::string(reader::i18n::tr(o.ui, reader::i18n::StringId::PlainViewNotice))}};
    }
    const std::string text = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    char* p = static_cast<char*>(std::malloc(text.size() + 1));
    std::memcpy(p, text.c_str(), text.size() + 1);
    return p;
}

EMSCRIPTEN_KEEPALIVE int reader_frame(double now_ms) {
    if (!fonts::have_all_files() || g_context_lost) return 0;   // restored: on_context_restored asks for frames
    const double t0 = js::now_ms();   // CPU of the whole frame: UI, layout and the GL calls
    int more = App::get().frame(now_ms);
    // ImGui places a window's scrollbar from the content height of the frame before;
    // when this frame changed it (a new article, a new layout), the UI runs once more
    // so that the frame put on screen is the settled one, not one off by a frame.
    if (App::get().content_height_changed()) more = std::max(more, App::get().frame(now_ms));
    const auto& vp = web_platform::viewport();
    const int fb_w = static_cast<int>(vp.css_width * vp.dpr + 0.5f);
    const int fb_h = static_cast<int>(vp.css_height * vp.dpr + 0.5f);
    const ImU32 background = theme::palette().background;
    const uint64_t signature = draw_signature::of(ImGui::GetDrawData(), fb_w, fb_h, background);
    const bool draw = signature != g_on_screen;   // else the canvas already shows this frame
    if (draw) {
        g_on_screen = signature;
        const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(background);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        gl_renderer::render(ImGui::GetDrawData(), fb_w, fb_h);
    }
    App::get().frame_done(js::now_ms() - t0, now_ms, draw);

    static ImGuiMouseCursor last_cursor = ImGuiMouseCursor_COUNT;
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != last_cursor) {
        last_cursor = cursor;
        js::set_cursor(cursor == ImGuiMouseCursor_Hand ? "pointer" : cursor == ImGuiMouseCursor_TextInput ? "text" : "default");
    }
    return more;
}

EMSCRIPTEN_KEEPALIVE void reader_resize(float css_w, float css_h, float dpr) { web_platform::resize(css_w, css_h, dpr); }
EMSCRIPTEN_KEEPALIVE void reader_pointer(int kind, float x, float y, int button, int type, double t_ms) { web_platform::pointer(kind, x, y, button, type, t_ms); }
EMSCRIPTEN_KEEPALIVE void reader_wheel(float dx, float dy) { web_platform::wheel(dx, dy); }
EMSCRIPTEN_KEEPALIVE void reader_key(const char* code, int down, int mods) { web_platform::key(code, down != 0, mods); }
EMSCRIPTEN_KEEPALIVE void reader_text(const char* utf8) { web_platform::text(utf8); }
EMSCRIPTEN_KEEPALIVE void reader_focus(int focused) { web_platform::focus(focused != 0); }
EMSCRIPTEN_KEEPALIVE void reader_text_field(const char* value, int caret_utf16, int composing) {
    text_field::on_input(value ? value : "", caret_utf16, composing != 0);
}
EMSCRIPTEN_KEEPALIVE void reader_text_field_blur() { text_field::on_blur(); }
// Tab / Shift+Tab on the canvas (or its text field), answered at once so the page knows
// whether to keep the key (1: focus moved to a control of the canvas) or let the browser
// move focus out of the canvas (0).
EMSCRIPTEN_KEEPALIVE int reader_tab(int backwards) { return keyboard_focus::tab(backwards != 0) ? 1 : 0; }
// The canvas got focus: +1 by Tab from before it, -1 by Shift+Tab from after it, 0 otherwise.
EMSCRIPTEN_KEEPALIVE void reader_focus_enter(int direction) { keyboard_focus::enter(direction); }
// The answer to js::fetch(request, url); takes ownership of `data`.
EMSCRIPTEN_KEEPALIVE void reader_fetched(int request, int ok, int status, char* data, int size, const char* error) {
    std::string bytes(data ? data : "", data ? static_cast<size_t>(size) : 0);
    free(data);
    App::get().fetched(request, ok != 0, status, bytes, error ? error : "");
}
EMSCRIPTEN_KEEPALIVE void reader_message(const char* json) { App::get().host_message(json); }
EMSCRIPTEN_KEEPALIVE void reader_navigate(const char* hash) { App::get().navigate_hash(hash); }

// The accessible mirror's search results (web/mirror.js): the bundle searched for
// `query` with the search panel's options (what the canvas's panel lists), as {"total", "label", "html"} (the HTML escaped
// by the core's export helpers). The caller frees the returned string.
EMSCRIPTEN_KEEPALIVE char* reader_search_mirror(const char* query) {
    App& app = App::get();
    const reader::Bundle* b = app.bundle();
    std::string html, label;
    uint32_t total = 0;
    if (b && query && *query) {
        app.ensure_search_index();
        reader::search::Query q;
        q.text = std::string(query).substr(0, 1000);
        const reader::search::FindOptions o = app.search_options();
        q.match_diacritics = o.match_diacritics;
        q.match_case = o.match_case;
        q.whole_words = o.whole_words;
        q.limit = 20;
        const reader::search::Results r = app.search_engine()->search(q);
        total = r.total;
        label = reader::i18n::tr_count(app.lang(), reader::i18n::StringId::SearchResultCount, r.total);
        html = "<section aria-labelledby=\"mirror-results\"><h2 id=\"mirror-results\">";
        reader::append_html_escaped(html, label);
        html += "</h2><ol>";
        for (const auto& h : r.hits) {
            const bool ann = app.search_engine()->is_announcement(h.doc);
            if (ann) continue;   // announcements have no article page to open
            const auto& a = b->articles[h.doc];
            html += "<li><a href=\"#article=";
            reader::append_url_escaped(html, b->str(a.id));
            html += "\">";
            reader::append_html_escaped(html, b->str(a.title));
            html += "</a><p>";
            reader::append_html_escaped(html, h.snippet);
            html += "</p></li>";
        }
        html += "</ol></section>";
    }
    const std::string out = nlohmann::json{{"total", total}, {"label", label}, {"html", html}}.dump();
    char* p = static_cast<char*>(malloc(out.size() + 1));
    memcpy(p, out.c_str(), out.size() + 1);
    return p;
}

// The browser's find selected `text` in the text version's article, its `nth` place
// there: the canvas shows the same place.
EMSCRIPTEN_KEEPALIVE void reader_reveal_text(const char* text, int nth) { App::get().reveal_text(text ? text : "", nth); }

// The mirror's own controls (web/mirror.js) in the interface language, from the same
// string table as the canvas: {"settings", "theme", "themes": [[id, label], ...]}.
// The caller frees the returned string.
EMSCRIPTEN_KEEPALIVE char* reader_mirror_strings() {
    using reader::i18n::StringId;
    const auto lang = App::get().lang();
    auto tr = [&](StringId id) { return std::string(reader::i18n::tr(lang, id)); };
    nlohmann::json themes = nlohmann::json::array();
    const std::pair<theme::Name, StringId> order[] = {{theme::Name::Light, StringId::ThemeLight}, {theme::Name::Sepia, StringId::ThemeSepia},
                                                      {theme::Name::Dark, StringId::ThemeDark}, {theme::Name::Contrast, StringId::ThemeHighContrast},
                                                      {theme::Name::Auto, StringId::ThemeAuto}};
    for (const auto& [name, id] : order) themes.push_back({std::string(theme::name(name)), tr(id)});
    const std::string out = nlohmann::json{{"settings", tr(StringId::ReadingSettings)}, {"theme", tr(StringId::Theme)}, {"themes", themes}}.dump();
    char* p = static_cast<char*>(malloc(out.size() + 1));
    memcpy(p, out.c_str(), out.size() + 1);
    return p;
}

}  // extern "C"
