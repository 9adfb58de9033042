"""Autosave of the article change form: the server's copy, for the editor's own articles only."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from articles.models import Article, AutosaveDraft
from tests.admin_posts import article_post, loaded_version_on
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

URL = "/admin/articles/article/autosave/"
DISCARD_URL = "/admin/articles/article/autosave/discard/"


def make_user(name: str, group: str) -> User:
    call_command("setup_roles", stdout=StringIO())
    user = User.objects.create_user(name, password=None, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def ayla():
    return make_user("ayla", "Author")


@pytest.fixture
def bora():
    return make_user("bora", "Author")


def client_for(user, *, csrf_checks: bool = False) -> Client:
    client = Client(enforce_csrf_checks=csrf_checks)
    client.force_login(user)
    return client


def draft_of(user, **kwargs) -> Article:
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, created_by=user, **kwargs)


def autosave(client, article_id, headline="Typed but not saved", **extra):
    payload = {
        "article": article_id,
        "base_version": 1,
        "fields": {"headline": headline, "body": "<p>Typed body</p>", "tags": ["a", "b"]},
        "labels": {"section": "World"},
        **extra,
    }
    return client.post(URL, json.dumps(payload), content_type="application/json")


def test_an_author_autosaves_their_own_draft_and_the_form_offers_it(ayla):
    article = draft_of(ayla, headline="Saved headline")
    client = client_for(ayla)

    answer = autosave(client, article.pk)
    assert answer.status_code == 200
    assert autosave(client, article.pk, headline="Typed later").status_code == 200  # replaced, not added

    draft = AutosaveDraft.objects.get()
    assert (draft.user, draft.article, draft.base_version) == (ayla, article, 1)
    assert draft.data["fields"]["headline"] == "Typed later"
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    config = json.loads(page.split('id="autosave-config" type="application/json">')[1].split("</script>")[0])
    assert config["server"]["fields"]["headline"] == "Typed later"
    assert config["article"] == article.pk and config["version"] == article.version
    article.refresh_from_db()
    assert article.headline == "Saved headline"  # an autosave never changes the article


def test_another_authors_draft_is_refused_and_nothing_is_stored(ayla, bora):
    theirs = draft_of(bora)
    answer = autosave(client_for(ayla), theirs.pk)
    assert answer.status_code == 404
    assert not AutosaveDraft.objects.exists()


def test_a_published_story_is_refused_to_an_author(ayla):
    live = ArticleFactory(created_by=ayla)
    assert autosave(client_for(ayla), live.pk).status_code == 403
    assert not AutosaveDraft.objects.exists()


def test_anonymous_is_sent_to_log_in_and_nothing_is_stored(ayla):
    article = draft_of(ayla)
    answer = autosave(Client(), article.pk)
    assert answer.status_code == 302 and "/admin/login/" in answer["Location"]
    assert not AutosaveDraft.objects.exists()


def test_without_the_csrf_token_it_is_refused(ayla):
    article = draft_of(ayla)
    client = client_for(ayla, csrf_checks=True)
    assert autosave(client, article.pk).status_code == 403
    assert not AutosaveDraft.objects.exists()

    # With the form's token in the header, as static/js/autosave.js sends it, it is stored.
    client.get(f"/admin/articles/article/{article.pk}/change/")
    token = client.cookies["csrftoken"].value
    payload = {"article": article.pk, "base_version": 1, "fields": {"headline": "x"}}
    answer = client.post(URL, json.dumps(payload), content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert answer.status_code == 200
    assert AutosaveDraft.objects.count() == 1


def test_an_oversize_autosave_is_a_400_with_a_message(ayla, settings):
    settings.NEWSROOM_AUTOSAVE_MAX_BYTES = 2000
    article = draft_of(ayla)
    answer = autosave(client_for(ayla), article.pk, headline="x" * 3000)
    assert answer.status_code == 400
    assert "larger than 1 KB" in answer.json()["error"]
    assert not AutosaveDraft.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"article": 1}',
        b'{"article": "1", "fields": {}}',
        b'{"article": null, "fields": {"headline": 5}}',
        b'{"article": null, "fields": {}, "draft_key": "short"}',
    ],
)
def test_bad_input_is_a_400_never_a_500(ayla, body):
    answer = client_for(ayla).post(URL, body, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["error"]


def test_a_new_article_is_autosaved_under_its_draft_key_and_cleared_by_its_first_save(ayla):
    client = client_for(ayla)
    payload = {"article": None, "draft_key": "0123456789abcdef", "fields": {"headline": "A new story"}}
    assert client.post(URL, json.dumps(payload), content_type="application/json").status_code == 200
    draft = AutosaveDraft.objects.get()
    assert draft.article is None and draft.key == "new:0123456789abcdef"

    page = client.get("/admin/articles/article/add/").content.decode()
    assert '"fields": {"headline": "A new story"}' in page


def test_a_successful_save_removes_the_autosave_and_tells_the_browser(ayla):
    article = draft_of(ayla, headline="Before")
    client = client_for(ayla)
    autosave(client, article.pk)
    answer = client.post(
        f"/admin/articles/article/{article.pk}/change/", article_post(article, headline="Saved at last")
    )
    assert answer.status_code == 302
    assert not AutosaveDraft.objects.exists()
    assert answer.cookies["newsroom_autosave_done"].value == f"{ayla.pk}.a{article.pk}"


def test_a_save_that_fails_keeps_the_autosave(ayla):
    """A conflict re-shows the form; the autosave (and the typed text in the form) stay."""
    article = draft_of(ayla, headline="Before")
    client = client_for(ayla)
    autosave(client, article.pk)
    data = article_post(article, headline="Mine")
    Article.objects.filter(pk=article.pk).update(version=article.version + 1)  # a save made elsewhere
    answer = client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert answer.status_code == 200
    assert "newsroom_autosave_done" not in answer.cookies
    assert AutosaveDraft.objects.count() == 1
    assert loaded_version_on(answer) == str(article.version + 1)


def test_discard_removes_only_the_editors_own_autosave(ayla, bora):
    article = draft_of(ayla)
    autosave(client_for(ayla), article.pk)
    # Bora cannot reach Ayla's draft at all.
    bora_answer = client_for(bora).post(
        DISCARD_URL, json.dumps({"article": article.pk}), content_type="application/json"
    )
    assert bora_answer.status_code == 404
    assert AutosaveDraft.objects.count() == 1
    answer = client_for(ayla).post(
        DISCARD_URL, json.dumps({"article": article.pk}), content_type="application/json"
    )
    assert answer.json() == {"removed": 1}
    assert not AutosaveDraft.objects.exists()


def test_prune_removes_autosaves_nobody_came_back_for(ayla):
    article = draft_of(ayla)
    old = AutosaveDraft.objects.create(
        user=ayla,
        article=article,
        key=f"article:{article.pk}",
        data={},
        saved_at=timezone.now() - timedelta(days=40),
    )
    AutosaveDraft.objects.create(user=ayla, key="new:0123456789abcdef", data={}, saved_at=timezone.now())
    out = StringIO()
    call_command("prune_autosaves", stdout=out)
    assert "Removed 1 old autosave(s)." in out.getvalue()
    assert not AutosaveDraft.objects.filter(pk=old.pk).exists()
    assert AutosaveDraft.objects.count() == 1
    with pytest.raises(CommandError, match="--days must be 0 or more"):
        call_command("prune_autosaves", days=-1)


def test_the_admin_500_page_says_the_text_is_kept_in_the_browser(rf):
    from newsroom.views import server_error

    page = server_error(rf.post("/admin/articles/article/1/change/")).content.decode()
    assert "What you typed is not lost" in page and "Restore" in page
    public = server_error(rf.get("/news/")).content.decode()
    assert "Something went wrong" in public
