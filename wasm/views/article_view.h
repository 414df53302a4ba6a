// The article view: the reading column laid out by the core's layout engine
// (layout::ArticleLayout, cached per width and settings), drawn from its display
// list (only the visible part), followed by the page's own sections: reader
// comments, "Tin khác" (other news) and "Thông báo" (announcements).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "layout/article_layout.h"
#include "layout/text_selection.h"
#include "views/comments_section.h"
#include "views/display_list_painter.h"

class App;

namespace views {

class ArticleView {
public:
    ArticleView();
    ~ArticleView();
    // Draws inside the current (child) window, which it scrolls.
    void draw(App& app, std::span<const Highlight> highlights);
    float content_height() const { return content_height_; }
    // Scroll so that byte `off` of Bundle::text (in `block`, if known) shows.
    void scroll_to_text(uint32_t off, uint32_t block);
    // Opens the comments section at `comment` (index into the bundle's comments).
    bool reveal_comment(uint32_t comment);
    CommentsSection& comments() { return comments_; }
    void invalidate_sections() { sections_dirty_ = true; }
    // For the library panel's table of contents: the article as laid out last frame
    // (null before it), the top of the view in its coordinates, the view's height, and
    // scrolling so that list y `y` comes to the top.
    const reader::layout::DisplayList* article_list() const { return list_; }
    float list_view_top() const { return list_view_top_; }
    float view_height() const { return view_height_; }
    void scroll_to_list_y(float y);
    // The article's text selection (mouse, Shift+arrows, Ctrl+A), in the article's list.
    const reader::layout::TextSelection& selection() const { return selection_; }
    // What reader:stats reports of it: the selected text (its start) and the context
    // menu (open, and where its Copy is, for touch tests to tap).
    struct ContextMenu {
        bool open = false;
        ImVec2 copy_min{}, copy_max{};
    };
    std::string selected_text(const App& app) const;     // as a copy would take it now
    const ContextMenu& context_menu() const { return menu_; }

private:

    void rebuild(App& app, int article);
    void build_sections(App& app, float width, float view_top, float view_bottom);
    std::vector<int> other_articles(const App& app) const;   // "Tin khác", in the order shown
    // Selection and copy: mouse and keys over the article list (origin = its top-left on screen).
    void handle_selection(App& app, const reader::layout::DisplayList& article, ImVec2 article_origin, ImVec2 sec_origin,
                          float view_h, uint32_t hovered_link);
    void selection_settled(App& app, const reader::layout::TextSelection& before);
    // The list the selection is in: the article's, or the sections' (comments, other news).
    const reader::layout::DisplayList* selected_list() const { return sel_in_sections_ ? &sections_ : list_; }
    void selection_changed(App& app);          // tells the page the text a copy would take
    // Links and section actions as keyboard Tab stops; true when one opened another article.
    bool keyboard_tab_stops(App& app, const reader::layout::DisplayList& list, ImVec2 origin, ImVec2 sec_origin);
    void draw_context_menu(App& app);
    // The accessible mirror: the core's HTML export of the page, sent when what it shows changes.
    void update_mirror(App& app);

    int article_ = -1;
    uint64_t font_generation_ = 0;
    std::unique_ptr<reader::layout::ArticleLayout> layout_;
    std::unique_ptr<reader::layout::TextMeasurer> measurer_;
    std::unique_ptr<reader::layout::LineBreaker> breaker_;
    std::vector<std::string> strings_;        // dateline, meta, labels: owned here
    reader::layout::DisplayList sections_;
    std::vector<SectionAction> actions_;
    CommentsSection comments_;
    bool sections_dirty_ = true;
    float shift_pending_ = 0;     // comment-height corrections not yet in ImGui's scroll position
    float shift_expected_ = -1;   // the scroll position asked for with them
    float sections_width_ = -1;
    reader::layout::LayoutSettings sections_settings_{};
    float content_height_ = 0;
    bool pending_scroll_ = false;
    bool restore_ = false;
    float restore_y_ = 0;
    uint32_t pending_off_ = 0, pending_block_ = 0;
    const reader::layout::DisplayList* list_ = nullptr;   // layout_'s list, once laid out
    float list_view_top_ = 0, view_height_ = 0;
    float pending_list_y_ = -1;                          // scroll_to_list_y() for the next frame
    reader::layout::TextSelection selection_;
    bool selecting_ = false;                             // the left button went down on the article
    bool sel_in_sections_ = false;                       // the selection is in sections_, not the article
    bool held_word_ = false;                             // a long press took a word; the finger has not moved since
    bool selection_dirty_ = false;                       // the page has not been told yet
    uint32_t context_link_ = reader::layout::kNone;      // the link a right click was on
    ContextMenu menu_;
    std::vector<reader::layout::Rect> selection_rects_;  // scratch for painting
    std::string mirror_key_;                             // what the mirror shows (article, language, comments)
};

}  // namespace views
