// See article_view.h.
#include "views/article_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app.h"
#include "fonts.h"
#include "i18n/number_format.h"
#include "image_cache.h"
#include "i18n/strings.h"
#include "js_bridge.h"
#include "keyboard_focus.h"
#include "layout/typography.h"
#include "model/html_export.h"
#include "text_field.h"
#include "theme.h"
#include "time/date_format.h"
#include "time/reading_time.h"
#include "views/display_list_painter.h"
#include "views/image_box.h"
#include "views/selection_painter.h"
#include "web_platform.h"

namespace views {
namespace {

using reader::Bundle;
using reader::i18n::StringId;
namespace L = reader::layout;

constexpr float kTopPad = 28.0f;
constexpr float kSectionGap = 40.0f;
constexpr float kBottomPad = 64.0f;
// Comments in the accessible mirror: the first ones in thread order (see HtmlOptions).
constexpr size_t kMirrorComments = 200;

// The body's plain text, for the reading-time estimate.
std::string body_text(const Bundle& b, const reader::Article& a) {
    std::string s;
    for (uint32_t i = a.blocks.begin; i < a.blocks.end; ++i) {
        const auto& blk = b.blocks[i];
        for (uint32_t r = blk.runs.begin; r < blk.runs.end; ++r) {
            s += b.str(b.runs[r].text);
            s += ' ';
        }
        if (!blk.code.empty()) s += b.str(blk.code);
    }
    return s;
}

float column_width(const App& app) {
    // The article's own window: narrower than the viewport when the library panel is beside it.
    const float avail = ImGui::GetWindowWidth();
    const float margin = avail < 600 ? 16.0f : 32.0f;
    return std::max(200.0f, std::min(app.const_settings().column_px, avail - 2 * margin));
}

L::LayoutSettings layout_settings(const App& app) {
    L::LayoutSettings s;
    s.width = std::floor(column_width(app));
    s.body_px = app.const_settings().font_px;
    s.font_scale = 1.0f;
    s.line_height = app.const_settings().line_height;
    s.serif = app.const_settings().serif;
    s.justify = app.const_settings().justify;
    return s;
}

}  // namespace

ArticleView::ArticleView() = default;
ArticleView::~ArticleView() = default;

void ArticleView::rebuild(App& app, int article) {
    const Bundle& b = *app.bundle();
    const auto& a = b.articles[static_cast<size_t>(article)];
    const auto lang = app.lang();
    article_ = article;
    font_generation_ = fonts::generation();
    measurer_ = std::make_unique<L::TextMeasurer>(fonts::metrics());
    breaker_ = std::make_unique<L::LineBreaker>(*measurer_);
    layout_ = std::make_unique<L::ArticleLayout>(b, static_cast<uint32_t>(article), fonts::metrics());
    list_ = nullptr;
    pending_list_y_ = -1;
    selection_.clear();
    sel_in_sections_ = false;
    selecting_ = false;
    selection_dirty_ = true;

    strings_.clear();
    strings_.reserve(8);
    L::ArticleTexts t = L::texts_from_model(b, a);
    t.category = b.str(a.category);
    if (a.published_unix != 0) {
        t.dateline = strings_.emplace_back(reader::datetime::format_dateline(lang, a.published_unix, a.published_offset_min));
    }
    const auto content_lang = a.language.len ? reader::i18n::lang_from_bcp47(b.str(a.language)) : lang;
    const uint32_t minutes = reader::datetime::estimate_reading_minutes(body_text(b, a) + std::string(b.str(a.lead)),
                                                                        reader::datetime::default_reading_rate(content_lang));
    if (minutes > 0) t.meta = strings_.emplace_back(reader::datetime::format_reading_time(lang, minutes));
    if (!a.source.empty()) {
        t.source = strings_.emplace_back(std::string(reader::i18n::tr(lang, StringId::Source)) + ": " + std::string(b.str(a.source)));
    }
    if (!t.tags.empty()) t.tags_label = strings_.emplace_back(std::string(reader::i18n::tr(lang, StringId::Tags)) + ":");
    layout_->set_texts(t);
    layout_->set_image_sizes(&images::cache());   // boxes without a declared size follow the image
    sections_width_ = -1;
    // Back at an article read before: where the reader left it; otherwise the top.
    const auto it = app.ui().scroll_by_article.find(article);
    restore_y_ = it != app.ui().scroll_by_article.end() ? it->second : 0.0f;
    restore_ = true;
}

void ArticleView::build_sections(App& app, float width, float view_top, float view_bottom) {
    const Bundle& b = *app.bundle();
    const auto& a = b.articles[static_cast<size_t>(article_)];
    const auto lang = app.lang();
    const L::LayoutSettings ls = layout_settings(app);
    if (sel_in_sections_ && !selection_.empty()) {   // its positions are in the list rebuilt here
        selection_.clear();
        selection_dirty_ = true;
    }
    sections_.clear(b.text);
    actions_.clear();
    float y = 0;
    auto heading = [&](StringId id) {
        // A rule above each section, then its name (as on the portal's page).
        L::Item rule;
        rule.kind = L::ItemKind::Rect;
        rule.ink = L::Ink::Rule;
        rule.x = 0;
        rule.y = y;
        rule.w = width;
        rule.h = 2;
        sections_.add(rule);
        y += 14;
        y = L::layout_text(sections_, *breaker_, reader::i18n::tr(lang, id), L::text_style(L::TextRole::Heading3, 0, ls), 0, y, width);
        y += 6;
    };
    auto line = [&](std::string_view text, L::TextRole role, float x = 0, uint16_t style = 0) {
        y = L::layout_text(sections_, *breaker_, text, L::text_style(role, style, ls), x, y, width - x);
    };

    // ---- Ý kiến bạn đọc
    heading(StringId::ReaderComments);
    y = comments_.layout(app, article_, sections_, *breaker_, ls, width, y, view_top, view_bottom, actions_);
    y += kSectionGap * 0.5f;

    // ---- Tin khác: related articles first, then the others by date
    heading(StringId::OtherNews);
    for (int i : other_articles(app)) {
        const auto& o = b.articles[static_cast<size_t>(i)];
        const float y0 = y;
        line(b.str(o.title), L::TextRole::Body, 0, reader::kStyleLink);
        if (o.published_unix) line(reader::datetime::format_short_date(lang, o.published_unix, o.published_offset_min), L::TextRole::Meta);
        SectionAction act{SectionAction::OpenArticle, 0, y0, width, y};
        act.article = i;
        actions_.push_back(act);
        y += 8;
    }
    for (const auto& r : a.related) {
        if (r.article != UINT32_MAX || r.url.empty()) continue;
        const float y0 = y;
        line(b.str(r.title), L::TextRole::Body, 0, reader::kStyleLink);
        SectionAction act{SectionAction::OpenUrl, 0, y0, width, y};
        act.text = std::string(b.str(r.url));
        actions_.push_back(act);
        y += 8;
    }

    // ---- Thông báo
    if (!b.announcements.empty()) {
        y += kSectionGap * 0.5f;
        heading(StringId::Announcements);
        for (const auto& an : b.announcements) {
            const float y0 = y;
            line(b.str(an.title), L::TextRole::Body, 0, an.url.empty() ? 0 : reader::kStyleLink);
            if (!an.text.empty()) line(b.str(an.text), L::TextRole::Caption);
            if (an.published_unix) line(reader::datetime::format_short_date(lang, an.published_unix, 420), L::TextRole::Meta);
            if (!an.url.empty()) {
                SectionAction act{SectionAction::OpenUrl, 0, y0, width, y};
                act.text = std::string(b.str(an.url));
                actions_.push_back(act);
            }
            y += 8;
        }
    }
    sections_.finish(y);
    sections_width_ = width;
    sections_settings_ = ls;
    sections_dirty_ = false;
}

std::vector<int> ArticleView::other_articles(const App& app) const {
    // Related articles first, then the others by date; at most 12.
    const Bundle& b = *app.bundle();
    const auto& a = b.articles[static_cast<size_t>(article_)];
    std::vector<int> order;
    for (const auto& r : a.related) if (r.article != UINT32_MAX) order.push_back(static_cast<int>(r.article));
    std::vector<int> rest;
    for (size_t i = 0; i < b.articles.size(); ++i) {
        if (static_cast<int>(i) != article_ && std::find(order.begin(), order.end(), static_cast<int>(i)) == order.end()) rest.push_back(static_cast<int>(i));
    }
    std::stable_sort(rest.begin(), rest.end(), [&](int x, int z) { return b.articles[x].published_unix > b.articles[z].published_unix; });
    order.insert(order.end(), rest.begin(), rest.end());
    if (order.size() > 12) order.resize(12);
    return order;
}

void ArticleView::scroll_to_text(uint32_t off, uint32_t block) {
    pending_scroll_ = true;
    pending_off_ = off;
    pending_block_ = block;
    web_platform::request_frames(2);
}

void ArticleView::scroll_to_list_y(float y) {
    pending_list_y_ = std::max(0.0f, y);
    web_platform::request_frames(2);
}

bool ArticleView::reveal_comment(uint32_t comment) {
    if (!comments_.reveal(comment)) return false;
    sections_dirty_ = true;
    return true;
}

void ArticleView::draw(App& app, std::span<const Highlight> highlights) {
    const Bundle* b = app.bundle();
    const int article = app.ui().article;
    if (!b || article < 0) return;
    if (article != article_ || font_generation_ != fonts::generation() || !layout_) rebuild(app, article);

    const L::LayoutSettings ls = layout_settings(app);
    // The reader's place survives a new layout (an image's size arriving, a width
    // change): the line at the top of the view stays there. Noted before layout(),
    // which recomputes the same list in place.
    uint32_t keep_off = L::kNone, keep_block = L::kNone;
    float keep_dy = 0;
    if (list_ && !restore_) {
        const float view_top = ImGui::GetScrollY() - kTopPad;
        const auto [f, l] = list_->visible(view_top, view_top + 1);
        for (uint32_t i = f; i < l && view_top > 0; ++i) {
            const L::Item& it = list_->items()[i];
            if (it.kind != L::ItemKind::Text || (it.flags & L::kItemOwnedText) || it.y + it.h <= view_top) continue;
            keep_off = it.text_off;
            keep_block = it.block;
            keep_dy = it.y - view_top;
            break;
        }
    }
    const uint32_t layouts_before = layout_->layout_count();
    const L::DisplayList& list = layout_->layout(ls);
    list_ = &list;
    if (keep_off != L::kNone && layout_->layout_count() != layouts_before) {
        const float y = list.y_for_text_offset(keep_off, keep_block);
        if (y >= 0) {
            ImGui::SetScrollY(std::max(0.0f, y - keep_dy + kTopPad));
            web_platform::request_frames(2);
        }
    }
    const ImVec2 view = ImGui::GetWindowSize();
    const float margin_x = std::floor((view.x - ls.width) * 0.5f);
    const float article_h = list.height();
    const float sections_top = kTopPad + article_h + kSectionGap;
    // The comments lay out only the rows near the view: the sections are laid out
    // again when the view nears rows that are not (a few rows; see CommentsSection).
    // ImGui applies SetScrollY at the next frame's Begin, and a wheel event in that
    // frame replaces the target with one computed from the old position: a shift not
    // seen in the scroll position yet is applied again (see shift_pending_).
    float scroll_now = ImGui::GetScrollY();
    if (shift_pending_ != 0) {
        if (std::fabs(scroll_now - shift_expected_) <= 0.5f) {
            shift_pending_ = 0;
        } else if (scroll_now + shift_pending_ >= 0 && scroll_now + shift_pending_ <= ImGui::GetScrollMaxY()) {
            scroll_now += shift_pending_;
            ImGui::SetScrollY(scroll_now);
            shift_expected_ = scroll_now;
        } else {
            shift_pending_ = 0;   // clamped at an end: nothing to keep
        }
    }
    float scroll_shift = 0;
    {
        const float stop = scroll_now - sections_top;
        if (sections_dirty_ || sections_width_ != ls.width || !(sections_settings_ == ls) ||
            comments_.needs_layout(stop, stop + view.y)) {
            build_sections(app, ls.width, stop, stop + view.y);
        }
        // Estimates above the reader's place were replaced by measured heights: the
        // view follows the row it showed, so nothing on screen jumps.
        scroll_shift = restore_ ? 0 : comments_.take_scroll_shift();
    }
    content_height_ = sections_top + sections_.height() + kBottomPad;

    // The scroll range: ImGui scrolls the window over a box of the content's height.
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::Dummy(ImVec2(view.x - ImGui::GetStyle().ScrollbarSize, content_height_));
    // This frame draws at `scroll_now`; ImGui takes it at the next frame.
    if (scroll_shift != 0) {
        scroll_now = std::max(0.0f, scroll_now + scroll_shift);
        ImGui::SetScrollY(scroll_now);
        shift_pending_ += scroll_shift;
        shift_expected_ = scroll_now;
        web_platform::request_frames(2);   // ImGui takes the new position in the next frame
    }
    if (restore_) {
        restore_ = false;
        ImGui::SetScrollY(restore_y_);
    }
    if (pending_scroll_) {
        // A search match or a linked comment: put it a third of the way down.
        pending_scroll_ = false;
        float y = list.y_for_text_offset(pending_off_, pending_block_);
        if (y >= 0) y += kTopPad;
        else if ((y = sections_.y_for_text_offset(pending_off_)) >= 0) y += sections_top;
        if (y >= 0) ImGui::SetScrollY(std::max(0.0f, y - view.y * 0.3f));
    }
    if (pending_list_y_ >= 0) {
        // A table-of-contents entry: the heading a little below the top edge.
        ImGui::SetScrollY(std::max(0.0f, pending_list_y_ + kTopPad - 12));
        pending_list_y_ = -1;
    }
    const float scroll = scroll_now;
    list_view_top_ = scroll - kTopPad;
    view_height_ = view.y;
    const ImVec2 win = ImGui::GetWindowPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin(win.x + margin_x, win.y + kTopPad - scroll);
    const ImVec2 sec_origin(win.x + margin_x, win.y + sections_top - scroll);

    // Hover: links in the article, actions in the sections.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    uint32_t hovered_link = L::kNone;
    const SectionAction* hovered_action = nullptr;
    const SectionAction* tooltip_action = nullptr;
    if (ImGui::IsWindowHovered() && mouse.x > -1e30f) {
        const float lx = mouse.x - origin.x, ly = mouse.y - origin.y;
        if (ly >= 0 && ly < article_h) {
            const L::Hit hit = list.hit_test(lx, ly, layout_->measurer());
            if (hit.link != L::kNone && hit.item != L::kNone) {
                const auto& it = list.items()[hit.item];
                if (lx >= it.x && lx <= it.x + it.w && ly >= it.y && ly <= it.y + it.h) hovered_link = hit.link;
            }
        }
        const float sy = mouse.y - sec_origin.y, sx = mouse.x - sec_origin.x;
        for (const auto& act : actions_) {
            if (!(sx >= act.x0 && sx <= act.x1 && sy >= act.y0 && sy < act.y1)) continue;
            if (act.kind == SectionAction::Tooltip) tooltip_action = &act;
            else hovered_action = &act;
        }
    }

    // Draw only what is visible.
    const float top = scroll - kTopPad, bottom = top + view.y;
    const auto [a0, a1] = list.visible(top, bottom);
    paint(dl, list, layout_->measurer(), origin, a0, a1, hovered_link, highlights);
    draw_images(app, dl, list, origin, a0, a1);   // textures over the reserved boxes
    if (!sel_in_sections_) paint_selection(dl, list, layout_->measurer(), selection_, origin, a0, a1, selection_rects_);
    const float stop = scroll - sections_top;
    const auto [s0, s1] = sections_.visible(stop, stop + view.y);
    paint(dl, sections_, *measurer_, sec_origin, s0, s1, L::kNone, highlights);
    if (sel_in_sections_) paint_selection(dl, sections_, *measurer_, selection_, sec_origin, s0, s1, selection_rects_);

    // Reading progress: a thin bar along the top edge.
    const float range = std::max(1.0f, content_height_ - view.y);
    const float progress = std::clamp(scroll / range, 0.0f, 1.0f);
    dl->AddRectFilled(win, ImVec2(win.x + view.x * progress, win.y + 3), theme::palette().accent);

    if (keyboard_tab_stops(app, list, origin, sec_origin)) return;   // another article opened
    handle_selection(app, list, origin, sec_origin, view.y, hovered_link);
    draw_context_menu(app);
    update_mirror(app);

    if (tooltip_action && !hovered_action) ImGui::SetTooltip("%s", tooltip_action->text.c_str());
    if (hovered_link != L::kNone || hovered_action) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        std::string target;
        if (hovered_link != L::kNone) target = std::string(b->str(b->links[hovered_link].href));
        else if (hovered_action->kind == SectionAction::OpenUrl) target = hovered_action->text;
        if (!target.empty()) ImGui::SetTooltip("%s", target.c_str());
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
            selection_.empty()) {   // a drag that selected text over a link does not follow it
            if (hovered_link != L::kNone) {
                app.follow_link(hovered_link);
            } else if (hovered_action->kind == SectionAction::OpenArticle) {
                app.open_article(hovered_action->article, true);
            } else if (hovered_action->kind == SectionAction::OpenUrl) {
                js::open_external(hovered_action->text);
            } else {
                const SectionAction act = *hovered_action;   // actions_ is rebuilt below
                if (comments_.act(app, act)) sections_dirty_ = true;
                web_platform::request_frames(2);
            }
        }
    }

    // Touch drags and flings (web_platform turns them into pixels); a fling stops at an end.
    if (const float touch_dy = web_platform::take_touch_scroll_y(); touch_dy != 0) {
        const float y = scroll + touch_dy;
        if (y <= 0 || y >= range) web_platform::stop_touch_scroll();
        ImGui::SetScrollY(std::clamp(y, 0.0f, range));
    }

    // Keyboard scrolling (the canvas has focus; no text field is active).
    if (!text_field::any_active()) {
        const float line_px = ls.body_px * ls.line_height;
        const float page = std::max(line_px, view.y - 2 * line_px);
        float target = scroll;
        const bool shift = ImGui::GetIO().KeyShift;
        // Shift+arrows extend the selection (handle_selection), they do not scroll.
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow) && !shift) target += 3 * line_px;
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow) && !shift) target -= 3 * line_px;
        const bool space = ImGui::IsKeyPressed(ImGuiKey_Space) && !keyboard_focus::key_taken(ImGuiKey_Space);
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || (space && !shift)) target += page;
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp) || (space && shift)) target -= page;
        if (ImGui::IsKeyPressed(ImGuiKey_Home)) target = 0;
        if (ImGui::IsKeyPressed(ImGuiKey_End)) target = content_height_;
        if (target != scroll) ImGui::SetScrollY(std::clamp(target, 0.0f, range));
    }
}

