"""Entity records as a desk enters them: event times in the event's own zone, countries by name,
person slugs from the name, and who else has a record open."""

import importlib
from datetime import UTC, datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from organizations.countries import country_code, country_name
from organizations.models import Event, Organization
from organizations.zones import canonical_zone, zone_label
from tests.admin_posts import inline
from tests.factories import ArticleFactory, EventFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def role(name: str, group: str, **names) -> Client:
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = User.objects.create_user(name, password=None, is_staff=True, **names)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor() -> Client:
    return role("emre", "Editor")


@pytest.fixture
def author() -> Client:
    return role("ayla", "Author")


def event_post(**overrides) -> dict:
    data = {
        "name": "Signing of the cooperation memorandum",
        "slug": "memorandum-signing",
        "kind": "agreement",
        "parent": "",
        "description": "",
        "timezone": "Europe/Istanbul",
        "starts_at_0": "2026-03-13",
        "starts_at_1": "09:30",
        "ends_at_0": "2026-03-13",
        "ends_at_1": "11:00",
        "venue": "Congress Hall",
        "city": "Istanbul",
        "country": "TR",
        **inline("organizer_links", []),
        **inline("participant_links", []),
    }
    data.update(overrides)
    return data


# Events ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "author"])
def test_an_event_entered_at_0930_istanbul_is_stored_0630_utc_and_shown_0930(client, request, who):
    desk = request.getfixturevalue(who)
    response = desk.post(reverse("admin:organizations_event_add"), event_post())
    assert response.status_code == 302, response.context["adminform"].errors
    event = Event.objects.get(slug="memorandum-signing")
    assert event.starts_at == datetime(2026, 3, 13, 6, 30, tzinfo=UTC)
    assert event.ends_at == datetime(2026, 3, 13, 8, 0, tzinfo=UTC)

    form = desk.get(reverse("admin:organizations_event_change", args=[event.pk])).text
    assert 'name="starts_at_1" value="09:30:00"' in form
    assert 'name="ends_at_1" value="11:00:00"' in form
    assert '<option value="Europe/Istanbul" selected>Istanbul</option>' in form

    page = client.get(event.get_absolute_url()).text
    assert '<time datetime="2026-03-13T09:30:00+03:00">13 March 2026, 09:30</time>' in page
    assert "Istanbul time" in page
    assert "Europe/Istanbul" not in page
    assert "Congress Hall, Istanbul, Türkiye" in page


def test_saving_an_event_unchanged_keeps_its_time(editor):
    event = EventFactory(timezone="Europe/Istanbul", starts_at=datetime(2026, 3, 13, 6, 30, tzinfo=UTC))
    url = reverse("admin:organizations_event_change", args=[event.pk])
    data = event_post(
        name=event.name, slug=event.slug, ends_at_0="", ends_at_1="", loaded_version=str(event.version)
    )
    assert editor.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.starts_at == datetime(2026, 3, 13, 6, 30, tzinfo=UTC)


def test_moving_an_event_to_another_zone_reads_the_same_clock_time_there(editor):
    response = editor.post(reverse("admin:organizations_event_add"), event_post(timezone="Asia/Tehran"))
    assert response.status_code == 302
    assert Event.objects.get().starts_at == datetime(2026, 3, 13, 6, 0, tzinfo=UTC)  # Tehran is +03:30


def test_the_zone_is_chosen_from_a_grouped_list_defaulting_to_the_newsroom_zone(editor):
    form = editor.get(reverse("admin:organizations_event_add")).text
    assert '<select name="timezone"' in form
    assert '<optgroup label="Europe">' in form and '<optgroup label="Asia">' in form
    assert '<option value="Asia/Tehran" selected>Tehran</option>' in form
    assert form.index('value="Europe/Berlin"') < form.index('value="Europe/Istanbul"')  # sorted
    response = editor.post(reverse("admin:organizations_event_add"), event_post(timezone="Istanbul"))
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Event.objects.exists()


def test_the_event_list_shows_each_start_in_its_own_zone(editor):
    EventFactory(
        name="Memorandum signing",
        timezone="Europe/Istanbul",
        starts_at=datetime(2026, 3, 13, 6, 30, tzinfo=UTC),
    )
    listing = editor.get(reverse("admin:organizations_event_changelist")).text
    assert "13 Mar 2026, 09:30 Istanbul time" in listing


def test_zone_names_read_as_people_say_them():
    assert zone_label("Europe/Istanbul") == "Istanbul time"
    assert zone_label("America/New_York") == "New York time"
    assert zone_label("UTC") == "UTC"


