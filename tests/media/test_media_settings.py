"""The media storage the environment chooses, and the addresses pages build from it."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory

from newsroom.absolute_urls import absolute_url

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json; from django.conf import settings; print(json.dumps({'backend': "
    "settings.STORAGES['default']['BACKEND'], 'options': settings.STORAGES['default'].get('OPTIONS', {}), "
    "'media_url': settings.MEDIA_URL, 'img_src': settings.SECURE_CSP['img-src']}))"
)


def site_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSROOM_S3_"))}
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW],
        env={**clean, "DJANGO_DEBUG": "1", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def shown(**env: str) -> dict:
    result = site_settings(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_bucket_media_stay_on_the_local_disk():
    values = shown()
    assert values["backend"] == "django.core.files.storage.FileSystemStorage"
    assert values["media_url"] == "/media/"


def test_a_bucket_on_an_s3_compatible_server_is_used_with_plain_public_addresses():
    values = shown(
        NEWSROOM_S3_BUCKET="newsroom-media",
        NEWSROOM_S3_ENDPOINT_URL="https://objects.example.org",
        NEWSROOM_S3_ACCESS_KEY_ID="key",
        NEWSROOM_S3_SECRET_ACCESS_KEY="secret",
    )
    assert values["backend"] == "storages.backends.s3.S3Storage"
    options = values["options"]
    assert options["bucket_name"] == "newsroom-media" and options["querystring_auth"] is False
    assert options["file_overwrite"] is False and options["addressing_style"] == "path"
    assert values["media_url"] == "https://objects.example.org/newsroom-media/"
    # The page's Content-Security-Policy lets readers' browsers load pictures from the bucket.
    assert "https://objects.example.org" in values["img_src"]


def test_a_public_address_in_front_of_the_bucket_is_what_pages_name():
    values = shown(
        NEWSROOM_S3_BUCKET="newsroom-media", NEWSROOM_S3_PUBLIC_URL="https://media.example.org/news/"
    )
    assert values["media_url"] == "https://media.example.org/news/"
    assert values["options"]["custom_domain"] == "media.example.org/news"
    assert "https://media.example.org" in values["img_src"]


def test_amazon_s3_without_an_endpoint_is_read_from_the_bucket_host():
    values = shown(NEWSROOM_S3_BUCKET="newsroom-media", NEWSROOM_S3_REGION="eu-central-1")
    assert values["media_url"] == "https://newsroom-media.s3.eu-central-1.amazonaws.com/"
    assert "https://newsroom-media.s3.eu-central-1.amazonaws.com" in values["img_src"]


def test_a_public_address_without_a_scheme_stops_start_up_with_its_name():
    result = site_settings(NEWSROOM_S3_BUCKET="newsroom-media", NEWSROOM_S3_PUBLIC_URL="media.example.org")
    assert result.returncode != 0
    assert "NEWSROOM_S3_PUBLIC_URL" in result.stderr and "Traceback" not in result.stderr


def test_absolute_url_adds_the_host_only_to_a_path():
    request = RequestFactory().get("/news/x/", secure=True)
    assert absolute_url(request, "/media/a.jpg") == "https://testserver/media/a.jpg"
    assert absolute_url(request, "https://media.example.org/a.jpg") == "https://media.example.org/a.jpg"
    assert absolute_url(request, "//cdn.example.org/a.jpg") == "https://cdn.example.org/a.jpg"
