// See comments_section.h.
#include "views/comments_section.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "app.h"
#include "i18n/number_format.h"
#include "i18n/strings.h"
#include "js_bridge.h"
#include "layout/typography.h"
#include "time/date_format.h"
#include "web_platform.h"

namespace views {

namespace L = reader::layout;
using reader::i18n::StringId;
using reader::comments::CommentSort;
using reader::comments::RowKind;

namespace {

constexpr float kIndentPx = 24.0f;
// Rows whose heights add up to less than this many view heights are all laid out.
constexpr float kLayOutAllScreens = 8.0f;
// The page's sections start this far above the end of the content (ArticleView's
// bottom padding); stats() turns section coordinates into page coordinates with it.
constexpr float kViewBottomPad = 64.0f;

// "2022-12-07T10:15:00+07:00" → 420; "…Z" → 0; anything else → GMT+7 (the portals' zone).
int32_t offset_minutes(std::string_view iso) {
    if (!iso.empty() && (iso.back() == 'Z' || iso.back() == 'z')) return 0;
    if (iso.size() >= 6) {
        const std::string_view t = iso.substr(iso.size() - 6);
        const bool digits = t[1] >= '0' && t[1] <= '9' && t[2] >= '0' && t[2] <= '9' && t[3] == ':' &&
                            t[4] >= '0' && t[4] <= '9' && t[5] >= '0' && t[5] <= '9';
        if (digits && (t[0] == '+' || t[0] == '-')) {
            const int32_t m = ((t[1] - '0') * 10 + (t[2] - '0')) * 60 + (t[4] - '0') * 10 + (t[5] - '0');
            return t[0] == '-' ? -m : m;
        }
    }
    return 7 * 60;
}

// The beginning of a long comment: cut at a space (or any UTF-8 boundary) before `limit`.
std::string_view head_of(std::string_view text, size_t limit) {
    if (text.size() <= limit) return text;
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;   // not inside a character
    const size_t space = text.find_last_of(" \n", cut);
    if (space != std::string_view::npos && space > limit * 3 / 4) cut = space;
    return text.substr(0, cut);
}

std::string_view show_full_text(reader::i18n::Lang lang) { return reader::i18n::tr(lang, StringId::ShowWholeComment); }

const char* sort_name(CommentSort s) {
    switch (s) {
        case CommentSort::Newest: return "newest";
        case CommentSort::Oldest: return "oldest";
        case CommentSort::MostLiked: return "liked";
    }
    return "";
}

bool browser_online() { return EM_ASM_INT({ return navigator.onLine === false ? 0 : 1; }) != 0; }

}  // namespace

void CommentsSection::reset() {
    article_ = -1;
    order_.reset();
    state_.reset();
    rows_.clear();
    refreshed_.reset();
    status_ = Status::Idle;
    status_text_.clear();
    shown_status_ = Status::Idle;
    shown_status_text_.clear();
    row_cache_.clear();
    highlighted_ = UINT32_MAX;
    full_text_.clear();
    rows_dirty_ = true;
    measured_.clear();
    focus_comment_ = UINT32_MAX;
    scroll_shift_ = 0;
    laid_first_ = laid_last_ = 0;
    laid_y0_ = laid_y1_ = 0;
}

const reader::Bundle* CommentsSection::source(const App& app) const {
    return refreshed_ ? refreshed_.get() : app.bundle();
}

void CommentsSection::ensure_order(App& app, int article) {
    if (article != article_) reset();
    article_ = article;
    if (order_ && order_->sort() == sort_) return;
    const reader::Bundle& b = *source(app);
    const reader::Article& a = refreshed_ ? b.articles[0] : b.articles[static_cast<size_t>(article)];
    reader::comments::ThreadsView view{b.comments, b.comment_children, a.comments};
    const double t0 = js::now_ms();
    order_ = std::make_unique<reader::comments::CommentOrder>(view, sort_);
    order_ms_ = js::now_ms() - t0;
    rows_dirty_ = true;
}

bool CommentsSection::reveal(uint32_t comment) {
    // Applied at the next layout: a deep link arrives before the article's comments
    // are ordered (or while the previous article's still are).
    pending_reveal_ = comment;
    return true;
}

void CommentsSection::apply_pending_reveal() {
    const uint32_t comment = pending_reveal_;
    pending_reveal_ = UINT32_MAX;
    if (!order_ || !reader::comments::reveal_comment(*order_, options_, comment, state_)) return;
    highlighted_ = comment;
    full_text_.insert(comment);   // a search hit may be anywhere in its text
    measured_.erase(static_cast<uint64_t>(comment) << 2);   // its height changes with the whole text
    rows_dirty_ = true;
    focus_comment_ = comment;     // laid out first, wherever it is in the list
}

// Row identity for the height cache: the comment and the kind of row.
static uint64_t row_key(const reader::comments::CommentRow& r) {
    return (static_cast<uint64_t>(r.comment) << 2) | static_cast<uint64_t>(r.kind);
}

reader::comments::RowShape CommentsSection::shape_of(const reader::Bundle& b, const reader::comments::CommentRow& row) const {
    reader::comments::RowShape s;
    const reader::Comment& c = b.comments[row.comment];
    s.indent = row.indent;
    s.replying_to = row.replying_to != UINT32_MAX;
    s.toggle = order_->shown_replies(row.comment) > 0;
    if (!c.deleted) {
        s.text = b.str(c.text);
        if (s.text.size() > kLongCommentBytes && !full_text_.count(row.comment)) {
            s.text = head_of(s.text, kLongCommentBytes);
            s.extra_link = true;
        }
    }
    return s;
}

// Rows rebuilt (a sort, a thread opened, a page loaded): each row gets the height it
// had when last laid out, or an estimate.
void CommentsSection::update_heights(const reader::Bundle& b, const reader::comments::RowMetrics& metrics) {
    const double t0 = js::now_ms();
    reader::comments::build_rows(*order_, options_, state_, rows_);
    std::vector<float> h(rows_.size());
    std::vector<uint8_t> known(rows_.size(), 0);
    for (size_t i = 0; i < rows_.size(); ++i) {
        const auto& r = rows_[i];
        if (const auto it = measured_.find(row_key(r)); it != measured_.end()) {
            h[i] = it->second;
            known[i] = 1;
        } else if (r.kind == RowKind::Comment) {
            h[i] = std::round(reader::comments::estimate_comment_height(metrics, shape_of(b, r)));
        } else {
            h[i] = std::round(reader::comments::estimate_link_row_height(metrics));
        }
    }
    heights_.assign(std::move(h), std::move(known));
    rows_dirty_ = false;
    ++rows_generation_;   // what rows show may have changed: the row cache is stale
    rows_ms_ = js::now_ms() - t0;
}

bool CommentsSection::needs_layout(float view_top, float view_bottom) const {
    if (rows_dirty_) return true;
    if (rows_.empty()) return false;
    const float rows_end = rows_top_ + heights_.total();
    const float margin = (view_bottom - view_top) * 0.5f;
    const float need0 = std::max(rows_top_, view_top - margin);
    const float need1 = std::min(rows_end, view_bottom + margin);
    if (need1 <= need0) return false;   // no rows near the view
    return laid_y0_ > need0 + 0.5f || laid_y1_ < need1 - 0.5f;
}

float CommentsSection::layout(App& app, int article, L::DisplayList& out, L::LineBreaker& breaker,
                              const L::LayoutSettings& ls, float width, float y, float view_top, float view_bottom,
                              std::vector<SectionAction>& actions) {
    const double t0 = js::now_ms();
    ensure_order(app, article);
    if (pending_reveal_ != UINT32_MAX) apply_pending_reveal();
    list_ = &out;
    top_ = y;
    width_ = width;
    boxes_.clear();
    const size_t first_action = actions.size();
    const auto lang = app.lang();
    const reader::Bundle& main = *app.bundle();
    const reader::Article& a = main.articles[static_cast<size_t>(article)];
    const reader::Bundle& b = *source(app);
    const L::TextMeasurer& m = breaker.measurer();

    auto text = [&](std::string_view s, L::TextRole role, float x, uint16_t style = 0) {
        y = L::layout_text(out, breaker, s, L::text_style(role, style, ls), x, y, width - x);
    };
    auto rect = [&](float x, float y0, float w, L::Ink ink) {
        L::Item r;
        r.kind = L::ItemKind::Rect;
        r.ink = ink;
        r.x = x;
        r.y = y0;
        r.w = w;
        r.h = 0;   // set once what it stands behind is laid out
        return out.add(r);
    };
    // A row of small links ("Mới nhất · Cũ nhất · ..."): each its own action; it wraps
    // on narrow screens instead of running off the edge.
    auto link_row = [&](const std::vector<std::pair<std::string, SectionAction>>& links, std::string_view label) {
        const L::TextStyle meta = L::text_style(L::TextRole::Meta, 0, ls);
        float x = 0;
        float y0 = y;
        float y1 = y;
        if (!label.empty()) {
            y1 = L::layout_text(out, breaker, label, meta, x, y0, width);
            x += m.width(meta.face, meta.size, label) + 8;
        }
        for (const auto& [s, act] : links) {
            const bool selected = act.kind == SectionAction::Sort && act.sort == static_cast<int>(sort_);
            const bool inert = act.kind == SectionAction::Refresh && status_ == Status::Loading;
            const uint16_t style = selected ? reader::kStyleStrong : inert ? 0 : reader::kStyleLink;
            const L::TextStyle st = L::text_style(L::TextRole::Meta, style, ls);
            const float w = m.width(st.face, st.size, s);
            if (x > 0 && x + w > width) {   // next line
                x = 0;
                y0 = y1 + 4;
            }
            y1 = std::max(y1, L::layout_text(out, breaker, s, st, x, y0, w + 4));
            SectionAction ac = act;
            ac.x0 = x; ac.x1 = x + w; ac.y0 = y0; ac.y1 = y0 + st.line;
            ac.text = s;
            if (!selected && !inert) actions.push_back(ac);
            x += w + 16;
        }
        y = y1;
    };

    // Totals: the declared total when more exist than are held.
    const int64_t held = refreshed_ ? b.articles[0].comment_total : a.comment_total;
    const int64_t total = std::max<int64_t>(a.comment_count, held);
    text(reader::i18n::trf(lang, StringId::TotalCommentsValue, {{"n", reader::i18n::format_number(lang, total)}}), L::TextRole::Meta, 0);
    const int64_t shown = order_->shown_total();
    if (shown > 0 && shown < total) {
        text(reader::i18n::fill(reader::i18n::tr_count(lang, StringId::ShowingCommentsOf, total),
                                {{"shown", reader::i18n::format_number(lang, shown)}}),
             L::TextRole::Meta, 0);
    }
    std::vector<std::pair<std::string, SectionAction>> controls;
    auto sort_link = [&](StringId id, CommentSort s) {
        SectionAction act{SectionAction::Sort, 0, 0, 0, 0};
        act.sort = static_cast<int>(s);
        controls.push_back({std::string(reader::i18n::tr(lang, id)), act});
    };
    sort_link(StringId::SortNewest, CommentSort::Newest);
    sort_link(StringId::SortOldest, CommentSort::Oldest);
    sort_link(StringId::SortMostLiked, CommentSort::MostLiked);
    if (!a.comments_url.empty()) {
        SectionAction act{SectionAction::Refresh, 0, 0, 0, 0};
        controls.push_back({std::string(reader::i18n::tr(lang, StringId::Refresh)), act});
    }
    y += 4;
    link_row(controls, std::string(reader::i18n::tr(lang, StringId::SortBy)) + ":");
    shown_status_ = status_;
    shown_status_text_ = status_text_;
    shown_sort_ = sort_;
    switch (status_) {
        case Status::Loading: text(reader::i18n::tr(lang, StringId::CommentsLoading), L::TextRole::Meta, 0); break;
        case Status::Updated: text(reader::i18n::tr(lang, StringId::CommentsRefreshed), L::TextRole::Meta, 0); break;
        case Status::Offline: text(reader::i18n::tr(lang, StringId::CommentsOffline), L::TextRole::Meta, 0, reader::kStyleStrong); break;
        case Status::Error: text(reader::i18n::trf(lang, StringId::CommentsError, {{"reason", status_text_}}), L::TextRole::Meta, 0, reader::kStyleStrong); break;
        case Status::Idle: break;
    }
    y += 10;

    // The heights' measures: what estimates depend on. Another type size or width
    // makes every height stale.
    reader::comments::RowMetrics metrics;
    {
        const L::TextStyle body = L::text_style(L::TextRole::Comment, 0, ls);
        const L::TextStyle meta_style = L::text_style(L::TextRole::Meta, 0, ls);
        // A typical Vietnamese comment line, for the average advance of a character.
        static constexpr std::string_view kSample = "Người dân rất mong các cơ quan sớm giải quyết việc này cho bà con.";
        size_t chars = 0;
        for (const char ch : kSample) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
        metrics.text_line = body.line;
        metrics.meta_line = meta_style.line;
        metrics.char_width = m.width(body.face, body.size, kSample) / static_cast<float>(chars);
        metrics.width = width;
        metrics.indent_px = kIndentPx;
    }
    if (metrics.text_line != metrics_.text_line || metrics.meta_line != metrics_.meta_line ||
        metrics.char_width != metrics_.char_width || metrics.width != metrics_.width) {
        metrics_ = metrics;
        measured_.clear();
        rows_dirty_ = true;
    }
    if (rows_dirty_) update_heights(b, metrics_);
    if (rows_.empty()) text(reader::i18n::tr(lang, StringId::CommentsEmpty), L::TextRole::Comment, 0);

    // The window: the rows from a view height above the view to one below it, or
    // around the linked comment. Rows above the window keep their heights, so only
    // the rows inside it move when their estimates are corrected; the row at the top
    // of the view is noted, and how far it moved is handed back as a scroll shift.
    rows_top_ = y;
    const float view_h = std::max(200.0f, view_bottom - view_top);
    float w0 = view_top - y - view_h, w1 = view_bottom - y + view_h;
    size_t anchor = SIZE_MAX;
    float anchor_top = 0;
    if (focus_comment_ != UINT32_MAX) {
        const size_t r = reader::comments::find_row(rows_, focus_comment_);
        focus_comment_ = UINT32_MAX;
        if (r != SIZE_MAX) {
            w0 = heights_.top(r) - view_h;
            w1 = heights_.top(r) + 2 * view_h;
        }
    } else if (view_top > y && view_top - y < heights_.total()) {
        anchor = heights_.row_at(view_top - y);
        anchor_top = heights_.top(anchor);
    }
    if (heights_.total() <= kLayOutAllScreens * view_h) {
        // A short list is laid out whole: no re-layout while scrolling through it.
        w0 = -1.0f;
        w1 = heights_.total() + 1.0f;
    }
    const auto [first, last] = heights_.rows_in(w0, w1);
    laid_first_ = first;
    laid_last_ = last;
    y = rows_top_ + heights_.top(first);
    laid_y0_ = first == 0 ? rows_top_ : y;
    const int64_t now = js::unix_now();
    laid_out_comments_ = 0;
    reused_rows_ = 0;
    const CacheKey key{rows_generation_, ls, static_cast<int>(lang), now / 60, highlighted_};
    if (!(key == row_cache_key_)) {
        row_cache_.clear();
        row_cache_key_ = key;
    }
    std::unordered_map<uint64_t, CachedRow> kept;   // becomes the cache: the rows of this window
    for (size_t ri = first; ri < last; ++ri) {
        const auto& row = rows_[ri];
        const float x = static_cast<float>(row.indent) * kIndentPx;
        const float row_top = y;
        if (row.kind == RowKind::Comment) {
            if (auto it = row_cache_.find(row_key(row)); it != row_cache_.end()) {
                const CachedRow& cached = it->second;
                cached.items.paste(out, row_top);
                for (SectionAction act : cached.actions) {
                    act.y0 += row_top;
                    act.y1 += row_top;
                    actions.push_back(std::move(act));
                }
                y = row_top + cached.height;
                heights_.set_measured(ri, cached.height);
                ++laid_out_comments_;
                ++reused_rows_;
                kept.emplace(it->first, std::move(it->second));
                continue;
            }
        }
        const uint32_t first_item = static_cast<uint32_t>(out.items().size());
        const size_t first_row_action = actions.size();
        // Replies: a thin line down their left side, as Remark42 and Giscus draw threads.
        const uint32_t thread_line = row.indent > 0 ? rect(x - kIndentPx * 0.5f - 1, row_top - 6, 2, L::Ink::Rule) : L::kNone;
        if (row.kind == RowKind::LoadMore || row.kind == RowKind::MoreReplies) {
            SectionAction act{row.kind == RowKind::LoadMore ? SectionAction::LoadMore : SectionAction::MoreReplies, 0, 0, 0, 0};
            act.comment = row.comment;
            const std::string s = reader::i18n::tr_count(lang, row.kind == RowKind::LoadMore ? StringId::LoadMoreComments : StringId::ShowMoreReplies, row.count);
            text(s, L::TextRole::Meta, x, reader::kStyleLink);
            act.x0 = x; act.x1 = x + m.width(L::text_style(L::TextRole::Meta, reader::kStyleLink, ls).face,
                                            L::text_style(L::TextRole::Meta, reader::kStyleLink, ls).size, s) + 4;
            act.y0 = row_top; act.y1 = y;
            act.text = s;
            actions.push_back(act);
            y = row_top + std::ceil(y - row_top + 8);   // whole pixels: see below
            if (thread_line != L::kNone) out.item(thread_line).h = y - row_top + 6;
            heights_.set_measured(ri, y - row_top);
            measured_[row_key(row)] = y - row_top;
            continue;
        }
        ++laid_out_comments_;
        // The linked comment: a tinted box with a bar on its left, like Disqus's
        // highlighted comment, until another article is opened.
        const bool highlighted = row.comment == highlighted_;
        const uint32_t box = highlighted ? rect(x - 8, row_top - 6, width - x + 8, L::Ink::TagBackground) : L::kNone;
        const uint32_t bar = highlighted ? rect(x - 8, row_top - 6, 3, L::Ink::Accent) : L::kNone;
        const reader::Comment& c = b.comments[row.comment];
        std::string meta(b.str(c.author));
        if (meta.empty()) meta = "—";
        if (c.published_unix) meta += " · " + reader::datetime::format_relative(lang, c.published_unix, now);
        if (c.likes > 0) meta += " · " + reader::i18n::tr_count(lang, StringId::LikeCount, c.likes);
        if (c.edited) meta += " · " + std::string(reader::i18n::tr(lang, StringId::Edited));
        const float y0 = y;
        text(meta, L::TextRole::CommentMeta, x);
        if (c.published_unix) {
            // The absolute time on hover.
            SectionAction tip{SectionAction::Tooltip, x, y0, width, y};
            tip.comment = row.comment;
            tip.text = reader::datetime::format_full(lang, c.published_unix, offset_minutes(b.str(c.published)));
            actions.push_back(tip);
        }
        if (row.replying_to != UINT32_MAX) {
            std::string_view to = b.str(b.comments[row.replying_to].author);
            if (to.empty()) to = "—";
            text(reader::i18n::trf(lang, StringId::ReplyingTo, {{"name", to}}), L::TextRole::Meta, x);
        }
        // Plain text only: the model never holds HTML for comments.
        if (c.deleted) {
            text(reader::i18n::tr(lang, StringId::CommentDeleted), L::TextRole::Comment, x, reader::kStyleEmphasis);
        } else {
            const std::string_view body = b.str(c.text);
            const bool cut = body.size() > kLongCommentBytes && !full_text_.count(row.comment);
            if (cut) {
                text(std::string(head_of(body, kLongCommentBytes)) + " …", L::TextRole::Comment, x);
                SectionAction act{SectionAction::ShowFullText, 0, 0, 0, 0};
                act.comment = row.comment;
                act.text = show_full_text(lang);
                const float yt = y;
                text(act.text, L::TextRole::Meta, x, reader::kStyleLink);
                act.x0 = x; act.x1 = width; act.y0 = yt; act.y1 = y;
                actions.push_back(act);
            } else {
                text(body, L::TextRole::Comment, x);
            }
        }
        const uint32_t replies = order_->shown_replies(row.comment);
        if (replies > 0) {
            const bool collapsed = state_.replies(row.comment) == reader::comments::ReplyState::Collapsed;
            SectionAction act{SectionAction::Toggle, 0, 0, 0, 0};
            act.comment = row.comment;
            act.text = collapsed ? reader::i18n::tr_count(lang, StringId::ShowReplies, replies)
                                 : std::string(reader::i18n::tr(lang, StringId::HideReplies));
            const float yt = y;
            text(act.text, L::TextRole::Meta, x, reader::kStyleLink);
            const L::TextStyle st = L::text_style(L::TextRole::Meta, reader::kStyleLink, ls);
            act.x0 = x; act.x1 = x + m.width(st.face, st.size, act.text) + 4; act.y0 = yt; act.y1 = y;
            actions.push_back(act);
        }
        if (box != L::kNone) {
            out.item(box).h = y - row_top + 12;
            out.item(bar).h = y - row_top + 12;
        }
        // Rows are whole pixels high, so the scroll shifts that keep the reader's place
        // are whole pixels too (ImGui rounds its scroll position).
        y = row_top + std::ceil(y - row_top + 12);
        if (thread_line != L::kNone) out.item(thread_line).h = y - row_top + 6;
        heights_.set_measured(ri, y - row_top);
        measured_[row_key(row)] = y - row_top;
        CachedRow laid{reader::layout::ItemSnippet::take(out, first_item, static_cast<uint32_t>(out.items().size()), row_top),
                       {actions.begin() + static_cast<std::ptrdiff_t>(first_row_action), actions.end()}, y - row_top};
        for (SectionAction& act : laid.actions) {
            act.y0 -= row_top;
            act.y1 -= row_top;
        }
        kept.emplace(row_key(row), std::move(laid));
    }
    row_cache_.swap(kept);
    laid_y1_ = last == rows_.size() ? rows_top_ + heights_.total() : y;
    if (anchor != SIZE_MAX) scroll_shift_ += heights_.top(anchor) - anchor_top;
    if (!rows_.empty()) y = rows_top_ + heights_.total();
    boxes_.assign(actions.begin() + static_cast<std::ptrdiff_t>(first_action), actions.end());
    last_layout_ms_ = js::now_ms() - t0;
    return y;
}

bool CommentsSection::act(App& app, const SectionAction& a) {
    switch (a.kind) {
        case SectionAction::Sort:
            sort_ = static_cast<CommentSort>(a.sort);
            order_.reset();
            ensure_order(app, article_);
            return true;
        case SectionAction::Toggle: state_.toggle_collapsed(a.comment); rows_dirty_ = true; return true;
        case SectionAction::MoreReplies:
            state_.set_replies(a.comment, reader::comments::ReplyState::Expanded);
            rows_dirty_ = true;
            return true;
        case SectionAction::LoadMore: state_.load_more(); rows_dirty_ = true; return true;
        case SectionAction::ShowFullText:
            full_text_.insert(a.comment);
            measured_.erase(static_cast<uint64_t>(a.comment) << 2);
            rows_dirty_ = true;
            return true;
        case SectionAction::Refresh: {
            if (status_ == Status::Loading) return false;   // one request at a time
            const reader::Bundle& b = *app.bundle();
            const auto& art = b.articles[static_cast<size_t>(article_)];
            status_ = Status::Loading;
            status_text_.clear();
            app.fetch_comments(article_, b.str(art.comments_url));
            return true;
        }
        default: return false;
    }
}

void CommentsSection::refreshed(App& app, int article, bool ok, int status, std::string_view bytes, std::string_view error) {
    if (article != article_) return;
    if (!ok) {
        // Offline: the browser says so, or the service worker answered for the network.
        const bool offline = error.find("offline") != std::string_view::npos || (status == 503 && !browser_online()) ||
                             (status == 0 && !browser_online());
        status_ = offline ? Status::Offline : Status::Error;
        status_text_ = std::string(error);
        return;
    }
    // The comments URL answers a JSON array of comments or {"comments": [...]}: read
    // it through the bundle loader as a one-article bundle, so the same validation,
    // threading and limits apply.
    reader::LoadResult r;
    const size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string_view::npos && bytes[first] == '[') {
        std::string wrapped = R"({"format":"article-bundle/1","articles":[{"id":"comments","title":"comments","comments":)";
        wrapped.append(bytes);
        wrapped += "}]}";
        r = reader::load_bundle(wrapped, "comments");
    } else {
        const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
        if (j.is_object() && j.contains("comments") && j["comments"].is_array()) {
            nlohmann::json one = {{"format", "article-bundle/1"},
                                  {"articles", {{{"id", "comments"}, {"title", "comments"}, {"comments", j["comments"]}}}}};
            if (j.contains("comment_count")) one["articles"][0]["comment_count"] = j["comment_count"];
            r = reader::load_bundle(one.dump(), "comments");
        }
    }
    if (!r.bundle || r.bundle->articles.empty()) {
        status_ = Status::Error;
        status_text_ = r.diagnostics.items.empty() ? std::string("the answer is not a list of comments")
                                                   : r.diagnostics.items.front().message;
        return;
    }
    // The comments are renumbered: carry the reader's choices (threads opened or
    // collapsed, long comments opened, the highlighted one) over by id, and keep the
    // pages loaded, so the reader keeps their place.
    const reader::Bundle& old = *source(app);
    std::unordered_map<std::string_view, uint32_t> new_index;
    new_index.reserve(r.bundle->comments.size());
    for (uint32_t i = 0; i < r.bundle->comments.size(); ++i) new_index.emplace(r.bundle->str(r.bundle->comments[i].id), i);
    std::vector<uint32_t> new_index_of(old.comments.size(), reader::comments::kNoComment);
    for (uint32_t i = 0; i < old.comments.size(); ++i) {
        const auto it = new_index.find(old.str(old.comments[i].id));
        if (it != new_index.end()) new_index_of[i] = it->second;
    }
    state_ = state_.remapped(new_index_of);
    std::unordered_set<uint32_t> full;
    for (uint32_t c : full_text_) if (c < new_index_of.size() && new_index_of[c] != reader::comments::kNoComment) full.insert(new_index_of[c]);
    full_text_ = std::move(full);
    highlighted_ = highlighted_ < new_index_of.size() ? new_index_of[highlighted_] : UINT32_MAX;
    refreshed_ = std::move(r.bundle);
    order_.reset();
    measured_.clear();   // keyed by the old numbering
    status_ = Status::Updated;
    status_text_.clear();
    ensure_order(app, article);
}

