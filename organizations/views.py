"""Public A–Z indexes of people, organizations and events.

An entity's own page, with its coverage, is an articles page (``articles.public.entities``):
this app never reads articles.
"""

from django.db.models import Func, Value
from django.db.models.functions import Left, Upper
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from newsroom.cache import depends_on
from organizations.models import Event, Organization, Person
from organizations.sort_names import LETTERS, OTHER, index_letter, letter_forms

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

    def sort_key(self):
        """What the index is ordered and lettered by (upper case): the name, unless a kind says otherwise."""
        return Upper("name")

    def get_queryset(self):
        depends_on(f"list:{self.page_list}")
        self.letter = (self.request.GET.get("letter") or "").strip().upper()[:1]
        queryset = self.base_queryset().alias(sort_key=self.sort_key()).order_by("sort_key", "id")
        forms = letter_forms()
        if self.letter in forms:
            queryset = queryset.alias(initial=Left("sort_key", 1)).filter(initial__in=forms[self.letter])
        elif self.letter == OTHER:
            every_letter = [form for letter_forms_ in forms.values() for form in letter_forms_]
            queryset = queryset.alias(initial=Left("sort_key", 1)).exclude(initial__in=every_letter)
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
            self.model.objects.annotate(initial=Left(self.sort_key(), 1))
            .values_list("initial", flat=True)
            .distinct()
            .order_by()
        )
        return {index_letter(initial) for initial in rows}


class PersonIndexView(EntityIndexView):
    """People A–Z by surname: their sort name ("Kolivand, Pirhossein" under K)."""

    model = Person
    title = _("People")
    page_list = "people"

    def sort_key(self):
        return Upper("sort_name")


class OrganizationIndexView(EntityIndexView):
    """Organizations A–Z, a leading "The" left out ("The Red Cross" under R)."""

    model = Organization
    title = _("Organizations")
    page_list = "organizations"

    def sort_key(self):
        return Func(Upper("name"), Value(r"^THE\s+"), Value(""), function="regexp_replace")


class EventIndexView(EntityIndexView):
    model = Event
    title = _("Events")
    page_list = "events"
