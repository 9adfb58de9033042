"""The editors' article list as a desk works in it: bylines, filters, saved views, actions by role,
one date format, and a page that costs the same queries for 1 or 30 stories."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article, Byline, PersonAccount
from articles.workflow.changelist import today_bounds
from tests.factories import ArticleFactory, BylineFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

Status = Article.Status
LIST = "admin:articles_article_changelist"

#: Session, user, two for permissions, a savepoint and its release, the sections filter, one count,
#: the page of rows, its bylines with their people (one query for all of them), and two for the
#: date hierarchy. The filters' other choices (authors, languages) come from the cache.
LIST_QUERIES = 12


def make_user(name: str, group: str, **names) -> User:
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = User.objects.create_user(name, password=None, is_staff=True, **names)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def author():
    user = make_user("ayla", "Author")
    PersonAccount.objects.create(person=PersonFactory(name="Ayla Demir"), user=user)
    return user


@pytest.fixture
def editor():
    return make_user("emre", "Editor")


def rows(html: str) -> list[str]:
    """The headlines of the list's rows, in order."""
    return [unescape(h) for h in re.findall(r'<th class="field-headline"><a href="[^"]+">([^<]+)</a>', html)]


def test_the_list_shows_each_story_byline_in_order_with_roles(client, editor):
    article = ArticleFactory(headline="Convoy reaches Kerman")
    BylineFactory(article=article, person=PersonFactory(name="Sara Ahmadi"), position=0)
    BylineFactory(article=article, person=PersonFactory(name="Reza Karimi"), position=1)
    BylineFactory(
        article=article, person=PersonFactory(name="Mina Rahimi"), position=2, role=Byline.Role.PHOTOGRAPHER
    )
    client.force_login(editor)
    page = client.get(reverse(LIST)).text
    assert "Sara Ahmadi, Reza Karimi, Mina Rahimi (photographer)" in page
    assert '<th scope="col" class="column-byline">' in page


def test_the_list_filters_by_author_section_and_status(client, editor):
    sara = PersonFactory(name="Sara Ahmadi")
    health = SectionFactory(slug="health", name="Health")
    by_sara = ArticleFactory(headline="Measles campaign reaches Zahedan", section=health)
    BylineFactory(article=by_sara, person=sara)
    BylineFactory(article=ArticleFactory(headline="Flood camps open in Golestan"))
    draft = ArticleFactory(headline="Draft about shelters", status=Status.DRAFT, published_at=None)
    BylineFactory(article=draft, person=sara)
    client.force_login(editor)
    page = client.get(reverse(LIST)).text
    for heading in ("By author", "By section", "By status"):
        assert heading in page
    assert f"?byline={sara.pk}" in page
    assert sorted(rows(client.get(reverse(LIST), {"byline": sara.pk}).text)) == [
        "Draft about shelters",
        "Measles campaign reaches Zahedan",
    ]
    assert rows(client.get(reverse(LIST), {"byline": sara.pk, "status__exact": "draft"}).text) == [
        "Draft about shelters"
    ]
    assert rows(client.get(reverse(LIST), {"section__id__exact": health.pk}).text) == [
        "Measles campaign reaches Zahedan"
    ]
    # A made-up author filter is an empty list, not an error page.
    assert client.get(reverse(LIST), {"byline": "nobody"}).status_code == 200


def test_status_changes_through_actions_and_no_row_has_a_status_dropdown(client, editor):
    ArticleFactory(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    page = client.get(reverse(LIST)).text
    assert 'name="form-0-status"' not in page
    for action in ("submit_for_review", "publish_now", "schedule", "unpublish", "return_to_draft"):
        assert f'value="{action}"' in page


def test_editor_only_actions_are_hidden_from_authors(client, author):
    ArticleFactory(status=Status.DRAFT, published_at=None, created_by=author)
    client.force_login(author)
    page = client.get(reverse(LIST)).text
    assert 'value="submit_for_review"' in page and 'value="return_to_draft"' in page
    for editor_only in ("publish_now", "schedule", "unpublish"):
        assert f'value="{editor_only}"' not in page


def test_every_time_in_the_list_has_one_format(client, editor):
    when = timezone.now().replace(second=0, microsecond=0)
    ArticleFactory(published_at=when)
    client.force_login(editor)
    page = client.get(reverse(LIST)).text
    shown = date_format(timezone.localtime(when), "j M Y, H:i")
    publish = re.search(r'<td class="field-publish_time">([^<]+)</td>', page).group(1)
    updated = re.search(r'<td class="field-updated">([^<]+)</td>', page).group(1)
    assert publish == shown
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}", updated)
    assert "Asia/Tehran" in page  # the zone is named once, above the list


