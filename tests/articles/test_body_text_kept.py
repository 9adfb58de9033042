"""If cleaning the HTML would drop words an editor wrote, the save is refused and says which."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.html import text_lost_by_cleaning
from articles.models import Article
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

STORY = " ".join(["Relief teams reached the mountain villages with tents and water."] * 8)
FORM_MATH = (
    "<p>Start of the story.</p><form><math><mtext></form><form><mglyph><style></math>"
    "<img src onerror=alert(1)></style><p>Rest of the article body, written by the reporter.</p>"
)
MATH_STYLE = "<p>First part.</p><math><style><img src=x onerror=alert(1)></style></math><p>Second part.</p>"


def test_the_confusing_payload_would_eat_the_rest_and_is_named():
    assert "rest of the article body" in text_lost_by_cleaning(FORM_MATH)


def test_ordinary_markup_loses_no_text():
    html = "<p>A <b>bold</b> <span style='x'>move</span> <script>alert(1)</script><a onclick=x>link</a></p>"
    assert text_lost_by_cleaning(html) == ""
    assert text_lost_by_cleaning(MATH_STYLE) == ""


def test_admin_refuses_the_save_and_shows_the_words(admin_client):
    section = SectionFactory()
    data = {
        "headline": "Convoy",
        "slug": "convoy",
        "dek": "",
        "body": f"<p>{STORY}</p>" + FORM_MATH,
        "section": section.pk,
        "language": "en",
        "status": "draft",
        "loaded_version": "0",
    }
    for prefix in (
        "bylines",
        "person_links",
        "organization_links",
        "event_links",
        "quotes",
        "related_overrides",
    ):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "would remove these words" in response.text
    assert "rest of the article body" in response.text
    assert not Article.objects.exists()


def test_import_refuses_the_file_with_the_line_and_writes_nothing(tmp_path):
    SectionFactory(slug="humanitarian")
    page = tmp_path / "story.md"
    page.write_text(f"---\nheadline: Convoy\nsection: humanitarian\n---\n\n{STORY}\n\n{FORM_MATH}\n")
    with pytest.raises(CommandError) as refused:
        call_command("import_articles", str(page))
    assert "story.md:" in str(refused.value)
    assert "body: cleaning its HTML would remove written text" in str(refused.value)
    assert not Article.objects.exists()
