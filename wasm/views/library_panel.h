// The library panel: what is around the article. The table of contents of the open
// article ("Mục lục": its headings; a click scrolls there; the section being read is
// marked), "Tin khác" (related, then recent articles), the bundle's articles by date
// or by category, and "Thông báo" (announcements).
//
// On a wide screen it is a side panel beside the reading column, shown or hidden
// with the toolbar's library button (remembered across visits). Below 700 CSS px it
// is a drawer that slides over the article with a scrim, closed by Esc, a tap
// outside, or picking an article. In the embedded mode (?embed=1) it is hidden
// unless the page asks for it (&library=1); then a small button opens it.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "layout/toc.h"

class App;

namespace views {

class LibraryPanel {
public:
    static constexpr float kNarrowPx = 700.0f;   // below this the panel is a drawer

    void init(App& app);                  // reads the remembered choice
    bool available(App& app) const; // a bundle is open and the mode allows it
    bool drawer_mode() const;             // narrow screen
    // CSS px the reading area gives up this frame (0: no side panel).
    float side_width(App& app) const;
    bool is_open(App& app) const { return drawer_mode() ? drawer_open_ : available(app) && side_open_; }
    void toggle(App& app);
    void note_toggle_rect(ImVec2 min, ImVec2 max) { toggle_min_ = min; toggle_max_ = max; }

    // Draws the side panel at (0, top) of the current window, or the drawer over
    // everything; call before the article so touch drags over the panel scroll it.
    void draw(App& app, float top);
    void draw_panel(App& app, float top);

    nlohmann::json stats(App& app);         // for reader:stats (tests check state, not pixels)

    // The bundle's articles (newest first, at most kMaxListed) in the groups the panel
    // shows: by date, or by category when that tab is chosen. Also the mirror's library.
    using Group = std::pair<std::string, std::vector<int>>;   // label, article indices
    std::vector<Group> article_groups(App& app) const;
    bool by_category() const { return by_category_; }

private:
    struct Row {               // what was drawn last frame, for stats and tests
        std::string kind;      // "toc", "related", "article", "announcement", "close", "order"
        std::string key;       // article id, heading text, ...
        ImVec2 min, max;
    };

    void draw_contents(App& app, float width, bool in_drawer);
    void draw_toc(App& app, float width, bool in_drawer);
    void draw_other_news(App& app, float width, bool in_drawer);
    void draw_articles(App& app, float width, bool in_drawer);
    void draw_announcements(App& app, float width);
    bool row(const char* id, const std::string& kind, const std::string& key, std::string_view title,
             std::string_view sub, float indent, float width, bool current, bool bold = false);
    void section_title(std::string_view text, float width);
    void open_article(App& app, int index, bool in_drawer);
    void set_side_open(App& app, bool open);
    void update_current_heading(App& app);

    bool side_open_ = false;           // wide screens; remembered ("reader.library")
    bool drawer_open_ = false;         // narrow screens; never remembered
    float drawer_t_ = 0;               // drawer slide, 0 closed .. 1 open
    bool by_category_ = false;
    std::vector<reader::layout::TocEntry> toc_;
    int toc_current_ = -1;
    int pinned_ = -1;                  // the entry just clicked, until the reader scrolls away
    int pinned_frames_ = 0;
    float pinned_top_ = 0;
    int toc_article_ = -1;
    ImVec2 toggle_min_{0, 0}, toggle_max_{0, 0};
    std::vector<Row> rows_;
    ImVec2 clip_min_{0, 0}, clip_max_{0, 0};
    float panel_x_ = 0, panel_w_ = 0;  // last drawn, for stats
    float draw_ms_max_ = 0;            // CPU of the slowest draw() since the last stats()
};

}  // namespace views
