// The reader app: owns the loaded bundle (immutable) and the UI state (the only
// thing that changes while reading), and draws one frame on demand.
//
// JavaScript reaches it only through main.cpp's exported functions, which queue
// input or hand over bytes; everything else happens inside `frame()`.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "frame_stats.h"
#include "i18n/lang.h"
#include "model/bundle_loader.h"
#include "search/bundle_search.h"
#include "theme.h"
#include "views/article_view.h"
#include "views/library_panel.h"
#include "views/search_view.h"

struct ReadingSettings {
    float font_px = 19.0f;
    bool serif = true;
    float line_height = 1.6f;
    float column_px = 680.0f;
    bool justify = false;
    theme::Name theme = theme::Name::Auto;
};

struct UiState {
    int article = -1;                         // index into bundle->articles
    std::unordered_map<int, float> scroll_by_article;  // remembered per article
    std::string pending_hash;                 // a hash that arrived before the bundle
    bool first_article_frame_posted = false;
    bool prefers_dark = false;
    bool embed = false;                       // ?embed=1: no chrome
    bool library_in_embed = false;            // &library=1: the embedded reader shows the library panel
    float last_posted_height = -1;            // reader:resize
};

class App {
public:
    static App& get();

    void init(std::string_view config_json);
    void load_bundle(std::string_view bytes, std::string_view name);
    void load_failed(std::string_view message);
    void navigate_hash(std::string_view hash);      // from location.hash (load, back/forward)
    void host_message(std::string_view json);       // from window 'message' events (origin checked in JS)
    int frame(double now_ms);                       // draws; returns frames still wanted
    void prepare_fonts();                           // the font atlas for the current settings and DPR
    // The content height changed in the last frame: ImGui sized its scrollbar from the
    // old one, so the frame is run once more before it is drawn (see reader_frame).
    bool content_height_changed() const { return content_height_changed_; }
    void frame_done(double cpu_ms, double now_ms, bool presented);  // after the GL draw (or its skip): reader:stats

    const reader::Bundle* bundle() const { return bundle_.get(); }
    reader::i18n::Lang lang() const { return lang_; }
    ReadingSettings& settings() { return settings_; }
    const ReadingSettings& const_settings() const { return settings_; }
    UiState& ui() { return ui_; }
    views::ArticleView& article_view() { return article_view_; }
    views::LibraryPanel& library() { return library_; }
    std::string site_name() const;

    void open_article(int index, bool push_history);
    void follow_link(uint32_t link);                // a link of the model was activated
    void scroll_to_text(uint32_t off, uint32_t block);
    void post_error(std::string_view message);
    void set_theme(theme::Name t);
    void set_lang(reader::i18n::Lang l);
    void toggle_search();
    void fetch_comments(int article, std::string_view url);
    void fetched(int request, bool ok, int status, std::string_view bytes, std::string_view error);
    void show_comment(uint32_t comment);            // reveal it in the comments section and scroll there

    // Search: the index is built on first use (large bundles take a moment).
    void ensure_search_index();
    reader::search::BundleSearch* search_engine() { return search_.get(); }
    void query_changed(std::string_view query);     // keeps the hash's &q= current
    // The search panel's options, which every search of the bundle shown to the reader
    // follows (the panel's results and the text version's).
    reader::search::FindOptions search_options() const { return search_view_.options(); }
    void reveal_text(std::string_view text, int nth) { search_view_.reveal_text(*this, text, nth); }

private:
    void draw_error_view();
    void draw_loading_view();
    void post_stats();
    void answer_search(const nlohmann::json& m);
    void save_settings();
    void load_settings();
    void update_hash(bool push);

    std::unique_ptr<reader::Bundle> bundle_;
    std::unique_ptr<reader::search::BundleSearch> search_;
    reader::Diagnostics diagnostics_;
    bool loading_ = true;
    std::string fatal_;                      // why nothing can be shown
    reader::i18n::Lang lang_ = reader::i18n::Lang::Vi;
    bool lang_chosen_ = false;               // by the reader, in settings (else: the browser's)
    ReadingSettings settings_;
    UiState ui_;
    bool content_height_changed_ = false;
    float last_content_height_ = -1;
    FrameStats stats_;
    double nav_start_ms_ = 0;
    double open_cpu_ms_ = -1;                // open_article's own time, until its first frame is drawn
    float drawn_width_ = 0;                  // a width change makes the next frame a relayout
    std::string query_;
    int next_request_ = 1;
    std::unordered_map<int, int> comment_requests_;  // request id → article
    views::ArticleView article_view_;
    views::SearchView search_view_;
    views::LibraryPanel library_;
};