// The page's links and actions as Tab stops, in reading order: the article's links
// (the pieces of one link on consecutive lines are one stop), then the sections'
// actions (comment sorting, refresh, replies, other news, announcements). All of them,
// not only those in view: focus arriving at one scrolls it into view.
bool ArticleView::keyboard_tab_stops(App& app, const L::DisplayList& list, ImVec2 origin, ImVec2 sec_origin) {
    namespace kf = keyboard_focus;
    const Bundle& b = *app.bundle();
    uint32_t link = L::kNone;
    const auto& items = list.items();
    for (uint32_t i = 0; i < items.size();) {
        const L::Item& it = items[i];
        if (it.kind != L::ItemKind::Text || it.link == L::kNone || it.link >= b.links.size()) {
            ++i;
            continue;
        }
        ImVec2 lo(it.x, it.y), hi(it.x + it.w, it.y + it.h);
        uint32_t j = i + 1;
        for (; j < items.size() && items[j].kind == L::ItemKind::Text && items[j].link == it.link; ++j) {
            lo = ImVec2(std::min(lo.x, items[j].x), std::min(lo.y, items[j].y));
            hi = ImVec2(std::max(hi.x, items[j].x + items[j].w), std::max(hi.y, items[j].y + items[j].h));
        }
        ImGui::PushID(static_cast<int>(i));
        const ImGuiID id = ImGui::GetID("link");
        ImGui::PopID();
        const ImVec2 p0(origin.x + lo.x, origin.y + lo.y), p1(origin.x + hi.x, origin.y + hi.y);
        if (kf::item(kf::Group::Article, id, p0, p1, list.text(it), kf::Kind::Link).activated) link = it.link;
        i = j;
    }
    int action = -1;
    for (size_t k = 0; k < actions_.size(); ++k) {
        const SectionAction& act = actions_[k];
        if (act.kind == SectionAction::Tooltip) continue;
        ImGui::PushID(static_cast<int>(k));
        const ImGuiID id = ImGui::GetID("action");
        ImGui::PopID();
        const bool opens = act.kind == SectionAction::OpenArticle || act.kind == SectionAction::OpenUrl;
        const std::string_view label = act.kind == SectionAction::OpenArticle && act.article >= 0
            ? b.str(b.articles[static_cast<size_t>(act.article)].title) : std::string_view(act.text);
        if (kf::item(kf::Group::Article, id, ImVec2(sec_origin.x + act.x0 - 2, sec_origin.y + act.y0),
                     ImVec2(sec_origin.x + act.x1 + 2, sec_origin.y + act.y1), label, opens ? kf::Kind::Link : kf::Kind::Button).activated)
            action = static_cast<int>(k);
    }
    if (link != L::kNone) {
        const int before = app.ui().article;
        app.follow_link(link);
        return app.ui().article != before;
    }
    if (action < 0) return false;
    const SectionAction act = actions_[static_cast<size_t>(action)];   // actions_ is rebuilt by act()
    switch (act.kind) {
        case SectionAction::OpenArticle: app.open_article(act.article, true); return true;
        case SectionAction::OpenUrl: js::open_external(act.text); return false;
        default:
            if (comments_.act(app, act)) sections_dirty_ = true;
            web_platform::request_frames(2);
            return false;
    }
}

}  // namespace views

