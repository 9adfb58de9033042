"""Public entity pages: a person, an organization, an event, each with its published coverage."""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.views.generic import DetailView

from articles.views import LISTING_PAGE_SIZE, listing_queryset
from newsroom.slugs import OldSlugRedirectMixin
from organizations.models import Affiliation, Event, Organization, Person


class EntityDetailView(OldSlugRedirectMixin, DetailView):
    """An entity and the paginated list of published articles linked to it."""

    def articles(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        paginator = Paginator(self.articles(), LISTING_PAGE_SIZE)
        page_number = self.request.GET.get("page") or 1
        try:
            page = paginator.page(page_number)
        except InvalidPage as error:
            raise Http404("No such page.") from error
        return super().get_context_data(
            page_obj=page, articles=page.object_list, is_paginated=page.has_other_pages(), **kwargs
        )


class PersonDetailView(EntityDetailView):
    model = Person
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            "aliases",
            Prefetch("affiliations", queryset=Affiliation.objects.select_related("organization")),
        )

    def articles(self):
        person = self.object
        return (
            listing_queryset().filter(Q(person_links__person=person) | Q(bylines__person=person)).distinct()
        )


class OrganizationDetailView(EntityDetailView):
    model = Organization
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.select_related("parent").prefetch_related(
            "aliases",
            "children",
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.select_related("person").order_by("person__name"),
            ),
        )

    def articles(self):
        return listing_queryset().filter(organization_links__organization=self.object).distinct()


class EventDetailView(EntityDetailView):
    model = Event
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.select_related("parent").prefetch_related(
            "organizers", "participants", Prefetch("sessions", queryset=Event.objects.order_by("starts_at"))
        )

    def articles(self):
        # Coverage of an event reads best in the order it happened.
        return (
            listing_queryset()
            .filter(event_links__event=self.object)
            .distinct()
            .order_by("published_at", "id")
        )
