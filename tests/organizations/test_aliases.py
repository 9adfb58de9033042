"""One normalized name, one entity: the database and the admin both refuse a clash."""

import pytest
from django.db import IntegrityError, transaction

from organizations.identity import entities_named, name_owner
from organizations.models import Organization, OrganizationAlias, Person, PersonAlias
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def person_form(name, slug, aliases=()):
    data = {
        "name": name,
        "slug": slug,
        "bio": "",
        "wikidata_id": "",
        "aliases-TOTAL_FORMS": str(max(1, len(aliases))),
        "aliases-INITIAL_FORMS": "0",
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
    }
    for i, alias in enumerate(aliases or [""]):
        data[f"aliases-{i}-name"] = alias
        data[f"aliases-{i}-kind"] = "spelling"
        data[f"aliases-{i}-language"] = ""
    return data


def test_one_person_may_keep_several_spellings_of_one_name():
    person = PersonFactory(name="Hossein Yarahmadi")
    PersonAlias.objects.create(person=person, name="Hosein Yar-Ahmadi")
    PersonAlias.objects.create(person=person, name="Hossein Yar-Ahmadi")
    assert person.aliases.count() == 2


def test_database_refuses_one_alias_key_on_two_people():
    first = PersonFactory(name="Hossein Yarahmadi")
    second = PersonFactory(name="Someone Else")
    PersonAlias.objects.create(person=first, name="Hosein Yar-Ahmadi")
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        PersonAlias.objects.create(person=second, name="Hussein Yarahmadi")
    assert refused.value.__cause__.diag.constraint_name == "personalias_one_owner"


def test_database_refuses_one_alias_key_on_two_organizations():
    first = OrganizationFactory(name="Iranian Red Crescent Society")
    second = OrganizationFactory(name="Another Society")
    OrganizationAlias.objects.create(organization=first, name="Red Crescent Society of Iran")
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        OrganizationAlias.objects.create(organization=second, name="Red-Crescent society of IRAN")
    assert refused.value.__cause__.diag.constraint_name == "organizationalias_one_owner"


def test_name_owner_and_entities_named_resolve_variants():
    person = PersonFactory(name="Pirhossein Kolivand")
    PersonAlias.objects.create(person=person, name="پیرحسین کولیوند")
    assert name_owner(Person, "Dr. Pirhoshein Kolivand").entity == person
    assert name_owner(Person, "پیر\u200cحسین کولیوند").via_alias == "پیرحسین کولیوند"
    assert name_owner(Person, "Pirhossein Kolivand", exclude_pk=person.pk) is None
    assert entities_named(Person, "Pir Hossein Kolivand") == [person]
    assert entities_named(Organization, "Pir Hossein Kolivand") == []


def test_admin_refuses_a_new_person_whose_name_another_person_has(admin_client):
    PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    response = admin_client.post(
        "/admin/organizations/person/add/", person_form("Pirhoshein Kolivand", "pirhoshein-kolivand")
    )
    assert response.status_code == 200
    assert "already belongs to the person “Pirhossein Kolivand”" in response.content.decode()
    assert Person.objects.count() == 1


def test_admin_refuses_an_alias_another_person_has(admin_client):
    owner = PersonFactory(name="Hossein Yarahmadi", slug="hossein-yarahmadi")
    PersonAlias.objects.create(person=owner, name="حسین یاراحمدی")
    response = admin_client.post(
        "/admin/organizations/person/add/",
        person_form("Ali Fadavi", "ali-fadavi", aliases=["حسين ياراحمدي"]),
    )
    assert response.status_code == 200
    assert "already belongs to the person “Hossein Yarahmadi”" in response.content.decode()
    assert not Person.objects.filter(slug="ali-fadavi").exists()


def test_admin_accepts_a_distinct_person_with_spelling_aliases(admin_client):
    PersonFactory(name="Hassan Kolivand", slug="hassan-kolivand")
    response = admin_client.post(
        "/admin/organizations/person/add/",
        person_form("Hossein Kolivand", "hossein-kolivand", aliases=["Hosein Kolivand", "Hussein Kolivand"]),
    )
    assert response.status_code == 302
    assert Person.objects.get(slug="hossein-kolivand").aliases.count() == 2


def test_admin_refuses_organization_name_another_has_as_alias(admin_client):
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS")
    OrganizationAlias.objects.create(organization=ircs, name="Red Crescent Society of Iran")
    data = {
        "name": "Red Crescent Society of Iran",
        "acronym": "",
        "slug": "rcsi",
        "kind": "ngo",
        "country": "",
        "website": "",
        "description": "",
        "wikidata_id": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
    }
    response = admin_client.post("/admin/organizations/organization/add/", data)
    assert response.status_code == 200
    assert "(as its other name “Red Crescent Society of Iran”)" in response.content.decode()


def test_admin_refuses_an_acronym_another_organization_has(admin_client):
    OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC")
    data = {
        "name": "Red Cross Committee",
        "acronym": "ICRC",
        "slug": "rcc",
        "kind": "ngo",
        "country": "",
        "website": "",
        "description": "",
        "wikidata_id": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
    }
    response = admin_client.post("/admin/organizations/organization/add/", data)
    assert response.status_code == 200
    assert "already belongs to the organization “International Committee of the Red Cross”" in (
        response.content.decode()
    )