// ------------------------------------------------------------------ selection and copy
namespace views {

void ArticleView::handle_selection(App& app, const L::DisplayList& article, ImVec2 article_origin, ImVec2 sec_origin, float view_h,
                                   uint32_t hovered_link) {
    const ImGuiIO& io = ImGui::GetIO();
    const L::TextSelection before = selection_;
    const ImVec2 mouse = io.MousePos;
    const bool hovering = ImGui::IsWindowHovered() && mouse.x > -1e30f;
    // A press (or a long press) chooses the list the selection is in: the article's, or
    // the sections' below it (comments, other news, announcements).
    float hx = 0, hy = 0;
    const bool held = web_platform::take_long_press(&hx, &hy) && hovering;   // not through the library's drawer
    const bool press = hovering && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !(io.KeyShift && selection_.anchor.valid());
    if (press || held) {
        const float y = held ? hy : mouse.y;
        const int target = y - article_origin.y < article.height() + 8 ? 0 : y - sec_origin.y < sections_.height() + 8 ? 1 : -1;
        if (target >= 0 && (target == 1) != sel_in_sections_) {
            selection_.clear();
            sel_in_sections_ = target == 1;
        }
    }
    const L::DisplayList& list = sel_in_sections_ ? sections_ : article;
    const ImVec2 origin = sel_in_sections_ ? sec_origin : article_origin;
    const L::TextMeasurer& m = sel_in_sections_ ? *measurer_ : layout_->measurer();
    const float lx = mouse.x - origin.x, ly = mouse.y - origin.y;
    const bool over_article = hovering && ly >= -8 && ly < list.height() + 8;

    // ---- mouse: press sets the caret (Shift extends), drag extends, double click takes a word
    if (over_article && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const L::TextPos p = L::position_at(list, lx, ly, m);
        if (io.KeyShift && selection_.anchor.valid()) {
            selection_.focus = p;
        } else if (ImGui::GetMouseClickedCount(ImGuiMouseButton_Left) >= 2 && p.valid()) {
            const auto [b, e] = L::word_at(list, p);
            selection_.anchor = b;
            selection_.focus = e;
        } else {
            selection_.collapse(p);
            selecting_ = true;
        }
    } else if (selecting_ && !held_word_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        selection_.focus = L::position_at(list, lx, ly, m);
        // Dragging past the top or bottom edge scrolls, so a selection can be longer than the view.
        const float top = ImGui::GetWindowPos().y, edge = 24.0f;
        float dy = 0;
        if (mouse.y < top + edge) dy = -(top + edge - mouse.y) * 0.5f;
        else if (mouse.y > top + view_h - edge) dy = (mouse.y - (top + view_h - edge)) * 0.5f;
        if (dy != 0) {
            ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + dy, 0.0f, ImGui::GetScrollMaxY()));
            web_platform::request_frames(2);
        }
    }
    // ---- touch: a long press takes the word under the finger; moving the finger then
    // extends from that word (the drag above); lifting it offers Copy.
    if (held) {
        const float wx = hx - origin.x, wy = hy - origin.y;
        const L::TextPos p = wy >= 0 && wy < list.height() ? L::position_at(list, wx, wy, m) : L::TextPos{};
        if (p.valid()) {
            const auto [wb, we] = L::word_at(list, p);
            selection_.anchor = wb;
            selection_.focus = we;
            held_word_ = true;
            selecting_ = true;
        }
    }
    if (held_word_ && selecting_ && ImGui::IsMouseDown(ImGuiMouseButton_Left) && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 12)) {
        held_word_ = false;   // the finger moved on: the drag above extends from the word's start
    }
    if (selecting_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) selecting_ = false;
    if (web_platform::take_long_press_end() && !selection_.empty()) {
        held_word_ = false;
        context_link_ = L::kNone;
        ImGui::OpenPopup("article-context");
    }
    if (over_article && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        context_link_ = hovered_link;
        ImGui::OpenPopup("article-context");
    }

    // ---- keyboard (the canvas has focus, no text field is active)
    if (!text_field::any_active()) {
        const bool ctrl = io.KeyCtrl || io.KeySuper;
        if (ctrl && ImGui::IsKeyPressed(ImGuiKey_A, false)) {
            sel_in_sections_ = false;   // "all" is the article
            selection_.anchor = L::list_start(article);
            selection_.focus = L::list_end(article);
            return selection_settled(app, before);
        }
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) selection_.clear();
        if (io.KeyShift) {
            int dx = 0, dy = 0;
            if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) dx = -1;
            if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) dx = +1;
            if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) dy = -1;
            if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) dy = +1;
            if (dx || dy) {
                if (!selection_.focus.valid()) {
                    // No caret yet: start at the first line in view.
                    selection_.collapse(L::position_at(list, 0, std::max(0.0f, list_view_top_ + 1), m));
                }
                L::TextPos f = selection_.focus;
                if (dx) f = ctrl ? L::move_word(list, f, dx) : L::move_char(list, f, dx);
                if (dy) f = L::move_line(list, f, dy, m);
                selection_.focus = f;
                // Keep the moving end in view.
                if (f.valid()) {
                    const L::Item& it = list.items()[f.item];
                    const float scroll = ImGui::GetScrollY();
                    const float y = it.y + (origin.y - ImGui::GetWindowPos().y + scroll);
                    if (y < scroll + 8) ImGui::SetScrollY(std::max(0.0f, y - 8));
                    else if (y + it.h > scroll + view_h - 8) ImGui::SetScrollY(y + it.h - view_h + 8);
                }
            }
        }
    }

    selection_settled(app, before);
}

