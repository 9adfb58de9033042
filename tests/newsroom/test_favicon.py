"""The site's icon: /favicon.ico never 404s, and every page links an SVG and a PNG icon."""

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db

RED = (0xA1, 0x1D, 0x21)


def test_favicon_ico_is_a_real_icon_in_three_sizes(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])
    icon.size = (32, 32)
    pixels = icon.convert("RGB")
    assert pixels.getpixel((16, 3)) == pytest.approx(RED, abs=12)  # the red ground
    assert pixels.getpixel((9, 16)) == pytest.approx((255, 255, 255), abs=40)  # the N's left stem


def test_svg_and_touch_icons_are_what_they_say(client):
    svg = ET.fromstring(client.get("/favicon.svg").content)  # noqa: S314 (our own output)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.find("{http://www.w3.org/2000/svg}rect").get("fill") == "#a11d21"
    png = Image.open(io.BytesIO(client.get("/apple-touch-icon.png").content))
    assert (png.format, png.size) == ("PNG", (180, 180))


def test_every_page_links_its_icons(client):
    html = client.get("/").text
    assert '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48">' in html
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html
