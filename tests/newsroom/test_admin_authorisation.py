"""An Author walks every admin URL and action: what their role forbids is refused on the server.

Every model registered with the admin is enumerated from ``admin.site._registry``, so a model added
later is walked too. For objects that hang off another writer's draft or off a published story, the
change form's POST, the delete page's POST, the history page and every action of the list are tried;
each must be refused (403, 404, or a redirect with a message) and leave the database as it was.
The Author's own draft stays fully editable, and no list or autocomplete shows another writer's
draft headline or quote text.
"""

import json

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from articles.models import (
    Article,
    ArticlePerson,
    Image,
    Quote,
    RelatedArticle,
    RelatedOverride,
)
from tests.factories import (
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.images import upload

pytestmark = pytest.mark.django_db

SECRET_HEADLINE = "Zyxwv secret merger of the two ministries"
SECRET_QUOTE = "Qwzrt we never meant to sign it"
LIVE_QUOTE = "The convoy left at dawn, the governor said"


def make_user(name: str, group: str) -> User:
    user = User.objects.create_user(name, password=f"{name}-pw-42", is_staff=True, first_name=name.title())
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def newsroom():
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    ayla = make_user("ayla", "Author")
    bora = make_user("bora", "Author")
    editor = make_user("emre", "Editor")
    speaker = PersonFactory(name="Governor Rahimi", slug="governor-rahimi")
    named = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    organization = OrganizationFactory(name="Red Crescent", slug="red-crescent")
    body = (
        "<p>Pirhossein Kolivand met the volunteers in the mountain villages on Monday morning. "
        + "More words follow about the relief effort and the families who waited. " * 8
        + "</p>"
    )
    others_draft = ArticleFactory(
        headline=SECRET_HEADLINE,
        status=Article.Status.DRAFT,
        published_at=None,
        created_by=bora,
        body=body,
    )
    own_live = ArticleFactory(headline="Ayla's live story on the convoy", created_by=ayla)
    own_draft = ArticleFactory(
        headline="Ayla's draft on the clinic",
        status=Article.Status.DRAFT,
        published_at=None,
        created_by=ayla,
        body=body,
    )
    for article in (others_draft, own_live, own_draft):
        BylineFactory(article=article, person=speaker)
        ArticleOrganizationFactory(article=article, organization=organization)
    ArticlePersonFactory(article=own_live, person=speaker)
    ArticlePersonFactory(article=others_draft, person=speaker)
    QuoteFactory(article=others_draft, speaker=speaker, text=SECRET_QUOTE)
    QuoteFactory(article=own_live, speaker=speaker, text=LIVE_QUOTE)
    own_quote = QuoteFactory(article=own_draft, speaker=speaker, text="Ayla's own quote")
    RelatedArticle.objects.create(article=others_draft, related=own_live, rank=1, score=0.5)
    RelatedArticle.objects.create(article=own_live, related=others_draft, rank=1, score=0.5)
    RelatedOverride.objects.create(article=others_draft, related=own_live)
    bora_image = Image.objects.create(file=upload("bora.jpg"), alt_text="Bora's picture", uploaded_by=bora)
    ayla_image = Image.objects.create(file=upload("ayla.jpg"), alt_text="Ayla's picture", uploaded_by=ayla)
    return {
        "ayla": ayla,
        "bora": bora,
        "editor": editor,
        "others_draft": others_draft,
        "own_live": own_live,
        "own_draft": own_draft,
        "own_quote": own_quote,
        "named": named,
        "bora_image": bora_image,
        "ayla_image": ayla_image,
        "speaker": speaker,
    }


def snapshot() -> str:
    """Every row of the content apps, to prove a refused request changed nothing."""
    rows = {}
    for label in ("articles", "organizations", "taggit", "auth"):
        for model in apps.get_app_config(label).get_models():
            fields = [f.attname for f in model._meta.concrete_fields if f.attname != "search_vector"]
            rows[model._meta.label] = list(model._default_manager.order_by("pk").values_list(*fields))
    return json.dumps(rows, default=str, sort_keys=True)


def forbidden_objects(model, nr) -> list:
    """The objects of ``model`` an Author must not change: on another writer's draft or a live story."""
    forbidden_articles = [nr["others_draft"], nr["own_live"]]
    if model is Article:
        return forbidden_articles
    if model is Image:
        return [nr["bora_image"]]
    links = [f.name for f in model._meta.fields if f.related_model is Article]
    if not links:
        return []
    query = Q()
    for name in links:
        query |= Q(**{f"{name}__in": forbidden_articles})
    # Only the owning key counts: a row of Ayla's own draft that points at a live story is hers.
    owner = links[0]
    return list(model._default_manager.filter(**{f"{owner}__in": forbidden_articles}))


def url(model, view: str, *args) -> str | None:
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)
    except NoReverseMatch:
        return None


