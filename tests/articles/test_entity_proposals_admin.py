"""Editors review the new names a story introduces: on the change form and in the review list."""

import pytest
from django.core.management import call_command

from articles.linking.models import EntityProposal
from articles.models import ArticleOrganization, ArticlePerson
from organizations.models import Affiliation, Organization, Person
from tests.factories import ArticleFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db

BODY = (
    "<p>GORGAN – Vahid Rostami, head of the Golestan branch of the Iranian Red Crescent Society (IRCS), "
    "said on Monday that 40 villages were cut off by the floods.</p>"
    "<p>“We reached all of them by evening,” Rostami said. The National Organization for Migration "
    "sent two teams.</p>"
)


@pytest.fixture
def article():
    OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    return ArticleFactory(headline="Floods cut off 40 villages in Golestan", body=BODY, dek="")


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def decide(admin_client, article, decision):
    return admin_client.post(f"/admin/articles/article/{article.pk}/entity-proposal/", {"decision": decision})


def test_change_form_lists_new_names_with_their_title_and_sentence(article, admin_client):
    page = admin_client.get(change_url(article)).content.decode()
    assert "New in the text: not in the directory yet" in page
    assert (
        "<strong>Vahid Rostami</strong> — head of the Golestan branch, Iranian Red Crescent Society" in page
    )
    assert "National Organization for Migration" in page
    assert 'value="accept:person:Vahid Rostami"' in page


def test_accept_creates_the_record_with_its_affiliation_and_links_it(article, admin_client):
    response = decide(admin_client, article, "accept:person:Vahid Rostami")
    assert response.status_code == 302 and response.url == change_url(article)
    rostami = Person.objects.get(name="Vahid Rostami")
    assert rostami.needs_review
    assert Affiliation.objects.get(person=rostami).organization.slug == "ircs"
    assert ArticlePerson.objects.get(article=article, person=rostami).role == "quoted"
    page = admin_client.get(change_url(article)).content.decode()
    assert 'value="accept:person:Vahid Rostami"' not in page


def test_reject_is_remembered_on_the_form_and_by_the_command(article, admin_client):
    decide(admin_client, article, "reject:organization:National Organization for Migration")
    page = admin_client.get(change_url(article)).content.decode()
    assert "will not be proposed again for this story" in page
    assert 'value="accept:organization:National Organization for Migration"' not in page
    assert 'value="accept:person:Vahid Rostami"' in page
    call_command("link_entities", "--article", article.slug, "--apply", "--new")
    assert not Organization.objects.filter(name="National Organization for Migration").exists()
    assert Person.objects.filter(name="Vahid Rostami").exists()
    assert (
        EntityProposal.objects.get(article=article, name="National Organization for Migration").status
        == "rejected"
    )


def test_accept_on_the_change_form_saves_what_was_typed_first(article, admin_client):
    from tests.admin_posts import article_post

    data = article_post(article, headline="Typed just before accepting")
    data["_entity_proposal"] = "accept:person:Vahid Rostami"
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 302 and response.url == change_url(article)
    article.refresh_from_db()
    assert article.headline == "Typed just before accepting"
    rostami = Person.objects.get(name="Vahid Rostami")
    assert ArticlePerson.objects.get(article=article, person=rostami).role == "quoted"
    page = admin_client.get(change_url(article)).content.decode()
    assert "Created and linked “Vahid Rostami”" in page
    # The buttons belong to the change form itself: no separate form that would drop the typing.
    assert 'name="_entity_proposal" value="reject:organization:National Organization for Migration"' in page
    assert "entity-proposal-form" not in page


def test_a_form_with_errors_decides_nothing_and_keeps_the_typing(article, admin_client):
    from tests.admin_posts import article_post

    data = article_post(article, headline="")  # a headline is required
    data["_entity_proposal"] = "accept:person:Vahid Rostami"
    page = admin_client.post(change_url(article), data)
    assert page.status_code == 200
    assert not Person.objects.filter(name="Vahid Rostami").exists()


