// See comments_section.h.
#include "views/comments_section.h"

#include <algorithm>

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

}  // namespace

void CommentsSection::reset() {
    article_ = -1;
    order_.reset();
    state_.reset();
    rows_.clear();
    refreshed_.reset();
    status_ = Status::Idle;
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
    order_ = std::make_unique<reader::comments::CommentOrder>(view, sort_);
}

bool CommentsSection::reveal(uint32_t comment) {
    if (!order_) return false;
    return reader::comments::reveal_comment(*order_, options_, comment, state_);
}

float CommentsSection::layout(App& app, int article, L::DisplayList& out, L::LineBreaker& breaker,
                              const L::LayoutSettings& ls, float width, float y, std::vector<SectionAction>& actions) {
    ensure_order(app, article);
    const auto lang = app.lang();
    const reader::Bundle& main = *app.bundle();
    const reader::Article& a = main.articles[static_cast<size_t>(article)];
    const reader::Bundle& b = *source(app);
    const L::TextMeasurer& m = breaker.measurer();

    auto text = [&](std::string_view s, L::TextRole role, float x, uint16_t style = 0) {
        y = L::layout_text(out, breaker, s, L::text_style(role, style, ls), x, y, width - x);
    };
    // A row of small links ("Mới nhất · Cũ nhất · ..."): each its own action.
    auto link_row = [&](const std::vector<std::pair<std::string, SectionAction>>& links, std::string_view label) {
        const L::TextStyle meta = L::text_style(L::TextRole::Meta, 0, ls);
        float x = 0;
        const float y0 = y;
        float y1 = y;
        if (!label.empty()) {
            y1 = L::layout_text(out, breaker, label, meta, x, y0, width);
            x += m.width(meta.face, meta.size, label) + 8;
        }
        for (const auto& [s, act] : links) {
            const bool selected = act.kind == SectionAction::Sort && act.sort == static_cast<int>(sort_);
            const L::TextStyle st = L::text_style(L::TextRole::Meta, selected ? reader::kStyleStrong : reader::kStyleLink, ls);
            const float w = m.width(st.face, st.size, s);
            y1 = std::max(y1, L::layout_text(out, breaker, s, st, x, y0, w + 4));
            SectionAction ac = act;
            ac.x0 = x; ac.x1 = x + w; ac.y0 = y0; ac.y1 = y0 + st.line;
            if (!selected) actions.push_back(ac);
            x += w + 16;
        }
        y = y1;
    };

    // Totals: the declared total when more exist than are held.
    const int64_t held = refreshed_ ? b.articles[0].comment_total : a.comment_total;
    const int64_t total = std::max<int64_t>(a.comment_count, held);
    text(reader::i18n::trf(lang, StringId::TotalCommentsValue, {{"n", reader::i18n::format_number(lang, total)}}), L::TextRole::Meta, 0);
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
    switch (status_) {
        case Status::Loading: text(reader::i18n::tr(lang, StringId::CommentsLoading), L::TextRole::Meta, 0); break;
        case Status::Updated: text(reader::i18n::tr(lang, StringId::CommentsRefreshed), L::TextRole::Meta, 0); break;
        case Status::Offline: text(reader::i18n::tr(lang, StringId::CommentsOffline), L::TextRole::Meta, 0); break;
        case Status::Error: text(reader::i18n::trf(lang, StringId::CommentsError, {{"reason", status_text_}}), L::TextRole::Meta, 0); break;
        case Status::Idle: break;
    }
    y += 10;

    reader::comments::build_rows(*order_, options_, state_, rows_);
    if (rows_.empty()) text(reader::i18n::tr(lang, StringId::CommentsEmpty), L::TextRole::Comment, 0);
    const int64_t now = js::unix_now();
    for (const auto& row : rows_) {
        const float x = static_cast<float>(row.indent) * kIndentPx;
        if (row.kind == RowKind::LoadMore || row.kind == RowKind::MoreReplies) {
            SectionAction act{row.kind == RowKind::LoadMore ? SectionAction::LoadMore : SectionAction::MoreReplies, 0, 0, 0, 0};
            act.comment = row.comment;
            const std::string s = reader::i18n::tr_count(lang, row.kind == RowKind::LoadMore ? StringId::LoadMoreComments : StringId::ShowMoreReplies, row.count);
            const float y0 = y;
            text(s, L::TextRole::Meta, x, reader::kStyleLink);
            act.x0 = x; act.x1 = width; act.y0 = y0; act.y1 = y;
            actions.push_back(act);
            y += 8;
            continue;
        }
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
            tip.text = reader::datetime::format_full(lang, c.published_unix, 7 * 60);
            actions.push_back(tip);
        }
        if (row.replying_to != UINT32_MAX) {
            text(reader::i18n::trf(lang, StringId::ReplyingTo, {{"name", b.str(b.comments[row.replying_to].author)}}), L::TextRole::Meta, x);
        }
        // Plain text only: the model never holds HTML for comments.
        text(c.deleted ? std::string_view(reader::i18n::tr(lang, StringId::CommentDeleted)) : b.str(c.text), L::TextRole::Comment, x,
             c.deleted ? reader::kStyleEmphasis : 0);
        const uint32_t replies = order_->shown_replies(row.comment);
        if (replies > 0) {
            const bool collapsed = state_.replies(row.comment) == reader::comments::ReplyState::Collapsed;
            SectionAction act{SectionAction::Toggle, 0, 0, 0, 0};
            act.comment = row.comment;
            const std::string s = collapsed ? reader::i18n::tr_count(lang, StringId::ShowReplies, replies)
                                            : std::string(reader::i18n::tr(lang, StringId::HideReplies));
            const float yt = y;
            text(s, L::TextRole::Meta, x, reader::kStyleLink);
            act.x0 = x; act.x1 = width; act.y0 = yt; act.y1 = y;
            actions.push_back(act);
        }
        y += 12;
    }
    return y;
}

