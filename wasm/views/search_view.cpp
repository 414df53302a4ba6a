// See search_view.h.
#include "views/search_view.h"

#include <emscripten.h>
#include <imgui.h>

#include <algorithm>

#include "app.h"
#include "fonts.h"
#include "i18n/number_format.h"
#include "i18n/strings.h"
#include "js_bridge.h"
#include "keyboard_focus.h"
#include "search/bundle_search.h"
#include "theme.h"
#include "web_platform.h"

namespace views {

using reader::i18n::StringId;
using reader::search::Field;
namespace kf = keyboard_focus;

namespace {

constexpr const char* kFieldId = "search";

bool checkbox(const char* label, bool& v) {
    ImGui::PushFont(fonts::ui());
    bool changed = ImGui::Checkbox(label, &v);
    ImGui::PopFont();
    if (kf::last_item(kf::Group::Search, std::string(label) + (v ? " ✓" : ""), kf::Kind::Button).activated) {
        v = !v;
        changed = true;
    }
    return changed;
}

// Text with some byte ranges drawn on a highlight, wrapped to `width`.
void highlighted_text(std::string_view s, const std::vector<reader::search::ByteRange>& ranges, float width, ImU32 col, ImU32 hl) {
    ImFont* f = fonts::ui();
    const float px = fonts::ui_px();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Wrap by words with ImGui's own wrapping, then paint the highlights per line.
    float y = 0;
    const char* text = s.data();
    const char* end = s.data() + s.size();
    while (text < end) {
        const char* line_end = f->CalcWordWrapPositionA(px / f->FontSize, text, end, width);
        if (line_end == text) line_end = text + 1;
        for (const auto& r : ranges) {
            const char* a = std::max(text, s.data() + r.begin);
            const char* b = std::min(line_end, s.data() + r.end);
            if (a >= b) continue;
            const float x0 = f->CalcTextSizeA(px, FLT_MAX, 0, text, a).x;
            const float x1 = f->CalcTextSizeA(px, FLT_MAX, 0, text, b).x;
            dl->AddRectFilled(ImVec2(p.x + x0, p.y + y), ImVec2(p.x + x1, p.y + y + px * 1.3f), hl, 2.0f);
        }
        dl->AddText(f, px, ImVec2(p.x, p.y + y), col, text, line_end);
        y += px * 1.35f;
        text = line_end;
        while (text < end && *text == ' ') ++text;
    }
    ImGui::Dummy(ImVec2(width, y));
}

}  // namespace

void SearchView::open(App& app, std::string_view query) {
    open_ = true;
    if (!query.empty() && query != field_.value) {
        field_.value = std::string(query);
        field_.caret = static_cast<int>(field_.value.size());
        ++field_.generation;
    }
    app.ensure_search_index();
    text_field::focus(kFieldId);
    web_platform::request_frames(3);
}

void SearchView::close(App& app) {
    open_ = false;
    text_field::blur();
    highlights_.clear();
    matches_.clear();
    current_ = -1;
    app.query_changed("");
    web_platform::request_frames(2);
}

void SearchView::handle_shortcuts(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    if ((ctrl && ImGui::IsKeyPressed(ImGuiKey_F)) || (!open_ && ImGui::IsKeyPressed(ImGuiKey_F3)) ||
        (!text_field::any_active() && ImGui::IsKeyPressed(ImGuiKey_Slash))) {
        open(app);
        return;
    }
    if (!open_) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        close(app);
        return;
    }
    const bool next = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter) || ImGui::IsKeyPressed(ImGuiKey_F3);
    if (next && !kf::key_taken(ImGuiKey_Enter) && !matches_.empty()) go_to(app, io.KeyShift ? current_ - 1 : current_ + 1);
}

void SearchView::article_changed(App& app) {
    if (!open_ || field_.value.empty()) return;
    find_in_article(app);
}

void SearchView::run(App& app) {
    const double start = emscripten_get_now();
    seen_generation_ = field_.generation;
    reader::search::BundleSearch* engine = app.search_engine();
    results_ = {};
    folded_total_ = 0;
    if (engine && !field_.value.empty()) {
        reader::search::Query q;
        q.text = field_.value;
        q.match_diacritics = match_diacritics_;
        q.match_case = match_case_;
        q.whole_words = whole_words_;
        q.limit = 50;
        results_ = engine->search(q);
        if (results_.total == 0 && (match_diacritics_ || match_case_ || whole_words_)) {
            // The suggestion of issue 5: would a folded search find something?
            q.match_diacritics = q.match_case = q.whole_words = false;
            q.limit = 1;
            q.snippets = false;
            folded_total_ = engine->search(q).total;
        }
    }
    const double searched = emscripten_get_now();
    find_in_article(app);
    last_run_ms_ = emscripten_get_now() - start;
    last_find_ms_ = emscripten_get_now() - searched;
    ++runs_;
    app.query_changed(field_.value);
    web_platform::request_frames(2);   // the results list measures its new height
}

