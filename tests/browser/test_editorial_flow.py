"""The whole editorial flow in a real browser (Playwright driving Debian's Chromium).

An Author logs in, uploads a picture, writes an article with rich text, links two people and an
organization and submits it; the Author cannot publish; an Editor schedules it; the scheduled
time comes and ``publish_scheduled`` runs; an anonymous reader sees the story.
"""

import os
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from tests.browser.chromium import BROWSER_TESTS
from tests.factories import OrganizationFactory, PersonFactory, SectionFactory
from tests.images import image_bytes

pytestmark = BROWSER_TESTS

PARAGRAPH = (
    "Relief teams reached the mountain villages on the second day after the earthquake, bringing "
    "tents, blankets and clean water to families who had spent two nights outside in the cold. "
    "Volunteers from the provincial branch worked alongside local health workers to set up a field "
    "clinic in the school yard, and officials said a second convoy would leave the next morning."
)


def staff(name: str, group: str) -> User:
    user = User.objects.create_user(
        name, password=f"{name}-secret-pw-42", is_staff=True, first_name=name.title()
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(browser, live_server, name: str):
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", f"{name}-secret-pw-42")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    return page


def pick(page, select_id: str, text: str):
    """Choose ``text`` in an admin autocomplete (select2) box."""
    page.click(f"#{select_id} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    page.click(f".select2-container--open .select2-results__option:has-text('{text}')")


def test_author_writes_editor_schedules_reader_reads(live_server, browser, tmp_path):
    call_command("setup_roles", stdout=open(os.devnull, "w"))  # noqa: SIM115
    staff("ayla", "Author")
    staff("emre", "Editor")
    SectionFactory(slug="humanitarian", name="Humanitarian")
    PersonFactory(name="Sara Reporter", slug="sara-reporter")
    PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    PersonFactory(name="Mahmoud Envoy", slug="mahmoud-envoy")
    OrganizationFactory(name="Iranian Red Crescent Society", slug="ircs", acronym="IRCS")
    photo = tmp_path / "tents.jpg"
    photo.write_bytes(image_bytes("JPEG", (1200, 800)))

    # The Author uploads the picture to the image library.
    author = log_in(browser, live_server, "ayla")
    author.goto(f"{live_server.url}/admin/articles/image/add/")
    author.set_input_files("#id_file", str(photo))
    author.fill("#id_alt_text", "Volunteers put up tents in a school yard")
    author.fill("#id_credit", "Sara Reporter/IRCS")
    author.click("input[name=_save]")
    author.wait_for_selector(".messagelist .success")

    # ...writes the story with rich text, a byline, two people and an organization...
    author.goto(f"{live_server.url}/admin/articles/article/add/")
    author.fill("#id_headline", "Relief convoy reaches mountain villages")
    author.fill("#id_dek", "Tents, water and a field clinic arrived on the second day.")
    editor_box = author.locator(".field-body .ProseMirror >> visible=true").first
    editor_box.click()
    author.keyboard.type(PARAGRAPH + " ")
    author.keyboard.press("Control+b")
    author.keyboard.type("More volunteers are needed.")
    author.keyboard.press("Control+b")
    author.keyboard.press("Enter")
    # A picture from the image library, inside the text.
    author.click(".body-image-picker > button")
    author.click(".body-image-grid button:has-text('Volunteers put up tents in a school yard')")
    pick(author, "id_section", "Humanitarian")
    pick(author, "id_lead_image", "Volunteers put up tents")
    pick(author, "id_bylines-0-person", "Sara Reporter")
    pick(author, "id_person_links-0-person", "Pirhossein Kolivand")
    author.click("#person_links-group .add-row a")
    pick(author, "id_person_links-1-person", "Mahmoud Envoy")
    pick(author, "id_organization_links-0-organization", "Iranian Red Crescent")
    # Authors are offered only Draft and In review.
    options = author.locator("#id_status option").all_inner_texts()
    assert options == ["Draft", "In review"]
    author.select_option("#id_status", "review")
    author.click("input[name=_save]")
    author.wait_for_selector(".messagelist .success")

    article = Article.objects.get(headline="Relief convoy reaches mountain villages")
    assert article.status == Article.Status.IN_REVIEW
    assert "<strong>More volunteers are needed.</strong>" in article.body
    assert '<img src="/media/images/' in article.body
    assert 'alt="Volunteers put up tents in a school yard"' in article.body
    assert article.person_links.count() == 2 and article.organization_links.count() == 1
    assert article.lead_image.alt_text == "Volunteers put up tents in a school yard"

    author.goto(f"{live_server.url}/admin/articles/article/")
    # The Author cannot publish, even through the list's actions: they are not offered.
    actions = author.locator("select[name=action] option").evaluate_all("os => os.map(o => o.value)")
    assert "submit_for_review" in actions and "publish_now" not in actions
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW

    # The Editor schedules it for an hour from now, in the newsroom's timezone named on the form.
    editor = log_in(browser, live_server, "emre")
    editor.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert "Asia/Tehran" in editor.content()
    when = timezone.localtime() + timedelta(hours=1)
    editor.select_option("#id_status", "scheduled")
    editor.fill("#id_published_at_0", when.strftime("%Y-%m-%d"))
    editor.fill("#id_published_at_1", when.strftime("%H:%M:%S"))
    editor.click("input[name=_save]")
    editor.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED

    reader = browser.new_page()
    assert reader.goto(f"{live_server.url}/articles/{article.slug}/").status == 404

    # The hour passes (moved in the database, not waited for); the cron fallback runs.
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", stdout=open(os.devnull, "w"))  # noqa: SIM115

    response = reader.goto(f"{live_server.url}/articles/{article.slug}/")
    assert response.status == 200
    text = reader.content()
    for expected in (
        "Relief convoy reaches mountain villages",
        "More volunteers are needed.",
        "Pirhossein Kolivand",
        "Mahmoud Envoy",
        "Iranian Red Crescent Society",
        "Sara Reporter",
        "<picture>",
    ):
        assert expected in text
