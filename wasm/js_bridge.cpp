// See js_bridge.h. Each function forwards to Module.ReaderHost, set by web/app.js.
#include "js_bridge.h"

#include <emscripten.h>

// clang-format off
EM_JS(void, js_request_frame_impl, (), { Module.ReaderHost.requestFrame(); });
EM_JS(void, js_post_message_impl, (const char* p, int n), {
  Module.ReaderHost.postMessage(UTF8ToString(p, n));
});
EM_JS(void, js_set_hash_impl, (const char* p, int n, int push), {
  Module.ReaderHost.setHash(UTF8ToString(p, n), push !== 0);
});
EM_JS(void, js_open_relative_impl, (const char* p, int n), { Module.ReaderHost.openRelative(UTF8ToString(p, n)); });
EM_JS(void, js_open_external_impl, (const char* p, int n), { Module.ReaderHost.openExternal(UTF8ToString(p, n)); });
EM_JS(void, js_set_document_info_impl, (const char* t, int tn, const char* l, int ln, const char* u, int un), {
  Module.ReaderHost.setDocumentInfo(UTF8ToString(t, tn), UTF8ToString(l, ln), UTF8ToString(u, un));
});
EM_JS(char*, js_storage_get_impl, (const char* k, int kn), {
  const v = Module.ReaderHost.storageGet(UTF8ToString(k, kn));
  if (v === null || v === undefined) return 0;
  const len = lengthBytesUTF8(v) + 1;
  const p = _malloc(len);
  stringToUTF8(v, p, len);
  return p;
});
EM_JS(void, js_storage_set_impl, (const char* k, int kn, const char* v, int vn), {
  Module.ReaderHost.storageSet(UTF8ToString(k, kn), UTF8ToString(v, vn));
});
EM_JS(void, js_set_cursor_impl, (const char* p, int n), { Module.ReaderHost.setCursor(UTF8ToString(p, n)); });
EM_JS(double, js_now_impl, (), { return performance.now(); });
EM_JS(double, js_date_now_impl, (), { return Date.now(); });
EM_JS(int, js_can_share_impl, (), { return Module.ReaderHost.canShare && Module.ReaderHost.canShare() ? 1 : 0; });
EM_JS(void, js_share_link_impl, (const char* t, int tn, const char* m, int mn, int copy_only), {
  Module.ReaderHost.shareLink(UTF8ToString(t, tn), UTF8ToString(m, mn), copy_only !== 0);
});
EM_JS(void, js_log_error_impl, (const char* p, int n), { console.error(UTF8ToString(p, n)); });
EM_JS(void, js_fetch_impl, (int request, const char* p, int n), { Module.ReaderHost.fetchForCore(request, UTF8ToString(p, n)); });
EM_JS(void, js_set_mirror_impl, (const char* p, int n), { Module.ReaderHost.setMirror(UTF8ToString(p, n)); });
EM_JS(void, js_announce_impl, (const char* p, int n), { Module.ReaderHost.announce(UTF8ToString(p, n)); });
EM_JS(void, js_set_selection_impl, (const char* p, int pn, const char* h, int hn), {
  Module.ReaderHost.setSelection(UTF8ToString(p, pn), UTF8ToString(h, hn));
});
EM_JS(void, js_copy_impl, (const char* p, int pn, const char* h, int hn), {
  Module.ReaderHost.copyToClipboard(UTF8ToString(p, pn), UTF8ToString(h, hn));
});
EM_JS(void, js_open_in_new_tab_impl, (const char* p, int n), { Module.ReaderHost.openInNewTab(UTF8ToString(p, n)); });
EM_JS(void, js_search_options_changed_impl, (), { Module.ReaderHost.searchOptionsChanged(); });
// clang-format on

namespace js {

void request_frame() { js_request_frame_impl(); }
void post_message(std::string_view m) { js_post_message_impl(m.data(), static_cast<int>(m.size())); }
void set_location_hash(std::string_view h, bool push) { js_set_hash_impl(h.data(), static_cast<int>(h.size()), push); }
void open_relative(std::string_view u) { js_open_relative_impl(u.data(), static_cast<int>(u.size())); }
void open_external(std::string_view u) { js_open_external_impl(u.data(), static_cast<int>(u.size())); }
void set_document_info(std::string_view t, std::string_view l, std::string_view ui) {
    js_set_document_info_impl(t.data(), static_cast<int>(t.size()), l.data(), static_cast<int>(l.size()), ui.data(),
                              static_cast<int>(ui.size()));
}
std::string storage_get(std::string_view k) {
    char* p = js_storage_get_impl(k.data(), static_cast<int>(k.size()));
    if (!p) return {};
    std::string v(p);
    free(p);
    return v;
}
void storage_set(std::string_view k, std::string_view v) {
    js_storage_set_impl(k.data(), static_cast<int>(k.size()), v.data(), static_cast<int>(v.size()));
}
void set_cursor(std::string_view c) { js_set_cursor_impl(c.data(), static_cast<int>(c.size())); }
double now_ms() { return js_now_impl(); }
bool can_share() { return js_can_share_impl() != 0; }
void share_link(std::string_view t, std::string_view m, bool copy_only) {
    js_share_link_impl(t.data(), static_cast<int>(t.size()), m.data(), static_cast<int>(m.size()), copy_only ? 1 : 0);
}
int64_t unix_now() { return static_cast<int64_t>(js_date_now_impl() / 1000.0); }
void fetch(int request, std::string_view url) { js_fetch_impl(request, url.data(), static_cast<int>(url.size())); }
void set_mirror(std::string_view h) { js_set_mirror_impl(h.data(), static_cast<int>(h.size())); }
void search_options_changed() { js_search_options_changed_impl(); }
void announce(std::string_view t) { js_announce_impl(t.data(), static_cast<int>(t.size())); }
void set_selection(std::string_view p, std::string_view h) {
    js_set_selection_impl(p.data(), static_cast<int>(p.size()), h.data(), static_cast<int>(h.size()));
}
void copy_to_clipboard(std::string_view p, std::string_view h) {
    js_copy_impl(p.data(), static_cast<int>(p.size()), h.data(), static_cast<int>(h.size()));
}
void open_in_new_tab(std::string_view u) { js_open_in_new_tab_impl(u.data(), static_cast<int>(u.size())); }
void log_error(std::string_view m) { js_log_error_impl(m.data(), static_cast<int>(m.size())); }

}  // namespace js
