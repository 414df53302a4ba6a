#!/usr/bin/env python3
"""Cuts Debian's Noto fonts to the glyphs the reader ships (Latin + Vietnamese).

Usage: make_fonts.py OUT_DIR
The code points must match kRanges in wasm/fonts.cpp: what ImGui rasterizes is
exactly what is in the files. Hinting and layout tables are dropped (ImGui uses
neither), which keeps each file small.
"""
import subprocess
import sys
from pathlib import Path

NOTO = Path("/usr/share/fonts/truetype/noto")
FILES = [
    "NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSerif-BoldItalic.ttf",
    "NotoSans-Regular.ttf", "NotoSans-Italic.ttf", "NotoSans-Bold.ttf", "NotoSans-BoldItalic.ttf",
    "NotoSansMono-Regular.ttf",
]
UNICODES = ",".join([
    "U+0020-007E", "U+00A0-00FF",
    "U+0102-0103", "U+0110-0111", "U+0128-0129", "U+0168-0169", "U+01A0-01A1", "U+01AF-01B0",
    "U+0300-0301", "U+0303", "U+0309", "U+0323",
    "U+1EA0-1EF9",
    "U+2010-2027", "U+2030-203A", "U+20AB-20AC", "U+2122", "U+2190-2193", "U+2212",
])


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    stamp = out / ".ranges"
    for name in FILES:
        src = NOTO / name
        dst = out / name
        if dst.exists() and stamp.exists() and stamp.read_text() == UNICODES and dst.stat().st_mtime >= src.stat().st_mtime:
            continue
        subprocess.run(["pyftsubset", str(src), f"--unicodes={UNICODES}", f"--output-file={dst}",
                        "--no-hinting", "--layout-features=", "--drop-tables+=GSUB,GPOS,GDEF,DSIG",
                        "--name-IDs=0,1,2,3,4,5,6", "--notdef-outline"], check=True)
    stamp.write_text(UNICODES)
    total = sum((out / n).stat().st_size for n in FILES)
    print(f"[fonts] {len(FILES)} fonts cut to Latin + Vietnamese: {total // 1024} KiB in {out}")


if __name__ == "__main__":
    main()
