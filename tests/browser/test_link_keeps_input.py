"""An in-form action never throws away what the editor typed: "Link as mentioned" saves it first."""

import os

from django.contrib.auth.models import Group, User
from django.core.management import call_command

from articles.models import Article, ArticlePerson
from tests.browser.chromium import BROWSER_TESTS
from tests.factories import ArticleFactory, PersonFactory

pytestmark = BROWSER_TESTS

BODY = (
    "<p>Pirhossein Kolivand met the volunteers in the mountain villages on Monday morning. "
    + "More words follow about the relief effort and the families who waited for the convoy. " * 6
    + "</p>"
)


def test_link_as_mentioned_keeps_the_headline_just_typed(live_server, browser):
    call_command("setup_roles", stdout=open(os.devnull, "w"))  # noqa: SIM115
    author = User.objects.create_user("ayla", password="ayla-secret-pw-42", is_staff=True)
    author.groups.add(Group.objects.get(name="Author"))
    person = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    article = ArticleFactory(
        headline="Old headline", status=Article.Status.DRAFT, published_at=None, body=BODY, created_by=author
    )

    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "ayla")
    page.fill("#id_password", "ayla-secret-pw-42")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_headline", "A headline typed just before linking")
    page.click("#link-suggestions button:has-text('Link as mentioned')")
    page.wait_for_selector(".messagelist .success")

    assert page.input_value("#id_headline") == "A headline typed just before linking"
    article.refresh_from_db()
    assert article.headline == "A headline typed just before linking"
    assert ArticlePerson.objects.get(article=article, person=person).role == "mentions"
    assert "Linked “Pirhossein Kolivand” as mentioned" in page.inner_text(".messagelist")
    page.close()
