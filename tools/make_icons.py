#!/usr/bin/env python3
"""Draws the app's icons (the project's own design) as PNG with the standard library.

Usage: make_icons.py OUT_DIR
The design: a red rounded square (the accent of the reader) holding a white page
with three lines of text and a title bar. The maskable variant keeps the page in
the central safe zone (80%) on a full-bleed background.
"""
import struct
import sys
import zlib
from pathlib import Path

RED = (179, 38, 30)
WHITE = (255, 255, 255)
INK = (60, 64, 72)


def rounded_rect_cover(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def draw(size, maskable):
    ss = 4  # supersampling for smooth edges
    pad = 0.0 if maskable else 0.04
    page = (0.30, 0.22, 0.70, 0.78) if maskable else (0.26, 0.18, 0.74, 0.82)
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    x = (px + (sx + 0.5) / ss) / size
                    y = (py + (sy + 0.5) / ss) / size
                    color, alpha = None, 0
                    if maskable or rounded_rect_cover(x, y, pad, pad, 1 - pad, 1 - pad, 0.2):
                        color, alpha = RED, 255
                    if rounded_rect_cover(x, y, *page, 0.03):
                        color = WHITE
                        lx0, lx1 = page[0] + 0.06, page[2] - 0.06
                        h = page[3] - page[1]
                        bars = [(0.16, 0.26, 1.0), (0.40, 0.45, 1.0), (0.55, 0.60, 1.0), (0.70, 0.75, 0.65)]
                        for (a, b, frac) in bars:
                            if page[1] + a * h <= y <= page[1] + b * h and lx0 <= x <= lx0 + (lx1 - lx0) * frac:
                                color = RED if a == 0.16 else INK
                    if color:
                        acc[0] += color[0]; acc[1] += color[1]; acc[2] += color[2]; acc[3] += alpha
            n = ss * ss
            a = acc[3] / n
            if a > 0:
                row += bytes((int(acc[0] / n * 255 / a) if a else 0, int(acc[1] / n * 255 / a), int(acc[2] / n * 255 / a), int(a)))
            else:
                row += bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    return rows


def png(rows, size):
    raw = b"".join(b"\x00" + r for r in rows)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in (("icon-192.png", 192, False), ("icon-512.png", 512, False),
                                 ("maskable-512.png", 512, True), ("apple-touch-icon.png", 180, True)):
        dst = out / name
        if dst.exists() and dst.stat().st_mtime >= Path(__file__).stat().st_mtime:
            continue
        dst.write_bytes(png(draw(size, maskable), size))
    print(f"[icons] icons in {out}")


if __name__ == "__main__":
    main()