def assert_refused(response, before: str, what: str) -> None:
    assert response.status_code in (302, 403, 404), f"{what}: answered {response.status_code}"
    if response.status_code == 302:
        texts = [str(m) for m in get_messages(response.wsgi_request)]
        assert texts, f"{what}: redirected without saying why"
        assert not any("successfully" in t for t in texts), f"{what}: {texts}"
    assert snapshot() == before, f"{what}: the database changed"


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def test_every_forbidden_admin_url_and_action_is_refused_for_an_author(client, newsroom):
    client.force_login(newsroom["ayla"])
    tried = 0
    before = snapshot()
    for model, model_admin in registered():
        for obj in forbidden_objects(model, newsroom):
            what = f"{model._meta.label} {obj.pk}"
            change = url(model, "change", obj.pk)
            # The POST of the change form (with whatever the page holds) never reaches validation.
            assert_refused(client.post(change, {"text": "rewritten"}), before, f"change {what}")
            delete = url(model, "delete", obj.pk)
            assert_refused(client.post(delete, {"post": "yes"}), before, f"delete {what}")
            tried += 2
            history = client.get(url(model, "history", obj.pk))
            if obj not in model_admin.get_queryset(_request_for(newsroom["ayla"])):
                assert_refused(history, before, f"history {what}")
            # Every action the admin defines, shown to Authors or not, on this object.
            for action in [
                "delete_selected",
                *[getattr(a, "__name__", a) for a in model_admin.actions or []],
            ]:
                response = client.post(
                    url(model, "changelist"),
                    {"action": action, "_selected_action": [obj.pk], "post": "yes", "index": 0},
                )
                assert response.status_code in (200, 302, 403), f"{action} on {what}"
                assert snapshot() == before, f"action {action} on {what} changed the database"
                tried += 1
        # Adding what the role may not add is refused for every model.
        if not model_admin.has_add_permission(_request_for(newsroom["ayla"])) and url(model, "add"):
            assert client.get(url(model, "add")).status_code == 403, f"add {model._meta.label}"
            assert_refused(client.post(url(model, "add"), {}), before, f"add {model._meta.label}")
            tried += 1
        # Deleting what the role has no delete permission for is refused for every model.
        codename = f"{model._meta.app_label}.delete_{model._meta.model_name}"
        if not newsroom["ayla"].has_perm(codename):
            obj = model._default_manager.first()
            if obj is not None:
                assert_refused(
                    client.post(url(model, "delete", obj.pk), {"post": "yes"}), before, f"delete {obj!r}"
                )
                tried += 1
    # Adding a quote to a published story, or to another writer's draft, is refused with an error.
    for article in (newsroom["own_live"], newsroom["others_draft"]):
        response = client.post(
            url(Quote, "add"),
            {
                "text": "Added by an Author",
                "speaker": newsroom["speaker"].pk,
                "article": article.pk,
                "position": 0,
            },
        )
        assert response.status_code == 200 and b"Select a valid choice" in response.content
        assert snapshot() == before
        tried += 1
    # Linking names into another writer's draft.
    response = client.post(
        reverse("admin:articles_article_link_entities", args=[newsroom["others_draft"].pk]), {"entity": "all"}
    )
    assert response.status_code == 404
    assert snapshot() == before
    assert tried > 30