def test_migration_turns_free_text_zones_and_countries_into_list_values():
    kept = EventFactory(timezone="Europe/Istanbul", country="TR")
    typed = EventFactory()
    unknown = EventFactory()
    organization = OrganizationFactory()
    # Values as the old free-text fields let them in (no validation on a queryset update).
    Event.objects.filter(pk=typed.pk).update(timezone=" istanbul ", country="tr")
    Event.objects.filter(pk=unknown.pk).update(timezone="Somewhere/Else")
    Organization.objects.filter(pk=organization.pk).update(country="ir")
    migration = importlib.import_module(
        "organizations.migrations.0006_event_zone_from_a_list_and_country_codes"
    )
    migration.tidy_zones_and_countries(apps, None)
    zones = dict(Event.objects.values_list("pk", "timezone"))
    assert zones == {kept.pk: "Europe/Istanbul", typed.pk: "Europe/Istanbul", unknown.pk: "UTC"}
    assert Event.objects.get(pk=typed.pk).country == "TR"
    assert Organization.objects.get(pk=organization.pk).country == "IR"
    assert canonical_zone("Tehran") == "Asia/Tehran"
    assert canonical_zone("asia/tehran") == "Asia/Tehran"


# Countries ------------------------------------------------------------------------------------


def organization_post(**overrides) -> dict:
    data = {
        "name": "Iranian Red Crescent Society",
        "acronym": "IRCS",
        "slug": "ircs",
        "kind": "ngo",
        "country": "IR",
        "parent": "",
        "website": "",
        "description": "",
        "wikidata_id": "",
        **inline("aliases", []),
        **inline("affiliations", []),
    }
    data.update(overrides)
    return data


def test_country_is_picked_by_name_and_shown_by_name(editor, client):
    form = editor.get(reverse("admin:organizations_organization_add")).text
    assert '<option value="IR">Iran</option>' in form
    assert '<option value="TR">Türkiye</option>' in form
    assert (
        editor.post(reverse("admin:organizations_organization_add"), organization_post()).status_code == 302
    )
    organization = Organization.objects.get(slug="ircs")
    assert organization.country == "IR"
    assert "<dt>Country</dt><dd>Iran</dd>" in client.get(organization.get_absolute_url()).text
    listing = editor.get(reverse("admin:organizations_organization_changelist")).text
    assert '<td class="field-country_column">Iran</td>' in listing
    assert "?country=IR" in listing and ">Iran</a>" in listing  # the filter lists names


def test_a_country_not_in_the_list_is_a_form_error(editor):
    response = editor.post(reverse("admin:organizations_organization_add"), organization_post(country="XX"))
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Organization.objects.exists()


def test_the_importer_reads_a_country_name_and_refuses_an_unknown_code(tmp_path):
    from io import StringIO

    from django.core.management.base import CommandError

    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"type": "organization", "slug": "trc", "name": "Turkish Red Crescent", "country": "Türkiye"}\n'
    )
    call_command("import_entities", str(good), stdout=StringIO())
    assert Organization.objects.get(slug="trc").country == "TR"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "organization", "slug": "zz", "name": "Nowhere Society", "country": "XX"}\n')
    with pytest.raises(CommandError, match="country"):
        call_command("import_entities", str(bad), stdout=StringIO(), stderr=StringIO())
    assert not Organization.objects.filter(slug="zz").exists()


def test_country_names_come_from_the_list():
    assert country_name("IR") == "Iran"
    assert country_name("PS") == "State of Palestine"
    assert country_code("Iran") == "IR" and country_code("ir") == "IR"


# People ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "author"])
def test_the_person_slug_fills_itself_from_the_name(request, who):
    desk = request.getfixturevalue(who)
    form = desk.get(reverse("admin:organizations_person_add")).text
    assert "admin/js/prepopulate.js" in form and "admin/js/prepopulate_init.js" in form
    assert (
        "[{&quot;id&quot;: &quot;#id_slug&quot;, &quot;name&quot;: &quot;slug&quot;, "
        "&quot;dependency_ids&quot;: [&quot;#id_name&quot;]"
    ) in form


# Presence -------------------------------------------------------------------------------------


def test_presence_names_people_as_written_once_each_and_never_piles_up():
    sara = role("sara", "Editor", first_name="Sara", last_name="Ahmadi")
    ahmad = role("ahmad", "Author")  # no name in his account: his username
    reza = role("reza", "Editor")
    article = ArticleFactory()
    PersonFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    for _ in range(3):
        sara.get(url)  # three tabs, or three reloads
    ahmad.get(reverse("admin:articles_article_changelist"))
    for _ in range(3):
        page = reza.get(url).text
    assert page.count("Sara Ahmadi opened this article") == 1
    assert page.count("opened this article") == 1  # Ahmad cannot open Sara's article; Reza is himself
    # Not a queued message: the next page Reza opens carries no leftover notice.
    assert "opened this article" not in reza.get(reverse("admin:articles_article_changelist")).text
    Event.objects.create(
        name="Talks", slug="talks", starts_at=datetime(2026, 3, 13, 6, 30, tzinfo=UTC), timezone="UTC"
    )
    event = Event.objects.get(slug="talks")
    event_url = reverse("admin:organizations_event_change", args=[event.pk])
    ahmad.get(event_url)
    sara.get(event_url)
    page = reza.get(event_url).text
    assert page.count("Sara Ahmadi opened this event") == 1
    assert page.count("ahmad opened this event") == 1
