"""The change form's "Add as a quote below" in a real browser: it fills the Quotes inline and keeps
whatever the editor has typed but not saved."""

from django.contrib.auth.models import User

from articles.models import Article
from tests.browser.chromium import BROWSER_TESTS
from tests.factories import STORY, ArticleFactory, BylineFactory, PersonFactory

pytestmark = BROWSER_TESTS


def test_add_quote_fills_the_inline_and_keeps_unsaved_edits(live_server, browser):
    User.objects.create_superuser("chief", password="chief-secret-pw-42")
    rostami = PersonFactory(slug="vahid-rostami", name="Vahid Rostami")
    article = ArticleFactory(
        body=STORY + "<p>Vahid Rostami, head of the Golestan branch, said the camps were ready.</p>"
        "<p>“We have sent every tent we had,” Rostami said.</p>",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    BylineFactory(article=article)

    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-secret-pw-42")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    page.fill("#id_headline", "Every family in Golestan gets a tent")  # typed, not saved
    page.click("button[data-quote-suggestion]")
    assert page.input_value("#id_headline") == "Every family in Golestan gets a tent"
    assert page.input_value("#id_quotes-0-text") == "We have sent every tent we had"
    assert page.input_value("#id_quotes-0-speaker") == str(rostami.pk)
    assert page.is_disabled("button[data-quote-suggestion]")

    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist")
    article.refresh_from_db()
    assert article.headline == "Every family in Golestan gets a tent"
    assert [(q.speaker_id, q.text) for q in article.quotes.all()] == [
        (rostami.pk, "We have sent every tent we had")
    ]
