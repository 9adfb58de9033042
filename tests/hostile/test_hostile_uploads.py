"""Hostile uploads through the admin, end to end: each is refused with a message the editor reads on
the form (and nothing is stored), or stored cleaned, so that no file a reader can fetch (the
original's address, every rendition, the og:image of the page) carries a script or a location.

The unit checks of the upload rules live in tests/articles/test_images.py and
tests/articles/test_image_privacy.py; this module drives the same files through the real forms,
for the image library and for people's photos and organizations' logos.
"""

import io
import os
import re
import struct
import zlib

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from articles.images.models import Image
from organizations.models import Organization, Person

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
SCRIPT = b"<script>alert(document.domain)</script><?php system($_GET['c']); ?>"
LATITUDE = (35.0, 41.0, 21.0)


def jpeg_with_gps(size=(160, 120)) -> bytes:
    exif = PILImage.Exif()
    exif[0x0112] = 1
    exif.get_ifd(GPS_IFD).update({1: "N", 2: LATITUDE, 3: "E", 4: (51.0, 23.0, 22.0)})
    out = io.BytesIO()
    PILImage.new("RGB", size, (30, 120, 200)).save(out, "JPEG", exif=exif.tobytes(), comment=SCRIPT)
    return out.getvalue()


def png_bomb(width=30_000, height=30_000) -> bytes:
    """A PNG whose header claims 900 megapixels, with a few bytes of data (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 4096))
        + chunk(b"IEND", b"")
    )


def picture(fmt: str, size=(120, 90)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, (200, 80, 40)).save(out, fmt)
    return out.getvalue()


def gif_with_script() -> bytes:
    out = io.BytesIO()
    PILImage.new("P", (20, 20), 3).save(out, "GIF", comment=SCRIPT)
    return out.getvalue() + SCRIPT


REFUSED = {
    "decompression bomb": ("bomb.png", png_bomb(), "megapixels"),
    "svg with a script": (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
        "SVG",
    ),
    "svg named .png": ("logo.png", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
    "truncated jpeg": ("cut.jpg", picture("JPEG", (400, 300))[:1500], "damaged or incomplete"),
    "truncated png": ("cut.png", picture("PNG", (400, 300))[:300], "damaged or incomplete|not a picture"),
    "html named .jpg": ("photo.jpg", b"<html><body><script>alert(1)</script></body></html>", "not a picture"),
    "php named .jpg": ("shell.jpg", b"<?php system($_GET['c']); ?>", "not a picture"),
    "empty file": ("empty.jpg", b"", "empty"),
}

IMAGE_FORM = {"alt_text": "Relief tents", "caption": "", "credit": "", "focal_x": "0.5", "focal_y": "0.5"}


@pytest.fixture
def chief(client):
    client.force_login(User.objects.create_superuser("chief", "chief@example.org", "pw"))
    return client


def _errors(response) -> str:
    text = response.content.decode()
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', text, re.S))


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_the_image_library_refuses_the_file_with_a_message(chief, case):
    name, content, message = REFUSED[case]
    response = chief.post(
        reverse("admin:articles_image_add"), {**IMAGE_FORM, "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200, case  # the form again, with the error
    assert re.search(message, _errors(response)), _errors(response)
    assert not Image.objects.exists()


def test_a_hundred_megabyte_upload_is_refused_and_not_kept(chief, settings, tmp_path):
    big = tmp_path / "huge.jpg"
    with big.open("wb") as out:  # sparse: a real JPEG, then a hole up to 100 MB
        out.write(picture("JPEG"))
        out.truncate(100 * 1024 * 1024)
    with big.open("rb") as upload:
        response = chief.post(reverse("admin:articles_image_add"), {**IMAGE_FORM, "file": upload})
    big.unlink()
    assert "at most 10 MB" in _errors(response)
    assert not Image.objects.exists()
    media = settings.MEDIA_ROOT
    stored = [f for _root, _dirs, files in os.walk(media) for f in files] if os.path.exists(media) else []
    assert stored == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tents.jpg", jpeg_with_gps()),
        ("polyglot.jpg", jpeg_with_gps() + b"<html><body>" + SCRIPT + b"</body></html>"),
        ("anim.gif", gif_with_script()),
    ],
)
def test_what_a_reader_can_fetch_carries_no_location_and_no_script(
    chief, client, settings, django_capture_on_commit_callbacks, name, content
):
    """The original's address, every rendition and the page's og:image: no GPS, no script."""
    settings.NEWSROOM_SERVE_MEDIA = True
    with django_capture_on_commit_callbacks(execute=True):
        response = chief.post(
            reverse("admin:articles_image_add"), {**IMAGE_FORM, "file": SimpleUploadedFile(name, content)}
        )
    assert response.status_code == 302
    image = Image.objects.get()
    from tests.factories import ArticleFactory

    article = ArticleFactory(lead_image=image, slug="with-picture")
    page = client.get(article.get_absolute_url()).content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', page).group(1)
    urls = {image.file.url, og_image.removeprefix("http://testserver")}
    urls |= {rendition.file.url for rendition in image.renditions.all()}
    assert len(urls) > 2, "the renditions were made"
    for url in urls:
        served = client.get(url)
        assert served.status_code == 200, url
        data = b"".join(served.streaming_content)
        assert b"<script" not in data and b"<?php" not in data and b"<html" not in data, url
        with PILImage.open(io.BytesIO(data)) as seen:
            assert not seen.getexif().get_ifd(GPS_IFD), url


@pytest.mark.parametrize(
    ("model", "field", "extra"),
    [
        (Person, "photo", {"name": "Sara Ahmadi", "slug": "sara-ahmadi"}),
        (Organization, "logo", {"name": "Relief Watch", "slug": "relief-watch", "kind": "ngo"}),
    ],
)
def test_a_person_photo_or_an_organization_logo_is_stored_clean(chief, model, field, extra):
    """The entity forms store pictures readers get (an organization's logo is in its JSON-LD)."""
    add = reverse(f"admin:organizations_{model._meta.model_name}_add")
    form = chief.get(add).context["adminform"].form
    data = {**{k: v for k, v in form.initial.items() if v is not None and not hasattr(v, "pk")}, **extra}
    for formset in chief.get(add).context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{k}": v for k, v in management.initial.items()})
        data.update({f"{management.prefix}-TOTAL_FORMS": 0, f"{management.prefix}-INITIAL_FORMS": 0})
    polyglot = jpeg_with_gps() + b"<html>" + SCRIPT
    response = chief.post(add, {**data, field: SimpleUploadedFile("face.jpg", polyglot)})
    assert response.status_code == 302, response.context["adminform"].form.errors
    stored = getattr(model.objects.get(slug=extra["slug"]), field)
    with stored.open("rb") as handle:
        data = handle.read()
    assert b"<script" not in data and b"<?php" not in data
    with PILImage.open(io.BytesIO(data)) as seen:
        assert not seen.getexif().get_ifd(GPS_IFD)


@pytest.mark.parametrize("case", ["svg with a script", "html named .jpg", "decompression bomb"])
def test_a_person_photo_that_is_not_a_picture_is_refused_with_a_message(chief, case):
    name, content, _message = REFUSED[case]
    add = reverse("admin:organizations_person_add")
    data = {"name": "Sara Ahmadi", "slug": "sara-ahmadi"}
    for formset in chief.get(add).context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{k}": v for k, v in management.initial.items()})
        data.update({f"{management.prefix}-TOTAL_FORMS": 0, f"{management.prefix}-INITIAL_FORMS": 0})
    response = chief.post(add, {**data, "photo": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert _errors(response)
    assert not Person.objects.exists()
