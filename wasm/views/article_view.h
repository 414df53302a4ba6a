// The article view: the reading column with dateline, title, lead, hero image,
// body, signature, then comments, "Tin khác" and "Thông báo".
#pragma once

class App;

namespace views {

void draw_article(App& app);

}  // namespace views