void SearchView::options_changed(App& app) {
    run(app);
    js::search_options_changed();   // the text version's results follow the options too
}

void SearchView::find_in_article(App& app) {
    highlights_.clear();
    current_ = -1;
    const int article = app.ui().article;
    article_for_matches_ = article;
    matches_ = app.bundle() && article >= 0 ? matches_in_article(*app.bundle(), article, reader::search::find_query(field_.value), options())
                                            : std::vector<Match>{};
    highlights_.reserve(matches_.size());
    for (const auto& m : matches_) highlights_.push_back({m.off, m.len, false});
}

// Every place of `query` in the article's texts, in reading order.
std::vector<SearchView::Match> SearchView::matches_in_article(const reader::Bundle& b, int article, std::string_view query,
                                                              reader::search::FindOptions fo) {
    std::vector<Match> out;
    if (query.empty()) return out;
    const reader::Article& a = b.articles[static_cast<size_t>(article)];
    auto in_str = [&](reader::Str s) {
        if (s.empty()) return;
        for (const auto& r : reader::search::find_in_text(b.str(s), query, fo))
            out.push_back({s.off + r.begin, r.end - r.begin, reader::layout::kNone});
    };
    in_str(a.title);
    in_str(a.subtitle);
    in_str(a.image.caption);
    in_str(a.lead);
    for (uint32_t k = a.blocks.begin; k < a.blocks.end; ++k) {
        std::vector<reader::search::PlainPiece> pieces;
        const std::string plain = reader::search::block_plain_text(b, k, &pieces);
        if (plain.empty()) continue;
        for (const auto& r : reader::search::find_in_text(plain, query, fo)) {
            for (const auto& p : pieces) {
                const uint32_t lo = std::max(r.begin, p.plain_off), hi = std::min(r.end, p.plain_off + p.len);
                if (lo < hi) out.push_back({p.arena_off + (lo - p.plain_off), hi - lo, k});
            }
        }
    }
    for (const auto& s : a.authors) in_str(s);
    for (const auto& s : a.tags) in_str(s);
    std::stable_sort(out.begin(), out.end(), [](const Match& x, const Match& y) { return x.off < y.off; });
    return out;
}

void SearchView::reveal_text(App& app, std::string_view text, int nth) {
    const int article = app.ui().article;
    if (!app.bundle() || article < 0 || text.empty()) return;
    // As the browser's find matches: any case, the diacritics as typed.
    reader::search::FindOptions fo;
    fo.match_diacritics = true;
    const std::vector<Match> found = matches_in_article(*app.bundle(), article, text, fo);
    if (found.empty()) return;
    const Match& m = found[static_cast<size_t>(std::clamp(nth, 0, static_cast<int>(found.size()) - 1))];
    app.scroll_to_text(m.off, m.block);
}

void SearchView::go_to(App& app, int index) {
    if (matches_.empty()) return;
    const int n = static_cast<int>(matches_.size());
    current_ = ((index % n) + n) % n;
    for (size_t i = 0; i < highlights_.size(); ++i) highlights_[i].current = static_cast<int>(i) == current_;
    app.scroll_to_text(matches_[static_cast<size_t>(current_)].off, matches_[static_cast<size_t>(current_)].block);
}

void SearchView::open_hit(App& app, const reader::search::Hit& hit) {
    reader::search::BundleSearch* engine = app.search_engine();
    if (!engine) return;
    if (engine->is_announcement(hit.doc)) return;   // announcements show in every article's page
    app.open_article(static_cast<int>(hit.doc), true);
    find_in_article(app);
    if (hit.field == Field::Comment) {
        app.show_comment(hit.sub_id);
        return;
    }
    // Go to the first in-article match inside the hit's own text.
    const auto arena = engine->to_arena(hit.doc, hit.field, hit.sub_id, hit.matches);
    if (!arena.empty()) {
        for (size_t i = 0; i < matches_.size(); ++i) {
            if (matches_[i].off == arena.front().off) {
                go_to(app, static_cast<int>(i));
                return;
            }
        }
        app.scroll_to_text(arena.front().off, hit.field == Field::Body ? hit.sub_id : reader::layout::kNone);
    }
}

