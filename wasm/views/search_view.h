// The search bar: a field always at hand (Ctrl+F, "/", F3 open it; Esc closes),
// options as in PDF.js's find bar (match diacritics, match case, whole words), the
// ranked results of the whole bundle with highlighted snippets, and the matches in
// the open article with an "N / M" counter (Enter / Shift+Enter, F3 / Shift+F3).
#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "search/search.h"
#include "text_field.h"
#include "views/display_list_painter.h"

class App;

namespace views {

class SearchView {
public:
    void open(App& app, std::string_view query = {});
    void close(App& app);
    bool is_open() const { return open_; }
    const std::string& query() const { return field_.value; }
    uint32_t total() const { return results_.total; }
    size_t match_count() const { return matches_.size(); }
    int current_match() const { return current_; }
    // The last run (a keystroke or an option change): bundle search plus the matches in
    // the open article, in ms, and how many runs so far (for the keystroke benchmark).
    double last_run_ms() const { return last_run_ms_; }
    double last_find_ms() const { return last_find_ms_; }   // the part of it spent finding in the open article
    uint32_t runs() const { return runs_; }
    // The panel's options (match diacritics / case / whole words), for every search of the bundle.
    reader::search::FindOptions options() const { return {match_diacritics_, match_case_, whole_words_}; }

    void handle_shortcuts(App& app);     // call every frame, before drawing
    void draw(App& app, float top);      // the panel (when open)

    // Matches in the open article, sorted by offset, for the article view to paint.
    const std::vector<Highlight>& highlights() const { return highlights_; }
    void article_changed(App& app);      // recompute in-article matches
    // The browser's find found `text` in the text version (its `nth` place there, from
    // 0): the canvas scrolls to the same place of the article.
    void reveal_text(App& app, std::string_view text, int nth);

private:
    struct Match {
        uint32_t off, len;      // Bundle::text
        uint32_t block;         // for scrolling (kNone for non-body texts)
    };

    static std::vector<Match> matches_in_article(const reader::Bundle& b, int article, std::string_view query,
                                                 reader::search::FindOptions options);
    void run(App& app);                  // the query or an option changed
    void options_changed(App& app);      // an option was switched
    void find_in_article(App& app);
    void go_to(App& app, int index);     // scroll to in-article match `index`
    void open_hit(App& app, const reader::search::Hit& hit);

    bool open_ = false;
    text_field::State field_;
    unsigned seen_generation_ = ~0u;
    bool match_diacritics_ = false;
    bool match_case_ = false;
    bool whole_words_ = false;
    reader::search::Results results_;
    uint32_t folded_total_ = 0;          // results without the diacritics switch (suggestion)
    std::vector<Match> matches_;         // in the open article, in reading order
    std::vector<Highlight> highlights_;
    int current_ = -1;
    int article_for_matches_ = -1;
    double last_run_ms_ = -1;
    double last_find_ms_ = -1;
    uint32_t runs_ = 0;
};

}  // namespace views
