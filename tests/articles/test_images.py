"""The image library: uploads are checked by content, renditions are made for srcset, and the
article page shows a <picture> with WebP and a fallback, caption and credit."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image as PILImage

from articles.images.renditions import focal_crop, image_renditions_make
from articles.models import Image
from newsroom.picture_uploads import validate_image_upload
from tests.factories import ArticleFactory
from tests.images import image_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fmt", "name"), [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp"), ("GIF", "a.gif")]
)
def test_the_four_formats_are_accepted(fmt, name):
    assert validate_image_upload(upload(name, fmt)) == fmt


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size; no pixel data at all (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)  # a few bytes that would expand to gigabytes if decoded
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def truncated_jpeg() -> bytes:
    data = image_bytes("JPEG", (400, 300))
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"Minutes of the meeting, not a picture.\n" * 20, "not a picture"),
        ("logo.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', "SVG"),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', "SVG"),
        ("photo.png", image_bytes("JPEG"), "really a JPEG"),
        ("cut.jpg", truncated_jpeg(), "damaged or incomplete"),
        ("bomb.png", png_header_only(10_000, 5_000), "50 megapixels"),
        ("bigger-bomb.png", png_header_only(30_000, 30_000), "megapixels"),
        ("photo.bmp", None, "BMP"),
        ("empty.jpg", b"", "empty"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(name, content, message):
    if content is None:
        buffer = io.BytesIO()
        PILImage.new("RGB", (10, 10)).save(buffer, "BMP")
        content = buffer.getvalue()
    with pytest.raises(ValidationError, match=message):
        validate_image_upload(upload(name, content=content))


def test_files_over_ten_megabytes_are_refused():
    big = upload("big.jpg", content=image_bytes("JPEG") + b"\0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="at most 10 MB"):
        validate_image_upload(big)


def test_admin_upload_refuses_a_renamed_text_file_and_accepts_a_photo(
    admin_client, django_capture_on_commit_callbacks
):
    url = reverse("admin:articles_image_add")
    data = {
        "alt_text": "Volunteers unload tents",
        "caption": "",
        "credit": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }
    response = admin_client.post(url, {**data, "file": upload("report.jpg", content=b"just some text " * 50)})
    assert response.status_code == 200
    assert "not a picture Newsroom can read" in response.text
    assert not Image.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {**data, "file": upload("tents.jpg", "JPEG", (2000, 1000))})
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (2000, 1000)
    # The immediate task backend has already made the renditions.
    assert image.renditions.count() > 0


def test_renditions_cover_widths_formats_and_a_focal_crop():
    image = Image.objects.create(file=upload("wide.jpg", "JPEG", (2000, 1000)), alt_text="x", focal_x=0.9)
    image_renditions_make(image=image)
    rows = set(image.renditions.values_list("width", "format", "ratio"))
    for width in (480, 800, 1200, 1600):
        for fmt in ("webp", "jpeg"):
            assert (width, fmt, "") in rows
            assert (width, fmt, "16:9") in rows
    crop = image.renditions.get(width=800, format="jpeg", ratio="16:9")
    assert (crop.width, crop.height) == (800, 450)
    with PILImage.open(crop.file) as picture:
        assert picture.format == "JPEG" and picture.size == (800, 450)


def test_transparent_png_falls_back_to_png():
    image = Image.objects.create(file=upload("logo.png", "PNG", (600, 300)), alt_text="x")
    image_renditions_make(image=image)
    assert set(image.renditions.values_list("format", flat=True)) == {"webp", "png"}


def test_focal_crop_keeps_the_subject_in_view():
    picture = PILImage.new("RGB", (2000, 1000))
    right = focal_crop(picture, 1.0, focal_x=0.95, focal_y=0.5)
    assert right.size == (1000, 1000)
    left = focal_crop(picture, 1.0, focal_x=0.0, focal_y=0.5)
    assert left.size == (1000, 1000)
    # The crop box is clamped inside the picture: a focal point at the edge gives the edge strip.
    assert picture.crop((1000, 0, 2000, 1000)).tobytes() == right.tobytes()


def test_article_page_shows_a_picture_with_srcset_caption_and_credit(client):
    image = Image.objects.create(
        file=upload("convoy.jpg", "JPEG", (1700, 900)),
        alt_text="A convoy of trucks on a mountain road",
        caption="The second convoy leaves Tabriz.",
        credit="Sara Ahmadi/IRNA",
    )
    image_renditions_make(image=image)
    article = ArticleFactory(lead_image=image)
    html = client.get(article.get_absolute_url()).text
    assert "<picture>" in html
    assert 'type="image/webp"' in html and " 1600w" in html and " 480w" in html
    assert 'alt="A convoy of trucks on a mountain road"' in html
    assert "The second convoy leaves Tabriz." in html and "Sara Ahmadi/IRNA" in html


def test_article_page_with_a_lead_image_adds_one_query_for_all_renditions(client, django_assert_num_queries):
    from tests.articles.test_query_counts import BUDGETS

    image = Image.objects.create(file=upload("convoy.jpg", "JPEG", (1700, 900)), alt_text="A convoy")
    image_renditions_make(image=image)
    assert image.renditions.count() == 16
    article = ArticleFactory(lead_image=image)
    # The article budget (no lead image) plus one prefetch of every rendition.
    # + 1 for the renditions, - 1 as this article has no related stories whose reasons need names.
    with django_assert_num_queries(BUDGETS["article"] + 1 - 1):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_the_body_editor_lists_library_pictures_for_staff_only(client, admin_client):
    image = Image.objects.create(file=upload("tents.jpg"), alt_text="Tents in a school yard")
    url = reverse("admin:articles_image_library")
    listing = admin_client.get(url).json()["images"]
    # Renditions are made after commit: until then the thumbnail is the original.
    assert listing == [
        {"id": image.pk, "alt": "Tents in a school yard", "url": image.file.url, "thumb": image.file.url}
    ]
    assert client.get(url).status_code == 302  # to the admin login
    form = admin_client.get(reverse("admin:articles_article_add")).text
    assert f'data-image-library-url="{url}"' in form
    assert "js/body_images.js" in form


def test_editing_a_lead_image_tells_the_articles_that_show_it(
    admin_client, change_notices, django_capture_on_commit_callbacks
):
    image = Image.objects.create(file=upload("tents.jpg"), alt_text="Tents")
    article = ArticleFactory(lead_image=image)
    data = {
        "alt_text": "Tents",
        "caption": "New caption",
        "credit": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:articles_image_change", args=[image.pk]), data)
    assert response.status_code == 302
    assert change_notices == [({article.pk}, ("image edited",))]


def test_moving_the_focal_point_sends_one_notice_once_the_renditions_exist(
    admin_client, change_notices, django_capture_on_commit_callbacks
):
    image = Image.objects.create(file=upload("tents.jpg"), alt_text="Tents")
    article = ArticleFactory(lead_image=image)
    data = {"alt_text": "Tents in a yard", "caption": "", "credit": "", "focal_x": "0.2", "focal_y": "0.5"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:articles_image_change", args=[image.pk]), data)
    assert response.status_code == 302
    assert image.renditions.exists()
    assert change_notices == [({article.pk}, ("image renditions made",))]
