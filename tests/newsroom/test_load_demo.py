"""The demo newsroom: complete enough to try every page, invisible where it must be, idempotent.

The demo is loaded once for the module (``demo_newsroom``); each test runs in its own savepoint.
"""

import io
import shutil
import socket
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.io.articles import ImportOptions, import_articles
from articles.io.entities import import_entities
from articles.models import (
    Article,
    ArticleEvent,
    ArticleOrganization,
    ArticlePerson,
    Byline,
    Quote,
    Section,
)
from articles.related.reasons import attach_reasons
from articles.workflow.services import article_publish_problems
from organizations.models import Affiliation, Event, Organization, Person
from website import demo_loader

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the demo says, by natural keys, so two loads can be compared."""
    return {
        "sections": sorted(Section.objects.values_list("slug", "name", "position")),
        "organizations": sorted(
            Organization.objects.values_list("slug", "name", "acronym", "parent__slug", "version")
        ),
        "org_aliases": sorted(
            Organization.objects.filter(aliases__isnull=False).values_list("slug", "aliases__name")
        ),
        "people": sorted(Person.objects.values_list("slug", "name", "bio", "version")),
        "person_aliases": sorted(
            Person.objects.filter(aliases__isnull=False).values_list("slug", "aliases__name")
        ),
        "affiliations": sorted(
            Affiliation.objects.values_list(
                "person__slug", "organization__slug", "title", "start_date", "end_date"
            ),
            key=str,
        ),
        "events": sorted(
            Event.objects.values_list("slug", "starts_at", "ends_at", "parent__slug", "version"), key=str
        ),
        "articles": sorted(
            Article.objects.values_list("slug", "headline", "status", "published_at", "is_stub", "version"),
            key=str,
        ),
        "bylines": sorted(Byline.objects.values_list("article__slug", "person__slug", "role", "position")),
        "links": sorted(
            [
                *ArticlePerson.objects.values_list("article__slug", "person__slug", "role"),
                *ArticleOrganization.objects.values_list("article__slug", "organization__slug", "role"),
                *ArticleEvent.objects.values_list("article__slug", "event__slug", "role"),
            ]
        ),
        "quotes": sorted(Quote.objects.values_list("article__slug", "speaker__slug", "text")),
        "tags": sorted(Article.objects.filter(tags__isnull=False).values_list("slug", "tags__name")),
    }


def test_loading_twice_gives_the_same_data(demo_newsroom, capsys):
    first = snapshot()
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out
    assert snapshot() == first


def test_demo_is_a_whole_newsroom(demo_newsroom):
    published = Article.objects.published()
    assert published.count() >= 30
    assert Section.objects.count() >= 4
    assert all(published.filter(section=s).exists() for s in Section.objects.all())
    assert Person.objects.count() >= 40
    assert Person.objects.filter(aliases__kind="spelling").distinct().count() >= 3
    assert Person.objects.filter(aliases__kind="native").distinct().count() >= 2
    assert Organization.objects.exclude(acronym="").count() >= 15
    assert Organization.objects.count() >= 20
    assert Organization.objects.filter(parent__isnull=False).exists()
    assert Event.objects.count() >= 15
    assert Event.objects.filter(kind="conference", sessions__isnull=False).exists()
    exhibition = Event.objects.filter(kind="exhibition").exclude(timezone="Asia/Tehran").first()
    assert exhibition is not None and (exhibition.ends_at - exhibition.starts_at).days >= 1
    assert Quote.objects.filter(article__in=published).count() >= 10
    assert Byline.objects.filter(article__in=published).count() >= 30
    assert published.filter(source_organization__isnull=False).count() >= 5


def test_demo_draft_scheduled_and_stub_are_invisible(demo_newsroom, client):
    hidden = {
        "draft": Article.objects.filter(status="draft"),
        "scheduled": Article.objects.filter(status="scheduled", published_at__gt=timezone.now()),
        "stub": Article.objects.filter(is_stub=True),
    }
    for name, queryset in hidden.items():
        article = queryset.first()
        assert article is not None, f"the demo has no {name} article"
        assert client.get(article.get_absolute_url()).status_code == 404
        assert not Article.objects.published().filter(pk=article.pk).exists()
    home = client.get("/").text
    for queryset in hidden.values():
        assert queryset.first().headline not in home


def test_every_demo_page_opens(demo_newsroom, client):
    urls = ["/"]
    urls += [a.get_absolute_url() for a in Article.objects.published()]
    urls += [f"/articles/{a.slug}/related/" for a in Article.objects.published()[:5]]
    urls += [s.get_absolute_url() for s in Section.objects.all()]
    urls += [p.get_absolute_url() for p in Person.objects.all()]
    urls += [o.get_absolute_url() for o in Organization.objects.all()]
    urls += [e.get_absolute_url() for e in Event.objects.all()]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_demo_articles_have_related_stories_that_share_something(demo_newsroom):
    published = list(Article.objects.published())
    with_related = [a for a in published if a.related_entries.exists()]
    # A demo story shows at least its closest relative of the same weeks when nothing lifts above
    # its background: only a story sharing nothing with any other of its weeks has none.
    assert len(with_related) >= len(published) - 3
    for article in with_related:
        for entry in attach_reasons(article.related_entries.all()):
            assert entry.reasons, (article.slug, entry.related.slug)


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_an_edited_demo_record_is_put_back_and_nothing_else_is_touched(demo_newsroom):
    before = snapshot()
    person = Person.objects.get(slug="fatemeh-asgari")
    Person.objects.filter(pk=person.pk).update(bio="Edited by hand.")
    article = Article.objects.get(slug="red-crescent-medical-teams-arbaeen-route")
    Article.objects.filter(pk=article.pk).update(headline="Edited by hand")
    ArticlePerson.objects.filter(article=article).delete()

    assert load_demo().strip() == "Demo newsroom loaded: 1 articles updated, 1 people updated."
    after = snapshot()
    person.refresh_from_db()
    article.refresh_from_db()
    assert "Edited by hand" not in (person.bio, article.headline)
    assert ArticlePerson.objects.filter(article=article).exists()
    # Only the two records that differed were imported again (their version moved on).
    changed = {
        key
        for key in ("people", "articles")
        for old, new in zip(before[key], after[key], strict=True)
        if old != new
    }
    assert changed == {"people", "articles"}
    assert [row for row in after["people"] if row[0] != person.slug] == [
        row for row in before["people"] if row[0] != person.slug
    ]
    assert [row for row in after["articles"] if row[0] != article.slug] == [
        row for row in before["articles"] if row[0] != article.slug
    ]
    assert load_demo().strip() == "Demo newsroom already up to date; nothing changed."


def test_the_scheduled_story_goes_out_three_days_after_the_first_load_and_keeps_its_time(demo_newsroom):
    story = Article.objects.get(status="scheduled")
    now = timezone.now()
    assert now + timedelta(days=2, hours=23) <= story.published_at <= now + timedelta(days=3)
    said_on = story.published_at.astimezone(ZoneInfo("Asia/Tehran")).date()
    assert set(story.quotes.values_list("said_on", flat=True)) == {said_on}

    load_demo()
    story.refresh_from_db()
    assert story.status == "scheduled"
    assert story.published_at.astimezone(ZoneInfo("Asia/Tehran")).date() == said_on

    # Three days later (as if the demo had been loaded then) the scheduler publishes it; loading the
    # demo again does not take it back.
    went_out = now - timedelta(minutes=5)
    Article.objects.filter(pk=story.pk).update(published_at=went_out)
    story.quotes.update(said_on=went_out.astimezone(ZoneInfo("Asia/Tehran")).date())
    call_command("publish_scheduled", stdout=io.StringIO())
    assert Article.objects.published().filter(pk=story.pk).exists()
    assert load_demo().strip().endswith("nothing changed.")
    assert Article.objects.published().filter(pk=story.pk).exists()


def test_published_demo_stories_pass_the_publish_gate_and_the_stub_stays_unpublished(demo_newsroom):
    published = Article.objects.filter(status="published")
    assert {a.slug: article_publish_problems(a) for a in published if article_publish_problems(a)} == {}
    stub = Article.objects.get(is_stub=True)
    assert stub.status == "draft"
    assert article_publish_problems(stub)


def test_the_demo_files_are_what_import_entities_and_import_articles_read(demo_newsroom):
    entities = import_entities([demo_loader.ENTITIES_FILE], update=True, dry_run=True)
    assert entities.updated == {"sections": 4, "organizations": 33, "people": 48, "events": 23}
    articles = import_articles([demo_loader.ARTICLES_FILE], ImportOptions(update=True, dry_run=True))
    assert len(articles.updated) == Article.objects.count() == 39


def test_a_broken_demo_file_is_reported_by_line_and_nothing_is_written(demo_newsroom, tmp_path, monkeypatch):
    broken = tmp_path / "articles.jsonl"
    shutil.copy(demo_loader.ARTICLES_FILE, broken)
    lines = broken.read_text().splitlines()
    lines[2] = lines[2].replace('"section": "', '"section": "no-such-', 1)
    lines[0] = lines[0].replace('"headline": "', '"headline": "Changed ', 1)
    broken.write_text("\n".join(lines) + "\n")
    monkeypatch.setattr(demo_loader, "ARTICLES_FILE", broken)
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    assert str(error.value).startswith(f"{broken}:3: section: no section 'no-such-")
    assert "Nothing was imported" in str(error.value)
    assert snapshot() == before


def test_demo_user_only_when_debug_is_on(demo_newsroom, settings, client):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local use only"):
        call_command("load_demo", "--demo-user", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="editor").exists()

    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", "--demo-user", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    assert client.login(username="editor", password=password)
    assert client.get("/admin/").status_code == 200


def test_a_demo_story_an_editor_moved_to_another_address_is_not_brought_back(demo_newsroom, client):
    article = Article.objects.get(slug="red-crescent-medical-teams-arbaeen-route")
    article.slug = "arbaeen-medical-teams"
    article.save()
    assert load_demo().strip().endswith("nothing changed.")
    assert not Article.objects.filter(slug="red-crescent-medical-teams-arbaeen-route").exists()
    response = client.get("/articles/red-crescent-medical-teams-arbaeen-route/")
    assert response.status_code == 301 and response["Location"] == "/articles/arbaeen-medical-teams/"


def test_most_demo_stories_have_a_drawn_picture_with_words_and_renditions(demo_newsroom, client):
    published = Article.objects.published()
    with_picture = published.filter(lead_image__isnull=False).select_related("lead_image")
    assert with_picture.count() >= 0.7 * published.count()
    for article in with_picture:
        image = article.lead_image
        assert image.alt_text and image.caption and image.credit == "Newsroom graphics"
        assert image.file.name.startswith("images/") and "/demo-" in image.file.name
        assert image.renditions.filter(ratio="16:9", format="webp").exists()
    # Through the library's own path: re-encoded (the drawing's JPEG, cleaned), tagged for search.
    assert with_picture.first().lead_image.tags.exists()
    home = client.get("/").text
    assert home.count('class="card__picture"') >= 5
    article = with_picture.first()
    page = client.get(article.get_absolute_url()).text
    assert '"image": ["http://testserver/media/images/' in page


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_load_demo_prints_the_address_make_run_serves(demo_newsroom, settings, client):
    settings.DEBUG = True
    port = _free_port()
    out = io.StringIO()
    call_command("load_demo", "--demo-user", "--address", f"127.0.0.1:{port}", stdout=out)
    assert f"Serving http://127.0.0.1:{port}/  (Ctrl-C to stop)" in out.getvalue()
    assert f"Admin: http://127.0.0.1:{port}/admin/" in out.getvalue()
    assert "8000" not in out.getvalue()


def test_load_demo_refuses_a_port_already_in_use_before_printing_it(demo_newsroom):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = io.StringIO()
        with pytest.raises(CommandError, match=f"Port {port} is already in use.*make run PORT={port + 1}"):
            call_command("load_demo", "--address", f"127.0.0.1:{port}", stdout=out)
    assert "Serving" not in out.getvalue()


@pytest.mark.parametrize(
    ("address", "message"),
    [("localhost:99999", "Port 99999 is not between 1 and 65535"), ("no port", "is not an address")],
)
def test_load_demo_refuses_an_address_it_cannot_serve(demo_newsroom, address, message):
    with pytest.raises(CommandError, match=message):
        call_command("load_demo", "--address", address, stdout=io.StringIO())


def test_demo_native_names_read_right_to_left_in_their_language(demo_newsroom, client):
    html = client.get("/people/pirhossein-kolivand/").text
    assert '<span lang="fa" dir="rtl">پیرحسین کولیوند</span>' in html
