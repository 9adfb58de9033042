"""import_entities obeys the identity rules the admin obeys: one normalized name per person or
organization, one acronym per organization; a clash is one line naming the record, nothing written."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from organizations.models import Organization, OrganizationAlias, Person
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db

ICRC_TAKEN = (
    "The acronym “ICRC” already belongs to the organization “International Committee of the Red Cross”. "
    "If they are the same, merge the two."
)
ALAVI_TAKEN = (
    "This name already belongs to the person “Hossein Alavi”. "
    "If they are the same, add your spelling there, or merge the two."
)


def write(path, *records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", "utf-8")
    return path


def refused(path, *args) -> str:
    """import_entities must fail: everything it said (stderr lines and the CommandError)."""
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_entities", str(path), *args, stderr=err)
    return err.getvalue() + str(failure.value)


def organization(slug, name, acronym="", **extra):
    return {"type": "organization", "slug": slug, "name": name, "acronym": acronym, **extra}


def person(slug, name, **extra):
    return {"type": "person", "slug": slug, "name": name, **extra}


@pytest.fixture
def icrc():
    return OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC", slug="icrc")


def test_import_entities_refuses_second_icrc(tmp_path, icrc):
    path = write(
        tmp_path / "e.jsonl",
        person("someone", "Someone Else"),
        organization("red-cross-committee", "Red Cross Committee", "ICRC"),
    )
    said = refused(path)
    assert f"{path}:2: acronym: {ICRC_TAKEN} Nothing was imported (1 problem)." in said
    assert list(Organization.objects.values_list("slug", flat=True)) == ["icrc"]
    assert not Person.objects.exists()


def test_two_organizations_with_one_acronym_in_one_file_are_refused(tmp_path):
    path = write(
        tmp_path / "e.jsonl",
        organization("icrc", "International Committee of the Red Cross", "ICRC"),
        organization("other", "Red Cross Committee", "icrc"),  # the case does not make it another acronym
    )
    said = refused(path)
    assert (
        f"{path}:2: acronym: The acronym “icrc” already belongs to the organization “International "
        "Committee of the Red Cross” (line 1 of this import)."
    ) in said
    assert not Organization.objects.exists()


def test_import_entities_refuses_variant_of_existing_person(tmp_path):
    PersonFactory(name="Hossein Alavi", slug="hossein-alavi")
    path = write(tmp_path / "e.jsonl", person("dr-hosein-alavi", "Dr. Hosein Alavi"))
    assert f"{path}:1: name: {ALAVI_TAKEN}" in refused(path)
    assert list(Person.objects.values_list("slug", flat=True)) == ["hossein-alavi"]


def test_two_spellings_of_one_person_in_one_file_are_refused(tmp_path):
    path = write(
        tmp_path / "e.jsonl",
        person("hossein-alavi", "Hossein Alavi"),
        person("someone", "Someone Else", aliases=[{"name": "Hussein Alavi"}]),
        person("dr-hosein-alavi", "Dr. Hosein Alavi"),
    )
    said = refused(path)
    in_file = "This name already belongs to the person “Hossein Alavi” (line 1 of this import)."
    assert f"{path}:2: aliases[0].name: {in_file}" in said
    assert f"{path}:3: name: {in_file}" in said
    assert not Person.objects.exists()


def test_a_name_another_organization_has_as_other_name_is_refused(tmp_path):
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    OrganizationAlias.objects.create(organization=ircs, name="Red Crescent Society of Iran")
    path = write(tmp_path / "e.jsonl", organization("rcsi", "Red-Crescent Society of Iran"))
    assert (
        f"{path}:1: name: This name already belongs to the organization “Iranian Red Crescent Society” "
        "(as its other name “Red Crescent Society of Iran”)."
    ) in refused(path)
    assert Organization.objects.count() == 1


def test_update_keeps_its_own_name_and_acronym_and_may_pass_them_on(tmp_path, icrc):
    path = write(
        tmp_path / "e.jsonl",
        organization("icrc", "International Committee of the Red Cross", "ICRC", aliases=[{"name": "ICRC"}]),
    )
    call_command("import_entities", str(path), "--update", stdout=StringIO())
    # Within one run, a record replaced by the file gives its acronym up to another.
    path = write(
        tmp_path / "f.jsonl",
        organization("icrc", "International Committee of the Red Cross"),
        organization("red-cross-committee", "Red Cross Committee", "ICRC"),
    )
    call_command("import_entities", str(path), "--update", stdout=StringIO())
    assert Organization.objects.get(acronym="ICRC").slug == "red-cross-committee"


def test_admin_and_import_give_the_same_message(tmp_path, icrc, admin_client):
    PersonFactory(name="Hossein Alavi", slug="hossein-alavi")
    form = {
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
    page = admin_client.post("/admin/organizations/organization/add/", form).content.decode()
    assert ICRC_TAKEN in page and f'href="/admin/organizations/organization/{icrc.pk}/change/"' in page
    person_form = {
        "name": "Dr. Hosein Alavi",
        "slug": "dr-hosein-alavi",
        "bio": "",
        "wikidata_id": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
    }
    page = admin_client.post("/admin/organizations/person/add/", person_form).content.decode()
    assert ALAVI_TAKEN in page
    assert Organization.objects.count() == 1 and Person.objects.count() == 1

    path = write(
        tmp_path / "e.jsonl",
        organization("rcc", "Red Cross Committee", "ICRC"),
        person("dr-hosein-alavi", "Dr. Hosein Alavi"),
    )
    said = refused(path)
    assert f"{path}:1: acronym: {ICRC_TAKEN}" in said
    assert f"{path}:2: name: {ALAVI_TAKEN}" in said


def test_admin_refuses_an_acronym_whatever_its_case(admin_client, icrc):
    form = {
        "name": "Red Cross Committee",
        "acronym": "Icrc",
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
    response = admin_client.post("/admin/organizations/organization/add/", form)
    assert response.status_code == 200
    assert "The acronym “Icrc” already belongs to the organization" in response.content.decode()
    assert Organization.objects.count() == 1
