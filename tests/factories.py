"""factory_boy factories for the content model."""

from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import (
    Article,
    ArticleEvent,
    ArticleOrganization,
    ArticlePerson,
    Byline,
    Quote,
    Section,
)
from organizations.models import (
    Affiliation,
    Event,
    EventOrganizer,
    EventParticipant,
    Organization,
    Person,
    PersonAlias,
)

STORY = (
    "<p>Relief teams reached the villages on the second day after the earthquake, bringing tents, "
    "blankets and clean water to families who had spent the night outside. Volunteers from the "
    "provincial branch worked alongside local health workers to set up a field clinic in the school yard.</p>"
    "<p>Officials said the roads were open again by the evening, and that a second convoy with food and "
    "medicine would leave the provincial capital the next morning, weather permitting. Aid groups asked "
    "for more volunteers with medical training.</p>"
)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Relief Society {n}")
    slug = factory.Sequence(lambda n: f"relief-society-{n}")
    acronym = factory.Sequence(lambda n: f"RS{n}")
    kind = Organization.Kind.NGO


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person Number{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = "head"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Regional meeting {n}")
    slug = factory.Sequence(lambda n: f"regional-meeting-{n}")
    kind = Event.Kind.MEETING
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    timezone = "Asia/Tehran"
    city = "Tehran"
    country = "IR"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Relief convoy reaches villages, story {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    dek = "Tents, water and a field clinic arrived on the second day."
    body = STORY
    section = factory.SubFactory(SectionFactory, slug="humanitarian", name="Humanitarian")
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=2))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    role = Byline.Role.AUTHOR


class ArticlePersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePerson

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    role = "about"


class ArticleOrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleOrganization

    article = factory.SubFactory(ArticleFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "about"


class ArticleEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleEvent

    article = factory.SubFactory(ArticleFactory)
    event = factory.SubFactory(EventFactory)
    role = "about"


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(PersonFactory)
    text = "We will stay as long as we are needed."


class EventParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventParticipant

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)


class EventOrganizerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOrganizer

    event = factory.SubFactory(EventFactory)
    organization = factory.SubFactory(OrganizationFactory)


class PersonAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.Sequence(lambda n: f"Alias Number{n}")
