"""import_articles publishes only what the workflow's publish gate lets through, as the admin does."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article, Image
from organizations.models import Person
from tests.factories import STORY, ArticleFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

BARE_MARKDOWN = """---
headline: Volunteers reopen the clinic in Sarpol-e Zahab
---
Volunteers from the provincial branch reopened the clinic on Monday, two weeks after the
aftershocks cracked its walls. Nasrin Karimi, who runs it, said the waiting room was full by nine.
The branch said a second clinic would open in the spring, once the engineers had checked the
building. Families from the surrounding villages can reach it by the new road, which opened
last month after the old bridge was closed for repairs.
"""


def failing(*args) -> tuple[str, str]:
    """Run import_articles, which must fail; returns (the CommandError, stderr)."""
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_articles", *map(str, args), stderr=err)
    return str(failure.value), err.getvalue()


def ready(slug: str, **extra) -> dict:
    """An article the gate accepts: a story, a standfirst, a byline."""
    return {
        "type": "article",
        "slug": slug,
        "headline": f"Clinic story {slug}",
        "dek": "A clinic reopens.",
        "body": STORY,
        "bylines": ["mina-shirazi"],
        **extra,
    }


def write_jsonl(path, *records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    return path


@pytest.fixture
def author():
    return PersonFactory(slug="mina-shirazi", name="Mina Shirazi")


def test_import_publish_refused_by_gate_writes_nothing(tmp_path, author, client):
    good = write_jsonl(tmp_path / "good.jsonl", ready("good-story"))
    bare = tmp_path / "bare.md"
    bare.write_text(BARE_MARKDOWN, "utf-8")
    message, _ = failing(good, bare, "--publish")
    assert message.startswith(
        f"{bare}:1: publish: The standfirst (dek) is empty. Add one or two sentences under the headline. "
        "There is no byline."
    )
    assert "Nothing was imported (1 problem)." in message
    # All or nothing: the good story of the same run is not written either.
    assert not Article.objects.exists()
    assert client.get("/articles/volunteers-reopen-the-clinic-in-sarpol-e-zahab/").status_code == 404


def test_status_published_in_the_file_is_gated_like_the_publish_option(tmp_path, author):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        ready("fine", status="published"),
        ready("no-byline", status="published", bylines=[]),
        ready("stub", status="scheduled", published_at="2099-01-01T09:00:00+00:00", body="<p>Soon.</p>"),
        ready("draft-without-byline", bylines=[]),  # a draft needs nothing
    )
    message, err = failing(path)
    assert f"{path}:2: publish: There is no byline. Add at least one person in “Bylines”." in err
    assert message.startswith(f"{path}:3: publish: The article is a stub:")
    assert "Nothing was imported (2 problems)." in message
    assert not Article.objects.exists()


def test_lead_image_without_alt_text_is_refused_even_when_the_library_has_it(tmp_path, author):
    Image.objects.create(file="images/clinic.jpg", width=800, height=600, alt_text="")
    image = {"file": "images/clinic.jpg", "width": 800, "height": 600, "alt_text": "A clinic"}
    path = write_jsonl(tmp_path / "a.jsonl", ready("with-image", status="published", lead_image=image))
    # The import reuses the library's image (without alt text), so the gate judges that one.
    message, _ = failing(path)
    assert message.startswith(f"{path}:1: publish: The lead image has no alt text.")
    assert not Article.objects.exists()


def test_gate_message_is_the_one_the_admin_gives(tmp_path, author, admin_client):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, dek="")
    response = admin_client.post(
        "/admin/articles/article/",
        {"action": "publish_now", "_selected_action": [article.pk]},
        follow=True,
    )
    admin_messages = [str(m) for m in response.context["messages"]]
    gate = "The standfirst (dek) is empty. Add one or two sentences under the headline."
    assert any(gate in m for m in admin_messages), admin_messages
    path = write_jsonl(tmp_path / "a.jsonl", ready("no-dek", dek=""))
    message, _ = failing(path, "--publish")
    assert message.startswith(f"{path}:1: publish: {gate}")


def test_published_by_import_gets_first_and_last_published_times(tmp_path, author, client):
    SectionFactory(slug="health", name="Health")
    path = write_jsonl(tmp_path / "a.jsonl", ready("out-now", section="health"))
    before = timezone.now()
    call_command("import_articles", str(path), "--publish", stdout=StringIO())
    article = Article.objects.get(slug="out-now")
    assert article.status == Article.Status.PUBLISHED
    assert before <= article.published_at <= timezone.now()
    assert article.first_published_at == article.published_at
    assert article.last_published_at == article.published_at
    assert client.get(article.get_absolute_url()).status_code == 200


def test_demo_story_that_fails_the_gate_stops_the_demo(tmp_path, monkeypatch):
    from website import demo_loader

    lines = demo_loader.ARTICLES_FILE.read_text("utf-8").splitlines()
    number, story = next(
        (n, json.loads(line))
        for n, line in enumerate(lines, start=1)
        if json.loads(line).get("status") == "published"
    )
    story["dek"] = ""
    lines[number - 1] = json.dumps(story)
    broken = tmp_path / "articles.jsonl"
    broken.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setattr(demo_loader, "ARTICLES_FILE", broken)
    with pytest.raises(CommandError) as failure:
        call_command("load_demo", stdout=StringIO())
    message = str(failure.value)
    assert f"articles.jsonl:{number}: publish: The standfirst (dek) is empty." in message
    assert "Nothing was imported" in message or "Nothing was loaded" in message
    assert not Article.objects.exists() and not Person.objects.exists()


def test_publishing_again_an_article_already_out_keeps_its_publish_time(tmp_path, author):
    original = ArticleFactory(slug="out-already")
    out_at = original.published_at
    path = write_jsonl(tmp_path / "a.jsonl", ready("out-already", dek="A new standfirst."))
    call_command("import_articles", str(path), "--update", "--publish", stdout=StringIO())
    article = Article.objects.get(slug="out-already")
    assert article.dek == "A new standfirst."
    assert article.published_at == out_at
    assert article.first_published_at == out_at and article.last_published_at == out_at