def test_a_stale_decision_is_a_message_not_an_error(article, admin_client):
    response = decide(admin_client, article, "accept:person:Nobody Here")
    assert response.status_code == 302
    assert not Person.objects.filter(name="Nobody Here").exists()


def test_only_editors_who_may_change_the_article_decide(article, client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    client.force_login(viewer)
    response = client.post(
        f"/admin/articles/article/{article.pk}/entity-proposal/", {"decision": "accept:person:Vahid Rostami"}
    )
    # Refused: the article is loaded through the admin's queryset, so one they cannot open is a 404.
    assert response.status_code in (403, 404)
    assert not Person.objects.exists()


def test_review_list_accepts_and_rejects_in_bulk(article, admin_client):
    call_command("link_entities", "--article", article.slug, "--apply")  # saves the proposals
    proposals = {p.name: p for p in EntityProposal.objects.filter(article=article)}
    assert set(proposals) == {"Vahid Rostami", "National Organization for Migration"}
    listing = admin_client.get("/admin/articles/entityproposal/?status__exact=proposed").content.decode()
    assert "Vahid Rostami" in listing and "head of the Golestan branch" in listing
    admin_client.post(
        "/admin/articles/entityproposal/",
        {
            "action": "accept_selected",
            "_selected_action": [proposals["National Organization for Migration"].pk],
        },
    )
    migration = Organization.objects.get(name="National Organization for Migration")
    assert migration.needs_review
    assert ArticleOrganization.objects.filter(article=article, organization=migration).exists()
    admin_client.post(
        "/admin/articles/entityproposal/",
        {"action": "reject_selected", "_selected_action": [proposals["Vahid Rostami"].pk]},
    )
    call_command("link_entities", "--article", article.slug, "--apply", "--new")
    assert not Person.objects.filter(name="Vahid Rostami").exists()


def test_unreviewed_records_are_filtered_and_marked_reviewed(article, admin_client):
    call_command("link_entities", "--article", article.slug, "--apply", "--new")
    PersonFactory(name="Already Checked")
    listing = admin_client.get("/admin/organizations/person/?needs_review__exact=1").content.decode()
    assert "Vahid Rostami" in listing and "Already Checked" not in listing
    rostami = Person.objects.get(name="Vahid Rostami")
    admin_client.post(
        "/admin/organizations/person/", {"action": "mark_reviewed", "_selected_action": [rostami.pk]}
    )
    rostami.refresh_from_db()
    assert not rostami.needs_review


def person_form(name, slug, **extra):
    return {
        "name": name,
        "slug": slug,
        "bio": "",
        "wikidata_id": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
        **extra,
    }


def test_a_likely_variant_of_an_existing_person_is_a_warning_the_editor_can_confirm(admin_client):
    existing = PersonFactory(name="Mahnaz Rezaei", slug="mahnaz-rezaei")
    response = admin_client.post(
        "/admin/organizations/person/add/", person_form("Mahnaz Rezaee", "mahnaz-rezaee")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This may be someone already in the directory" in page
    assert f"/admin/organizations/person/{existing.pk}/change/" in page
    assert "a common variant spelling" in page
    assert not Person.objects.filter(slug="mahnaz-rezaee").exists()
    response = admin_client.post(
        "/admin/organizations/person/add/",
        person_form("Mahnaz Rezaee", "mahnaz-rezaee", confirm_new_person="on"),
    )
    assert response.status_code == 302
    assert Person.objects.filter(slug="mahnaz-rezaee").exists()


def test_a_close_but_different_name_is_no_warning(admin_client):
    PersonFactory(name="Hamid Zare", slug="hamid-zare")
    response = admin_client.post(
        "/admin/organizations/person/add/", person_form("Hamid Zarei", "hamid-zarei")
    )
    assert response.status_code == 302
    assert Person.objects.filter(slug="hamid-zarei").exists()
