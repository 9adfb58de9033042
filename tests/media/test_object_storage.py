"""Media on an S3-compatible bucket (a real moto server on loopback, over HTTP): uploads land in
the bucket, renditions are made there by the task, pages and feeds name the bucket's addresses
once, feeds ask the bucket nothing, and the renditions command remakes what is gone."""

import io
import re
import urllib.request

import feedparser
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from PIL import Image as PILImage

from articles.images.renditions import image_renditions_make
from articles.models import Image, ImageRendition
from newsroom.storage_check import storage_ready
from tests.factories import ArticleFactory
from tests.images import upload

pytestmark = pytest.mark.django_db

IMAGE_FORM = {
    "alt_text": "Volunteers unload tents",
    "caption": "",
    "credit": "",
    "focal_x": "0.5",
    "focal_y": "0.5",
}


def admin_upload(admin_client, django_capture_on_commit_callbacks, name="tents.jpg", size=(900, 500)):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:articles_image_add"), {**IMAGE_FORM, "file": upload(name, "JPEG", size)}
        )
    assert response.status_code == 302, response.text[:2000]
    return Image.objects.latest("pk")


def test_an_admin_upload_and_its_renditions_land_in_the_bucket(
    s3_media, admin_client, django_capture_on_commit_callbacks
):
    image = admin_upload(admin_client, django_capture_on_commit_callbacks)
    assert image.file.name.startswith("images/")
    stored = s3_media.read(image.file.name)
    assert len(stored) == image.file_size
    with PILImage.open(io.BytesIO(stored)) as picture:
        assert picture.format == "JPEG" and picture.size == (900, 500)
    # The task (immediate backend) made every rendition in the same bucket, with its size kept.
    renditions = list(image.renditions.all())
    assert len(renditions) == 8  # 480 and 800 wide; original and 16:9; WebP and JPEG
    keys = set(s3_media.keys("renditions/"))
    assert {r.file.name for r in renditions} == keys
    for rendition in renditions:
        assert rendition.file_size == len(s3_media.read(rendition.file.name))


def test_two_uploads_with_one_name_are_two_objects(
    s3_media, admin_client, django_capture_on_commit_callbacks
):
    first = admin_upload(admin_client, django_capture_on_commit_callbacks, size=(600, 400))
    second = admin_upload(admin_client, django_capture_on_commit_callbacks, size=(700, 500))
    assert first.file.name != second.file.name
    with PILImage.open(io.BytesIO(s3_media.read(first.file.name))) as picture:
        assert picture.size == (600, 400)


def test_article_page_names_the_bucket_once_in_srcset_og_image_and_json_ld(s3_media, client):
    image = Image.objects.create(file=upload("convoy.jpg", "JPEG", (900, 500)), alt_text="A convoy")
    image_renditions_make(image=image)
    article = ArticleFactory(lead_image=image)
    html = client.get(article.get_absolute_url()).text
    original = f"{s3_media.public_url}/{image.file.name}"
    assert f'<meta property="og:image" content="{original}">' in html
    assert f'<meta name="twitter:image" content="{original}">' in html
    assert f'"image": ["{original}"]' in html
    srcset = re.search(r'<img src="([^"]+)" srcset="([^"]+)"', html)
    urls = [srcset.group(1)] + [part.split()[0] for part in srcset.group(2).split(", ")]
    assert len(urls) == 3 and all(url.startswith(s3_media.public_url + "/renditions/") for url in urls)
    assert "testserverhttp" not in html and html.count("http://127.0.0.1") == html.count(s3_media.public_url)
    # A reader's browser gets the picture straight from the bucket's address.
    with urllib.request.urlopen(urls[1], timeout=10) as response:  # noqa: S310 (loopback test server)
        assert response.status == 200
        assert response.read() == s3_media.read(
            image.renditions.get(width=480, format="jpeg", ratio="").file.name
        )


def test_feeds_give_each_enclosure_its_length_without_asking_the_bucket(s3_media, s3_requests, client):
    images = [Image.objects.create(file=upload(f"lead-{n}.jpg", "JPEG", (90 + n, 60))) for n in range(5)]
    for image in images:
        ArticleFactory(lead_image=image)
    s3_requests.clear()
    rss = feedparser.parse(client.get("/feeds/rss/").content)
    atom = feedparser.parse(client.get("/feeds/atom/").content)
    json_feed = client.get("/feeds/json/").json()
    assert s3_requests == []  # no HEAD (or anything) per entry
    lengths = {e.enclosures[0].href: int(e.enclosures[0].length) for e in rss.entries}
    expected = {f"{s3_media.public_url}/{i.file.name}": len(s3_media.read(i.file.name)) for i in images}
    assert lengths == expected
    assert {e.enclosures[0].href for e in atom.entries} == set(expected)
    assert {item["image"] for item in json_feed["items"]} == set(expected)


def test_rebuild_renditions_missing_remakes_only_what_is_gone(
    s3_media, capsys, django_capture_on_commit_callbacks
):
    kept = Image.objects.create(file=upload("kept.jpg", "JPEG", (600, 400)))
    damaged = Image.objects.create(file=upload("damaged.jpg", "JPEG", (600, 400)))
    never = Image.objects.create(file=upload("never.jpg", "JPEG", (600, 400)))
    image_renditions_make(image=kept)
    image_renditions_make(image=damaged)
    kept_names = set(kept.renditions.values_list("file", flat=True))
    lost = damaged.renditions.filter(format="webp").first()
    s3_media.client.delete_object(Bucket=s3_media.name, Key=lost.file.name)

    call_command("rebuild_renditions", "--missing", "--dry-run")
    assert f"of 2 images: {damaged.pk}, {never.pk}." in capsys.readouterr().out
    assert not never.renditions.exists()

    with django_capture_on_commit_callbacks(execute=True):  # as after each commit outside a test
        call_command("rebuild_renditions", "--missing")
    assert "Remade 8 renditions of 2 images." in capsys.readouterr().out
    assert set(kept.renditions.values_list("file", flat=True)) == kept_names
    keys = set(s3_media.keys("renditions/"))
    for image in (kept, damaged, never):
        names = set(image.renditions.values_list("file", flat=True))
        assert len(names) == 4 and names <= keys
    # The replaced renditions' files are gone from the bucket: nothing is left behind.
    assert keys == set(ImageRendition.objects.values_list("file", flat=True))


def test_rebuild_renditions_names_the_image_whose_original_is_gone(s3_media, capsys):
    fine = Image.objects.create(file=upload("fine.jpg", "JPEG", (500, 300)))
    gone = Image.objects.create(file=upload("gone.jpg", "JPEG", (500, 300)))
    s3_media.client.delete_object(Bucket=s3_media.name, Key=gone.file.name)
    with pytest.raises(CommandError) as error:
        call_command("rebuild_renditions")
    message = str(error.value)
    assert "\n" not in message
    assert f"Renditions failed for 1 of 2 images (ids {gone.pk})" in message and gone.file.name in message
    assert fine.renditions.count() == 4 and not gone.renditions.exists()


def test_storage_ready_writes_reads_and_deletes_a_probe(s3_media):
    assert storage_ready() is None
    assert s3_media.keys() == []  # the probe is gone again
    held = s3_media.empty_and_remove()
    reason = storage_ready()
    assert reason.startswith("media storage:") and "NoSuchBucket" in reason
    s3_media.recreate(held)
    assert storage_ready() is None
