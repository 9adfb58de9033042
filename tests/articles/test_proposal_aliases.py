"""An accepted proposal keeps the form the story wrote the name in as another name of its record.

On every accept path: the change form's button, the review list's action, ``link_entities --apply
--new`` and ``import_articles --link --new``. The next story that writes the name that way finds
the record; forms that name no one (lower case, a surname alone) or another record's name are not kept.
"""

import pytest
from django.core.management import call_command

from articles.linking.models import EntityProposal
from articles.linking.resolution import Directory, read_story
from articles.models import ArticleOrganization, ArticlePerson
from organizations.models import Organization, Person
from tests.factories import ArticleFactory, OrganizationFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

GILAN = (
    "<p>RASHT – Siavash Rahimzadeh, head of the veterinary department of Gilan, said on Monday that "
    "three farms were closed.</p>"
    "<p>“The birds were culled by evening,” Rahimzadeh said.</p>"
)


def other_names(record) -> set[str]:
    return set(record.aliases.values_list("name", flat=True))


def test_change_form_accept_keeps_the_written_form(admin_client):
    from tests.admin_posts import article_post

    article = ArticleFactory(headline="Bird flu closes three farms", body=GILAN, dek="")
    data = article_post(article)
    data["_entity_proposal"] = "accept:organization:Gilan veterinary department"
    response = admin_client.post(f"/admin/articles/article/{article.pk}/change/", data)
    assert response.status_code == 302
    body = Organization.objects.get(name="Gilan veterinary department")
    assert other_names(body) == {"veterinary department of Gilan"}
    later = ArticleFactory(
        headline="Farms reopen", body="<p>The veterinary department of Gilan reopened them.</p>"
    )
    assert [f.entity for f in read_story(later, Directory()).known] == [body]


def test_review_list_accept_of_an_edited_name_keeps_the_text_spelling_on_the_chosen_person(admin_client):
    # "Hamed" and "Hamid" are different names to the matcher; the editor knows it is the same man.
    hamid = PersonFactory(name="Hamid Safavi")
    article = ArticleFactory(
        headline="Museum opens",
        dek="",
        body="<p>Hamed Safavi, director of the Tabriz museum, said the hall opens on Monday.</p>",
    )
    call_command("link_entities", "--article", article.slug, "--apply")  # saves the proposal
    proposal = EntityProposal.objects.get(article=article, kind="person")
    assert proposal.name == "Hamed Safavi"
    form = admin_client.get(f"/admin/articles/entityproposal/{proposal.pk}/change/").content.decode()
    assert "Hamed Safavi" in form
    admin_client.post(
        f"/admin/articles/entityproposal/{proposal.pk}/change/",
        {
            "name": "Hamid Safavi",
            "title": proposal.title,
            "organization_name": proposal.organization_name,
            "acronym": "",
            "role": proposal.role,
            "event_kind": "",
            "place": "",
        },
    )
    admin_client.post(
        "/admin/articles/entityproposal/", {"action": "accept_selected", "_selected_action": [proposal.pk]}
    )
    assert Person.objects.count() == 1  # the chosen record, not a new one
    assert ArticlePerson.objects.filter(article=article, person=hamid).exists()
    assert other_names(hamid) == {"Hamed Safavi"}
    later = ArticleFactory(headline="Hall opens", body="<p>Hamed Safavi opened the hall.</p>")
    assert [f.entity for f in read_story(later, Directory()).known] == [hamid]


def test_link_entities_new_keeps_the_written_form():
    article = ArticleFactory(headline="Bird flu closes three farms", body=GILAN, dek="")
    call_command("link_entities", "--article", article.slug, "--apply", "--new")
    body = Organization.objects.get(name="Gilan veterinary department")
    assert other_names(body) == {"veterinary department of Gilan"}
    assert ArticleOrganization.objects.filter(article=article, organization=body).exists()
    # The person is kept under their full name; "Rahimzadeh" alone is no other name.
    assert other_names(Person.objects.get(name="Siavash Rahimzadeh")) == set()


def test_import_link_new_keeps_written_forms_and_the_next_story_links_the_record(tmp_path):
    SectionFactory(slug="news")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(
        "Bird flu reaches Gilan\nMonday, 9 March 2026 - 10:00\n\n"
        "RASHT – Siavash Rahimzadeh, head of the Gilan veterinary department, said on Monday that three "
        "farms were closed.\n",
        encoding="utf-8",
    )
    second.write_text(
        "Gilan farms reopen\nFriday, 13 March 2026 - 10:00\n\n"
        "RASHT – Siavash Rahimzadeh, head of the veterinary department of Gilan, said on Friday that the "
        "farms reopened.\n",
        encoding="utf-8",
    )
    call_command("import_articles", str(first), str(second), "--section", "news", "--link", "--new")
    assert Organization.objects.filter(name__icontains="veterinary").count() == 1
    body = Organization.objects.get(name="Gilan veterinary department")
    # Created from the first story; the second wrote it the other way round while it awaits review.
    assert other_names(body) == {"veterinary department of Gilan"}
    assert ArticleOrganization.objects.filter(organization=body).count() == 2


def test_lower_case_forms_and_other_records_names_are_not_kept():
    gilan_water = OrganizationFactory(name="Gilan Water and Wastewater Company")
    other = OrganizationFactory(name="Golestan veterinary department")
    from organizations.identity import alias_keep

    assert alias_keep(entity=gilan_water, name="provincial water and wastewater company") is None
    assert alias_keep(entity=gilan_water, name="Golestan veterinary department") is None
    assert alias_keep(entity=gilan_water, name="GWWC") is None
    rahimzadeh = PersonFactory(name="Siavash Rahimzadeh")
    assert alias_keep(entity=rahimzadeh, name="Rahimzadeh") is None
    assert alias_keep(entity=rahimzadeh, name="Siavash Rahimzadeh") is None  # its own name
    assert other_names(gilan_water) == other_names(other) == other_names(rahimzadeh) == set()
