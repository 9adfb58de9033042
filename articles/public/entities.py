"""Public entity pages: a person, an organization, an event, each with its published coverage."""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import F, Prefetch, Q
from django.http import Http404
from django.views.generic import DetailView

from articles.models import Article, Quote
from articles.public.structured_data import event_json_ld, organization_json_ld, person_json_ld
from articles.public.views import LISTING_PAGE_SIZE, listing_queryset, with_card_pictures
from newsroom.cache import depends_on
from newsroom.slugs import OldSlugRedirectMixin
from organizations.models import Affiliation, Event, EventParticipant, Organization, Person

QUOTES_ON_PERSON_PAGE = 10
# Lists on an entity page (events, people with titles, sessions) stop here; coverage is paginated.
FACT_LIST_LIMIT = 100


def person_articles(person: Person):
    """Published stories by or about a person, newest first (the page and its feed)."""
    return listing_queryset().filter(pk__in=Article.objects.coverage_of(person).values("pk"))


def organization_articles(organization: Organization):
    return listing_queryset().filter(pk__in=Article.objects.coverage_of(organization).values("pk"))


def event_articles(event: Event):
    return listing_queryset().filter(pk__in=Article.objects.coverage_of(event).values("pk"))


class EntityDetailView(OldSlugRedirectMixin, DetailView):
    """An entity and the paginated list of published articles linked to it."""

    def articles(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        depends_on(f"list:{self.object._meta.model_name}:{self.object.pk}")
        paginator = Paginator(with_card_pictures(self.articles()), LISTING_PAGE_SIZE)
        page_number = self.request.GET.get("page") or 1
        try:
            page = paginator.page(page_number)
        except InvalidPage as error:
            raise Http404("No such page.") from error
        return super().get_context_data(
            page_obj=page,
            articles=page.object_list,
            is_paginated=page.has_other_pages(),
            json_ld=self.json_ld(self.object, self.request),
            fact_list_limit=FACT_LIST_LIMIT,
            **kwargs,
        )


class PersonDetailView(EntityDetailView):
    model = Person
    json_ld = staticmethod(person_json_ld)
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            "aliases",
            Prefetch("affiliations", queryset=Affiliation.objects.select_related("organization")),
            Prefetch(
                "participant_links",
                queryset=EventParticipant.objects.select_related("event").order_by("-event__starts_at")[
                    :FACT_LIST_LIMIT
                ],
                to_attr="event_list",
            ),
        )

    def get_context_data(self, **kwargs):
        # Only quotes from published stories (or quotes on record without a story) are public.
        quotes = (
            Quote.objects.filter(speaker=self.object)
            .filter(Q(article__isnull=True) | Q(article__in=Article.objects.published()))
            .select_related("article")
            .order_by(F("said_on").desc(nulls_last=True), "-id")[:QUOTES_ON_PERSON_PAGE]
        )
        return super().get_context_data(quotes=list(quotes), **kwargs)

    def articles(self):
        return person_articles(self.object)


class OrganizationDetailView(EntityDetailView):
    model = Organization
    json_ld = staticmethod(organization_json_ld)
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.select_related("parent").prefetch_related(
            "aliases",
            "children",
            Prefetch(
                "organized_events",
                queryset=Event.objects.order_by("-starts_at")[:FACT_LIST_LIMIT],
                to_attr="event_list",
            ),
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.select_related("person").order_by("person__name")[
                    :FACT_LIST_LIMIT
                ],
                to_attr="people_list",
            ),
        )

    def articles(self):
        return organization_articles(self.object)


class EventDetailView(EntityDetailView):
    model = Event
    json_ld = staticmethod(event_json_ld)
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.select_related("parent").prefetch_related(
            "organizers",
            Prefetch(
                "participant_links",
                queryset=EventParticipant.objects.select_related("person").order_by("person__name")[
                    :FACT_LIST_LIMIT
                ],
                to_attr="participant_list",
            ),
            Prefetch(
                "sessions",
                queryset=Event.objects.order_by("starts_at")[:FACT_LIST_LIMIT],
                to_attr="session_list",
            ),
        )

    def articles(self):
        # Coverage of an event reads best in the order it happened.
        return event_articles(self.object).order_by("published_at", "id")
