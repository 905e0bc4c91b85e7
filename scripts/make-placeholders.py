#!/usr/bin/env python3
"""Writes the sample brochure's placeholder pictures into content/images/.

    make-placeholders.py [OUT_DIR]

The program page has no photos we may use, so each picture is a tonal
gradient with a quiet geometric motif, sized for 300 dpi at its printed size.

They are greyscale on purpose: the brochure is a PDF/X-4 job with a CMYK
output intent, where DeviceRGB images are not allowed (preflight reports
them). A DeviceGray picture prints on the black plate only and stays valid.

Only the standard library is used (zlib + struct write the PNGs), and the
output is byte-identical on every run, so the committed files can be checked
against a fresh run.
"""
import math
import os
import struct
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DPI = 300


def png(width, height, rows):
    """An 8-bit greyscale PNG; every row uses the Up filter, which turns a
    smooth gradient into runs of small equal numbers that deflate well."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = bytearray()
    previous = bytes(width)
    for row in rows:
        raw.append(2)
        raw.extend((c - p) & 0xFF for c, p in zip(row, previous))
        previous = row
    per_metre = round(DPI / 0.0254)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + chunk(b"IEND", b""))


def gradient(width, height, light, dark, angle):
    """Tone at each pixel along a direction `angle` (degrees), light → dark,
    with a gentle S-curve so neither end looks flat."""
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    corners = [x * dx + y * dy for x in (0, width) for y in (0, height)]
    lo, span = min(corners), max(corners) - min(corners)

    def tone(x, y):
        t = (x * dx + y * dy - lo) / span
        t = t * t * (3 - 2 * t)
        return light + (dark - light) * t
    return tone


def diamonds(pitch, line):
    """A lattice of thin diagonal lines: True on a line."""
    def on(x, y):
        return (x + y) % pitch < line or (x - y) % pitch < line
    return on


def rings(cx, cy, pitch, line):
    """Concentric circles around (cx, cy)."""
    def on(x, y):
        return math.hypot(x - cx, y - cy) % pitch < line
    return on


def pulse(pitch, line):
    """Horizontal lines; every fourth carries a heartbeat-like trace."""
    def trace(x):
        phase = (x % (pitch * 8)) / (pitch * 8)
        if 0.40 < phase < 0.46:
            return -math.sin((phase - 0.40) / 0.06 * math.pi) * pitch * 1.6
        if 0.46 < phase < 0.50:
            return math.sin((phase - 0.46) / 0.04 * math.pi) * pitch * 0.6
        return 0.0

    def on(x, y):
        for k in range(y // pitch - 2, y // pitch + 3):
            if k % 4 != 2:
                if abs(y - k * pitch) < line / 2:
                    return True
                continue
            # Thickness across the stroke, not straight down, so the steep
            # flanks of the spike stay as thick as the flat parts.
            slope = trace(x + 0.5) - trace(x - 0.5)
            if abs(y - k * pitch - trace(x)) < line / 2 * math.sqrt(1 + slope * slope):
                return True
        return False
    return on


def hexagons(size, line):
    """A honeycomb outline (pointy-top hexagons of circumradius `size`)."""
    w = math.sqrt(3) * size

    def on(x, y):
        # Axial coordinates of the nearest hexagon centre, then the distance
        # to its edge along the closest of the three edge normals.
        q = (x * math.sqrt(3) / 3 - y / 3) / size
        r = (2 * y / 3) / size
        s = -q - r
        rq, rr, rs = round(q), round(r), round(s)
        if abs(rq - q) > abs(rr - r) and abs(rq - q) > abs(rs - s):
            rq = -rr - rs
        elif abs(rr - r) > abs(rs - s):
            rr = -rq - rs
        cx = w * (rq + rr / 2)
        cy = 1.5 * size * rr
        px, py = abs(x - cx), abs(y - cy)
        edge = max(px, px / 2 + py * math.sqrt(3) / 2)
        return abs(edge - w / 2) < line / 2
    return on


def picture(width, height, tone, motif, lift):
    """Rows of the picture: the gradient, lightened by `lift` on the motif,
    with a soft vignette that keeps the edges from looking cut off."""
    cx, cy = width / 2, height / 2
    reach = math.hypot(cx, cy)
    for y in range(height):
        row = bytearray(width)
        for x in range(width):
            v = tone(x, y)
            if motif(x, y):
                v += lift
            v -= 18 * (math.hypot(x - cx, y - cy) / reach) ** 2
            row[x] = max(0, min(255, int(v)))
        yield bytes(row)


def pictures():
    """name → (width, height, rows). Sizes: 3.5 × 2.333 in for the column
    pictures (a 3.375 in brochure column, a 3.2 in tri-fold panel); the cover
    picture spans the Letter page plus bleed (8.75 × 6.625 in), with a margin
    so cropping to that box keeps it at 300 dpi or better."""
    col_w, col_h = int(3.5 * DPI), int(3.5 * DPI * 2 / 3)
    cov_w, cov_h = int(9 * DPI), int(6.75 * DPI)
    return {
        "cover.png": (cov_w, cov_h, picture(cov_w, cov_h, gradient(cov_w, cov_h, 175, 70, 60),
                                            diamonds(150, 3), 14)),
        "resident-and-patient.png": (col_w, col_h, picture(col_w, col_h, gradient(col_w, col_h, 215, 120, 20),
                                                           pulse(42, 3), 16)),
        "jacksonville-campus.png": (col_w, col_h, picture(col_w, col_h, gradient(col_w, col_h, 222, 128, 90),
                                                          rings(col_w * 0.78, col_h * 0.25, 46, 3), 14)),
        "care-team.png": (col_w, col_h, picture(col_w, col_h, gradient(col_w, col_h, 210, 115, 140),
                                                hexagons(56, 3), 14)),
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "content", "images")
    os.makedirs(out, exist_ok=True)
    for name, (w, h, rows) in pictures().items():
        data = png(w, h, rows)
        path = os.path.join(out, name)
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)
        print("%s  %dx%d  %d KB" % (path, w, h, len(data) // 1024))


if __name__ == "__main__":
    main()
