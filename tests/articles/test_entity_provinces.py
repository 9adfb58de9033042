"""Bodies a story writes in lower case for its own province, and people it names by surname only."""

import pytest

from articles.linking.resolution import Directory, read_story
from tests.factories import AffiliationFactory, ArticleFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def story(body, headline="Cholera cases rise in Zabol"):
    article = ArticleFactory(headline=headline, body=body, dek="")
    return read_story(article, Directory())


def proposed(entities) -> set[str]:
    return {p.name for p in entities.proposals if p.kind == "organization"}


def test_a_provincial_body_is_named_for_the_province_the_story_is_set_in():
    entities = story(
        "<p>ZABOL – Eleven new cholera cases were reported in Zabol in Sistan and Baluchestan on Monday.</p>"
        "<p>The provincial water and wastewater company said it had chlorinated the city network.</p>"
        "<p>The provincial crisis management headquarters met on Tuesday.</p>"
    )
    assert {
        "Sistan and Baluchestan water and wastewater company",
        "Sistan and Baluchestan crisis management headquarters",
    } <= proposed(entities)
    forms = {f for p in entities.proposals for f in p.forms}
    assert "provincial water and wastewater company" in forms
    # A place written after it is that place's body; a month is no place.
    entities = story(
        "<p>ZABOL – Cholera spread in Sistan and Baluchestan, said the head of the provincial water and "
        "wastewater company in Zabol. The provincial health network screened 900 people in October.</p>"
    )
    assert {
        "Zabol water and wastewater company",
        "Sistan and Baluchestan health network",
    } == proposed(entities)


def test_no_province_no_provincial_body_and_a_dateline_elsewhere_rules_a_province_out():
    # Kerman is named, but the story is filed from Bandar Abbas, in Hormozgan: not Kerman's governorate.
    entities = story(
        "<p>BANDAR ABBAS – A fire at the port was put out on Monday, the provincial governorate said. "
        "A ship from Kerman was damaged.</p>",
        headline="Fire at Bandar Abbas port",
    )
    assert not any("governorate" in name for name in proposed(entities))
    entities = story("<p>The provincial office of the society said it had sent tents.</p>", headline="Tents")
    assert proposed(entities) == set()


def test_a_bare_lower_case_body_is_the_provinces_known_one_never_a_new_one():
    education = OrganizationFactory(name="Isfahan education department")
    entities = story(
        "<p>ISFAHAN – A second school will open in Isfahan province, the education department said.</p>",
        headline="Second school",
    )
    assert [f.entity for f in entities.known] == [education]
    entities = story(
        "<p>ISFAHAN – The rehabilitation department in Isfahan province opened a clinic.</p>",
        headline="Clinic",
    )
    assert proposed(entities) == set() and entities.known == []


def test_a_provincial_office_of_a_national_body_is_that_body():
    environment = OrganizationFactory(name="Department of Environment", acronym="DOE")
    entities = story(
        "<p>AHVAZ – Dust closed schools in Khuzestan, the provincial environment department said.</p>",
        headline="Dust closes schools",
    )
    assert environment in [f.entity for f in entities.known]
    assert proposed(entities) == set()


def test_office_and_department_of_one_province_and_subject_in_one_story_are_one_body():
    entities = story(
        "<p>SHAHIN SHAHR – The school was built in Isfahan province by the provincial education "
        "department.</p>",
        headline="UNICEF and Isfahan education office open refugee school",
    )
    names = proposed(entities)
    assert names == {"Isfahan education office"}
    (office,) = [p for p in entities.proposals if p.name == "Isfahan education office"]
    assert "Isfahan education department" in office.forms


def test_a_surname_never_introduced_is_the_one_known_person_of_a_body_the_story_names():
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS")
    qanbari = PersonFactory(name="Behrouz Qanbari")
    AffiliationFactory(person=qanbari, organization=ircs, title="head of the Mazandaran branch")
    body = (
        "<p>SARI – The IRCS sent dogs. Qanbari, who leads the Mazandaran branch, said the search goes on.</p>"
    )
    assert qanbari in [f.entity for f in story(body, headline="Search").known]
    # Without a body of his in the story, the surname alone is nobody's.
    assert qanbari not in [f.entity for f in story("<p>SARI – Qanbari said the search goes on.</p>").known]
    # Another Ghanbari the story gives no context for does not stand in the way ...
    PersonFactory(name="Saeed Ghanbari")
    assert qanbari in [f.entity for f in story(body, headline="Search").known]
    # ... two of that surname at bodies the story names are nobody.
    AffiliationFactory(person=PersonFactory(name="Reza Qanbari"), organization=ircs, title="volunteer")
    assert [f.entity for f in story(body, headline="Search").known] == [ircs]


