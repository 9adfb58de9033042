"""The demo newsroom's pictures, drawn here with Pillow: maps, charts and illustrations, nothing downloaded.

Each drawing is a function of its parameters and a seed (the file name), so the same demo gives
the same pixels on every machine with the same Pillow. The text uses Pillow's bundled font.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 675)
INK = (33, 37, 41)
PAPER = (247, 244, 238)
RED = (200, 16, 46)
BLUE = (38, 84, 124)
TEAL = (42, 157, 143)
SAND = (233, 196, 106)
ORANGE = (231, 111, 81)
GREY = (173, 181, 189)
SKY = (168, 210, 235)


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _jpeg(picture: Image.Image) -> bytes:
    # JPEG, not PNG: several times quicker to encode, clean and resize, and the demo loads faster.
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _title(draw: ImageDraw.ImageDraw, text: str, *, subtitle: str = "") -> None:
    if not text:
        return
    draw.rectangle((0, 0, SIZE[0], 86 if subtitle else 64), fill=(255, 255, 255))
    draw.text((32, 14), text, font=font(34), fill=INK)
    if subtitle:
        draw.text((32, 54), subtitle, font=font(20), fill=(90, 90, 90))


def _label(draw, xy, text, *, size=22, fill=INK, anchor="mm", halo=(255, 255, 255)):
    draw.text(xy, text, font=font(size), fill=fill, anchor=anchor, stroke_width=3, stroke_fill=halo)


def _crescent(draw, cx, cy, r, colour=RED, background=(255, 255, 255)):
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
    draw.ellipse((cx - r * 0.55, cy - r * 0.95, cx + r * 1.25, cy + r * 0.95), fill=background)


# Maps: simplified, invented outlines of provinces (not survey-accurate; the caption says so).
REGIONS = {
    "west": {
        "Iraq": [
            (0, 0),
            (420, 60),
            (440, 200),
            (380, 220),
            (400, 380),
            (330, 470),
            (420, 600),
            (380, 675),
            (0, 675),
        ],
        "Kurdistan": [(420, 60), (700, 40), (760, 200), (700, 230), (560, 250), (440, 200)],
        "Kermanshah": [(380, 220), (440, 200), (560, 250), (700, 230), (720, 380), (560, 430), (400, 380)],
        "Hamadan": [(700, 230), (760, 200), (900, 180), (940, 330), (720, 380)],
        "Ilam": [(400, 380), (560, 430), (600, 560), (420, 600), (330, 470)],
        "Lorestan": [(560, 430), (720, 380), (940, 330), (980, 500), (760, 600), (600, 560)],
        "Markazi": [(900, 180), (1200, 150), (1200, 480), (980, 500), (940, 330)],
        "Khuzestan": [(420, 600), (600, 560), (760, 600), (980, 500), (1200, 480), (1200, 675), (380, 675)],
        "Zanjan": [(700, 40), (1200, 0), (1200, 150), (900, 180), (760, 200)],
    },
    "east": {
        "Turkmenistan": [(280, 0), (1200, 0), (1200, 60), (700, 60), (300, 40)],
        "Razavi Khorasan": [(300, 40), (700, 60), (720, 230), (420, 260), (280, 200)],
        "Semnan": [(0, 60), (300, 40), (280, 200), (330, 420), (0, 450)],
        "South Khorasan": [(280, 200), (420, 260), (720, 230), (700, 400), (330, 420)],
        "Sistan and Baluchestan": [(330, 420), (700, 400), (760, 560), (640, 675), (360, 675), (300, 540)],
        "Kerman": [(0, 450), (330, 420), (300, 540), (360, 675), (0, 675)],
        "Afghanistan": [(700, 60), (1200, 60), (1200, 560), (760, 560), (700, 400), (720, 230)],
        "Pakistan": [(760, 560), (1200, 560), (1200, 675), (640, 675)],
    },
}
FOREIGN = {"Iraq", "Turkmenistan", "Afghanistan", "Pakistan"}


def _centroid(points):
    xs, ys = zip(*points, strict=True)
    return sum(xs) / len(xs), sum(ys) / len(ys)


def draw_map(*, title="", region="west", highlight=(), markers=(), route=(), legend="", seed=""):
    picture = Image.new("RGB", SIZE, (214, 234, 248))
    draw = ImageDraw.Draw(picture)
    for name, points in REGIONS[region].items():
        if name in highlight:
            fill = (246, 189, 96)
        elif name in FOREIGN:
            fill = (222, 222, 214)
        else:
            fill = (236, 240, 226)
        draw.polygon(points, fill=fill, outline=(120, 120, 110), width=3)
    for name, points in REGIONS[region].items():
        x, y = _centroid(points)
        _label(draw, (x, y), name.upper() if name in FOREIGN else name, size=24, fill=(70, 70, 60))
    if route:
        stops = [tuple(m["at"]) for m in markers if m["name"] in route]
        draw.line(stops, fill=RED, width=8, joint="curve")
    for marker in markers:
        x, y = marker["at"]
        r = 12 if marker.get("main") else 8
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=RED if marker.get("main") else INK, outline="white", width=3
        )
        _label(draw, (x + r + 8, y), marker["name"], size=26 if marker.get("main") else 22, anchor="lm")
    if legend:
        draw.rectangle((SIZE[0] - 420, SIZE[1] - 70, SIZE[0] - 20, SIZE[1] - 20), fill="white", outline=GREY)
        draw.rectangle((SIZE[0] - 405, SIZE[1] - 58, SIZE[0] - 375, SIZE[1] - 32), fill=(246, 189, 96))
        draw.text((SIZE[0] - 362, SIZE[1] - 45), legend, font=font(20), fill=INK, anchor="lm")
    _title(draw, title)
    return picture


def _axes(draw, box, top_value, unit):
    left, top, right, bottom = box
    draw.line((left, bottom, right, bottom), fill=INK, width=3)
    steps = 4
    for i in range(steps + 1):
        y = bottom - (bottom - top) * i / steps
        draw.line((left, y, right, y), fill=(220, 220, 220), width=1)
        value = top_value * i / steps
        draw.text((left - 12, y), f"{value:,.0f}{unit}", font=font(18), fill=(90, 90, 90), anchor="rm")


def _nice_top(value: float) -> float:
    magnitude = 10 ** math.floor(math.log10(value or 1))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def draw_bars(*, title="", subtitle="", bars=(), unit="", colour="teal", seed=""):
    picture = Image.new("RGB", SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    _title(draw, title, subtitle=subtitle)
    box = (150, 130, SIZE[0] - 60, SIZE[1] - 90)
    top_value = _nice_top(max(value for _label_text, value in bars))
    _axes(draw, box, top_value, unit)
    left, top, right, bottom = box
    slot = (right - left) / len(bars)
    fill = {"teal": TEAL, "red": RED, "blue": BLUE, "orange": ORANGE}[colour]
    for i, (name, value) in enumerate(bars):
        x0 = left + slot * i + slot * 0.18
        x1 = left + slot * (i + 1) - slot * 0.18
        y = bottom - (bottom - top) * value / top_value
        draw.rectangle((x0, y, x1, bottom), fill=fill)
        draw.text(((x0 + x1) / 2, y - 8), f"{value:,}{unit}", font=font(22), fill=INK, anchor="md")
        draw.text(((x0 + x1) / 2, bottom + 14), name, font=font(20), fill=INK, anchor="ma")
    return picture


def draw_line(*, title="", subtitle="", points=(), unit="", seed=""):
    picture = Image.new("RGB", SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    _title(draw, title, subtitle=subtitle)
    box = (150, 130, SIZE[0] - 80, SIZE[1] - 90)
    top_value = _nice_top(max(value for _name, value in points))
    _axes(draw, box, top_value, unit)
    left, top, right, bottom = box
    step = (right - left) / max(1, len(points) - 1)
    xy = [(left + step * i, bottom - (bottom - top) * v / top_value) for i, (_n, v) in enumerate(points)]
    draw.polygon([*xy, (xy[-1][0], bottom), (xy[0][0], bottom)], fill=(214, 236, 233))
    draw.line(xy, fill=TEAL, width=6, joint="curve")
    for (x, y), (name, _value) in zip(xy, points, strict=True):
        draw.ellipse((x - 8, y - 8, x + 8, y + 8), fill="white", outline=TEAL, width=4)
        draw.text((x, bottom + 14), name, font=font(20), fill=INK, anchor="ma")
    x, y = xy[-1]
    _label(draw, (x - 14, y - 16), f"{points[-1][1]:,}{unit}", size=24, anchor="rb")
    return picture


def _landscape(draw, rng, *, snow=False, ground=(205, 190, 150)):
    draw.rectangle((0, 0, *SIZE), fill=(196, 222, 238) if not snow else (214, 224, 232))
    for i in range(3):
        base = 420 + i * 30
        peaks = [(0, base)]
        for x in range(0, SIZE[0] + 200, 200):
            peaks.append((x + rng.randint(-40, 40), base - rng.randint(90, 200) + i * 40))
        peaks += [(SIZE[0], base), (SIZE[0], SIZE[1]), (0, SIZE[1])]
        shade = 150 - i * 25
        draw.polygon(peaks, fill=(shade, shade + 15, shade + 35))
        if snow:
            for x, y in peaks[1:-3]:
                draw.polygon([(x - 35, y + 35), (x, y), (x + 35, y + 35)], fill=(250, 250, 252))
    draw.rectangle((0, 470, SIZE[0], SIZE[1]), fill=ground if not snow else (236, 238, 240))


def draw_tents(*, title="", rows=3, snow=False, classroom=False, seed=""):
    rng = random.Random(seed)
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _landscape(draw, rng, snow=snow)
    for row in range(rows):
        y = 500 + row * 55
        size = 60 + row * 22
        for i in range(7 - row):
            x = 90 + i * (size * 2.1) + rng.randint(-10, 10) + row * 30
            colour = (236, 236, 230) if (i + row) % 3 else (84, 139, 193)
            draw.polygon(
                [(x - size, y + size * 0.7), (x, y - size * 0.6), (x + size, y + size * 0.7)], fill=colour
            )
            draw.polygon(
                [(x - size * 0.2, y + size * 0.7), (x, y), (x + size * 0.2, y + size * 0.7)],
                fill=(60, 60, 60),
            )
            if (i + row) % 3 == 0:
                _crescent(draw, x + size * 0.45, y + size * 0.1, size * 0.12, background=colour)
    if classroom:
        draw.rectangle((860, 120, 1140, 260), fill=(46, 82, 66), outline=(120, 90, 60), width=10)
        draw.text((1000, 190), "A  B  پ  1 2 3", font=font(34), fill="white", anchor="mm")
    _title(draw, title)
    return picture


def draw_convoy(*, title="", trucks=5, seed=""):
    rng = random.Random(seed)
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _landscape(draw, rng)
    draw.polygon([(0, 560), (SIZE[0], 500), (SIZE[0], 600), (0, 675)], fill=(90, 90, 95))
    for i in range(trucks):
        x = 60 + i * 230
        y = 555 - i * 12
        draw.rectangle((x, y - 90, x + 150, y), fill=(248, 248, 245), outline=(120, 120, 120), width=2)
        draw.rectangle((x + 150, y - 60, x + 200, y), fill=(230, 230, 225), outline=(120, 120, 120), width=2)
        draw.rectangle((x + 165, y - 52, x + 192, y - 30), fill=(150, 190, 215))
        _crescent(draw, x + 75, y - 45, 24, background=(248, 248, 245))
        for wheel in (x + 30, x + 120, x + 175):
            draw.ellipse((wheel - 16, y - 14, wheel + 16, y + 18), fill=INK)
    _title(draw, title)
    return picture


def draw_hospital(*, title="", seed=""):
    rng = random.Random(seed)
    picture = Image.new("RGB", SIZE, (252, 226, 196))
    draw = ImageDraw.Draw(picture)
    for y in range(0, 460, 4):  # an evening sky
        t = y / 460
        draw.rectangle(
            (0, y, SIZE[0], y + 4), fill=(int(80 + 170 * t), int(120 + 100 * t), int(190 - 20 * t))
        )
    x = 0
    while x < SIZE[0]:
        width, height = rng.randint(70, 150), rng.randint(140, 330)
        shade = rng.randint(60, 95)
        draw.rectangle((x, 520 - height, x + width, 520), fill=(shade, shade + 5, shade + 20))
        for wy in range(520 - height + 15, 505, 28):
            for wx in range(x + 10, x + width - 15, 22):
                if rng.random() < 0.5:
                    draw.rectangle((wx, wy, wx + 10, wy + 14), fill=(255, 221, 130))
        x += width + rng.randint(0, 12)
    draw.rectangle((420, 210, 780, 520), fill=(245, 245, 242), outline=(150, 150, 150), width=3)
    for wy in range(240, 470, 45):
        for wx in range(445, 760, 55):
            draw.rectangle((wx, wy, wx + 30, wy + 26), fill=(150, 190, 215))
    draw.rectangle((560, 450, 640, 520), fill=(110, 150, 180))
    draw.rectangle((520, 150, 680, 210), fill="white", outline=RED, width=4)
    _crescent(draw, 600, 180, 22)
    draw.rectangle((0, 520, SIZE[0], SIZE[1]), fill=(70, 72, 80))
    for lane in range(0, SIZE[0], 120):
        draw.rectangle((lane, 595, lane + 60, 603), fill=(240, 240, 240))
    draw.rectangle((860, 545, 1060, 625), fill="white", outline=(120, 120, 120), width=2)
    draw.rectangle((860, 545, 1060, 565), fill=RED)
    for wheel in (900, 1020):
        draw.ellipse((wheel - 18, 610, wheel + 18, 646), fill=INK)
    _title(draw, title)
    return picture


def draw_pattern(*, title="", palette="madder", seed=""):
    colours = {
        "madder": [(139, 30, 45), (233, 196, 106), (38, 70, 83), (244, 236, 220)],
        "indigo": [(29, 53, 87), (230, 57, 70), (241, 250, 238), (168, 218, 220)],
    }[palette]
    picture = Image.new("RGB", SIZE, colours[0])
    draw = ImageDraw.Draw(picture)
    for inset, colour in ((24, colours[1]), (48, colours[2]), (80, colours[0])):
        draw.rectangle((inset, inset, SIZE[0] - inset, SIZE[1] - inset), outline=colour, width=14)
    for x in range(130, SIZE[0] - 100, 80):
        for y in (110, SIZE[1] - 110):
            draw.polygon([(x, y - 22), (x + 22, y), (x, y + 22), (x - 22, y)], fill=colours[1])
    cx, cy = SIZE[0] / 2, SIZE[1] / 2
    for r, colour in (
        (230, colours[1]),
        (180, colours[2]),
        (120, colours[3]),
        (70, colours[0]),
        (30, colours[1]),
    ):
        draw.polygon([(cx, cy - r), (cx + r * 1.4, cy), (cx, cy + r), (cx - r * 1.4, cy)], fill=colour)
    for x in (250, SIZE[0] - 250):
        for y in (230, SIZE[1] - 230):
            draw.ellipse((x - 40, y - 40, x + 40, y + 40), fill=colours[3])
            draw.ellipse((x - 18, y - 18, x + 18, y + 18), fill=colours[2])
    if title:
        _title(draw, title)
    return picture


def draw_calligraphy(*, title="", seed=""):
    rng = random.Random(seed)
    picture = Image.new("RGB", SIZE, (244, 233, 208))
    draw = ImageDraw.Draw(picture)
    for line in range(4):
        y = 170 + line * 120
        x = 1080
        while x > 160:
            w = rng.randint(40, 110)
            h = rng.randint(30, 70)
            start = rng.choice((0, 90, 180))
            draw.arc(
                (x - w, y - h, x, y + h * 0.4),
                start=start,
                end=start + rng.randint(140, 260),
                fill=INK,
                width=rng.randint(6, 12),
            )
            if rng.random() < 0.4:
                draw.ellipse((x - w / 2 - 6, y - h - 18, x - w / 2 + 6, y - h - 6), fill=INK)
            x -= w + rng.randint(5, 25)
    draw.line((980, 620, 1160, 420), fill=(150, 110, 60), width=14)
    draw.polygon([(980, 620), (965, 650), (992, 628)], fill=INK)
    _title(draw, title)
    return picture


def draw_film(*, title="", seed=""):
    rng = random.Random(seed)
    picture = Image.new("RGB", SIZE, (24, 24, 28))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 150, SIZE[0], 560), fill=(12, 12, 14))
    for x in range(10, SIZE[0], 60):
        for y in (165, 525):
            draw.rounded_rectangle((x, y, x + 34, y + 22), radius=4, fill=(230, 230, 230))
    for i, x in enumerate(range(40, SIZE[0] - 200, 290)):
        frame = (x, 210, x + 260, 505)
        draw.rectangle(frame, fill=(120 + 30 * (i % 3), 150, 170 - 20 * (i % 2)))
        ground = 420 + rng.randint(-20, 20)
        draw.rectangle((x, ground, x + 260, 505), fill=(150, 120, 80))
        for p in range(rng.randint(1, 3)):
            px = x + 60 + p * 70
            draw.ellipse((px - 14, ground - 110, px + 14, ground - 82), fill=(40, 40, 40))
            draw.rectangle((px - 16, ground - 80, px + 16, ground - 10), fill=RED if p == 0 else (50, 70, 90))
    _title(draw, title)
    return picture


def draw_meeting(*, title="", flags=("#239f40", "#e30a17"), seats=8, seed=""):
    picture = Image.new("RGB", SIZE, (236, 230, 218))
    draw = ImageDraw.Draw(picture)
    cx, cy = SIZE[0] / 2, SIZE[1] / 2 + 40
    draw.ellipse((cx - 330, cy - 190, cx + 330, cy + 190), fill=(120, 80, 50))
    draw.ellipse((cx - 300, cy - 165, cx + 300, cy + 165), fill=(150, 104, 66))
    for i in range(seats):
        angle = 2 * math.pi * i / seats
        x, y = cx + 390 * math.cos(angle), cy + 235 * math.sin(angle)
        draw.ellipse((x - 34, y - 34, x + 34, y + 34), fill=(60, 72, 88))
        px, py = cx + 250 * math.cos(angle), cy + 130 * math.sin(angle)
        draw.rectangle((px - 26, py - 18, px + 26, py + 18), fill="white", outline=GREY)
    for i, colour in enumerate(flags):
        fx = cx - 60 + i * 90
        draw.line((fx, cy - 10, fx, cy - 120), fill=(90, 90, 90), width=5)
        draw.rectangle((fx, cy - 120, fx + 70, cy - 75), fill=colour)
    _title(draw, title)
    return picture


def draw_vaccines(*, title="", solar=False, seed=""):
    picture = Image.new("RGB", SIZE, (226, 240, 246))
    draw = ImageDraw.Draw(picture)
    if solar:
        draw.rectangle((0, 470, SIZE[0], SIZE[1]), fill=(214, 196, 150))
        draw.ellipse((1020, 90, 1130, 200), fill=(255, 204, 80))
        draw.rectangle((160, 250, 620, 560), fill=(250, 250, 250), outline=(120, 120, 120), width=3)
        draw.polygon([(130, 250), (390, 130), (650, 250)], fill=(180, 90, 60))
        draw.polygon([(220, 205), (420, 120), (560, 185), (360, 270)], fill=(40, 70, 130))
        for k in range(1, 4):
            draw.line((220 + 50 * k, 205 - 21 * k, 360 + 50 * k, 270 - 21 * k), fill=(200, 210, 230), width=2)
        draw.rectangle((720, 300, 900, 600), fill=(240, 244, 248), outline=(100, 110, 120), width=4)
        draw.line((720, 400, 900, 400), fill=(100, 110, 120), width=3)
        draw.text((810, 350), "2–8 °C", font=font(30), fill=BLUE, anchor="mm")
        draw.line((560, 185, 760, 300), fill=INK, width=4)
    else:
        for row in range(3):
            for col in range(9):
                x, y = 140 + col * 110, 190 + row * 150
                draw.rounded_rectangle(
                    (x, y + 30, x + 60, y + 120),
                    radius=10,
                    fill=(250, 250, 252),
                    outline=(140, 150, 160),
                    width=3,
                )
                draw.rectangle(
                    (x + 8, y + 8, x + 52, y + 30), fill=(255, 165, 0) if (row + col) % 2 else TEAL
                )
                draw.rectangle((x + 4, y + 70, x + 56, y + 100), fill=(180, 220, 240))
    _title(draw, title)
    return picture


DRAWINGS = {
    "map": draw_map,
    "bars": draw_bars,
    "line": draw_line,
    "tents": draw_tents,
    "convoy": draw_convoy,
    "hospital": draw_hospital,
    "pattern": draw_pattern,
    "calligraphy": draw_calligraphy,
    "film": draw_film,
    "meeting": draw_meeting,
    "vaccines": draw_vaccines,
}


def drawing_jpeg(kind: str, params: dict, *, seed: str) -> bytes:
    """The JPEG bytes of one demo drawing (the same bytes for the same parameters and seed)."""
    return _jpeg(DRAWINGS[kind](**params, seed=seed))
