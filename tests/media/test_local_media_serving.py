"""Media on the local disk with DJANGO_DEBUG off: served by the app only with NEWSROOM_SERVE_MEDIA=1
(one node), and never a file outside MEDIA_ROOT."""

import pytest

from articles.models import Image
from newsroom.storage_check import storage_ready
from tests.images import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def picture(settings, tmp_path):
    assert settings.DEBUG is False
    (tmp_path / "secret.txt").write_text("DJANGO_SECRET_KEY=do-not-leak\n")
    return Image.objects.create(file=upload("clinic.jpg", "JPEG", (120, 80)), alt_text="A clinic")


def test_the_app_serves_an_uploaded_picture_when_asked_to(client, settings, picture):
    settings.NEWSROOM_SERVE_MEDIA = True
    response = client.get(picture.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    with picture.file.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert "max-age" in response["Cache-Control"]


def test_without_the_setting_the_proxy_is_expected_to_serve_media(client, settings, picture):
    settings.NEWSROOM_SERVE_MEDIA = False
    assert client.get(picture.file.url).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/../secret.txt",
        "/media/%2e%2e/secret.txt",
        "/media/images/../../secret.txt",
        "/media/..%2fsecret.txt",
        "/media/..\\secret.txt",
        "/media//etc/passwd",
        "/media/images/",
    ],
)
def test_nothing_outside_media_root_is_served(client, settings, picture, path):
    settings.NEWSROOM_SERVE_MEDIA = True
    response = client.get(path)
    assert response.status_code == 404
    assert b"do-not-leak" not in response.content


def test_a_symbolic_link_leading_out_of_media_root_is_not_followed(client, settings, picture, tmp_path):
    settings.NEWSROOM_SERVE_MEDIA = True
    (tmp_path / "media" / "images" / "escape.txt").symlink_to(tmp_path / "secret.txt")
    assert client.get("/media/images/escape.txt").status_code == 404


def test_storage_ready_on_the_local_disk(settings, tmp_path):
    assert storage_ready() is None
    assert not any((tmp_path / "media" / "readiness").iterdir())
    (tmp_path / "full-disk").write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = tmp_path / "full-disk" / "media"
    assert storage_ready().startswith("media storage:")
