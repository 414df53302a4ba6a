// Every interface string of the reader, in Vietnamese and English, in one place.
//
// The table below is the single source: `StringId` and both language tables are
// generated from it, so a string cannot exist in one language only. UI code asks
// `tr(lang, StringId::X)`; strings with a count go through `tr_count`, which picks the
// English singular or plural form (Vietnamese has no grammatical plural) and puts the
// number, grouped the way the language groups digits, into `{n}`. Other placeholders
// are `{name}` fields filled with `fill`.
//
// Every string returned is a static, NUL-terminated literal, so `tr(...).data()` can be
// handed to APIs that want `const char*` (ImGui).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "i18n/lang.h"

namespace reader::i18n {

// S(id, vietnamese, english)                         a plain string
// P(id, vietnamese, english_one, english_other)      a string with a count `{n}`
#define READER_I18N_STRINGS(S, P)                                                                    \
    /* ---- application frame */                                                                   \
    S(AppName, "Đọc báo", "Article reader")                                                        \
    S(Loading, "Đang tải…", "Loading…")                                                            \
    S(Retry, "Thử lại", "Try again")                                                               \
    S(Close, "Đóng", "Close")                                                                      \
    S(Back, "Quay lại", "Back")                                                                    \
    S(Forward, "Tiến tới", "Forward")                                                              \
    S(Home, "Trang chủ", "Home")                                                                   \
    S(Menu, "Danh mục", "Menu")                                                                    \
    S(Library, "Thư viện bài viết", "Library")                                                     \
    S(OpenLibrary, "Mở thư viện bài viết", "Open the library")                                     \
    S(Settings, "Cài đặt", "Settings")                                                             \
    S(CopyLink, "Sao chép liên kết", "Copy link")                                                  \
    S(Copy, "Sao chép", "Copy")                                                                    \
    S(SelectAll, "Chọn tất cả", "Select all")                                                      \
    S(ShowWholeComment, "Xem toàn bộ ý kiến", "Show the whole comment")                            \
    S(LinkCopied, "Đã sao chép liên kết", "Link copied")                                           \
    S(Share, "Chia sẻ", "Share")                                                                   \
    S(PlainViewNotice, "Trình duyệt này không vẽ được trình đọc (thiếu WebGL2), nên bài viết được hiển thị ở dạng văn bản đơn giản.", \
      "This browser cannot draw the reader (no WebGL2), so the article is shown as plain text.")      \
    S(OpenInNewTab, "Mở trong thẻ mới", "Open in a new tab")                                       \
    S(OpenFile, "Mở tệp bài viết", "Open an article file")                                         \
    S(DropFileHere, "Thả tệp bài viết vào đây", "Drop an article file here")                       \
    /* ---- article view */                                                                        \
    P(MinutesRead, "{n} phút đọc", "{n} min read", "{n} min read")                                 \
    S(Source, "Nguồn", "Source")                                                                   \
    S(Photo, "Ảnh", "Photo")                                                                       \
    S(Author, "Tác giả", "Author")                                                                 \
    S(Tags, "Từ khóa", "Tags")                                                                     \
    S(Category, "Chuyên mục", "Category")                                                          \
    S(Published, "Ngày đăng", "Published")                                                         \
    S(Updated, "Cập nhật", "Updated")                                                              \
    S(Contents, "Mục lục", "Contents")                                                             \
    S(OtherNews, "Tin khác", "Other news")                                                         \
    S(RelatedNews, "Tin liên quan", "Related articles")                                            \
    S(Announcements, "Thông báo", "Announcements")                                                 \
    S(ByDate, "Theo ngày", "By date")                                                              \
    S(ByCategory, "Theo chuyên mục", "By category")                                                \
    S(NoArticles, "Chưa có bài viết nào", "No articles yet")                                       \
    S(Articles, "Bài viết", "Articles")                                                            \
    S(Uncategorized, "Chưa phân loại", "Uncategorized")                                            \
    S(HideLibrary, "Ẩn thư viện bài viết", "Hide the library")                                     \
    S(CurrentArticle, "Đang đọc", "Reading now")                                                   \
    S(ImageLoading, "Đang tải ảnh…", "Loading image…")                                             \
    S(ImageFailed, "Không tải được ảnh", "The image could not be loaded")                          \
    S(ReadingProgress, "Đã đọc {percent}%", "{percent}% read")                                     \
    S(BackToTop, "Lên đầu trang", "Back to top")                                                   \
    S(LinkTarget, "Liên kết: {url}", "Link: {url}")                                                \
    /* ---- reader comments */                                                                     \
    S(ReaderComments, "Ý kiến bạn đọc", "Reader comments")                                         \
    S(TotalComments, "Tổng lượt bình luận", "Total comments")                                      \
    S(TotalCommentsValue, "Tổng lượt bình luận: {n}", "Total comments: {n}")                       \
    P(ShowingCommentsOf, "Đang hiển thị {shown}/{n} ý kiến", "Showing {shown} of {n} comment",     \
      "Showing {shown} of {n} comments")                                                           \
    S(Refresh, "Làm mới", "Refresh")                                                               \
    S(SortBy, "Sắp xếp", "Sort by")                                                                \
    S(SortNewest, "Mới nhất", "Newest")                                                            \
    S(SortOldest, "Cũ nhất", "Oldest")                                                             \
    S(SortMostLiked, "Nhiều lượt thích nhất", "Most liked")                                        \
    P(ShowMoreReplies, "Xem thêm {n} trả lời", "Show {n} more reply", "Show {n} more replies")     \
    P(LoadMoreComments, "Xem thêm {n} ý kiến", "Load {n} more comment", "Load {n} more comments")  \
    P(ReplyCount, "{n} trả lời", "{n} reply", "{n} replies")                                       \
    P(ShowReplies, "Xem {n} trả lời", "Show {n} reply", "Show {n} replies")                        \
    S(HideReplies, "Ẩn trả lời", "Hide replies")                                                   \
    S(CollapseThread, "Thu gọn", "Collapse")                                                       \
    S(ExpandThread, "Mở rộng", "Expand")                                                           \
    S(ReplyingTo, "Trả lời {name}", "Replying to {name}")                                          \
    P(LikeCount, "{n} lượt thích", "{n} like", "{n} likes")                                        \
    S(Edited, "Đã chỉnh sửa", "Edited")                                                            \
    S(CommentDeleted, "Bình luận này đã bị xóa", "This comment was deleted")                       \
    S(AnonymousAuthor, "Bạn đọc", "Reader")                                                        \
    S(CommentsLoading, "Đang tải ý kiến bạn đọc…", "Loading comments…")                           \
    S(CommentsEmpty, "Chưa có ý kiến nào cho bài viết này.", "No comments on this article yet.")   \
    S(CommentsOffline, "Bạn đang ngoại tuyến nên chưa làm mới được ý kiến. Đang hiển thị bản đã lưu.", \
      "You are offline, so comments could not be refreshed. Showing the saved ones.")              \
    S(CommentsError, "Không tải được ý kiến bạn đọc: {reason}", "Comments could not be loaded: {reason}") \
    S(CommentsRefreshed, "Đã cập nhật ý kiến bạn đọc", "Comments updated")                         \
    S(CommentNotFound, "Không tìm thấy ý kiến này", "This comment could not be found")             \
    /* ---- search */                                                                              \
    S(Search, "Tìm kiếm", "Search")                                                                \
    S(SearchPlaceholder, "Tìm bài viết, ý kiến…", "Search articles and comments…")                 \
    S(Searching, "Đang tìm…", "Searching…")                                                        \
    P(SearchResultCount, "{n} kết quả", "{n} result", "{n} results")                               \
    S(SearchNoResults, "Không tìm thấy kết quả", "No results found")                               \
    S(SearchResultsWithoutDiacritics, "Có kết quả khi bỏ dấu: {query}",                            \
      "Results found when ignoring diacritics: {query}")                                          \
    S(SearchMatchDiacritics, "Phân biệt dấu", "Match diacritics")                                  \
    S(SearchClear, "Xóa nội dung tìm kiếm", "Clear search")                                        \
    S(SearchFieldTitle, "Tiêu đề", "Title")                                                        \
    S(SearchFieldLead, "Tóm tắt", "Lead")                                                          \
    S(SearchFieldBody, "Nội dung", "Body")                                                         \
    S(SearchFieldComments, "Ý kiến bạn đọc", "Comments")                                           \
    S(SearchMatchCase, "Phân biệt hoa thường", "Match case")                                       \
    S(SearchWholeWords, "Nguyên từ", "Whole words")                                                \
    S(SearchNext, "Kết quả tiếp theo", "Next match")                                               \
    S(SearchPrevious, "Kết quả trước", "Previous match")                                           \
    S(SearchInArticle, "Trong bài này", "In this article")                                         \
    S(SearchIndexing, "Đang lập chỉ mục…", "Indexing…")                                            \
    /* ---- reading settings */                                                                    \
    S(ReadingSettings, "Tùy chỉnh hiển thị", "Reading settings")                                   \
    S(FontSize, "Cỡ chữ", "Font size")                                                             \
    S(FontSmaller, "Giảm cỡ chữ", "Smaller text")                                                  \
    S(FontLarger, "Tăng cỡ chữ", "Larger text")                                                    \
    S(Typeface, "Kiểu chữ", "Typeface")                                                            \
    S(TypefaceSerif, "Có chân", "Serif")                                                           \
    S(TypefaceSans, "Không chân", "Sans-serif")                                                    \
    S(LineHeight, "Giãn dòng", "Line height")                                                      \
    S(ColumnWidth, "Độ rộng cột chữ", "Column width")                                              \
    S(WidthNarrow, "Hẹp", "Narrow")                                                                \
    S(WidthMedium, "Vừa", "Medium")                                                                \
    S(WidthWide, "Rộng", "Wide")                                                                   \
    S(JustifyText, "Căn đều hai bên", "Justify text")                                              \
    S(Theme, "Giao diện", "Theme")                                                                 \
    S(ThemeLight, "Sáng", "Light")                                                                 \
    S(ThemeSepia, "Màu giấy", "Sepia")                                                             \
    S(ThemeDark, "Tối", "Dark")                                                                    \
    S(ThemeHighContrast, "Tương phản cao", "High contrast")                                        \
    S(ThemeAuto, "Tự động theo hệ thống", "Automatic (system)")                                    \
    S(Language, "Ngôn ngữ", "Language")                                                            \
    S(LanguageVietnamese, "Tiếng Việt", "Tiếng Việt")                                              \
    S(LanguageEnglish, "English", "English")                                                       \
    S(ResetSettings, "Khôi phục mặc định", "Reset to defaults")                                    \
    /* ---- errors */                                                                              \
    S(ErrorTitle, "Đã xảy ra lỗi", "Something went wrong")                                         \
    S(ErrorBundleNotOpened, "Không mở được tệp bài viết", "The article file could not be opened")  \
    S(ErrorNotABundle, "Tệp này không phải là tệp bài viết hợp lệ", "This file is not a valid article file") \
    S(ErrorLocation, "{file}, dòng {line}, cột {column}", "{file}, line {line}, column {column}")  \
    S(ErrorArticleNotFound, "Không tìm thấy bài viết “{id}”", "Article “{id}” was not found")      \
    S(ErrorNetwork, "Lỗi kết nối mạng", "Network error")                                           \
    S(ErrorServer, "Máy chủ trả lời lỗi {status}", "The server answered with error {status}")      \
    S(ErrorOriginNotAllowed, "Nguồn không được phép: {origin}", "Origin not allowed: {origin}")    \
    P(ErrorArticlesSkipped, "{n} bài viết bị bỏ qua vì có lỗi", "{n} article was skipped because of errors", \
      "{n} articles were skipped because of errors")                                               \
    S(ErrorDetails, "Chi tiết lỗi", "Error details")                                               \
    S(ErrorCopyDetails, "Sao chép chi tiết lỗi", "Copy error details")                             \
    /* ---- offline and updates */                                                                 \
    S(UpdateAvailable, "Có phiên bản mới — tải lại để cập nhật", "A new version is available — reload to update") \
    S(Reload, "Tải lại", "Reload")                                                                 \
    S(OfflineReady, "Đã sẵn sàng để đọc ngoại tuyến", "Ready to read offline")                     \
    S(Offline, "Bạn đang ngoại tuyến", "You are offline")                                          \
    S(BackOnline, "Đã kết nối mạng trở lại", "Back online")                                        \
    S(InstallApp, "Cài ứng dụng", "Install app")                                                   \
    /* ---- dates: weekday names (Sunday first, as in the civil calendar code) */                  \
    S(WeekdaySunday, "Chủ Nhật", "Sunday")                                                         \
    S(WeekdayMonday, "Thứ Hai", "Monday")                                                          \
    S(WeekdayTuesday, "Thứ Ba", "Tuesday")                                                         \
    S(WeekdayWednesday, "Thứ Tư", "Wednesday")                                                     \
    S(WeekdayThursday, "Thứ Năm", "Thursday")                                                      \
    S(WeekdayFriday, "Thứ Sáu", "Friday")                                                          \
    S(WeekdaySaturday, "Thứ Bảy", "Saturday")                                                      \
    /* ---- dates: month names (Vietnamese months are numbered: "tháng 12") */                     \
    S(MonthJanuary, "tháng 1", "January")                                                          \
    S(MonthFebruary, "tháng 2", "February")                                                        \
    S(MonthMarch, "tháng 3", "March")                                                              \
    S(MonthApril, "tháng 4", "April")                                                              \
    S(MonthMay, "tháng 5", "May")                                                                  \
    S(MonthJune, "tháng 6", "June")                                                                \
    S(MonthJuly, "tháng 7", "July")                                                                \
    S(MonthAugust, "tháng 8", "August")                                                            \
    S(MonthSeptember, "tháng 9", "September")                                                      \
    S(MonthOctober, "tháng 10", "October")                                                         \
    S(MonthNovember, "tháng 11", "November")                                                       \
    S(MonthDecember, "tháng 12", "December")                                                       \
    /* ---- dates: formats ({weekday} {day} {month} {month_name} {year} {time} {zone}) */          \
    S(DatelineFormat, "{weekday}, ngày {day} tháng {month} năm {year}", "{weekday}, {day} {month_name} {year}") \
    S(DateTimeFullFormat, "{weekday}, {day}/{month}/{year}, {time} ({zone})",                      \
      "{weekday}, {day} {month_name} {year}, {time} ({zone})")                                     \
    /* ---- dates: relative times, rounded down ("89 minutes" is "1 hour") */                      \
    S(JustNow, "vừa xong", "just now")                                                             \
    P(MinutesAgo, "{n} phút trước", "{n} minute ago", "{n} minutes ago")                           \
    P(HoursAgo, "{n} giờ trước", "{n} hour ago", "{n} hours ago")                                  \
    P(DaysAgo, "{n} ngày trước", "{n} day ago", "{n} days ago")                                    \
    P(WeeksAgo, "{n} tuần trước", "{n} week ago", "{n} weeks ago")                                 \
    P(MonthsAgo, "{n} tháng trước", "{n} month ago", "{n} months ago")                             \
    P(YearsAgo, "{n} năm trước", "{n} year ago", "{n} years ago")                                  \
    P(InMinutes, "sau {n} phút", "in {n} minute", "in {n} minutes")                                \
    P(InHours, "sau {n} giờ", "in {n} hour", "in {n} hours")                                       \
    P(InDays, "sau {n} ngày", "in {n} day", "in {n} days")                                         \
    P(InWeeks, "sau {n} tuần", "in {n} week", "in {n} weeks")                                      \
    P(InMonths, "sau {n} tháng", "in {n} month", "in {n} months")                                  \
    P(InYears, "sau {n} năm", "in {n} year", "in {n} years")

enum class StringId : uint16_t {
#define READER_I18N_ID_S(id, vi, en) id,
#define READER_I18N_ID_P(id, vi, en_one, en_other) id,
    READER_I18N_STRINGS(READER_I18N_ID_S, READER_I18N_ID_P)
#undef READER_I18N_ID_S
#undef READER_I18N_ID_P
    Count
};

inline constexpr size_t kStringCount = static_cast<size_t>(StringId::Count);

// The string in that language (English: the plural form for counted strings).
// Out-of-range ids give "" rather than reading past the table.
std::string_view tr(Lang lang, StringId id);

// The string chosen for the count `n` with `{n}` replaced by `format_number(lang, n)`.
std::string tr_count(Lang lang, StringId id, int64_t n);

// True when `id` has separate English singular and plural forms.
bool is_counted(StringId id);

// The enum name ("ReaderComments"), for tests and diagnostics.
std::string_view string_id_name(StringId id);

// Replaces every `{key}` in `pattern` with its value; unknown keys stay as written, so
// a missing argument shows up on screen instead of silently vanishing.
std::string fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> args);

// tr + fill in one call.
std::string trf(Lang lang, StringId id,
                std::initializer_list<std::pair<std::string_view, std::string_view>> args);

}  // namespace reader::i18n
