"""Readers never get a picture's location, hidden comments or bytes smuggled after it."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageCms

from articles.images.models import Image
from articles.images.renditions import image_renditions_make

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION, ARTIST, COPYRIGHT = 0x0112, 0x013B, 0x8298
SCRIPT = b"<script>alert(document.domain)</script><?php system($_GET['c']); ?>"


def _photo_with_gps(**extra) -> bytes:
    picture = PILImage.new("RGB", (120, 80), (30, 120, 200))
    exif = PILImage.Exif()
    exif[ORIENTATION] = 6
    exif[ARTIST] = "Sara Ahmadi"
    exif[COPYRIGHT] = "IRNA"
    exif[0x0110] = "Phone Model X"  # camera model: not kept
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (35.0, 41.0, 21.0), 3: "E", 4: (51.0, 23.0, 22.0)})
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif.tobytes(), icc_profile=profile, comment=SCRIPT, quality=90, **extra)
    return out.getvalue()


def _stored(name: str, content: bytes) -> bytes:
    image = Image(file=SimpleUploadedFile(name, content), alt_text="Relief tents", credit="Sara Ahmadi/IRNA")
    image.save()
    image.file.open("rb")
    try:
        return image.file.read()
    finally:
        image.file.close()


def test_gps_and_camera_data_are_dropped_but_orientation_profile_and_credit_stay():
    stored = _stored("tents.jpg", _photo_with_gps())
    with PILImage.open(io.BytesIO(stored)) as picture:
        exif = picture.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert 0x0110 not in exif
        assert exif[ORIENTATION] == 6
        assert exif[ARTIST] == "Sara Ahmadi"
        assert exif[COPYRIGHT] == "IRNA"
        assert picture.info.get("icc_profile")
        assert "comment" not in picture.info
    assert b"<script>" not in stored


def test_a_jpeg_with_a_script_appended_is_stored_without_it():
    polyglot = _photo_with_gps() + b"\n<html><body>" + SCRIPT + b"</body></html>"
    stored = _stored("polyglot.jpg", polyglot)
    assert b"<script>" not in stored and b"<?php" not in stored
    assert stored.endswith(b"\xff\xd9")  # the JPEG ends where the picture ends


def test_a_gif_with_a_trailing_script_and_comment_is_cleaned():
    out = io.BytesIO()
    PILImage.new("P", (20, 20), 3).save(out, "GIF", comment=SCRIPT)
    stored = _stored("anim.gif", out.getvalue() + SCRIPT)
    assert b"<script>" not in stored
    with PILImage.open(io.BytesIO(stored)) as picture:
        assert picture.format == "GIF" and picture.size == (20, 20)


def test_png_text_chunks_do_not_survive():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    info.add_text("GPS", "35.689, 51.389")
    out = io.BytesIO()
    PILImage.new("RGBA", (30, 30), (1, 2, 3, 255)).save(out, "PNG", pnginfo=info)
    stored = _stored("chart.png", out.getvalue())
    assert b"<script>" not in stored and b"51.389" not in stored


def test_renditions_carry_no_comment_or_location():
    image = Image(file=SimpleUploadedFile("tents.jpg", _photo_with_gps()), alt_text="Tents")
    image.save()
    # An original stored before cleaning existed, as it is on disk: its renditions still come out clean.
    raw_name = default_storage.save("images/legacy-tents.jpg", ContentFile(_photo_with_gps() + SCRIPT))
    Image.objects.filter(pk=image.pk).update(file=raw_name)
    image.refresh_from_db()
    image_renditions_make(image=image)
    assert image.renditions.exists()
    for rendition in image.renditions.all():
        rendition.file.open("rb")
        data = rendition.file.read()
        rendition.file.close()
        assert b"<script>" not in data
        with PILImage.open(io.BytesIO(data)) as picture:
            assert not picture.getexif().get_ifd(GPS_IFD)


def test_the_admin_upload_stores_the_cleaned_file(admin_client, django_capture_on_commit_callbacks):
    url = reverse("admin:articles_image_add")
    data = {"alt_text": "Relief tents", "caption": "", "credit": "", "focal_x": "0.5", "focal_y": "0.5"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url, {**data, "file": SimpleUploadedFile("tents.jpg", _photo_with_gps() + SCRIPT)}
        )
    assert response.status_code == 302
    image = Image.objects.get()
    image.file.open("rb")
    stored = image.file.read()
    image.file.close()
    assert b"<script>" not in stored
    with PILImage.open(io.BytesIO(stored)) as picture:
        assert not picture.getexif().get_ifd(GPS_IFD)
