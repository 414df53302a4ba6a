// Small queries on the immutable document model (see document.h).
#include "model/document.h"

namespace reader {

int Bundle::find_article(std::string_view id) const {
    for (size_t i = 0; i < articles.size(); ++i) {
        if (str(articles[i].id) == id) return static_cast<int>(i);
    }
    return -1;
}

namespace {
template <typename T>
size_t heap_of(const std::vector<T>& v) { return v.capacity() * sizeof(T); }
}  // namespace

size_t Bundle::memory_bytes() const {
    // What the model itself holds; allocator overhead is not counted (one block per
    // vector, so it is small next to these sizes).
    size_t n = sizeof(Bundle) + text.capacity() + heap_of(articles) + heap_of(announcements) +
               heap_of(categories) + heap_of(blocks) + heap_of(runs) + heap_of(links) + heap_of(spans) +
               heap_of(comments) + heap_of(comment_children);
    for (const Article& a : articles) n += heap_of(a.tags) + heap_of(a.authors) + heap_of(a.related);
    return n;
}

}  // namespace reader
