// See library_panel.h. Rows are drawn by hand (wrapped titles, a date line under
// them, the current one marked with an accent bar) because ImGui's Selectable does
// not wrap text.
#include "views/library_panel.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "app.h"
#include "fonts.h"
#include "i18n/strings.h"
#include "js_bridge.h"
#include "keyboard_focus.h"
#include "theme.h"
#include "time/date_format.h"
#include "views/toolbar.h"
#include "web_platform.h"

namespace views {
namespace {

using reader::i18n::StringId;
using json = nlohmann::json;

constexpr const char* kStorageKey = "reader.library";
constexpr float kPad = 14.0f;
constexpr float kDrawerSeconds = 0.18f;
constexpr size_t kMaxListed = 200;          // articles per list; a long bundle is searched, not scrolled

std::string tr(App& app, StringId id) { return std::string(reader::i18n::tr(app.lang(), id)); }

float text_height(ImFont* f, float px, std::string_view s, float width) {
    if (s.empty()) return 0;
    return f->CalcTextSizeA(px, FLT_MAX, width, s.data(), s.data() + s.size()).y;
}

std::string short_date(App& app, int64_t seconds, int32_t offset) {
    return seconds ? reader::datetime::format_short_date(app.lang(), seconds, offset) : std::string();
}

float ease_out(float t) { return 1 - (1 - t) * (1 - t) * (1 - t); }

}  // namespace

// ------------------------------------------------------------------ state
void LibraryPanel::init(App&) {
    // Closed until the reader opens it (the column stays centred, as in reader modes);
    // then remembered either way.
    side_open_ = js::storage_get(kStorageKey) == "open";
}

bool LibraryPanel::available(App& app) const {
    if (!app.bundle() || app.ui().article < 0) return false;
    return !app.ui().embed || app.ui().library_in_embed;
}

bool LibraryPanel::drawer_mode() const { return web_platform::viewport().css_width < kNarrowPx; }

float LibraryPanel::side_width(App& app) const {
    if (!available(app) || drawer_mode() || !side_open_) return 0;
    return std::floor(std::clamp(web_platform::viewport().css_width * 0.24f, 260.0f, 330.0f));
}

void LibraryPanel::set_side_open(App&, bool open) {
    side_open_ = open;
    js::storage_set(kStorageKey, open ? "open" : "closed");
    web_platform::request_frames(3);
}

void LibraryPanel::toggle(App& app) {
    if (drawer_mode()) drawer_open_ = !drawer_open_;
    else set_side_open(app, !side_open_);
    web_platform::request_frames(3);
}

void LibraryPanel::open_article(App& app, int index, bool in_drawer) {
    if (in_drawer) drawer_open_ = false;   // the reader wants to read it now
    if (index != app.ui().article) app.open_article(index, true);
    web_platform::request_frames(3);
}

void LibraryPanel::update_current_heading(App& app) {
    const ArticleView& view = app.article_view();
    const reader::layout::DisplayList* list = view.article_list();
    if (app.ui().article != toc_article_) {
        toc_article_ = app.ui().article;
        pinned_ = -1;
    }
    toc_ = list ? reader::layout::table_of_contents(*list) : std::vector<reader::layout::TocEntry>{};
    // A heading counts as reached when it is in the top quarter of the view.
    toc_current_ = reader::layout::toc_current(toc_, view.list_view_top(), view.view_height() * 0.25f);
    if (pinned_ >= 0) {
        // The clicked entry stays marked even when the end of the article keeps it from
        // reaching the top, until the reader scrolls on.
        if (pinned_ >= static_cast<int>(toc_.size())) {
            pinned_ = -1;
        } else if (pinned_frames_ > 0) {
            --pinned_frames_;
            pinned_top_ = view.list_view_top();
        } else if (std::abs(view.list_view_top() - pinned_top_) > 4) {
            pinned_ = -1;
        } else {
            toc_current_ = pinned_;
        }
        if (pinned_frames_ > 0) toc_current_ = pinned_;
    }
}

// ------------------------------------------------------------------ drawing helpers
void LibraryPanel::section_title(std::string_view text, float width) {
    const theme::Palette& pal = theme::palette();
    ImGui::Dummy(ImVec2(width, 10));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(fonts::ui_bold(), fonts::ui_px(), ImVec2(p.x + kPad, p.y), pal.accent, text.data(), text.data() + text.size());
    ImGui::Dummy(ImVec2(width, fonts::ui_px() + 6));
    const ImVec2 q = ImGui::GetCursorScreenPos();
    dl->AddLine(ImVec2(q.x + kPad, q.y - 3), ImVec2(q.x + width - kPad, q.y - 3), pal.rule);
}

bool LibraryPanel::row(const char* id, const std::string& kind, const std::string& key, std::string_view title,
                       std::string_view sub, float indent, float width, bool current, bool bold) {
    const theme::Palette& pal = theme::palette();
    ImFont* f = bold || current ? fonts::ui_bold() : fonts::ui();
    const float px = fonts::ui_px();
    const float text_x = kPad + indent;
    const float text_w = std::max(40.0f, width - text_x - kPad);
    const float title_h = text_height(f, px, title, text_w);
    const float sub_h = sub.empty() ? 0 : px * 0.9f * 1.25f;
    const float h = 6 + title_h + sub_h + 6;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, h));
    const bool pressed = keyboard_focus::last_item(keyboard_focus::Group::Library, title, keyboard_focus::Kind::Link).activated || clicked;
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 q(p.x + width, p.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (current) dl->AddRectFilled(p, q, (pal.accent & 0x00FFFFFF) | 0x1E000000);
    else if (hovered) dl->AddRectFilled(p, q, (pal.rule & 0x00FFFFFF) | 0x80000000);
    if (current) dl->AddRectFilled(ImVec2(p.x + indent + 4, p.y + 4), ImVec2(p.x + indent + 7, q.y - 4), pal.accent);
    dl->AddText(f, px, ImVec2(p.x + text_x, p.y + 6), current ? pal.accent : pal.text, title.data(), title.data() + title.size(), text_w);
    if (!sub.empty())
        dl->AddText(fonts::ui(), px * 0.9f, ImVec2(p.x + text_x, p.y + 6 + title_h + 1), pal.muted, sub.data(), sub.data() + sub.size());
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    // Only rows inside the panel's visible part are reported (tests click them).
    if (q.y > clip_min_.y && p.y < clip_max_.y) rows_.push_back({kind, key, p, q});
    return pressed;
}