bool CommentsSection::act(App& app, const SectionAction& a) {
    switch (a.kind) {
        case SectionAction::Sort:
            sort_ = static_cast<CommentSort>(a.sort);
            order_.reset();
            ensure_order(app, article_);
            return true;
        case SectionAction::Toggle: state_.toggle_collapsed(a.comment); return true;
        case SectionAction::MoreReplies: state_.set_replies(a.comment, reader::comments::ReplyState::Expanded); return true;
        case SectionAction::LoadMore: state_.load_more(); return true;
        case SectionAction::Refresh: {
            const reader::Bundle& b = *app.bundle();
            const auto& art = b.articles[static_cast<size_t>(article_)];
            status_ = Status::Loading;
            app.fetch_comments(article_, b.str(art.comments_url));
            return true;
        }
        default: return false;
    }
}

void CommentsSection::refreshed(App& app, int article, bool ok, int status, std::string_view bytes, std::string_view error) {
    if (article != article_) return;
    if (!ok) {
        status_ = status == 0 && error.find("offline") != std::string_view::npos ? Status::Offline : Status::Error;
        status_text_ = std::string(error);
        return;
    }
    // The comments URL answers a JSON array of comments or {"comments": [...]}: read
    // it through the bundle loader as a one-article bundle, so the same validation,
    // threading and limits apply.
    std::string wrapped;
    const size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const bool is_array = first != std::string_view::npos && bytes[first] == '[';
    if (is_array) {
        wrapped = R"({"format":"article-bundle/1","articles":[{"id":"comments","title":"comments","comments":)";
        wrapped.append(bytes);
        wrapped += "}]}";
    } else {
        wrapped = R"({"format":"article-bundle/1","articles":[{"id":"comments","title":"comments","comments":)";
        // {"comments": [...]} → the array is extracted by the loader's own parse below.
        wrapped.clear();
    }
    reader::LoadResult r;
    if (!wrapped.empty()) {
        r = reader::load_bundle(wrapped, "comments");
    } else {
        const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
        if (j.is_object() && j.contains("comments") && j["comments"].is_array()) {
            nlohmann::json one = {{"format", "article-bundle/1"},
                                  {"articles", {{{"id", "comments"}, {"title", "comments"}, {"comments", j["comments"]}}}}};
            r = reader::load_bundle(one.dump(), "comments");
        }
    }
    if (!r.bundle || r.bundle->articles.empty()) {
        status_ = Status::Error;
        status_text_ = r.diagnostics.items.empty() ? std::string("the answer is not a list of comments")
                                                   : r.diagnostics.items.front().message;
        return;
    }
    refreshed_ = std::move(r.bundle);
    order_.reset();
    // The comments are renumbered: thread choices start afresh, but the pages loaded
    // stay, so the reader keeps their place.
    const uint32_t pages = state_.pages;
    state_.reset();
    state_.pages = pages;
    status_ = Status::Updated;
    ensure_order(app, article);
}

}  // namespace views