nlohmann::json CommentsSection::stats(App& app, size_t max_rows) const {
    using nlohmann::json;
    static const char* kStatus[] = {"idle", "loading", "updated", "offline", "error"};
    json s = {{"status", kStatus[static_cast<int>(shown_status_)]}, {"statusText", shown_status_text_}, {"sort", sort_name(shown_sort_)},
              {"refreshed", refreshed_ != nullptr}, {"layoutMs", last_layout_ms_}, {"laidOut", laid_out_comments_}, {"reusedRows", reused_rows_},
              {"rowCount", rows_.size()}, {"orderMs", order_ms_}, {"rowsMs", rows_ms_},
              {"window", {laid_first_, laid_last_}}, {"rowsHeight", heights_.total()}};
    const reader::Bundle* b = app.bundle() ? source(app) : nullptr;
    if (!b || article_ < 0 || !order_) return s;
    s["held"] = refreshed_ ? b->articles[0].comment_total : app.bundle()->articles[static_cast<size_t>(article_)].comment_total;
    s["shownTotal"] = order_->shown_total();
    s["highlighted"] = highlighted_ < b->comments.size() ? std::string(b->str(b->comments[highlighted_].id)) : std::string();
    // Section coordinates → page coordinates (y from the top of the scrolled content,
    // x from the left edge of the reading column).
    const float page_top = list_ ? app.article_view().content_height() - list_->height() - kViewBottomPad : 0;
    s["top"] = page_top + top_;
    s["width"] = width_;
    json rows = json::array();
    for (size_t i = 0; i < rows_.size() && i < max_rows; ++i) {
        const auto& r = rows_[i];
        json row = {{"kind", r.kind == RowKind::Comment ? "comment" : r.kind == RowKind::MoreReplies ? "more-replies" : "load-more"},
                    {"indent", r.indent}, {"count", r.count}};
        if (r.comment < b->comments.size()) {
            const auto& c = b->comments[r.comment];
            row["id"] = std::string(b->str(c.id));
            if (r.kind == RowKind::Comment) {
                row["author"] = std::string(b->str(c.author));
                row["likes"] = c.likes;
                row["deleted"] = c.deleted;
                row["edited"] = c.edited;
                row["collapsed"] = state_.replies(r.comment) == reader::comments::ReplyState::Collapsed;
                row["cut"] = c.text.len > kLongCommentBytes && !full_text_.count(r.comment);
            }
        }
        if (r.replying_to < b->comments.size()) row["replyingTo"] = std::string(b->str(b->comments[r.replying_to].author));
        rows.push_back(std::move(row));
    }
    s["rows"] = std::move(rows);
    static const char* kKind[] = {"open-article", "open-url", "sort", "toggle", "more-replies", "load-more", "refresh", "time", "full-text"};
    json actions = json::array();
    for (const auto& a : boxes_) {
        json j = {{"kind", kKind[a.kind]}, {"text", a.text}, {"x0", a.x0}, {"x1", a.x1}, {"y0", page_top + a.y0}, {"y1", page_top + a.y1}};
        if (a.comment < b->comments.size()) j["id"] = std::string(b->str(b->comments[a.comment].id));
        if (a.kind == SectionAction::Sort) j["sort"] = sort_name(static_cast<CommentSort>(a.sort));
        actions.push_back(std::move(j));
        if (actions.size() >= max_rows * 2) break;
    }
    s["actions"] = std::move(actions);
    return s;
}

}  // namespace views
