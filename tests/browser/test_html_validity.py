"""Every page type is valid HTML according to the Nu Html Checker (npm vnu-jar, run with Java)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from tests.browser.pages import build_site

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_every_page_type_is_valid_html(client, tmp_path, settings):
    if not VNU_JAR.exists() or not shutil.which("java"):
        pytest.skip("vnu.jar (npm ci) or Java is missing; run make setup")
    settings.DEBUG = False
    files = []
    for number, path in enumerate(build_site()):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        target = tmp_path / f"page-{number}.html"
        target.write_bytes(response.content)
        files.append((path, target))
    target = tmp_path / "page-500.html"
    target.write_text(render_to_string("500.html"))
    files.append(("500 page", target))

    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *(str(f) for _, f in files)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr)["messages"]
    names = {str(f): path for path, f in files}
    errors = []
    for m in messages:
        if m["type"] == "error" or m.get("subType") == "fatal":
            page = names.get(m.get("url", "").removeprefix("file:"), m.get("url"))
            errors.append(f"{page} line {m.get('lastLine')}: {m['message']}")
    assert not errors, "\n".join(errors)