// ------------------------------------------------------------------ sections
void LibraryPanel::draw_toc(App& app, float width, bool in_drawer) {
    if (toc_.empty()) return;
    section_title(reader::i18n::tr(app.lang(), StringId::Contents), width);
    for (size_t i = 0; i < toc_.size(); ++i) {
        const auto& e = toc_[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string key(e.text);
        if (row("toc", "toc", key, e.text, {}, 12.0f * e.depth, width, static_cast<int>(i) == toc_current_)) {
            app.article_view().scroll_to_list_y(e.y);
            pinned_ = static_cast<int>(i);
            pinned_frames_ = 3;
            if (in_drawer) drawer_open_ = false;
        }
        ImGui::PopID();
    }
}

void LibraryPanel::draw_other_news(App& app, float width, bool in_drawer) {
    const reader::Bundle& b = *app.bundle();
    const int cur = app.ui().article;
    const auto& a = b.articles[static_cast<size_t>(cur)];
    std::vector<int> order;
    for (const auto& r : a.related)
        if (r.article != UINT32_MAX && static_cast<int>(r.article) != cur &&
            std::find(order.begin(), order.end(), static_cast<int>(r.article)) == order.end())
            order.push_back(static_cast<int>(r.article));
    const size_t related = order.size();
    // Then the most recent others, so the list is never empty in a bundle of several.
    std::vector<int> recent;
    for (size_t i = 0; i < b.articles.size(); ++i)
        if (static_cast<int>(i) != cur && std::find(order.begin(), order.end(), static_cast<int>(i)) == order.end())
            recent.push_back(static_cast<int>(i));
    const size_t want = std::max<size_t>(related, 6);
    std::partial_sort(recent.begin(), recent.begin() + std::min(recent.size(), want - std::min(want, related)), recent.end(),
                      [&](int x, int z) { return b.articles[x].published_unix > b.articles[z].published_unix; });
    for (int i : recent) {
        if (order.size() >= want) break;
        order.push_back(i);
    }
    if (order.empty()) return;
    section_title(reader::i18n::tr(app.lang(), StringId::OtherNews), width);
    for (size_t k = 0; k < order.size(); ++k) {
        const auto& o = b.articles[static_cast<size_t>(order[k])];
        ImGui::PushID(order[k]);
        std::string sub = short_date(app, o.published_unix, o.published_offset_min);
        if (k < related) sub = tr(app, StringId::RelatedNews) + (sub.empty() ? "" : " · " + sub);
        if (row("other", "related", std::string(b.str(o.id)), b.str(o.title), sub, 0, width, false))
            open_article(app, order[k], in_drawer);
        ImGui::PopID();
    }
}

std::vector<LibraryPanel::Group> LibraryPanel::article_groups(App& app) const {
    const reader::Bundle& b = *app.bundle();
    std::vector<int> all(b.articles.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    std::stable_sort(all.begin(), all.end(), [&](int x, int z) { return b.articles[x].published_unix > b.articles[z].published_unix; });
    if (all.size() > kMaxListed) all.resize(kMaxListed);

    // Groups in order: a date (newest first) or a category (by name, the uncategorized last).
    std::vector<Group> groups;
    if (by_category_) {
        std::map<std::string, std::vector<int>> by;
        std::vector<int> none;
        for (int i : all) {
            const std::string_view c = b.str(b.articles[static_cast<size_t>(i)].category);
            if (c.empty()) none.push_back(i);
            else by[std::string(c)].push_back(i);
        }
        for (auto& [name, list] : by) groups.emplace_back(name, std::move(list));
        if (!none.empty()) groups.emplace_back(tr(app, StringId::Uncategorized), std::move(none));
    } else {
        for (int i : all) {
            const auto& o = b.articles[static_cast<size_t>(i)];
            std::string d = short_date(app, o.published_unix, o.published_offset_min);
            if (groups.empty() || groups.back().first != d) groups.emplace_back(d, std::vector<int>{});
            groups.back().second.push_back(i);
        }
    }
    return groups;
}

void LibraryPanel::draw_articles(App& app, float width, bool in_drawer) {
    const reader::Bundle& b = *app.bundle();
    section_title(reader::i18n::tr(app.lang(), StringId::Articles), width);
    // By date / by category: two small tabs.
    {
        const theme::Palette& pal = theme::palette();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + kPad);
        const StringId ids[] = {StringId::ByDate, StringId::ByCategory};
        for (int k = 0; k < 2; ++k) {
            const std::string label = tr(app, ids[k]);
            const bool on = (k == 1) == by_category_;
            ImGui::PushStyleColor(ImGuiCol_Button, on ? pal.accent : pal.panel);
            ImGui::PushStyleColor(ImGuiCol_Text, on ? pal.background : pal.text);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const bool clicked = ImGui::Button(label.c_str());
            if (keyboard_focus::last_item(keyboard_focus::Group::Library, label + (on ? " ✓" : "")).activated || clicked) {
                by_category_ = k == 1;
                web_platform::request_frames(2);
            }
            rows_.push_back({"order", k ? "category" : "date", p, ImGui::GetItemRectMax()});
            ImGui::PopStyleColor(2);
            if (k == 0) ImGui::SameLine(0, 6);
        }
        ImGui::Dummy(ImVec2(width, 4));
    }
    const auto groups = article_groups(app);
    const theme::Palette& pal = theme::palette();
    for (size_t g = 0; g < groups.size(); ++g) {
        const auto& [label, list] = groups[g];
        if (!label.empty()) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddText(fonts::ui_bold(), fonts::ui_px() * 0.9f, ImVec2(p.x + kPad, p.y + 6), pal.muted,
                                                label.c_str());
            ImGui::Dummy(ImVec2(width, fonts::ui_px() + 8));
        }
        for (int i : list) {
            const auto& o = b.articles[static_cast<size_t>(i)];
            ImGui::PushID(static_cast<int>(g * 100000 + static_cast<size_t>(i)));
            std::string sub;
            if (by_category_) sub = short_date(app, o.published_unix, o.published_offset_min);
            else sub = std::string(b.str(o.category));
            const bool current = i == app.ui().article;
            if (current) sub = tr(app, StringId::CurrentArticle) + (sub.empty() ? "" : " · " + sub);
            if (row("art", "article", std::string(b.str(o.id)), b.str(o.title), sub, 0, width, current))
                open_article(app, i, in_drawer);
            ImGui::PopID();
        }
    }
    if (b.articles.size() > kMaxListed) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + kPad);
        ImGui::TextDisabled("+%zu", b.articles.size() - kMaxListed);
    }
}

