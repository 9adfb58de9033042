"""The article page keeps its story and its related list between renders (newsroom/fragments.py),
and a change a reader would notice shows on the very next render: an edit, a linked person
renamed or merged away, a related story unpublished or expired. Previews never use the cache."""

import re
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, RelatedArticle
from articles.related.scoring import related_rebuild
from articles.workflow.services import article_unpublish
from organizations.merge import entity_merge
from tests.articles.test_related_common import archive  # noqa: F401 (a fixture)
from tests.articles.test_workflow import make_user
from tests.factories import ArticleFactory, ArticlePersonFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = 3600


def page(client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.text, len(queries.captured_queries)


def without_nonces(html: str) -> str:
    return re.sub(r' nonce="[^"]*"', "", html)


@pytest.fixture
def story():
    """A story about a health official, with a related story that names the same official."""
    official = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    main = ArticleFactory(headline="Red Crescent opens field clinics", slug="field-clinics")
    other = ArticleFactory(headline="Kolivand visits the flooded province", slug="flooded-province")
    for article in (main, other):
        ArticlePersonFactory(article=article, person=official, role="about")
    RelatedArticle.objects.create(
        article=main,
        related=other,
        rank=1,
        score=0.5,
        shared=[{"kind": "person", "id": official.pk, "ra": "about", "rc": "about", "w": 0.4}],
    )
    return main, other, official


def test_a_second_render_is_the_same_page_from_two_queries(client, story):
    main, _other, _official = story
    cold, cold_queries = page(client, main.get_absolute_url())
    warm, warm_queries = page(client, main.get_absolute_url())
    assert without_nonces(warm) == without_nonces(cold)
    assert "Kolivand visits the flooded province" in warm
    assert warm_queries == 2 < cold_queries


def test_an_edit_shows_on_the_next_render(client, story):
    main, _other, _official = story
    page(client, main.get_absolute_url())
    main.headline = "Red Crescent opens twelve field clinics"
    main.body = "<p>Twelve clinics opened on Tuesday in the flooded districts.</p>" + main.body
    main.save()
    html, _queries = page(client, main.get_absolute_url())
    assert "Red Crescent opens twelve field clinics" in html
    assert "Twelve clinics opened on Tuesday" in html
    assert '"headline": "Red Crescent opens twelve field clinics"' in html  # the JSON-LD too


def test_a_renamed_person_shows_on_the_next_render_everywhere_on_the_page(client, story):
    main, _other, official = story
    before, _queries = page(client, main.get_absolute_url())
    assert before.count("Pirhossein Kolivand") >= 3  # entity block, JSON-LD, related reason
    official.name = "Pirhossein Kolivand-Rad"
    official.save()
    html, _queries = page(client, main.get_absolute_url())
    assert "Pirhossein Kolivand<" not in html and '"Pirhossein Kolivand"' not in html
    assert '<a href="/people/pirhossein-kolivand/">Pirhossein Kolivand-Rad</a>' in html
    assert '"name": "Pirhossein Kolivand-Rad"' in html
    assert "Also about Pirhossein Kolivand-Rad" in html


def test_a_tag_renamed_shows_on_the_next_render(client):
    article = ArticleFactory(tags=["floods"])
    page(client, article.get_absolute_url())
    tag = article.tags.get()
    tag.name = "Flooding"
    tag.save()
    html, _queries = page(client, article.get_absolute_url())
    assert '<a href="/tags/floods/">Flooding</a>' in html


def test_a_merged_person_is_shown_as_the_one_kept(client, story):
    main, _other, official = story
    variant = PersonFactory(name="Pirhossein Kolivan", slug="pirhossein-kolivan")
    ArticlePersonFactory(article=main, person=variant, role="mentions")
    page(client, main.get_absolute_url())
    entity_merge(kind="person", keep=official, drop=variant)
    html, _queries = page(client, main.get_absolute_url())
    assert "Kolivan<" not in html and "/people/pirhossein-kolivan/" not in html
    assert '<a href="/people/pirhossein-kolivand/">Pirhossein Kolivand</a>' in html


def test_an_unpublished_related_story_is_gone_on_the_next_render(client, story):
    main, other, _official = story
    assert "Kolivand visits the flooded province" in page(client, main.get_absolute_url())[0]
    article_unpublish(article=other, by=make_user("emre", "Editor"))
    html, _queries = page(client, main.get_absolute_url())
    assert "Kolivand visits the flooded province" not in html
    assert 'class="related"' not in html


def test_a_related_story_expiring_by_the_clock_is_gone_when_it_expires(client, story):
    main, other, _official = story
    Article.objects.filter(pk=other.pk).update(unpublish_at=timezone.now() + timedelta(seconds=2))
    assert "Kolivand visits the flooded province" in page(client, main.get_absolute_url())[0]
    time.sleep(2.2)  # nothing is saved when it expires: the kept list must not outlive it
    assert "Kolivand visits the flooded province" not in page(client, main.get_absolute_url())[0]


def test_a_stored_related_list_shows_on_the_next_render(client, story):
    main, _other, official = story
    page(client, main.get_absolute_url())
    newer = ArticleFactory(headline="Kolivand thanks the volunteers", slug="volunteers")
    ArticlePersonFactory(article=newer, person=official, role="about")
    related_rebuild(article=main)  # what the background task and `rebuild_related` run
    assert "Kolivand thanks the volunteers" in page(client, main.get_absolute_url())[0]


def test_an_unpublished_neighbour_is_gone_on_the_next_render(client, story):
    main, other, _official = story
    assert 'rel="next" href="/articles/flooded-province/"' in page(client, main.get_absolute_url())[0]
    article_unpublish(article=other, by=make_user("emre", "Editor"))
    assert "flooded-province" not in page(client, main.get_absolute_url())[0]


def test_a_story_going_public_by_the_clock_shows_as_next_when_its_time_comes(client, story):
    main, _other, _official = story
    Article.objects.exclude(pk=main.pk).update(section=None)  # main is the newest of its section
    ArticleFactory(headline="Water supplies restored", published_at=timezone.now() + timedelta(seconds=2))
    assert "Water supplies restored" not in page(client, main.get_absolute_url())[0]
    time.sleep(2.2)  # nothing is saved when its time comes: the kept neighbours must not outlive it
    assert "Water supplies restored" in page(client, main.get_absolute_url())[0]


def test_a_preview_neither_reads_nor_keeps_the_public_parts(client, story):
    main, _other, _official = story
    client.force_login(make_user("emre", "Editor"))
    preview = reverse("preview:article", args=[main.pk])
    _html, preview_queries = page(client, preview)
    # The preview kept nothing: the public page after it is rendered in full.
    _html, public_queries = page(client, main.get_absolute_url())
    assert public_queries > 2
    # With the public parts kept, a preview still renders everything itself.
    _html, again = page(client, preview)
    assert again == preview_queries > 2


def test_an_article_whose_entities_are_all_common_still_shows_related_stories(client, archive):  # noqa: F811
    busy_story, _passing, about = archive
    related_rebuild(article=busy_story)
    html, _queries = page(client, busy_story.get_absolute_url())
    listed = re.findall(r'<li>\s*<a href="/articles/([^/]+)/">', html.split('class="related"')[1])
    assert len(listed) == 6
    assert set(listed) <= {a.slug for a in about}
