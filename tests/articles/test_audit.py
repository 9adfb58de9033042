"""audit_content: every kind of problem an editor must fix is found, and --strict gates on it."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from articles.audit import audit_content
from articles.models import Article, Image
from articles.related.scoring import related_rebuild
from tests.factories import (
    ArticleFactory,
    ArticlePersonFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def clean_newsroom():
    """Two published stories about one person, related to each other: nothing to report."""
    person = PersonFactory(slug="nasrin-karimi", name="Nasrin Karimi")
    articles = [ArticleFactory(slug=f"clean-{n}") for n in range(2)]
    for article in articles:
        ArticlePersonFactory(article=article, person=person)
    for article in articles:
        related_rebuild(article=article)
    return articles


def findings(check: str) -> list[str]:
    return [f"{f.subject}: {f.message}" for f in audit_content().findings if f.check == check]


def test_clean_newsroom_passes_strict(clean_newsroom, capsys):
    call_command("audit_content", "--strict")
    assert "nothing to fix" in capsys.readouterr().out


def test_stub_and_placeholder_found_in_any_status(clean_newsroom):
    ArticleFactory(
        slug="draft-stub", status=Article.Status.DRAFT, published_at=None, body="<p>Coming soon.</p>"
    )
    ArticleFactory(
        slug="tk-headline", status=Article.Status.IN_REVIEW, published_at=None, headline="Minister TK says"
    )
    found = findings("stub")
    assert any(
        f.startswith("article draft-stub (draft): The text contains placeholder wording") for f in found
    )
    assert any(f.startswith("article tk-headline (review): The headline contains placeholder") for f in found)


def test_published_without_alt_text_or_dek(clean_newsroom):
    image = Image.objects.create(file=png(), alt_text="")
    ArticleFactory(slug="no-alt", lead_image=image)
    ArticleFactory(slug="no-dek", dek="")
    ArticleFactory(slug="draft-no-dek", dek="", status=Article.Status.DRAFT, published_at=None)
    assert any(
        f.startswith("article no-alt: The lead image has no alt text") for f in findings("missing_alt_text")
    )
    assert [f.split(":")[0] for f in findings("missing_dek")] == ["article no-dek"]


def test_orphan_and_duplicate_entities(clean_newsroom):
    PersonFactory(slug="pirhossein-kolivand", name="Pirhossein Kolivand")
    PersonFactory(slug="pirhoshein-kolivand", name="Pirhoshein Kolivan")
    orphans = findings("orphan_entity")
    assert any(f.startswith("person pirhossein-kolivand:") for f in orphans)
    assert not any(f.startswith("person nasrin-karimi:") for f in orphans)
    duplicates = findings("duplicate_entity")
    assert len(duplicates) == 1
    assert "kolivand" in duplicates[0]


def test_broken_internal_links(clean_newsroom):
    ArticleFactory(slug="unpublished-target", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(
        slug="linker",
        body=clean_newsroom[0].body
        + '<p><a href="/articles/unpublished-target/">a draft</a> <a href="/articles/never-was/">gone</a> '
        '<a href="/people/nasrin-karimi/">fine</a> <a href="/articles/clean-0/">fine</a> '
        '<a href="/no/such/page/">nowhere</a> <a href="https://example.org/elsewhere/">outside</a></p>',
    )
    broken = findings("broken_link")
    assert len(broken) == 3
    assert any("/articles/unpublished-target/: no public article 'unpublished-target'" in f for f in broken)
    assert any("/articles/never-was/" in f for f in broken)
    assert any("/no/such/page/, which is no page of this site" in f for f in broken)


def test_published_article_without_related_stories(clean_newsroom):
    ArticleFactory(slug="alone")
    assert [f.split(":")[0] for f in findings("empty_related")] == ["article alone"]


def test_strict_fails_and_json_lists_every_finding(clean_newsroom):
    ArticleFactory(slug="alone", dek="")
    call_command("audit_content", stdout=io.StringIO())  # without --strict a finding is only reported
    out = io.StringIO()
    with pytest.raises(CommandError, match=r"found 2 things to fix"):
        call_command("audit_content", "--strict", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["total"] == 2
    assert data["counts"]["missing_dek"] == 1
    assert data["counts"]["empty_related"] == 1
    assert {f["subject"] for f in data["findings"]} == {"article alone"}


def test_audit_query_count_does_not_grow_with_the_archive(clean_newsroom):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def linking_story(n):
        ArticleFactory(
            slug=f"more-{n}", body=clean_newsroom[0].body + f'<p><a href="/articles/x-{n}/">x</a></p>'
        )

    linking_story(0)
    with CaptureQueriesContext(connection) as few:
        audit_content()
    for n in range(1, 15):
        linking_story(n)
    with CaptureQueriesContext(connection) as many:
        audit_content()
    assert len(many) == len(few)


def test_inline_image_without_alt_text_in_a_published_story(clean_newsroom):
    ArticleFactory(slug="inline", body=clean_newsroom[0].body + '<p><img src="/media/a.jpg" alt=""></p>')
    ArticleFactory(
        slug="draft-inline",
        status=Article.Status.DRAFT,
        published_at=None,
        body=clean_newsroom[0].body + '<p><img src="/media/a.jpg"></p>',
    )
    found = findings("missing_alt_text")
    assert found == ["article inline (published): 1 image(s) in the text have no alt text."]
