"""The admin is the editors' workplace: every screen opens, and a whole story can be entered."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [
    "articles/article",
    "articles/section",
    "articles/image",
    "articles/quote",
    "articles/relatedarticle",
    "organizations/person",
    "organizations/organization",
    "organizations/event",
    "organizations/affiliation",
]


@pytest.fixture
def editor(admin_client):
    ArticleFactory()
    PersonFactory()
    OrganizationFactory()
    EventFactory()
    return admin_client


@pytest.mark.parametrize("model", MODELS)
def test_every_admin_list_and_add_form_opens(editor, model):
    assert editor.get(f"/admin/{model}/").status_code == 200
    assert editor.get(f"/admin/{model}/?q=relief").status_code == 200
    if model != "articles/relatedarticle":
        assert editor.get(f"/admin/{model}/add/").status_code == 200


@pytest.mark.parametrize(
    "model", ["organizations/person", "organizations/organization", "organizations/event"]
)
def test_autocomplete_finds_entities_for_article_links(editor, model):
    name = model.split("/")[1]
    response = editor.get(
        "/admin/autocomplete/",
        {"term": "", "app_label": "articles", "model_name": "article", "field_name": "source_organization"}
        if name == "organization"
        else {"term": "", "app_label": "articles", "model_name": "byline", "field_name": "person"}
        if name == "person"
        else {"term": "", "app_label": "articles", "model_name": "articleevent", "field_name": "event"},
    )
    assert response.status_code == 200
    assert response.json()["results"]


def _inline(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def test_editor_enters_a_story_with_two_people_and_an_event(editor, client):
    section = SectionFactory(slug="diplomacy", name="Diplomacy")
    reporter, envoy, minister = (
        PersonFactory(),
        PersonFactory(name="Sara Envoy"),
        PersonFactory(name="Reza Minister"),
    )
    event = EventFactory(name="Tehran talks")
    # Date and time come from the same moment, so the test holds across local midnight.
    five_minutes_ago = timezone.localtime() - timezone.timedelta(minutes=5)
    data = {
        "headline": "Envoys meet in Tehran on aid corridors",
        "slug": "envoys-meet-in-tehran",
        "dek": "Two days of talks ended with a plan for three corridors.",
        "body": "<p>" + "The envoys agreed on three aid corridors after two days of talks. " * 12 + "</p>",
        "summary": "",
        "section": str(section.pk),
        "tags": "diplomacy, aid",
        "language": "en",
        "status": "published",
        "published_at_0": five_minutes_ago.strftime("%Y-%m-%d"),
        "published_at_1": five_minutes_ago.strftime("%H:%M:%S"),
        "source_url": "",
        "canonical_url": "",
        **_inline("bylines", [{"person": reporter.pk, "role": "author", "position": 0}]),
        **_inline(
            "person_links", [{"person": envoy.pk, "role": "about"}, {"person": minister.pk, "role": "quoted"}]
        ),
        **_inline("organization_links", []),
        **_inline("event_links", [{"event": event.pk, "role": "about"}]),
        **_inline(
            "quotes", [{"speaker": minister.pk, "text": "The corridors open on Monday.", "position": 0}]
        ),
        **_inline("related_overrides", []),
    }
    response = editor.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].errors if response.context else response
    article = Article.objects.get(slug="envoys-meet-in-tehran")
    assert set(article.person_links.values_list("person__name", "role")) == {
        ("Sara Envoy", "about"),
        ("Reza Minister", "quoted"),
    }
    assert article.event_links.get().event == event
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    for text in (
        "Envoys meet in Tehran",
        "Sara Envoy",
        "Reza Minister",
        "Tehran talks",
        "The corridors open on Monday.",
    ):
        assert text in page.text


def test_event_ending_before_start_is_a_form_error_not_a_crash(editor):
    data = {
        "name": "Backwards meeting",
        "slug": "backwards-meeting",
        "kind": "meeting",
        "starts_at_0": "2026-03-13",
        "starts_at_1": "10:00:00",
        "ends_at_0": "2026-03-12",
        "ends_at_1": "10:00:00",
        "timezone": "Asia/Tehran",
        **_inline("organizer_links", []),
        **_inline("participant_links", []),
    }
    response = editor.post(reverse("admin:organizations_event_add"), data)
    assert response.status_code == 200
    assert "An event cannot end before it starts." in response.text


def test_article_list_filters_by_language(admin_client):
    ArticleFactory(headline="Aid convoy reaches the border", language="en")
    ArticleFactory(headline="کاروان کمک به مرز رسید", language="fa")
    url = reverse("admin:articles_article_changelist")
    listing = admin_client.get(url).text
    assert 'href="?language=fa"' in listing and 'href="?language=en"' in listing
    filtered = admin_client.get(url, {"language": "fa"}).text
    assert "کاروان کمک به مرز رسید" in filtered
    assert "Aid convoy reaches the border" not in filtered
