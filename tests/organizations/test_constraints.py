"""Rules the database itself enforces, whatever code path writes."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction

from articles.models import ArticleEvent, ArticleOrganization, ArticlePerson, RelatedArticle
from organizations.models import Affiliation, Event, Organization, OrganizationAlias, Person, PersonAlias
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _violates(callable_, constraint: str):
    """``callable_`` is refused by the database rule named ``constraint``, not by some other one."""
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        callable_()
    assert refused.value.__cause__.diag.constraint_name == constraint


def test_event_cannot_end_before_it_starts():
    event = EventFactory()
    event.ends_at = event.starts_at - timedelta(minutes=1)
    _violates(event.save, "event_ends_after_start")


def test_event_may_end_when_it_starts_or_have_no_end():
    event = EventFactory()
    event.ends_at = event.starts_at
    event.save()
    event.ends_at = None
    event.save()
    assert Event.objects.get(pk=event.pk).ends_at is None


def test_affiliation_cannot_end_before_it_starts():
    person, org = PersonFactory(), OrganizationFactory()
    _violates(
        lambda: Affiliation.objects.create(
            person=person,
            organization=org,
            title="head",
            start_date=date(2024, 5, 1),
            end_date=date(2024, 4, 1),
        ),
        "affiliation_ends_after_start",
    )


@pytest.mark.parametrize(
    "factory, constraint",
    [
        (PersonFactory, "organizations_person_slug_key"),
        (OrganizationFactory, "organizations_organization_slug_key"),
        (EventFactory, "organizations_event_slug_key"),
        (ArticleFactory, "articles_article_slug_key"),
    ],
)
def test_slugs_are_unique(factory, constraint):
    factory(slug="same-slug")
    _violates(lambda: factory(slug="same-slug"), constraint)


def test_one_link_per_article_entity_and_role():
    article, person = ArticleFactory(), PersonFactory()
    ArticlePerson.objects.create(article=article, person=person, role="about")
    ArticlePerson.objects.create(article=article, person=person, role="quoted")  # another role is fine
    _violates(
        lambda: ArticlePerson.objects.create(article=article, person=person, role="about"),
        "article_person_unique_role",
    )


def test_organization_and_event_links_only_about_or_mentions():
    article = ArticleFactory()
    _violates(
        lambda: ArticleOrganization.objects.create(
            article=article, organization=OrganizationFactory(), role="quoted"
        ),
        "article_organization_role_valid",
    )
    _violates(
        lambda: ArticleEvent.objects.create(article=article, event=EventFactory(), role="quoted"),
        "article_event_role_valid",
    )


def test_article_is_never_related_to_itself():
    article = ArticleFactory()
    _violates(
        lambda: RelatedArticle.objects.create(article=article, related=article, rank=1, score=1.0),
        "related_not_self",
    )


def test_published_article_needs_a_publish_time():
    _violates(lambda: ArticleFactory(status="published", published_at=None), "article_published_has_time")


def test_organization_cannot_be_its_own_parent():
    org = OrganizationFactory()
    org.parent = org
    _violates(org.save, "organization_not_own_parent")


def test_wikidata_id_belongs_to_one_person():
    PersonFactory(wikidata_id="Q42")
    PersonFactory(wikidata_id="")  # empty ids never clash
    PersonFactory(wikidata_id="")
    _violates(lambda: PersonFactory(wikidata_id="Q42"), "person_unique_wikidata_id")
    assert Person.objects.filter(wikidata_id="").count() == 2
    assert Organization.objects.count() == 0


def test_one_normalized_name_per_person_and_per_organization():
    PersonFactory(name="Hossein Alavi")
    _violates(lambda: PersonFactory(name="Dr. Hosein Alavi"), "person_unique_name_key")
    OrganizationFactory(name="Iranian Red Crescent Society")
    _violates(
        lambda: OrganizationFactory(name="Iranian Red-Crescent society"), "organization_unique_name_key"
    )
    # Organizations keep leading words a person's name drops: "General Assembly" is not "Assembly".
    OrganizationFactory(name="Assembly")
    OrganizationFactory(name="General Assembly")


def test_one_acronym_per_organization_whatever_its_case():
    OrganizationFactory(acronym="ICRC")
    OrganizationFactory(acronym="")  # organizations without an acronym never clash
    OrganizationFactory(acronym="")
    _violates(lambda: OrganizationFactory(acronym="icrc"), "organization_unique_acronym")


def test_a_name_is_never_one_entitys_name_and_anothers_alias():
    first = PersonFactory(name="Ali Fadavi")
    PersonAlias.objects.create(person=first, name="علی فدوی")
    # The same name in Arabic letters is the same key: not a second person...
    _violates(lambda: PersonFactory(name="علي فدوي"), "person_name_not_another_alias")
    # ...nor another person's other name.
    second = PersonFactory(name="Someone Else")
    _violates(
        lambda: PersonAlias.objects.create(person=second, name="Ali Fadavi"),
        "personalias_not_another_entity_name",
    )
    _violates(lambda: PersonAlias.objects.create(person=second, name="علي فدوي"), "personalias_one_owner")
    # An entity's own spellings share its key freely.
    PersonAlias.objects.create(person=first, name="Ali Fadavy")
    organization = OrganizationFactory(name="Red Crescent")
    OrganizationAlias.objects.create(organization=organization, name="Red-Crescent")
    # The trigger answers before the unique index: the key is also the organization's other name.
    _violates(lambda: OrganizationFactory(name="RED CRESCENT!"), "organization_name_not_another_alias")
