"""The editorial workflow: Authors write and submit, Editors publish, and the publish gate says what
to fix. Every admin path (form, actions, list column, bulk delete) is checked on the server."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Image, PersonAccount
from articles.workflow.services import (
    article_publish,
    article_return_to_draft,
    article_schedule,
    article_submit_for_review,
    article_unpublish,
)
from tests.admin_posts import article_post
from tests.factories import ArticleFactory, BylineFactory, PersonFactory
from tests.images import upload

pytestmark = pytest.mark.django_db


def make_user(name: str, group: str) -> User:
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = User.objects.create_user(name, password=None, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def author():
    return make_user("ayla", "Author")


@pytest.fixture
def editor():
    return make_user("emre", "Editor")


def ready_draft(**kwargs) -> Article:
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, **kwargs)
    BylineFactory(article=article)
    return article


def test_setup_roles_is_idempotent_and_only_editors_publish(author, editor):
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Group.objects.filter(name__in=["Author", "Editor"]).count() == 2
    assert editor.has_perm("articles.publish_article")
    assert editor.has_perm("organizations.delete_person")
    assert not author.has_perm("articles.publish_article")
    assert author.has_perm("articles.add_article")
    assert not author.has_perm("organizations.delete_person")


def test_author_cannot_publish_schedule_or_unpublish_through_the_service(author):
    article = ready_draft()
    for step in (article_publish, article_unpublish):
        with pytest.raises(PermissionDenied, match="Editor"):
            step(article=article, by=author)
    with pytest.raises(PermissionDenied):
        article_schedule(article=article, by=author, at=timezone.now() + timedelta(hours=1))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_author_submits_and_editor_publishes(
    author, editor, change_notices, django_capture_on_commit_callbacks
):
    article = ready_draft()
    with django_capture_on_commit_callbacks(execute=True):
        article_submit_for_review(article=article, by=author)
        article_publish(article=article, by=editor)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.first_published_at is not None
    assert Article.objects.published().filter(pk=article.pk).exists()
    # Both steps ran in the test's one transaction: one notice after it, naming both.
    assert change_notices == [({article.pk}, ("submitted for review", "published"))]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"body": "<p>This article will be expanded soon.</p>"}, "stub"),
        ({"body": "<p>Lorem ipsum dolor sit amet " + "word " * 80 + "</p>"}, "stub"),
        ({"dek": ""}, "standfirst"),
        ({"lead_image": "no-alt"}, "alt text"),
        ({"bylines": 0}, "byline"),
    ],
)
def test_publish_gate_refuses_with_what_to_fix(editor, change, message):
    if change.get("lead_image"):
        change = {"lead_image": Image.objects.create(file=upload(), alt_text="")}
    bylines = change.pop("bylines", 1)
    article = ArticleFactory(status=Article.Status.IN_REVIEW, published_at=None, **change)
    if bylines:
        BylineFactory(article=article)
    with pytest.raises(ValidationError, match=message):
        article_publish(article=article, by=editor)
    with pytest.raises(ValidationError, match=message):
        article_schedule(article=article, by=editor, at=timezone.now() + timedelta(hours=1))
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_unpublish_and_return_to_draft(editor, author):
    article = ready_draft()
    article_publish(article=article, by=editor)
    with pytest.raises(PermissionDenied):
        article_return_to_draft(article=article, by=author)
    article_unpublish(article=article, by=editor)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    article_return_to_draft(article=article, by=author)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


# The admin: every path goes through the same rules.


def test_author_cannot_publish_from_the_change_form_and_keeps_the_text(client, author):
    article = ready_draft(created_by=author)
    client.force_login(author)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_post(article, status="published", headline="My new headline"))
    assert response.status_code == 200
    assert "Select a valid choice" in response.text or "Only an Editor" in response.text
    assert "My new headline" in response.text  # nothing typed is lost
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_author_submits_for_review_from_the_change_form(client, author):
    article = ready_draft(created_by=author)
    client.force_login(author)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_post(article, status="review"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_editor_publish_from_the_form_is_refused_with_what_to_fix(client, editor):
    article = ready_draft()
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_post(article, status="published", dek=""))
    assert response.status_code == 200
    assert "Cannot publish: The standfirst (dek) is empty" in response.text
    data = article_post(article, status="published")
    data["bylines-0-DELETE"] = "on"
    response = client.post(url, data)
    assert "There is no byline" in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    response = client.post(url, article_post(article, status="published"))
    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_editor_schedules_from_the_form_with_a_future_time(client, editor):
    article = ready_draft()
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_post(article, status="scheduled"))
    assert "set a publish time in the future" in response.text
    when = (timezone.now() + timedelta(days=1)).replace(microsecond=0)
    response = client.post(url, article_post(article, status="scheduled", published_at=when))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Article.Status.SCHEDULED, when)
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_author_publish_action_is_refused(client, author):
    article = ready_draft(created_by=author)
    client.force_login(author)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
        follow=True,
    )
    # Not offered to Authors, so a forged request names no action the list knows.
    assert "No action selected" in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_editor_publish_action_reports_each_article_that_fails_the_gate(client, editor):
    good, stub = ready_draft(), ready_draft(body="<p>Coming soon.</p>", headline="Thin one")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [good.pk, stub.pk]},
        follow=True,
    )
    assert "1 article(s) published" in response.text
    assert "Thin one" in response.text and "stub" in response.text
    assert set(Article.objects.published().values_list("pk", flat=True)) == {good.pk}


def test_the_list_has_no_status_column_to_edit_and_ignores_a_posted_one(client, editor):
    stub = ready_draft(body="<p>TK</p>", headline="Thin one")
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    assert 'name="form-0-status"' not in client.get(changelist).text
    data = {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000", "form-0-id": str(stub.pk), "form-0-status": "published",
        "_save": "Save",
    }  # fmt: skip
    client.post(changelist, data, follow=True)
    stub.refresh_from_db()
    assert stub.status == Article.Status.DRAFT  # status changes only through the actions


def test_author_cannot_bulk_delete_a_published_article(client, author, editor):
    article = ready_draft(created_by=author)
    article_publish(article=article, by=editor)
    client.force_login(author)
    changelist = reverse("admin:articles_article_changelist")
    confirm = client.post(changelist, {"action": "delete_selected", "_selected_action": [article.pk]})
    assert "an Editor deletes those" in confirm.text
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    )
    assert response.status_code == 403
    delete_page = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(delete_page, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_authors_see_only_their_own_articles(client, author):
    mine = ready_draft(created_by=author, headline="Mine by creation")
    person = PersonFactory()
    PersonAccount.objects.create(person=person, user=author)
    bylined = ready_draft(headline="Mine by byline")
    BylineFactory(article=bylined, person=person)
    other = ready_draft(headline="Someone else's")
    client.force_login(author)
    listing = client.get(reverse("admin:articles_article_changelist")).text
    assert "Mine by creation" in listing and "Mine by byline" in listing
    assert "Someone else" not in listing
    assert client.get(reverse("admin:articles_article_change", args=[mine.pk])).status_code == 200
    response = client.get(reverse("admin:articles_article_change", args=[other.pk]))
    assert response.status_code == 302  # the admin redirects with "does not exist"
    response = client.post(
        reverse("admin:articles_article_change", args=[other.pk]), article_post(other, headline="Hijack")
    )
    other.refresh_from_db()
    assert other.headline == "Someone else's"


@pytest.mark.parametrize("status", [Article.Status.PUBLISHED, Article.Status.SCHEDULED])
def test_author_reads_but_cannot_edit_a_published_or_scheduled_article(client, author, editor, status):
    article = ready_draft(created_by=author, headline="Live words")
    BylineFactory(article=article)
    if status == Article.Status.PUBLISHED:
        article_publish(article=article, by=editor)
    else:
        article_schedule(article=article, by=editor, at=timezone.now() + timedelta(hours=3))
    client.force_login(author)
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Live words" in page.text
    assert 'name="_save"' not in page.text  # the read-only view: no Save button
    response = client.post(url, article_post(article, headline="Unreviewed change"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Live words"
    # The Editor still edits it.
    client.force_login(editor)
    assert 'name="_save"' in client.get(url).text


def test_change_form_names_the_newsroom_timezone(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_add")).text
    assert "Times are in the newsroom's timezone, Asia/Tehran" in page


def test_editors_get_the_merge_permission_once_it_exists(author, editor):
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from organizations.models import Person

    Permission.objects.get_or_create(
        codename="merge_entities",
        content_type=ContentType.objects.get_for_model(Person),
        defaults={"name": "Can merge duplicate entities"},
    )
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    assert "skipped" not in out.getvalue()
    editor, author = User.objects.get(pk=editor.pk), User.objects.get(pk=author.pk)  # fresh permission caches
    assert editor.has_perm("organizations.merge_entities")
    assert not author.has_perm("organizations.merge_entities")


def test_publishing_an_article_already_out_keeps_its_time(editor):
    article = ready_draft()
    article_publish(article=article, by=editor)
    article.refresh_from_db()
    first_time = article.published_at
    article_publish(article=article, by=editor)
    article.refresh_from_db()
    assert article.published_at == first_time
