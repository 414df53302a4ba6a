// Calls from C++ out to the page (web/app.js, object `ReaderHost` on the module).
// JavaScript calls into C++ only through the exported reader_* functions in main.cpp,
// and those only queue events; the page is told things through these functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace js {

void request_frame();                                    // schedule one animation frame
void post_message(std::string_view json_message);        // to the host (embedding contract)
void set_location_hash(std::string_view hash, bool push);// "#article=ID&q=..."
void open_external(std::string_view url);                // new tab, noopener
void open_relative(std::string_view url);                // relative to the bundle's URL, new tab
void set_document_info(std::string_view title, std::string_view lang, std::string_view ui_lang);
std::string storage_get(std::string_view key);           // localStorage, "" when absent
void storage_set(std::string_view key, std::string_view value);
void set_cursor(std::string_view css_cursor);
double now_ms();                                         // performance.now()
int64_t unix_now();                                      // Date.now() / 1000
// "Copy link" / share: the page's own address (the deep link of what is shown). With
// the Web Share API the browser's share sheet opens; without it (or with copy_only) the
// link is copied and `copied_message` announced. can_share() says which a click does.
bool can_share();
void share_link(std::string_view title, std::string_view copied_message, bool copy_only);
void log_error(std::string_view message);                // console.error (shown in tests)
// The accessible mirror (web/mirror.js): the core's escaped HTML export of what is on
// screen, put in a visually hidden DOM region; and a polite live announcement.
void set_mirror(std::string_view html);
void announce(std::string_view text);
void search_options_changed();                            // the mirror's search results are asked again
// The article's current text selection, kept by the page so that a copy event
// (Ctrl+C) can fill the clipboard synchronously; empty strings when nothing is selected.
void set_selection(std::string_view plain, std::string_view html);
// Writes to the system clipboard now (context menu "Copy"): plain text and HTML.
void copy_to_clipboard(std::string_view plain, std::string_view html);
// Opens a link of the bundle in a new tab (relative ones against the bundle's URL).
void open_in_new_tab(std::string_view href);
// Fetches `url` (relative to the bundle's URL, same rules as bundles); the answer
// comes back through reader_fetched(request, ...) in main.cpp.
void fetch(int request, std::string_view url);

}  // namespace js