void SearchView::draw(App& app, float top) {
    if (!open_) return;
    if (field_.generation != seen_generation_ || article_for_matches_ != app.ui().article) {
        if (field_.generation != seen_generation_) run(app);
        else find_in_article(app);
    }
    const auto lang = app.lang();
    const theme::Palette& pal = theme::palette();
    const auto& vp = web_platform::viewport();
    const float width = std::min(440.0f, vp.css_width - 16);
    const float x = vp.css_width - width - 8;
    ImGui::SetNextWindowPos(ImVec2(x, top + 6));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp.css_height - top - 16));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, pal.panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##search", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                 ImGuiWindowFlags_AlwaysAutoResize);
    const float inner = width - 24;
    const std::string placeholder(reader::i18n::tr(lang, StringId::SearchPlaceholder));
    if (text_field::draw(kFieldId, field_, inner - 70, placeholder)) { /* run() on the next check */ }
    {
        // The field is a Tab stop: Tab into it starts typing there; while it is active
        // (a click, Ctrl+F, the toolbar's button) the keyboard focus is on it, so Tab
        // goes on from here.
        const kf::Result key = kf::last_item(kf::Group::Search, placeholder, kf::Kind::Field);
        if (key.activated) text_field::focus(kFieldId);
        if (!key.focused && text_field::active(kFieldId)) kf::set_focus(ImGui::GetItemID());
    }
    ImGui::SameLine();
    // N / M counter and previous/next.
    ImGui::PushFont(fonts::ui());
    const std::string counter = matches_.empty() ? "0 / 0"
                                : std::to_string(current_ < 0 ? 0 : current_ + 1) + " / " + std::to_string(matches_.size());
    ImGui::TextUnformatted(counter.c_str());
    ImGui::PopFont();
    bool changed = false;
    changed |= checkbox(std::string(reader::i18n::tr(lang, StringId::SearchMatchDiacritics)).c_str(), match_diacritics_);
    ImGui::SameLine();
    changed |= checkbox(std::string(reader::i18n::tr(lang, StringId::SearchMatchCase)).c_str(), match_case_);
    ImGui::SameLine();
    changed |= checkbox(std::string(reader::i18n::tr(lang, StringId::SearchWholeWords)).c_str(), whole_words_);
    if (changed) options_changed(app);

    ImGui::PushFont(fonts::ui());
    if (field_.value.empty()) {
        // nothing yet
    } else if (!app.search_engine()) {
        ImGui::TextUnformatted(std::string(reader::i18n::tr(lang, StringId::SearchIndexing)).c_str());
    } else if (results_.hits.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.muted);
        ImGui::TextUnformatted(std::string(reader::i18n::tr(lang, StringId::SearchNoResults)).c_str());
        ImGui::PopStyleColor();
        if (folded_total_ > 0) {
            const std::string s = reader::i18n::trf(lang, StringId::SearchResultsWithoutDiacritics, {{"query", field_.value}}) +
                                  " (" + reader::i18n::tr_count(lang, StringId::SearchResultCount, folded_total_) + ")";
            ImGui::PushStyleColor(ImGuiCol_Text, pal.link);
            const bool clicked = ImGui::Selectable(s.c_str());
            if (kf::last_item(kf::Group::Search, s, kf::Kind::Link).activated || clicked) {
                match_diacritics_ = match_case_ = whole_words_ = false;
                options_changed(app);
            }
            ImGui::PopStyleColor();
        }
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.muted);
        ImGui::TextUnformatted(reader::i18n::tr_count(lang, StringId::SearchResultCount, results_.total).c_str());
        ImGui::PopStyleColor();
        // As tall as the results (ImGui measures them, one frame late: run() asks for
        // the frame after), at most what the screen has room for, then it scrolls.
        const float max_h = std::max(60.0f, vp.css_height - top - 150);
        ImGui::SetNextWindowSizeConstraints(ImVec2(inner, 0), ImVec2(inner, max_h));
        ImGui::BeginChild("results", ImVec2(inner, 0), ImGuiChildFlags_AutoResizeY);
        const reader::Bundle* b = app.bundle();
        for (size_t i = 0; i < results_.hits.size(); ++i) {
            const auto& h = results_.hits[i];
            ImGui::PushID(static_cast<int>(i));
            const ImVec2 start = ImGui::GetCursorScreenPos();
            ImGui::BeginGroup();
            const bool announcement = app.search_engine()->is_announcement(h.doc);
            const std::string_view title = announcement
                ? b->str(b->announcements[h.doc - b->articles.size()].title)
                : b->str(b->articles[h.doc].title);
            ImGui::PushFont(fonts::ui_bold());
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - 8);
            ImGui::TextWrapped("%.*s", static_cast<int>(title.size()), title.data());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            if (h.field != Field::Title) highlighted_text(h.snippet, h.snippet_highlights, inner - 8, pal.text, pal.highlight);
            ImGui::EndGroup();
            const ImVec2 end(start.x + inner, ImGui::GetCursorScreenPos().y);
            if (kf::item(kf::Group::Search, ImGui::GetID("hit"), start, end, title, kf::Kind::Link).activated) open_hit(app, h);
            if (ImGui::IsMouseHoveringRect(start, end) && ImGui::IsWindowHovered()) {
                ImGui::GetWindowDrawList()->AddRect(start, end, pal.rule, 4.0f);
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) open_hit(app, h);
            }
            ImGui::Separator();
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();
}

}  // namespace views
