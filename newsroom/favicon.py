"""The site's icon, drawn here: a white "N" on the newsroom's red, as SVG and as PNG/ICO by Pillow.

One shape (polygons on a 64-unit square) makes every format, so the icons never drift apart.
"""

import io
from functools import cache

from PIL import Image, ImageDraw

UNITS = 64
RED = "#a11d21"  # --accent in static/css/site.css
WHITE = "#ffffff"
CORNER = 12
#: The letter N: two stems and the diagonal between them, in units of the 64-unit square.
LETTER = (
    ((16, 14), (25, 14), (25, 50), (16, 50)),
    ((39, 14), (48, 14), (48, 50), (39, 50)),
    ((16, 14), (25, 14), (48, 50), (39, 50)),
)
ICO_SIZES = (16, 32, 48)


def favicon_svg() -> str:
    shapes = "".join(f'<polygon points="{" ".join(f"{x},{y}" for x, y in polygon)}"/>' for polygon in LETTER)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {UNITS} {UNITS}">'
        f'<rect width="{UNITS}" height="{UNITS}" rx="{CORNER}" fill="{RED}"/>'
        f'<g fill="{WHITE}">{shapes}</g></svg>'
    )


def draw(size: int) -> Image.Image:
    """The icon at ``size`` pixels, drawn four times larger and scaled down for smooth edges."""
    scale = size * 4 / UNITS
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    pen = ImageDraw.Draw(big)
    pen.rounded_rectangle((0, 0, size * 4 - 1, size * 4 - 1), radius=round(CORNER * scale), fill=RED)
    for polygon in LETTER:
        pen.polygon([(x * scale, y * scale) for x, y in polygon], fill=WHITE)
    return big.resize((size, size), Image.Resampling.LANCZOS)


@cache
def favicon_ico() -> bytes:
    out = io.BytesIO()
    largest = max(ICO_SIZES)
    draw(largest).save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    return out.getvalue()


@cache
def favicon_png(size: int = 180) -> bytes:
    """The PNG phones put on a home screen (apple-touch-icon, 180 px)."""
    out = io.BytesIO()
    draw(size).save(out, format="PNG", optimize=True)
    return out.getvalue()