void LibraryPanel::draw_announcements(App& app, float width) {
    const reader::Bundle& b = *app.bundle();
    if (b.announcements.empty()) return;
    section_title(reader::i18n::tr(app.lang(), StringId::Announcements), width);
    for (size_t k = 0; k < b.announcements.size(); ++k) {
        const auto& an = b.announcements[k];
        ImGui::PushID(static_cast<int>(k));
        std::string sub = short_date(app, an.published_unix, 420);
        if (!an.text.empty()) {
            std::string text(b.str(an.text));
            if (text.size() > 160) {
                size_t cut = 160;
                while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;   // not inside a character
                text = text.substr(0, cut) + "…";
            }
            sub = sub.empty() ? text : sub + " · " + text;
        }
        // Announcements are short: the text shows wrapped under the title.
        const float text_w = std::max(40.0f, width - 2 * kPad);
        const std::string title(b.str(an.title));
        if (row("ann", "announcement", std::string(b.str(an.id)), title, {}, 0, width, false, !an.url.empty())) {
            if (!an.url.empty()) js::open_external(b.str(an.url));
        }
        if (!sub.empty()) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float px = fonts::ui_px() * 0.9f;
            const float h = text_height(fonts::ui(), px, sub, text_w);
            ImGui::GetWindowDrawList()->AddText(fonts::ui(), px, ImVec2(p.x + kPad, p.y - 4), theme::palette().muted, sub.data(),
                                                sub.data() + sub.size(), text_w);
            ImGui::Dummy(ImVec2(width, h + 6));
        }
        ImGui::PopID();
    }
}

