"""The change form lists the quotes of the text not yet recorded, and warns when a save hides a story."""

import pytest

from articles.models import Article, Quote
from tests.admin_posts import article_post, inline
from tests.factories import STORY, ArticleFactory, BylineFactory, PersonFactory

pytestmark = pytest.mark.django_db

BODY = (
    STORY + "<p>Vahid Rostami, head of the Golestan branch, said the camps were ready.</p>"
    "<p>“We have sent every tent we had,” Rostami said.</p>"
    "<p>“The wells cannot be trusted,” said Samira Ahmadzadeh, a volunteer nurse.</p>"
)


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def test_change_form_lists_quotes_not_yet_recorded_with_a_button_that_fills_the_inline(admin_client):
    rostami = PersonFactory(slug="vahid-rostami", name="Vahid Rostami")
    article = ArticleFactory(body=BODY)
    page = admin_client.get(change_url(article)).content.decode()
    assert "Quotes found in the text" in page
    assert f'data-speaker="{rostami.pk}" data-speaker-name="Vahid Rostami"' in page
    assert 'data-text="We have sent every tent we had"' in page
    assert "said by Samira Ahmadzadeh (not in the directory yet" in page
    assert "js/quote_suggestions.js" in page
    assert 'type="button"' in page  # fills the form, never submits it

    Quote.objects.create(article=article, speaker=rostami, text="We have sent every tent we had")
    page = admin_client.get(change_url(article)).content.decode()
    assert 'data-text="We have sent every tent we had"' not in page
    assert 'data-text="The wells cannot be trusted"' in page


def test_the_quote_the_button_fills_in_is_saved_with_the_rest_of_the_form(admin_client):
    rostami = PersonFactory(slug="vahid-rostami", name="Vahid Rostami")
    article = ArticleFactory(body=BODY, status=Article.Status.DRAFT, published_at=None)
    # What the form holds after the click: the editor's unsaved headline and the filled row.
    data = article_post(
        article,
        headline="Tents for every family in Golestan",
        **inline(
            "quotes", [{"speaker": rostami.pk, "text": "We have sent every tent we had", "position": 0}]
        ),
    )
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.headline == "Tents for every family in Golestan"
    assert [(q.speaker, q.text) for q in article.quotes.all()] == [
        (rostami, "We have sent every tent we had")
    ]


def test_an_edit_that_makes_a_published_story_a_stub_warns_the_editor(admin_client):
    article = ArticleFactory()
    BylineFactory(article=article)
    data = article_post(article, body="<p>This article will be expanded soon…</p>")
    response = admin_client.post(change_url(article), data, follow=True)
    article.refresh_from_db()
    assert article.is_stub
    messages = [str(m) for m in response.context["messages"]]
    assert any("is now a stub and hidden from readers" in m and "will be expanded" in m for m in messages), (
        messages
    )


def test_an_ordinary_edit_of_a_published_story_gives_no_stub_warning(admin_client):
    article = ArticleFactory()
    BylineFactory(article=article)
    response = admin_client.post(
        change_url(article), article_post(article, headline="New headline"), follow=True
    )
    assert not any("stub" in str(m) for m in response.context["messages"])


def test_a_derived_standfirst_is_marked_on_the_form_and_an_edit_clears_the_mark(admin_client):
    article = ArticleFactory(
        dek="Relief teams reached the villages.", status=Article.Status.DRAFT, published_at=None
    )
    Article.objects.filter(pk=article.pk).update(dek_is_derived=True)
    assert "Made by the importer from the story" in admin_client.get(change_url(article)).content.decode()
    admin_client.post(change_url(article), article_post(article, dek="Tents and water reached 27 villages."))
    article.refresh_from_db()
    assert not article.dek_is_derived
    assert "Made by the importer" not in admin_client.get(change_url(article)).content.decode()
