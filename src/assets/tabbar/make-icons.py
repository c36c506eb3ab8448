#!/usr/bin/env python3
"""Draws the tab-bar icons (81x81 RGBA PNG, normal + selected) with no dependencies.

Run once from the repo root:  python3 src/assets/tabbar/make-icons.py
Each icon is a few stroke primitives (signed distances, 4x4 supersampling) plus an optional
filled region; the selected variant uses the primary colour and a light tint inside.
Kept beside the PNGs so they can be redrawn; not part of any build.
"""
import math
import os
import struct
import zlib

SIZE = 81
SS = 4  # supersampling per axis
STROKE = 5.6
NORMAL = (0x4A, 0x4A, 0x4A)
SELECTED = (0xC4, 0x36, 0x1C)
TINT_ALPHA = 0.22


def seg(ax, ay, bx, by):
    def d(x, y):
        px, py, vx, vy = x - ax, y - ay, bx - ax, by - ay
        t = max(0.0, min(1.0, (px * vx + py * vy) / (vx * vx + vy * vy)))
        return math.hypot(px - vx * t, py - vy * t)
    return d


def polyline(*pts, closed=False):
    pairs = list(zip(pts, pts[1:])) + ([(pts[-1], pts[0])] if closed else [])
    segs = [seg(a[0], a[1], b[0], b[1]) for a, b in pairs]
    return lambda x, y: min(s(x, y) for s in segs)


def ring(cx, cy, r):
    return lambda x, y: abs(math.hypot(x - cx, y - cy) - r)


def arc(cx, cy, r, a0, a1):
    """Arc from angle a0 to a1 (degrees, y down, clockwise from +x)."""
    p0 = (cx + r * math.cos(math.radians(a0)), cy + r * math.sin(math.radians(a0)))
    p1 = (cx + r * math.cos(math.radians(a1)), cy + r * math.sin(math.radians(a1)))

    def d(x, y):
        ang = math.degrees(math.atan2(y - cy, x - cx)) % 360
        lo, hi = a0 % 360, a1 % 360
        inside = lo <= ang <= hi if lo <= hi else (ang >= lo or ang <= hi)
        if inside:
            return abs(math.hypot(x - cx, y - cy) - r)
        return min(math.hypot(x - p0[0], y - p0[1]), math.hypot(x - p1[0], y - p1[1]))
    return d


def rrect_sdf(x0, y0, x1, y1, r):
    cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - r, (y1 - y0) / 2 - r

    def s(x, y):
        qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
        out = math.hypot(max(qx, 0), max(qy, 0))
        return out + min(max(qx, qy), 0) - r
    return s


def rrect(x0, y0, x1, y1, r):
    s = rrect_sdf(x0, y0, x1, y1, r)
    return lambda x, y: abs(s(x, y))


def in_poly(pts):
    def f(x, y):
        inside = False
        j = len(pts) - 1
        for i in range(len(pts)):
            xi, yi = pts[i]
            xj, yj = pts[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside
    return f


def in_circle(cx, cy, r):
    return lambda x, y: math.hypot(x - cx, y - cy) <= r


def in_rrect(x0, y0, x1, y1, r):
    s = rrect_sdf(x0, y0, x1, y1, r)
    return lambda x, y: s(x, y) <= 0


def hidden_by(d, front_sdf, gap):
    """A stroke that disappears where it passes behind a front shape (plus a small gap)."""
    return lambda x, y: math.inf if front_sdf(x, y) <= gap else d(x, y)


def any_of(*fs):
    return lambda x, y: any(f(x, y) for f in fs)


# ---- the five icons (coordinates on the 81x81 canvas) ----
ICONS = {
    # 首页: a house with a door
    'home': (
        [polyline((12, 38), (40.5, 13), (69, 38)), polyline((20, 32), (20, 67), (61, 67), (61, 32)),
         polyline((34, 67), (34, 50), (47, 50), (47, 67))],
        in_poly([(40.5, 15), (19, 34), (19, 66), (62, 66), (62, 34)]),
    ),
    # 驿站 (红色加油站): a fuel pump with a hose
    'stations': (
        [rrect(17, 14, 49, 68, 6), rrect(24, 22, 42, 36, 2.5), seg(11, 68, 55, 68),
         polyline((49, 50), (60, 50), (60, 27), (53, 19))],
        in_rrect(17, 14, 49, 68, 6),
    ),
    # 食堂: a bowl with steam
    'canteen': (
        [arc(40.5, 40, 27, 0, 180), seg(11, 40, 70, 40), seg(30, 67, 51, 67),
         arc(33, 22, 5, 90, 270), arc(33, 32, 5, 270, 90), arc(48, 20, 5, 90, 270), arc(48, 30, 5, 270, 90)],
        lambda x, y: y >= 40 and math.hypot(x - 40.5, y - 40) <= 27,
    ),
    # 议事: two speech bubbles
    'topics': (
        [hidden_by(rrect(10, 14, 52, 44, 8), rrect_sdf(30, 30, 71, 58, 8), STROKE * 1.3),
         hidden_by(polyline((20, 44), (18, 54), (31, 44)), rrect_sdf(30, 30, 71, 58, 8), STROKE * 1.3),
         rrect(30, 30, 71, 58, 8), polyline((59, 58), (62, 68), (49, 58)),
         ring(41, 44, 0.6), ring(50.5, 44, 0.6), ring(60, 44, 0.6)],
        any_of(in_rrect(10, 14, 52, 44, 8), in_rrect(30, 30, 71, 58, 8)),
    ),
    # 我的: a person
    'me': (
        [ring(40.5, 27, 13), arc(40.5, 72, 27, 180, 360), seg(13.5, 72, 67.5, 72)],
        any_of(in_circle(40.5, 27, 13), lambda x, y: y <= 72 and math.hypot(x - 40.5, y - 72) <= 27),
    ),
}


def render(strokes, fill, color, tint):
    rows = []
    half = STROKE / 2
    for py in range(SIZE):
        row = bytearray([0])
        for px in range(SIZE):
            cover = fill_cover = 0
            for sy in range(SS):
                for sx in range(SS):
                    x = px + (sx + 0.5) / SS
                    y = py + (sy + 0.5) / SS
                    if min(s(x, y) for s in strokes) <= half:
                        cover += 1
                    elif tint and fill(x, y):
                        fill_cover += 1
            n = SS * SS
            a = cover / n + (fill_cover / n) * TINT_ALPHA
            row += bytes((*color, round(min(1.0, a) * 255)))
        rows.append(bytes(row))
    return b''.join(rows)


def png(raw):
    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xFFFFFFFF)
    ihdr = struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


def main():
    out = os.path.dirname(os.path.abspath(__file__))
    for name, (strokes, fill) in ICONS.items():
        with open(os.path.join(out, f'{name}.png'), 'wb') as f:
            f.write(png(render(strokes, fill, NORMAL, False)))
        with open(os.path.join(out, f'{name}-active.png'), 'wb') as f:
            f.write(png(render(strokes, fill, SELECTED, True)))
        print('drew', name)


if __name__ == '__main__':
    main()
