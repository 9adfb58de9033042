"""Merging two records of one person or organization."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from reversion.models import Version

from articles.models import ArticleOrganization, ArticlePerson, Byline, Quote
from organizations.identity import NameClash, name_owner
from organizations.merge import MergeError, entity_merge
from organizations.models import (
    Affiliation,
    EntityMerge,
    EventParticipant,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    keep = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    drop = PersonFactory(name="Pirhoshein Kolivan", slug="pirhoshein-kolivand", wikidata_id="Q123")
    PersonAlias.objects.create(person=drop, name="پیرحسین کولیوند", kind="native", language="fa")
    shared, only_drop = ArticleFactory(), ArticleFactory()
    ArticlePersonFactory(article=shared, person=keep, role="about")
    ArticlePersonFactory(article=shared, person=drop, role="about")  # the same link twice
    ArticlePersonFactory(article=only_drop, person=drop, role="quoted")
    QuoteFactory(article=only_drop, speaker=drop)
    BylineFactory(article=only_drop, person=drop)
    AffiliationFactory(person=drop, title="head")
    EventParticipant.objects.create(event=EventFactory(), person=drop)
    return keep, drop, shared, only_drop


def test_merge_moves_every_link_once_and_keeps_dropped_name_as_alias(
    pair, change_notices, django_capture_on_commit_callbacks
):
    keep, drop, shared, only_drop = pair
    with django_capture_on_commit_callbacks(execute=True):
        report = entity_merge(kind="person", keep=keep, drop=drop)
    assert not Person.objects.filter(pk=drop.pk).exists()
    assert ArticlePerson.objects.filter(person=keep).count() == 2
    assert ArticlePerson.objects.get(article=only_drop, person=keep).role == "quoted"
    assert Quote.objects.get(article=only_drop).speaker == keep
    assert Byline.objects.get(article=only_drop).person == keep
    assert Affiliation.objects.filter(person=keep).count() == 1
    assert EventParticipant.objects.filter(person=keep).count() == 1
    assert set(keep.aliases.values_list("name", flat=True)) == {"Pirhoshein Kolivan", "پیرحسین کولیوند"}
    keep.refresh_from_db()
    assert keep.wikidata_id == "Q123"
    assert report.moved["article links"] == 1
    # After commit, one notice for KEEP's stories refreshes their related posts, search and pages.
    assert [ids for ids, _reasons in change_notices] == [{shared.pk, only_drop.pk}]


def test_merge_redirects_dropped_address_with_301(pair, client):
    keep, drop, *_ = pair
    entity_merge(kind="person", keep=keep, drop=drop)
    response = client.get("/people/pirhoshein-kolivand/")
    assert response.status_code == 301
    assert response["Location"] == keep.get_absolute_url()


def test_merge_is_recorded_in_history(pair, admin_user):
    keep, drop, *_ = pair
    entity_merge(kind="person", keep=keep, drop=drop, user=admin_user)
    merge = EntityMerge.objects.get()
    assert (merge.keep_id, merge.drop_name, merge.drop_slug) == (
        keep.pk,
        "Pirhoshein Kolivan",
        "pirhoshein-kolivand",
    )
    assert merge.merged_by == admin_user
    assert "Merged “Pirhoshein Kolivan”" in LogEntry.objects.get(object_id=str(keep.pk)).change_message
    # The revision history (django-reversion) of the record kept shows the merge, who and why.
    version = Version.objects.get_for_object(keep).select_related("revision").get()
    assert version.revision.user == admin_user
    assert "Merged “Pirhoshein Kolivan”" in version.revision.comment


def test_self_merge_and_cross_kind_are_refused_without_changes(pair):
    keep, drop, *_ = pair
    with pytest.raises(MergeError, match="with itself"):
        entity_merge(kind="person", keep=keep, drop=keep)
    org = OrganizationFactory()
    with pytest.raises(MergeError, match="must be people"):
        entity_merge(kind="person", keep=keep, drop=org)
    with pytest.raises(MergeError, match="Only people and organizations"):
        entity_merge(kind="event", keep=keep, drop=drop)
    assert Person.objects.filter(pk=drop.pk).exists()


def test_organization_merge_moves_links_acronym_and_aliases():
    keep = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    drop = OrganizationFactory(name="Red Crescent Society of Iran", acronym="RCSI", slug="rcsi")
    OrganizationAlias.objects.create(organization=drop, name="هلال احمر")
    child = OrganizationFactory(parent=drop)
    link = ArticleOrganizationFactory(organization=drop)
    credited = ArticleFactory(source_organization=drop)
    entity_merge(kind="organization", keep=keep, drop=drop)
    assert ArticleOrganization.objects.get(pk=link.pk).organization == keep
    credited.refresh_from_db()
    child.refresh_from_db()
    assert credited.source_organization == keep and child.parent == keep
    assert set(keep.aliases.values_list("name", flat=True)) == {
        "Red Crescent Society of Iran",
        "هلال احمر",
        "RCSI",
    }
    assert not Organization.objects.filter(slug="rcsi").exists()


def test_merge_command_by_slug_and_id(pair, capsys):
    keep, drop, *_ = pair
    call_command("merge_entities", "person", keep.slug, str(drop.pk))
    assert "Merged “Pirhoshein Kolivan” into “Pirhossein Kolivand”" in capsys.readouterr().out
    assert not Person.objects.filter(pk=drop.pk).exists()


def test_merge_command_dry_run_changes_nothing(pair):
    keep, drop, *_ = pair
    call_command("merge_entities", "person", keep.slug, drop.slug, "--dry-run")
    assert Person.objects.filter(pk=drop.pk).exists()
    assert not EntityMerge.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["person", "pirhossein-kolivand", "pirhossein-kolivand"], "with itself"),
        (["person", "pirhossein-kolivand", "nobody"], "No person with the slug or id “nobody”"),
    ],
)
def test_merge_command_bad_input_is_one_line_error(pair, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("merge_entities", *args)
    assert Person.objects.count() >= 2


def test_after_a_merge_the_dropped_name_and_acronym_belong_to_keep():
    keep = OrganizationFactory(name="Iranian Red Crescent Society", acronym="", slug="ircs")
    drop = OrganizationFactory(name="Red Crescent Society of Iran", acronym="IRCS", slug="rcsi")
    entity_merge(kind="organization", keep=keep, drop=drop)
    keep.refresh_from_db()
    assert keep.acronym == "IRCS"
    assert name_owner(Organization, "Red-Crescent Society of Iran") == NameClash(
        keep, "Red Crescent Society of Iran"
    )
    # The dropped record cannot come back beside KEEP, by its name or by its acronym.
    again = Organization(name="Red Crescent Society of Iran", slug="rcsi-2", acronym="ircs", kind="ngo")
    with pytest.raises(ValidationError) as refused:
        again.full_clean()
    assert refused.value.message_dict == {
        "name": [
            "This name already belongs to the organization “Iranian Red Crescent Society” (as its other "
            "name “Red Crescent Society of Iran”). If they are the same, add your spelling there, or merge "
            "the two."
        ],
        "acronym": [
            "The acronym “ircs” already belongs to the organization “Iranian Red Crescent Society”. If they "
            "are the same, merge the two."
        ],
    }