def test_headlines_are_clamped_to_two_lines_by_the_list_stylesheet(client, editor):
    ArticleFactory(headline="A very long headline " * 10)
    client.force_login(editor)
    page = client.get(reverse(LIST)).text
    assert "css/admin_desk.css" in page
    with open(finders.find("css/admin_desk.css"), encoding="utf-8") as css:
        assert "-webkit-line-clamp: 2" in css.read()


@pytest.fixture
def desk(author, editor):
    """Stories in every state a desk sorts by, for the author and for someone else."""
    now = timezone.now()
    start, end = today_bounds(now)
    other = make_user("omid", "Author")

    def story(headline, status, when=None, by=author):
        article = ArticleFactory(headline=headline, status=status, published_at=when, created_by=by)
        BylineFactory(article=article)
        return article

    story("Ayla's draft", Status.DRAFT)
    story("Omid's draft", Status.DRAFT, by=other)
    story("Editor's draft", Status.DRAFT, by=editor)
    story("Ayla's story in review", Status.IN_REVIEW)
    story("Omid's story in review", Status.IN_REVIEW, by=other)
    story("Due this evening", Status.SCHEDULED, now + (end - now) / 2, by=editor)
    story("Due tomorrow", Status.SCHEDULED, end + (end - start) / 2, by=editor)
    story("Out this morning", Status.PUBLISHED, start + (now - start) / 2, by=editor)
    story("Out yesterday", Status.PUBLISHED, start - (end - start) / 2, by=editor)
    # A draft the author did not create but carries her byline is hers too.
    bylined = ArticleFactory(headline="Draft with Ayla's byline", status=Status.DRAFT, published_at=None)
    BylineFactory(article=bylined, person=author.byline_person.person)
    return {"author": author, "editor": editor}


@pytest.mark.parametrize(
    ("role", "view", "expected"),
    [
        ("author", "my-drafts", {"Ayla's draft", "Draft with Ayla's byline"}),
        ("editor", "my-drafts", {"Editor's draft"}),
        ("author", "in-review", {"Ayla's story in review"}),
        ("editor", "in-review", {"Ayla's story in review", "Omid's story in review"}),
        ("editor", "scheduled-today", {"Due this evening"}),
        ("editor", "published-today", {"Out this morning"}),
    ],
)
def test_saved_views_show_what_the_desk_expects_for_each_role(client, desk, role, view, expected):
    client.force_login(desk[role])
    page = client.get(reverse(LIST), {"view": view}).text
    assert set(rows(page)) == expected


def test_saved_views_are_links_above_the_list_with_the_current_one_marked(client, editor):
    client.force_login(editor)
    page = client.get(reverse(LIST), {"view": "in-review"}).text
    nav = page[page.index('<nav class="desk-views"') : page.index("</nav>", page.index('class="desk-views"'))]
    for label in ("My drafts", "Waiting for review", "Scheduled today", "Published today"):
        assert label in nav
    assert '<a href="?view=in-review" aria-current="page">Waiting for review</a>' in nav
    assert page.index('class="desk-views"') < page.index('id="changelist-form"')


def many_bylined(count: int) -> None:
    people = [PersonFactory() for _ in range(3)]
    for _ in range(count):
        article = ArticleFactory()
        for position, person in enumerate(people):
            BylineFactory(article=article, person=person, position=position)


@pytest.mark.parametrize("role", ["editor", "author"])
def test_list_query_count_is_the_same_for_1_or_30_stories(client, django_assert_num_queries, role, request):
    user = request.getfixturevalue(role)
    client.force_login(user)
    url = reverse(LIST)
    for count in (1, 29):
        many_bylined(count)
        if role == "author":
            Article.objects.update(created_by=user)
        client.get(url)  # the filters' choices are cached after the first visit
        with django_assert_num_queries(LIST_QUERIES):
            response = client.get(url)
        assert response.status_code == 200
    assert len(rows(response.text)) == 30


def test_the_date_hierarchy_offers_the_years_with_stories_in_the_same_queries(
    client, editor, django_assert_num_queries
):
    zone = timezone.get_current_timezone()
    for year in (2019, 2021, 2021, 2024):
        ArticleFactory(published_at=timezone.datetime(year, 6, 1, 12, tzinfo=zone))
    # Just after midnight on New Year's Day in the newsroom: 2023 there, still 2022 in UTC.
    ArticleFactory(published_at=timezone.datetime(2023, 1, 1, 1, 0, tzinfo=zone))
    client.force_login(editor)
    client.get(reverse(LIST))  # the filters' choices are cached after the first visit
    with django_assert_num_queries(LIST_QUERIES):
        page = client.get(reverse(LIST)).text
    years = re.findall(r'<a href="\?published_at__year=(\d+)">', page)
    assert years == ["2019", "2021", "2023", "2024"]
    # A year opens at its months, as before.
    months = client.get(reverse(LIST), {"published_at__year": "2021"}).text
    assert "published_at__month=6" in months.replace("&amp;", "&")
