"""The search and social preview in a real browser: it follows the editor's typing, warns about
length, and runs under the admin's Content-Security-Policy without a console error."""

from django.contrib.auth.models import User

from articles.models import Article, Image
from tests.browser.chromium import BROWSER_TESTS
from tests.factories import ArticleFactory, BylineFactory
from tests.images import upload

pytestmark = BROWSER_TESTS


def test_preview_follows_typing_and_warns_about_length(live_server, browser):
    User.objects.create_superuser("chief", password="chief-secret-pw-42")
    picture = Image.objects.create(file=upload("tents.jpg", size=(400, 210)), alt_text="Tents in a yard")
    article = ArticleFactory(
        headline="Relief reaches Kermanshah",
        slug="relief-reaches-kermanshah",
        dek="Tents arrived on the second day.",
        summary="Families spent the night outside.",
        status=Article.Status.DRAFT,
        published_at=None,
        lead_image=picture,
    )
    BylineFactory(article=article)

    page = browser.new_page()
    page.set_default_timeout(90_000)
    problems = []
    # Script errors and CSP refusals; a missing favicon (a 404 the browser asks for) is not the panel's.
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and problems.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-secret-pw-42")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    preview = page.locator("#search-preview")
    assert preview.locator("[data-preview=image]").get_attribute("src") == picture.file.url
    assert preview.locator("[data-preview=image]").is_visible()

    long_headline = "Relief convoys reach every village in Kermanshah after the second night of aftershocks"
    page.fill("#id_headline", long_headline)
    search_title = preview.locator("[data-preview=search-title]").inner_text()
    assert search_title.endswith("…") and len(search_title) <= 60
    assert preview.locator("[data-preview=card-title]").inner_text() == long_headline
    advice = preview.locator("[data-preview=title-advice]")
    assert f"{len(long_headline)} characters; about {len(long_headline) - 60} too many" in advice.inner_text()
    assert "preview-too-long" in advice.get_attribute("class")

    page.fill("#id_headline", "Convoys reach Kermanshah")
    assert "fits" in advice.inner_text() and "preview-too-long" not in (advice.get_attribute("class") or "")

    page.fill("#id_dek", "")  # no standfirst: the summary stands in, as on the article page
    assert (
        preview.locator("[data-preview=search-description]").inner_text()
        == "Families spent the night outside."
    )
    page.fill("#id_dek", "Water and a field clinic arrived on the second day.")
    assert (
        preview.locator("[data-preview=card-description]").inner_text()
        == "Water and a field clinic arrived on the second day."
    )
    page.fill("#id_slug", "convoys-reach-kermanshah")
    assert preview.locator("[data-preview=path]").inner_text() == "/articles/convoys-reach-kermanshah/"
    assert problems == []
