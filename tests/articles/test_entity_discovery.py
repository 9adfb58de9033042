"""Reading the people, organizations and events a story names: known ones resolved, new ones proposed."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from articles.linking.resolution import Directory, read_story
from articles.models import ArticleOrganization, ArticlePerson
from organizations.models import Affiliation, EventAlias, Organization, Person, PersonAlias
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

FLOOD = (
    "<p>GORGAN – Vahid Rostami, head of the Golestan branch of the Iranian Red Crescent Society (IRCS), "
    "said on Monday that 40 villages in Golestan province were cut off by the floods.</p>"
    "<p>“We reached all of them by evening,” Rostami said.</p>"
    "<p>The National Organization for Migration sent two teams, said Dr. Leila Moradi, the province's "
    "deputy health chief.</p>"
    "<h2>What comes next</h2>"
    "<p>Health Minister Bahram Einollahi visited Gorgan on Tuesday. "
    "The IRCS said more tents were on the way. "
    "Officials met in Tehran on Saturday. Volunteers handed out blankets in March.</p>"
)


def story(body, headline="Floods cut off 40 villages in Golestan", **kwargs):
    article = ArticleFactory(headline=headline, body=body, dek="", **kwargs)
    return article, read_story(article, Directory())


def proposed(entities, kind=None):
    return {p.name: p for p in entities.proposals if kind is None or p.kind == kind}


def known(entities):
    return {f.entity.slug: f for f in entities.known}


def test_each_way_wire_copy_introduces_someone_is_proposed():
    _article, entities = story(FLOOD)
    people = proposed(entities, "person")
    # Title in apposition, with the organization it names as the affiliation.
    assert people["Vahid Rostami"].title == "head of the Golestan branch"
    assert people["Vahid Rostami"].organization == "Iranian Red Crescent Society"
    assert "Vahid Rostami, head of the Golestan branch" in people["Vahid Rostami"].sentence
    # After a speech verb, behind an honorific, with a title after the comma.
    assert people["Leila Moradi"].title == "province's deputy health chief"
    # Behind a capitalised title.
    assert people["Bahram Einollahi"].title == "Health Minister"
    assert all(p.confidence >= 0.7 for p in people.values())
    organizations = proposed(entities, "organization")
    assert organizations["Iranian Red Crescent Society"].acronym == "IRCS"
    assert "National Organization for Migration" in organizations


def test_later_references_by_surname_and_acronym_count_for_the_one_introduced():
    _article, entities = story(FLOOD)
    rostami = proposed(entities)["Vahid Rostami"]
    assert rostami.count == 2  # "Vahid Rostami, head of..." and "“...,” Rostami said."
    assert rostami.role == "quoted"
    ircs = proposed(entities)["Iranian Red Crescent Society"]
    assert ircs.count == 2  # spelt out once, then "The IRCS said"


def test_places_days_months_headings_and_sentence_starts_are_never_proposed():
    _article, entities = story(FLOOD)
    names = set(proposed(entities))
    for not_a_name in ["Golestan", "Gorgan", "Tehran", "Golestan province", "Monday", "Saturday", "March",
                       "What comes next", "Officials", "Volunteers", "The", "Dr", "GORGAN"]:  # fmt: skip
        assert not_a_name not in names
    assert names == {
        "Vahid Rostami",
        "Leila Moradi",
        "Bahram Einollahi",
        "Iranian Red Crescent Society",
        "National Organization for Migration",
    }


def test_a_lone_honorific_or_a_surname_nobody_introduced_proposes_no_one():
    _article, entities = story("<p>Dr. Karimi said the clinic was full. Mr. said nothing. Zand agreed.</p>")
    assert proposed(entities, "person") == {}


def test_variant_spellings_resolve_to_the_existing_person():
    kolivand = PersonFactory(name="Pirhossein Kolivand")
    rezvani = PersonFactory(name="Mohammadhassan Rezvani")
    rezaei = PersonFactory(name="Mahnaz Rezaei")
    yarahmadi = PersonFactory(name="Ali Yarahmadi")
    body = (
        "<p>Pirhoshein Kolivand, head of the society, met Mohammad-Hassan Rezvani, the deputy minister. "
        "Mahnaz Rezaee, a WHO official, said screening works. Dr. Ali Yar-Ahmadi said the same.</p>"
    )
    _article, entities = story(body)
    found = {f.entity.pk: f for f in entities.known}
    assert set(found) >= {kolivand.pk, rezvani.pk, rezaei.pk, yarahmadi.pk}
    assert found[rezaei.pk].reason == "variant spelling"
    assert proposed(entities, "person") == {}


def test_close_names_of_different_people_are_never_cross_linked():
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS")
    zare = PersonFactory(name="Hamid Zare")
    AffiliationFactory(person=zare, organization=ircs, title="head of the Kerman branch")
    body = (
        "<p>Hamid Zarei, director of the Fars Crisis Management Organization, said 14 roads were closed. "
        "Zarei said helicopters had been asked for.</p>"
    )
    _article, entities = story(body)
    assert zare.pk not in {f.entity.pk for f in entities.known if f.kind == "person"}
    assert proposed(entities, "person")["Hamid Zarei"].count == 2


def test_a_variant_spelling_at_another_organization_is_another_person():
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS")
    OrganizationFactory(name="Fars Crisis Management Organization")
    rezaei = PersonFactory(name="Mahnaz Rezaei")
    AffiliationFactory(person=rezaei, organization=ircs, title="volunteer coordinator")
    body = "<p>Mahnaz Rezaee, head of the Fars Crisis Management Organization, said the roads were shut.</p>"
    _article, entities = story(body)
    assert rezaei.pk not in {f.entity.pk for f in entities.known if f.kind == "person"}
    assert "Mahnaz Rezaee" in proposed(entities, "person")


def test_surname_refers_to_the_official_introduced_nearest_before_it():
    vahid = PersonFactory(name="Vahid Rahimi")
    javad = PersonFactory(name="Javad Rahimi")
    body = (
        "<p>Vahid Rahimi, head of the branch, opened the shelter.</p>"
        "<p>Javad Rahimi, the city's crisis chief, arrived later.</p>"
        "<p>“We are ready,” Rahimi said.</p>"
    )
    _article, entities = story(body)
    found = known(entities)
    assert found[javad.slug].count == 2 and found[javad.slug].role == "quoted"
    assert found[vahid.slug].count == 1


def test_both_records_of_a_duplicate_pair_are_never_linked_to_one_story():
    first = PersonFactory(name="Kamran Jafarzadeh")
    second = PersonFactory(name="Kamran Jafarzade")
    body = (
        "<p>Kamran Jafarzadeh, the governor, said the road was open. Kamran Jafarzade visited the site.</p>"
    )
    _article, entities = story(body)
    people = {f.entity.pk for f in entities.known if f.kind == "person"}
    assert len(people & {first.pk, second.pk}) == 1
    assert proposed(entities, "person") == {}


def test_roles_follow_prominence_headline_lead_quotes_and_passing_mentions():
    OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS")
    OrganizationFactory(name="Islamic Republic News Agency", acronym="IRNA")
    OrganizationFactory(name="World Health Organization", acronym="WHO")
    PersonFactory(name="Saeed Najafi")
    PersonFactory(name="Maryam Etemadi")
    body = (
        "<p>SHIRAZ – Rescue teams pulled 120 people from flooded cars on Friday, as reported by IRNA.</p>"
        "<p>“The water rose in less than an hour,” said Saeed Najafi, head of the Fars branch.</p>"
        "<p>The teams used boats lent by the provincial government.</p>"
        "<p>A WHO report last year had warned of such floods, Maryam Etemadi wrote in a column.</p>"
    )
    _article, entities = story(body, headline="Flash floods in Fars: IRCS rescues 120 people")
    roles = {slug: f.role for slug, f in known(entities).items()}
    by_name = {f.entity.name: f.role for f in entities.known}
    assert by_name["Iranian Red Crescent Society"] == "about"  # the headline
    assert by_name["Saeed Najafi"] == "quoted"
    assert by_name["Islamic Republic News Agency"] == "mentions"  # the lead only credits it
    assert by_name["World Health Organization"] == "mentions"  # named once, in passing
    assert len(roles) == 5


def test_events_by_kind_and_date_through_aliases_and_unknown_ones_proposed():
    meeting = EventFactory(
        name="ECO health ministers' meeting",
        kind="meeting",
        starts_at=datetime(2026, 3, 13, 9, tzinfo=ZoneInfo("Asia/Tehran")),
        timezone="Asia/Tehran",
        city="Tehran",
    )
    day = EventFactory(name="World Red Cross and Red Crescent Day 2026", kind="observance")
    EventAlias.objects.create(event=day, name="World Red Crescent Day")
    body = (
        "<p>Ministers will sign the text at a meeting on March 13 in Tehran, the ministry said. "
        "The society marked World Red Crescent Day with a call for volunteers. "
        "Delegates will also attend the international conference on rehabilitation later this year.</p>"
    )
    _article, entities = story(body, published_at=datetime(2026, 3, 1, tzinfo=ZoneInfo("UTC")))
    found = {f.entity.pk: f for f in entities.known if f.kind == "event"}
    assert meeting.pk in found and found[meeting.pk].reason == "kind and date"
    assert day.pk in found
    events = proposed(entities, "event")
    assert events["International conference on rehabilitation"].event_kind == "conference"


def test_link_entities_json_lists_known_matches_and_new_proposals(capsys):
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    article = ArticleFactory(headline="Floods cut off 40 villages in Golestan", body=FLOOD)
    call_command("link_entities", "--article", article.slug, "--format", "json")
    out = json.loads(capsys.readouterr().out)
    row = out["articles"][0]
    assert row["slug"] == article.slug
    assert {"kind", "id", "slug", "name", "matched", "count", "role", "why"} <= set(row["known"][0])
    assert row["known"][0]["slug"] == ircs.slug and row["known"][0]["count"] == 2
    rostami = next(p for p in row["proposals"] if p["name"] == "Vahid Rostami")
    assert rostami["kind"] == "person" and rostami["organization"] == "Iranian Red Crescent Society"
    assert rostami["title"] == "head of the Golestan branch" and rostami["sentence"].startswith("GORGAN")
    assert 0 < rostami["confidence"] <= 1
    assert out["totals"]["proposed"] == len(row["proposals"])
    assert not Person.objects.exists()  # listing writes nothing


def test_apply_new_creates_unreviewed_records_with_affiliations_and_links_them():
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    article = ArticleFactory(headline="Floods cut off 40 villages in Golestan", body=FLOOD)
    call_command("link_entities", "--article", article.slug, "--apply", "--new")
    rostami = Person.objects.get(name="Vahid Rostami")
    assert rostami.needs_review
    assert Affiliation.objects.get(person=rostami).organization == ircs
    assert ArticlePerson.objects.get(article=article, person=rostami).role == "quoted"
    migration = Organization.objects.get(name="National Organization for Migration")
    assert migration.needs_review and ArticleOrganization.objects.filter(
        article=article, organization=migration
    )
    assert ArticleOrganization.objects.get(article=article, organization=ircs).role == "about"
    assert not ircs.needs_review
    # A later story spelling him differently links the same record: no second Rostami.
    later = ArticleFactory(
        body="<p>Vahid Rostamy, head of the Golestan branch of the IRCS, said the water fell.</p>"
    )
    call_command("link_entities", "--article", later.slug, "--apply", "--new")
    assert Person.objects.filter(name__startswith="Vahid Rostam").count() == 1
    assert ArticlePerson.objects.filter(article=later, person=rostami).exists()


def test_new_requires_apply():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--apply"):
        call_command("link_entities", "--new")


def test_import_plain_text_with_link_new_creates_and_links(tmp_path):
    from tests.factories import SectionFactory

    SectionFactory(slug="news")
    OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    page = tmp_path / "flood.txt"
    page.write_text(
        "Floods cut off 40 villages in Golestan\nMonday, 9 March 2026 - 10:00\n\n"
        "GORGAN – Vahid Rostami, head of the Golestan branch of the Iranian Red Crescent Society (IRCS), "
        "said "
        "on Monday that 40 villages were cut off by the floods.\n\n"
        "“We reached all of them by evening,” Rostami said.\n",
        encoding="utf-8",
    )
    call_command("import_articles", str(page), "--section", "news", "--link", "--new")
    rostami = Person.objects.get(name="Vahid Rostami")
    assert rostami.needs_review
    assert ArticlePerson.objects.get(person=rostami).role == "quoted"


def test_person_alias_spelling_found_in_text_is_not_proposed():
    person = PersonFactory(name="Pirhossein Kolivand")
    PersonAlias.objects.create(person=person, name="Pir-Hossein Koulivand")
    _article, entities = story(
        "<p>The head of the society, Pir-Hossein Koulivand, called for volunteers.</p>"
    )
    assert person.slug in known(entities)
    assert proposed(entities, "person") == {}


def test_lower_case_bodies_of_a_place_are_proposed_under_one_name():
    _article, entities = story(
        "<p>The Khuzestan governorate closed government offices on Sunday.</p>"
        "<p>Alireza Mehrabi, spokesman of the Tehran emergency medical services, said 20 people were "
        "treated.</p>"
        "<p>Saeed Ghanbari spoke at the East Azerbaijan sports department on Monday.</p>"
        "<p>The Mazandaran provincial planning council approved the budget.</p>"
        "<p>Siavash Rahimzadeh, head of the veterinary department of Gilan, said farms were closed.</p>"
    )
    bodies = proposed(entities, "organization")
    assert {
        "Khuzestan governorate",
        "Tehran emergency medical services",
        "East Azerbaijan sports department",
        "Mazandaran provincial planning council",
        "Gilan veterinary department",  # "the veterinary department of Gilan", in one word order
    } <= set(bodies)
    # The province's name is whole: no partial "Azerbaijan sports department".
    assert "Azerbaijan sports department" not in bodies
    # A place with a bare office noun names no one body.
    _article, entities = story("<p>The Tehran office was closed on Friday.</p>")
    assert "Tehran office" not in proposed(entities, "organization")


def test_two_bodies_joined_by_and_the_are_two_proposals():
    _article, entities = story(
        "<p>The tournament is organised by the Chess Federation of Iran and the Kish Free Zone "
        "Organization, officials said.</p>"
    )
    bodies = proposed(entities, "organization")
    assert {"Chess Federation of Iran", "Kish Free Zone Organization"} <= set(bodies)
    assert not any(" and the " in name for name in bodies)


def test_a_name_followed_by_a_place_word_is_a_place_not_a_person():
    _article, entities = story(
        "<p>The fair opened on Wednesday at the Imam Khomeini Mosalla, the organisers said.</p>"
        "<p>Pilgrims left from Imam Khomeini Airport on Tuesday, said Dr. Leila Moradi.</p>"
    )
    people = proposed(entities, "person")
    assert not any("Khomeini" in name for name in people)
    assert "Leila Moradi" in people


def test_a_full_name_with_its_country_or_city_is_a_new_person():
    _article, entities = story(
        "<p>TABRIZ – Kenya's Daniel Kiprop won the race on Friday, ahead of Ethiopia's Tesfaye "
        "Bekele.</p><p>Amir Sadeghloo of Iran finished third.</p>"
        "<p>Parisa Alavi of Tehran won the women's half marathon.</p>"
    )
    people = proposed(entities, "person")
    assert {"Daniel Kiprop", "Tesfaye Bekele", "Amir Sadeghloo", "Parisa Alavi"} <= set(people)
    assert "Amir Sadeghloo of Iran" not in people
    assert all(people[name].confidence >= 0.7 for name in ("Tesfaye Bekele", "Amir Sadeghloo"))


def test_a_known_bodys_office_in_a_place_is_that_body_not_a_new_one():
    unesco = OrganizationFactory(
        name="United Nations Educational, Scientific and Cultural Organization", acronym="UNESCO"
    )
    _article, entities = story(
        "<p>The ceremony was attended by officials of the Ministry of Cultural Heritage, Tourism and "
        "Handicrafts and the UNESCO Tehran Cluster Office.</p>"
    )
    assert unesco.slug in known(entities)
    bodies = proposed(entities, "organization")
    assert not any("UNESCO" in name for name in bodies)
    # An office of a body the directory does not have stays a proposal.
    _article, entities = story("<p>Staff of the WXYZ Tehran Regional Office met on Monday.</p>")
    assert "WXYZ Tehran Regional Office" in proposed(entities, "organization")


def test_a_first_name_that_is_also_a_place_is_a_person_once_quoted_by_surname():
    _article, entities = story(
        "<p>ZIRAB – In the yard of a school in Zirab, Golbahar Ahmadi hangs washing on a line.</p>"
        "<p>“When the sun came up, the kitchen was under the mud,” Ahmadi said.</p>"
    )
    assert "Golbahar Ahmadi" in proposed(entities, "person")
    # Without the later quote, a place in front of a name proposes no one.
    _article, entities = story("<p>In Zirab, Golbahar Ahmadi hangs washing on a line.</p>")
    assert "Golbahar Ahmadi" not in proposed(entities, "person")