void LibraryPanel::draw_contents(App& app, float width, bool in_drawer) {
    const theme::Palette& pal = theme::palette();
    rows_.clear();
    clip_min_ = ImGui::GetWindowPos();
    clip_max_ = ImVec2(clip_min_.x + ImGui::GetWindowWidth(), clip_min_.y + ImGui::GetWindowHeight());
    // Header: the panel's name and a close button.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string title = tr(app, StringId::Library);
    dl->AddText(fonts::ui_bold(), fonts::ui_px() * 1.1f, ImVec2(p.x + kPad, p.y + 14), pal.text, title.c_str());
    const float s = 32;
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - s - 8, p.y + 8));
    const ImVec2 c0 = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("close", ImVec2(s, s));
    const keyboard_focus::Result key =
        keyboard_focus::last_item(keyboard_focus::Group::Library, tr(app, in_drawer ? StringId::Close : StringId::HideLibrary));
    const bool close = clicked || key.activated;
    const bool hovered = ImGui::IsItemHovered();
    if (hovered || key.focused) dl->AddRectFilled(c0, ImVec2(c0.x + s, c0.y + s), pal.rule, 6);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", tr(app, in_drawer ? StringId::Close : StringId::HideLibrary).c_str());
    }
    const ImVec2 cc(c0.x + s * 0.5f, c0.y + s * 0.5f);
    dl->AddLine(ImVec2(cc.x - 6, cc.y - 6), ImVec2(cc.x + 6, cc.y + 6), pal.text, 2);
    dl->AddLine(ImVec2(cc.x - 6, cc.y + 6), ImVec2(cc.x + 6, cc.y - 6), pal.text, 2);
    rows_.push_back({"close", "", c0, ImVec2(c0.x + s, c0.y + s)});
    if (close) {
        if (in_drawer) drawer_open_ = false;
        else set_side_open(app, false);
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 48));

    draw_toc(app, width, in_drawer);
    draw_other_news(app, width, in_drawer);
    draw_articles(app, width, in_drawer);
    draw_announcements(app, width);
    ImGui::Dummy(ImVec2(width, 24));
}

// ------------------------------------------------------------------ the panel
void LibraryPanel::draw(App& app, float top) {
    const double t0 = js::now_ms();
    draw_panel(app, top);
    draw_ms_max_ = std::max(draw_ms_max_, static_cast<float>(js::now_ms() - t0));
}