void ArticleView::selection_settled(App& app, const L::TextSelection& before) {
    if (selection_.anchor != before.anchor || selection_.focus != before.focus) {
        selection_dirty_ = true;
        web_platform::request_frames(2);
    }
    // The page learns the text when the selection settles (not on every drag frame).
    if (selection_dirty_ && !selecting_) selection_changed(app);
}

void ArticleView::selection_changed(App& app) {
    selection_dirty_ = false;
    if (!selected_list() || selection_.empty()) {
        js::set_selection("", "");
        return;
    }
    const L::CopiedText c = L::selected_text(*selected_list(), selection_, app.bundle());
    js::set_selection(c.plain, c.html);
}

std::string ArticleView::selected_text(const App& app) const {
    if (!selected_list() || selection_.empty()) return {};
    return L::selected_text(*selected_list(), selection_, app.bundle()).plain;
}

void ArticleView::draw_context_menu(App& app) {
    menu_.open = ImGui::BeginPopup("article-context");
    if (!menu_.open) return;
    const auto lang = app.lang();
    const Bundle* b = app.bundle();
    const bool copy = ImGui::MenuItem(reader::i18n::tr(lang, StringId::Copy).data(), "Ctrl+C", false, !selection_.empty() && selected_list());
    menu_.copy_min = ImGui::GetItemRectMin();
    menu_.copy_max = ImGui::GetItemRectMax();
    if (copy) {
        const L::CopiedText c = L::selected_text(*selected_list(), selection_, b);
        js::copy_to_clipboard(c.plain, c.html);
    }
    if (ImGui::MenuItem(reader::i18n::tr(lang, StringId::SelectAll).data(), "Ctrl+A") && list_) {
        sel_in_sections_ = false;
        selection_.anchor = L::list_start(*list_);
        selection_.focus = L::list_end(*list_);
        selection_changed(app);
    }
    if (context_link_ != L::kNone && b && context_link_ < b->links.size()) {
        const std::string href(b->str(b->links[context_link_].href));
        ImGui::Separator();
        if (ImGui::MenuItem(std::string(reader::i18n::tr(lang, StringId::CopyLink)).c_str())) js::copy_to_clipboard(href, "");
        if (ImGui::MenuItem(std::string(reader::i18n::tr(lang, StringId::OpenInNewTab)).c_str())) js::open_in_new_tab(href);
    }
    ImGui::EndPopup();
}