def _request_for(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_an_author_changes_their_own_draft_and_what_hangs_off_it(client, newsroom):
    client.force_login(newsroom["ayla"])
    quote = newsroom["own_quote"]
    response = client.post(
        url(Quote, "change", quote.pk),
        {
            "text": "Ayla's corrected quote",
            "speaker": newsroom["speaker"].pk,
            "article": newsroom["own_draft"].pk,
            "context": "",
            "said_on": "",
            "position": 0,
        },
    )
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.text == "Ayla's corrected quote"
    assert client.get(url(Article, "change", newsroom["own_draft"].pk)).status_code == 200
    # Her own upload's text, yes; another writer's upload, read-only.
    image = newsroom["ayla_image"]
    response = client.post(
        url(Image, "change", image.pk),
        {
            "alt_text": "Ayla's picture, described",
            "caption": "",
            "credit": "Ayla",
            "focal_x": 0.5,
            "focal_y": 0.5,
        },
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt_text == "Ayla's picture, described"
    assert b"Bora&#x27;s picture" in client.get(url(Image, "change", newsroom["bora_image"].pk)).content
    # Linking a name found in her own draft works.
    response = client.post(
        reverse("admin:articles_article_link_entities", args=[newsroom["own_draft"].pk]), {"entity": "all"}
    )
    assert response.status_code == 302
    assert ArticlePerson.objects.filter(article=newsroom["own_draft"], person=newsroom["named"]).exists()
    # Deleting the quote of her own draft works.
    response = client.post(url(Quote, "delete", quote.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Quote.objects.filter(pk=quote.pk).exists()


def test_an_author_never_sees_other_writers_draft_headlines_or_quotes(client, newsroom):
    client.force_login(newsroom["ayla"])
    pages = 0
    for model, model_admin in registered():
        changelist = url(model, "changelist")
        for query in ("", "?q=a", "?q=Zyxwv", "?q=Qwzrt"):
            response = client.get(changelist + query)
            assert SECRET_HEADLINE.encode() not in response.content, f"{changelist}{query}"
            assert SECRET_QUOTE.encode() not in response.content, f"{changelist}{query}"
            pages += 1
        inlines = [inline(model, admin.site) for inline in model_admin.inlines]
        for source in [model_admin, *inlines]:
            for field in source.autocomplete_fields:
                source_model = source.model
                for term in ("", "Zyxwv", "a"):
                    response = client.get(
                        "/admin/autocomplete/",
                        {
                            "app_label": source_model._meta.app_label,
                            "model_name": source_model._meta.model_name,
                            "field_name": field,
                            "term": term,
                        },
                    )
                    assert SECRET_HEADLINE.encode() not in response.content, (source_model, field)
                    assert SECRET_QUOTE.encode() not in response.content, (source_model, field)
                    pages += 1
    assert pages > 40
    # The Editor does see it (the filter is the Author's, not a broken list).
    client.force_login(newsroom["editor"])
    assert SECRET_QUOTE.encode() in client.get(url(Quote, "changelist")).content


def test_authors_are_offered_only_what_their_role_may_do(client, newsroom):
    client.force_login(newsroom["ayla"])
    page = client.get(url(Article, "changelist")).content.decode()
    assert "submit_for_review" in page
    for editor_only in ("publish_now", 'value="schedule"', 'value="unpublish"', "Recover deleted"):
        assert editor_only not in page
    assert client.get(reverse("admin:articles_article_recoverlist")).status_code == 403
    live_quote = Quote.objects.get(text=LIVE_QUOTE)
    page = client.get(url(Quote, "change", live_quote.pk)).content.decode()
    assert 'name="_save"' not in page and "/delete/" not in page
    bora_image = client.get(url(Image, "change", newsroom["bora_image"].pk)).content.decode()
    assert 'name="_save"' not in bora_image
    client.force_login(newsroom["editor"])
    page = client.get(url(Article, "changelist")).content.decode()
    assert "publish_now" in page and "Recover deleted" in page
