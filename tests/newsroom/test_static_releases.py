"""Rolling deploys: a page from release 1 names CSS that must still answer once release 2 is out.

Each release runs collectstatic into the same persistent STATIC_ROOT, without --clear: release 2's
hashed files are added beside release 1's, and the manifest names the new ones.
"""

import json
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def release_storage(settings, tmp_path):
    source = tmp_path / "release-source"
    shutil.copytree(ROOT / "static", source)
    settings.STATICFILES_DIRS = [source]
    # Only the site's own files: the admin's hundreds of files would only slow the test down.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "shared-static-root"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    return source, settings.STATIC_ROOT


def _release(static_root: Path) -> str:
    """Build static for a release, as the deploy does; return the URL its pages give site.css."""
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


@pytest.mark.django_db
def test_release_1_css_still_answers_after_release_2(release_storage):
    source, static_root = release_storage
    release_1 = _release(static_root)
    page_1 = Client().get("/").content.decode()
    assert release_1 in page_1

    site_css = source / "css" / "site.css"
    site_css.write_text(site_css.read_text() + "\n.release-2-rule { color: #123456; }\n")
    release_2 = _release(static_root)
    assert release_2 != release_1

    # A node started after release 2 (WhiteNoise reads STATIC_ROOT when it starts).
    node = Client()
    assert release_2 in node.get("/").content.decode()
    old = node.get(release_1)
    assert old.status_code == 200
    assert b".release-2-rule" not in b"".join(old.streaming_content)
    new = node.get(release_2)
    assert new.status_code == 200
    assert b".release-2-rule" in b"".join(new.streaming_content)
    # Only hashed names are kept (WHITENOISE_KEEP_ONLY_HASHED_FILES): no unhashed site.css to disagree on.
    assert not (static_root / "css" / "site.css").exists()
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", release_1)
