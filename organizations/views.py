"""Public A–Z indexes of people, organizations and events.

An entity's own page, with its coverage, is an articles page (``articles.public.entities``):
this app never reads articles.
"""

from django.db.models.functions import Left, Upper
from django.views.generic import ListView

from newsroom.cache import depends_on
from organizations.models import Event, Organization, Person

INDEX_PAGE_SIZE = 100


class EntityIndexView(ListView):
    """An A–Z index of one kind of entity, by first letter, paginated."""

    paginate_by = INDEX_PAGE_SIZE
    template_name = "organizations/entity_index.html"
    context_object_name = "entities"
    title = ""
    #: The page-cache list this index shows (bumped when one of its entities changes).
    page_list = ""
    feed_name = ""

    def base_queryset(self):
        return self.model.objects.all()

    def get_queryset(self):
        depends_on(f"list:{self.page_list}")
        self.letter = (self.request.GET.get("letter") or "").strip().upper()[:1]
        queryset = self.base_queryset().order_by(Upper("name"), "id")
        if self.letter.isalpha():
            queryset = queryset.filter(name__istartswith=self.letter)
        elif self.letter == "#":
            queryset = queryset.exclude(name__regex=r"^[A-Za-z]")
        else:
            self.letter = ""
        return queryset

    def get_context_data(self, **kwargs):
        initials = self.initials()
        return super().get_context_data(
            title=self.title, letters=LETTERS, initials=initials, letter=self.letter, **kwargs
        )

    def initials(self) -> set[str]:
        """The first letters that have at least one entry (one query)."""
        rows = (
            self.model.objects.annotate(initial=Upper(Left("name", 1)))
            .values_list("initial", flat=True)
            .distinct()
            .order_by()
        )
        return {initial if initial.isascii() and initial.isalpha() else "#" for initial in rows}


LETTERS = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]


class PersonIndexView(EntityIndexView):
    model = Person
    title = "People"
    page_list = "people"


class OrganizationIndexView(EntityIndexView):
    model = Organization
    title = "Organizations"
    page_list = "organizations"


class EventIndexView(EntityIndexView):
    model = Event
    title = "Events"
    page_list = "events"
