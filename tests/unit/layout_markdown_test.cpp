// Articles parsed from Markdown by the real builder (model/markdown_builder.h) lay
// out completely at every width: each element kind appears, items stay ordered,
// nothing runs past the column, and no line starts inside a cluster.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "layout/article_layout.h"
#include "layout/text_scan.h"
#include "layout_test_support.h"
#include "model/markdown_builder.h"
#include "model/model_writer.h"

using namespace reader;
using namespace reader::layout;

namespace {

const char* kArticle = R"md(Hội nghị do đồng chí **Nguyễn Phước Hưng** chủ trì, xem [chi tiết](https://thanhuytphcm.vn/tin-tuc) và `mã_số_21`.

## Kết quả đạt được

Chất lượng sinh hoạt chi bộ có nhiều chuyển biến tích cực, ~~cũ~~ *mới*.
Dòng mềm nối tiếp.  
Dòng cứng sau đó.

- Mục một
- Mục hai
  - Mục lồng nhau với một câu dài hơn cột hẹp để xuống dòng
- Mục ba

3. Thứ ba
4. Thứ tư

- [x] Đã xong
- [ ] Chưa xong

> Trích dẫn: “Người dân TPHCM không xả rác ra đường và kênh rạch”.
>
> Đoạn thứ hai của trích dẫn.

```cpp
for (int i = 0; i < n; ++i) {
    tong += gia_tri[i];
}
```

| Đơn vị | Số đảng viên | Ghi chú |
|:-------|-------------:|:-------:|
| Phường Linh Trung | 1.234 | tốt |
| Khối doanh nghiệp | 56 | khá dài để phải xuống dòng trong ô |

---

![Quang cảnh hội nghị](anh/hoi-nghi.jpg "Ảnh: Đình Quân")

<div>HTML thô được giữ nguyên như chữ</div>

Hòa NFD: Vie)md" "\xCC\xA3\xCC\x82" R"md(t Nam https://thanhuytphcm.vn/mot-duong-dan-rat-dai-khong-co-cho-ngat-nao-ca
)md";

}  // namespace

TEST_CASE("a Markdown article lays out every element at every width", "[layout][markdown]") {
    Bundle b;
    ModelWriter w(b);
    b.articles.emplace_back();
    b.articles[0].title = w.add_text("Tiếp tục lãnh đạo, chỉ đạo tổ chức quán triệt");
    const MarkdownOutput md = build_markdown(w, kArticle);
    b.articles[0].blocks = md.blocks;
    REQUIRE(md.blocks.size() > 20);

    test::ProportionalMetrics pm;
    ArticleLayout view(b, 0, pm);
    for (float width = 40; width <= 1000; width *= 1.37f) {
        for (const bool justify : {false, true}) {
            INFO("width " << width << (justify ? " justified" : ""));
            LayoutSettings s;
            s.width = width;
            s.justify = justify;
            const DisplayList& list = view.layout(s);
            CHECK(std::is_sorted(list.items().begin(), list.items().end(),
                                 [](const Item& x, const Item& y) { return x.y < y.y; }));
            int kinds[5] = {0, 0, 0, 0, 0};
            for (const Item& it : list.items()) {
                ++kinds[static_cast<int>(it.kind)];
                if (it.kind != ItemKind::Text) continue;
                const std::string_view t = list.text(it);
                REQUIRE(!t.empty());
                CHECK((static_cast<unsigned char>(t[0]) & 0xC0) != 0x80);
                uint32_t len = 0;
                CHECK_FALSE(scan::extends_cluster(scan::decode(t, 0, len)));
                // Only a single glyph wider than a very narrow column may overflow it.
                if (it.w > 30) CHECK(it.x + it.w <= width + 0.01f);
            }
            CHECK(kinds[static_cast<int>(ItemKind::Text)] > 30);
            CHECK(kinds[static_cast<int>(ItemKind::Rect)] >= 8);  // quote bar, code bg, table rules, hr
            CHECK(kinds[static_cast<int>(ItemKind::Image)] == 1);
            CHECK(kinds[static_cast<int>(ItemKind::Bullet)] == 4);
            CHECK(kinds[static_cast<int>(ItemKind::CheckBox)] == 2);
            for (uint32_t k = md.blocks.begin; k < md.blocks.end; ++k) CHECK(list.y_for_block(k) >= 0);
            int toc = 0;
            for (const Anchor& a : list.anchors()) toc += a.level > 0;
            CHECK(toc == 1);
            CHECK(list.height() > 0);
        }
    }
}
