// Small queries on the immutable document model (see document.h).
#include "model/document.h"

namespace reader {

int Bundle::find_article(std::string_view id) const {
    for (size_t i = 0; i < articles.size(); ++i) {
        if (str(articles[i].id) == id) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace reader