def test_a_surname_never_introduced_is_placed_by_the_known_persons_title():
    ghasemi = PersonFactory(name="Morteza Ghasemi")
    AffiliationFactory(person=ghasemi, title="Head of the Hajj medical mission")
    body = (
        "<p>MEDINA – The clinics of the Iranian Hajj medical mission treated 9,000 pilgrims.</p>"
        "<p>“Many of our pilgrims are over sixty,” Ghasemi said.</p>"
    )
    assert [f.entity for f in story(body, headline="Clinics").known] == [ghasemi]
    other = "<p>MEDINA – “Many of our pilgrims are over sixty,” Ghasemi said.</p>"
    assert story(other, headline="Clinics").known == []


def test_a_person_after_of_with_an_age_in_apposition_is_a_person():
    entities = story(
        "<p>TABRIZ – The stand of Sima Rafiei, a 31-year-old carpet designer from Tabriz, was busy.</p>",
        headline="Carpet fair",
    )
    assert "Sima Rafiei" in {p.name for p in entities.proposals if p.kind == "person"}
    entities = story("<p>He is chief executive of Arvand Cold Chain, a company in Khorramshahr.</p>")
    assert not any(p.kind == "person" for p in entities.proposals)


def test_a_county_the_gazetteer_lacks_names_a_body_after_the():
    entities = story(
        "<p>SARI – A doctor from the Savadkuh health network visits every morning.</p>", headline="Shelter"
    )
    assert "Savadkuh health network" in proposed(entities)
    # No "the" before it, or a first name: no body.
    entities = story("<p>SARI – Maryam health network staff visited.</p>", headline="Shelter")
    assert not any("health network" in name for name in proposed(entities))


def test_a_province_the_story_calls_a_province_counts_whatever_the_dateline():
    # There is also a town called Golestan near Tehran; "Golestan province" is the province.
    entities = story(
        "<p>GORGAN – Floods hit Golestan province on Sunday. The provincial meteorological office "
        "warned of more rain.</p>",
        headline="Floods in Golestan",
    )
    assert proposed(entities) == {"Golestan meteorological office"}


def test_a_name_beginning_with_a_place_word_is_a_person_when_an_age_follows():
    entities = story(
        "<p>JAVANRUD – Kaka Morad Veisi, a 78-year-old shepherd from a village near Javanrud, had his "
        "bandage taken off on Tuesday.</p><p>“I can see my grandchildren,” Veisi said.</p>",
        headline="Eye camp",
    )
    assert {p.name for p in entities.proposals if p.kind == "person"} == {"Kaka Morad Veisi"}


def test_a_provincial_body_spelt_out_later_in_the_story_is_one_body():
    entities = story(
        "<p>ISFAHAN – 30,000 people visited the fair in Isfahan, the province's cultural heritage "
        "department said.</p><p>Maryam Etemadi, director of handicrafts at the Isfahan Cultural Heritage, "
        "Handicrafts and Tourism Department, said sales were high.</p>",
        headline="Handicrafts fair",
    )
    assert proposed(entities) == {"Isfahan Cultural Heritage, Handicrafts and Tourism Department"}


def test_a_city_municipality_in_lower_case_is_a_body():
    entities = story("<p>AHVAZ – The Ahvaz municipality sent 80 pumps.</p>", headline="Flood")
    assert proposed(entities) == {"Ahvaz municipality"}


def test_a_surname_of_a_named_body_is_its_known_person():
    doe = OrganizationFactory(name="Department of Environment", acronym="DOE")
    qolizadeh = PersonFactory(name="Hamed Qolizadeh")
    AffiliationFactory(person=qolizadeh, organization=doe, title="Director-general in West Azerbaijan")
    entities = story(
        "<p>URMIA – Officials, among them Qolizadeh of the DOE, warned of a dry summer.</p>", headline="Lake"
    )
    assert {f.entity for f in entities.known} == {qolizadeh, doe}