// ------------------------------------------------------------------ the accessible mirror
void ArticleView::update_mirror(App& app) {
    const Bundle& b = *app.bundle();
    const auto lang = app.lang();
    std::string key = std::to_string(article_) + "/" + std::string(reader::i18n::bcp47(lang)) +
                      (app.library().by_category() ? "/category" : "/date");
    if (key == mirror_key_) return;
    mirror_key_ = std::move(key);
    const auto& a = b.articles[static_cast<size_t>(article_)];

    std::string dateline;
    if (a.published_unix != 0) dateline = reader::datetime::format_dateline(lang, a.published_unix, a.published_offset_min);
    reader::HtmlOptions o;
    o.ui = lang;
    o.dateline = dateline;
    o.comments = true;
    o.related = false;         // the navigation below lists them, with the other news
    o.id_prefix = "m-";
    o.max_comments = kMirrorComments;
    std::string html;
    html.reserve(16384);
    // Landmarks in reading order: the article (main), the other news (nav), announcements (aside).
    html += "<main id=\"mirror-main\" tabindex=\"-1\">";
    reader::append_article_html(html, b, static_cast<uint32_t>(article_), o);
    html += "</main>";
    const std::string_view other = reader::i18n::tr(lang, StringId::OtherNews);
    html += "<nav aria-labelledby=\"mirror-other\"><h2 id=\"mirror-other\">";
    reader::append_html_escaped(html, other);
    html += "</h2><ul>";
    for (int i : other_articles(app)) {
        const auto& oa = b.articles[static_cast<size_t>(i)];
        html += "<li><a href=\"#article=";
        reader::append_url_escaped(html, b.str(oa.id));
        html += "\">";
        reader::append_html_escaped(html, b.str(oa.title));
        html += "</a></li>";
    }
    html += "</ul></nav>";
    // The library panel's article list, grouped as the panel shows it (date or category).
    html += "<nav aria-labelledby=\"mirror-library\"><h2 id=\"mirror-library\">";
    reader::append_html_escaped(html, reader::i18n::tr(lang, StringId::Articles));
    html += "</h2>";
    for (const auto& [label, list] : app.library().article_groups(app)) {
        if (!label.empty()) {
            html += "<h3>";
            reader::append_html_escaped(html, label);
            html += "</h3>";
        }
        html += "<ul>";
        for (int i : list) {
            const auto& la = b.articles[static_cast<size_t>(i)];
            html += "<li><a href=\"#article=";
            reader::append_url_escaped(html, b.str(la.id));
            html += i == article_ ? "\" aria-current=\"page\">" : "\">";
            reader::append_html_escaped(html, b.str(la.title));
            html += "</a></li>";
        }
        html += "</ul>";
    }
    html += "</nav>";
    reader::append_announcements_html(html, b, o);
    js::set_mirror(html);
}

}  // namespace views