void LibraryPanel::draw_panel(App& app, float top) {
    if (!available(app)) {
        rows_.clear();
        panel_w_ = 0;
        return;
    }
    update_current_heading(app);
    const theme::Palette& pal = theme::palette();
    const auto& vp = web_platform::viewport();
    const ImGuiWindowFlags panel_flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar;

    // The embedded reader has no toolbar: a small button opens the panel.
    if (app.ui().embed && !is_open(app)) {
        // Its own small window: above the article, which would otherwise take the clicks.
        const float s = 36;
        ImGui::SetNextWindowPos(ImVec2(8, top + 8));
        ImGui::SetNextWindowSize(ImVec2(s, s));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
        ImGui::Begin("##library-button", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
        ImGui::PopStyleVar(2);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const bool clicked = ImGui::InvisibleButton("library-open", ImVec2(s, s));
        if (keyboard_focus::last_item(keyboard_focus::Group::Toolbar, tr(app, StringId::OpenLibrary)).activated || clicked) toggle(app);
        const bool hovered = ImGui::IsItemHovered();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + s, p.y + s), hovered ? pal.rule : pal.panel, 8);
        dl->AddRect(p, ImVec2(p.x + s, p.y + s), pal.rule, 8);
        for (int k = 0; k < 3; ++k)
            dl->AddLine(ImVec2(p.x + 10, p.y + 12 + 6 * k), ImVec2(p.x + s - 10, p.y + 12 + 6 * k), pal.text, 2);
        note_toggle_rect(p, ImVec2(p.x + s, p.y + s));
        if (hovered) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s", tr(app, StringId::OpenLibrary).c_str());
        }
        ImGui::End();
    }

    if (!drawer_mode()) {
        drawer_open_ = false;
        drawer_t_ = 0;
        const float w = side_width(app);
        panel_x_ = 0;
        panel_w_ = w;
        if (w <= 0) {
            rows_.clear();
            return;
        }
        ImGui::SetCursorPos(ImVec2(0, top));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, pal.panel);
        ImGui::BeginChild("library", ImVec2(w, vp.css_height - top), false, panel_flags);
        if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) {
            // A finger dragging over the panel scrolls the panel, not the article.
            if (const float dy = web_platform::take_touch_scroll_y(); dy != 0)
                ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + dy, 0.0f, ImGui::GetScrollMaxY()));
        }
        draw_contents(app, w, false);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        const ImVec2 o = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(o.x + w - 0.5f, o.y + top), ImVec2(o.x + w - 0.5f, o.y + vp.css_height), pal.rule);
        return;
    }

    // ---- the drawer
    const float dt = ImGui::GetIO().DeltaTime;
    const float target = drawer_open_ ? 1.0f : 0.0f;
    if (drawer_t_ != target) {
        const float step = dt > 0 ? std::min(0.1f, dt) / kDrawerSeconds : 1.0f;
        drawer_t_ = drawer_open_ ? std::min(1.0f, drawer_t_ + step) : std::max(0.0f, drawer_t_ - step);
        web_platform::request_frames(2);   // frames only while it moves
    }
    if (drawer_t_ <= 0) {
        rows_.clear();
        panel_w_ = 0;
        return;
    }
    if (drawer_open_ && ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        drawer_open_ = false;
        web_platform::request_frames(3);
    }
    const float e = ease_out(drawer_t_);
    const float w = std::floor(std::min(340.0f, vp.css_width * 0.86f));
    const float x = -w * (1 - e);
    panel_x_ = x;
    panel_w_ = w;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(vp.css_width, vp.css_height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
    ImGui::Begin("##library-drawer", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                 ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::SetWindowFocus();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The scrim: the article dimmed behind; a tap on it closes the drawer.
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.css_width, vp.css_height), IM_COL32(0, 0, 0, static_cast<int>(110 * e)));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (drawer_open_ && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        mouse.x > x + w && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        drawer_open_ = false;
        web_platform::request_frames(3);
    }
    ImGui::SetCursorPos(ImVec2(x, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, pal.panel);
    ImGui::BeginChild("drawer-panel", ImVec2(w, vp.css_height), false, panel_flags);
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows)) {
        if (const float dy = web_platform::take_touch_scroll_y(); dy != 0)
            ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + dy, 0.0f, ImGui::GetScrollMaxY()));
    } else {
        web_platform::take_touch_scroll_y();   // the article under the scrim does not move
    }
    draw_contents(app, w, true);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    // A shadow along the drawer's edge.
    for (int k = 0; k < 6; ++k)
        dl->AddRectFilled(ImVec2(x + w + k, 0), ImVec2(x + w + k + 1, vp.css_height), IM_COL32(0, 0, 0, static_cast<int>((40 - 6 * k) * e)));
    ImGui::End();
}

// ------------------------------------------------------------------ stats
json LibraryPanel::stats(App& app) {
    json rows = json::array();
    for (const auto& r : rows_)
        rows.push_back({{"kind", r.kind}, {"key", r.key}, {"box", {r.min.x, r.min.y, r.max.x - r.min.x, r.max.y - r.min.y}}});
    json toc = json::array();
    for (const auto& e : toc_) toc.push_back({{"text", std::string(e.text)}, {"y", e.y}, {"depth", e.depth}});
    const float draw_ms = draw_ms_max_;
    draw_ms_max_ = 0;
    return {{"available", available(app)},
            {"drawMsMax", draw_ms},
            {"mode", drawer_mode() ? "drawer" : "side"},
            {"open", is_open(app)},
            {"sideOpen", side_open_},
            {"x", panel_x_},
            {"width", panel_w_},
            {"toggle", {toggle_min_.x, toggle_min_.y, toggle_max_.x - toggle_min_.x, toggle_max_.y - toggle_min_.y}},
            {"byCategory", by_category_},
            {"toc", toc},
            {"tocCurrent", toc_current_},
            {"rows", rows}};
}

}  // namespace views
