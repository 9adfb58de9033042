"""Finding known names in article text and linking them."""

import pytest
from django.core.management import call_command

from articles.linking.finder import EntityMatcher, apply_suggestions, suggest_links
from articles.models import ArticleOrganization, ArticlePerson
from organizations.models import PersonAlias
from tests.factories import (
    ArticleFactory,
    ArticlePersonFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

BODY = (
    "<p>Pirhoshein Kolivand, head of the Red Crescent, met the ICRC delegation in Tehran on Monday. "
    "The ICRC-led convoy left at dawn. ICRCs and Icrc are not the committee. "
    "Dr. Yar Ahmadi said the meeting was useful. Kolivand thanked the volunteers.</p>"
    "<p>" + "More words follow about the relief effort and the families who waited. " * 6 + "</p>"
)


@pytest.fixture
def newsroom():
    kolivand = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    yarahmadi = PersonFactory(name="Amir Yarahmadi", slug="amir-yarahmadi")
    PersonAlias.objects.create(person=yarahmadi, name="Yar-Ahmadi, Dr.")
    icrc = OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC", slug="icrc")
    irc = OrganizationFactory(name="Red Crescent", acronym="IRCS", slug="irc")
    article = ArticleFactory(headline="Red Crescent and ICRC meet in Tehran", body=BODY)
    return article, kolivand, yarahmadi, icrc, irc


def by_entity(suggestions):
    return {s.entity.slug: s for s in suggestions}


def test_variant_spelling_in_text_suggests_the_recorded_person(newsroom):
    article, _kolivand, *_ = newsroom
    found = by_entity(suggest_links(article))
    assert found["pirhossein-kolivand"].matched_text == "Pirhoshein Kolivand"
    assert found["pirhossein-kolivand"].kind == "person"


def test_acronym_matches_whole_words_and_case_only(newsroom):
    article, *_ = newsroom
    icrc = by_entity(suggest_links(article))["icrc"]
    # headline once, "the ICRC delegation", "ICRC-led": never "ICRCs" or "Icrc".
    assert icrc.count == 3
    assert icrc.matched_text == "ICRC"


def test_acronym_is_never_found_inside_another_word():
    OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC", slug="icrc")
    matcher = EntityMatcher.build()
    assert matcher.find("The ICRCS report and PICRC and icrc staff") == {}


def test_alias_with_hyphen_and_title_matches_spaced_spelling(newsroom):
    article, _k, _yarahmadi, *_ = newsroom
    found = by_entity(suggest_links(article))
    assert found["amir-yarahmadi"].matched_text == "Yar Ahmadi"


def test_organization_name_matches_case_insensitively(newsroom):
    article, *_ = newsroom
    assert by_entity(suggest_links(article))["irc"].count == 2


def test_linked_entities_are_not_suggested_again(newsroom):
    article, kolivand, *_ = newsroom
    ArticlePersonFactory(article=article, person=kolivand, role="about")
    assert "pirhossein-kolivand" not in by_entity(suggest_links(article))


def test_a_surname_alone_does_not_suggest_a_person():
    PersonFactory(name="Kolivand", slug="kolivand-alone")
    article = ArticleFactory(body=BODY)
    assert "kolivand-alone" not in by_entity(suggest_links(article))


def test_event_name_is_found():
    EventFactory(name="Regional Humanitarian Forum", slug="forum")
    article = ArticleFactory(headline="Delegates gather for the regional humanitarian forum", body=BODY)
    assert by_entity(suggest_links(article))["forum"].kind == "event"


def test_apply_links_as_mentions_and_refreshes_related(
    newsroom, change_notices, django_capture_on_commit_callbacks
):
    article, kolivand, _y, icrc, _irc = newsroom
    suggestions = suggest_links(article)
    with django_capture_on_commit_callbacks(execute=True):
        created = apply_suggestions(article, suggestions)
    assert created == len(suggestions) == 4
    assert ArticlePerson.objects.get(article=article, person=kolivand).role == "mentions"
    assert ArticleOrganization.objects.get(article=article, organization=icrc).role == "mentions"
    # One after-commit notice for the article: its related posts, search entry and pages follow.
    assert change_notices == [({article.pk}, ("entities linked from their names in the text",))]
    assert suggest_links(article) == []
    assert apply_suggestions(article, suggestions) == 0


def test_link_entities_command_lists_then_applies(newsroom, capsys):
    article, kolivand, *_ = newsroom
    call_command("link_entities", "--article", article.slug)
    out = capsys.readouterr().out
    assert "Pirhoshein Kolivand" in out and "Pirhossein Kolivand" in out
    assert not ArticlePerson.objects.filter(article=article).exists()
    call_command("link_entities", "--article", article.slug, "--apply")
    # Named in the lead: a subject of the story, linked as "about".
    assert ArticlePerson.objects.filter(article=article, person=kolivand, role="about").exists()


def test_link_entities_unknown_article_is_one_line_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No article"):
        call_command("link_entities", "--article", "no-such-story")


def test_change_form_shows_suggestions_and_one_click_links(newsroom, admin_client):
    article, kolivand, *_ = newsroom
    url = f"/admin/articles/article/{article.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "Named in the text but not linked" in page
    assert "Pirhossein Kolivand" in page and "found as “Pirhoshein Kolivand”" in page
    response = admin_client.post(
        f"/admin/articles/article/{article.pk}/link-entities/", {"entity": f"person:{kolivand.pk}"}
    )
    assert response.status_code == 302 and response.url == url
    assert ArticlePerson.objects.get(article=article, person=kolivand).role == "mentions"
    assert "found as “Pirhoshein Kolivand”" not in admin_client.get(url).content.decode()


def test_link_all_in_one_click(newsroom, admin_client):
    article, *_ = newsroom
    admin_client.post(f"/admin/articles/article/{article.pk}/link-entities/", {"entity": "all"})
    assert suggest_links(article) == []


def test_link_view_refuses_get_and_users_without_change_permission(newsroom, client, django_user_model):
    article, kolivand, *_ = newsroom
    url = f"/admin/articles/article/{article.pk}/link-entities/"
    viewer = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    client.force_login(viewer)
    # Not an article this user may open: it is not found for them.
    assert client.post(url, {"entity": f"person:{kolivand.pk}"}).status_code == 404
    assert not ArticlePerson.objects.filter(article=article).exists()


def test_link_view_requires_csrf_token(newsroom, admin_user):
    from django.test import Client

    article, _kolivand, *_ = newsroom
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    response = strict.post(f"/admin/articles/article/{article.pk}/link-entities/", {"entity": "all"})
    assert response.status_code == 403
    assert not ArticlePerson.objects.filter(article=article).exists()
