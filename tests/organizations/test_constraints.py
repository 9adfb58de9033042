"""Rules the database itself enforces, whatever code path writes."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction

from articles.models import ArticleEvent, ArticleOrganization, ArticlePerson, RelatedArticle
from organizations.models import Affiliation, Event, Organization, Person
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _violates(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_event_cannot_end_before_it_starts():
    event = EventFactory()
    event.ends_at = event.starts_at - timedelta(minutes=1)
    _violates(event.save)


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
        )
    )


@pytest.mark.parametrize("factory", [PersonFactory, OrganizationFactory, EventFactory, ArticleFactory])
def test_slugs_are_unique(factory):
    factory(slug="same-slug")
    _violates(lambda: factory(slug="same-slug"))


def test_one_link_per_article_entity_and_role():
    article, person = ArticleFactory(), PersonFactory()
    ArticlePerson.objects.create(article=article, person=person, role="about")
    ArticlePerson.objects.create(article=article, person=person, role="quoted")  # another role is fine
    _violates(lambda: ArticlePerson.objects.create(article=article, person=person, role="about"))


def test_organization_and_event_links_only_about_or_mentions():
    article = ArticleFactory()
    _violates(
        lambda: ArticleOrganization.objects.create(
            article=article, organization=OrganizationFactory(), role="quoted"
        )
    )
    _violates(lambda: ArticleEvent.objects.create(article=article, event=EventFactory(), role="quoted"))


def test_article_is_never_related_to_itself():
    article = ArticleFactory()
    _violates(lambda: RelatedArticle.objects.create(article=article, related=article, rank=1, score=1.0))


def test_published_article_needs_a_publish_time():
    _violates(lambda: ArticleFactory(status="published", published_at=None))


def test_organization_cannot_be_its_own_parent():
    org = OrganizationFactory()
    org.parent = org
    _violates(org.save)


def test_wikidata_id_belongs_to_one_person():
    PersonFactory(wikidata_id="Q42")
    PersonFactory(wikidata_id="")  # empty ids never clash
    PersonFactory(wikidata_id="")
    _violates(lambda: PersonFactory(wikidata_id="Q42"))
    assert Person.objects.filter(wikidata_id="").count() == 2
    assert Organization.objects.count() == 0
