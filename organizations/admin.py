"""The editors' screens for people, organizations and events."""

from django.contrib import admin
from django.db.models import Count
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from newsroom.conflicts import VersionConflictAdminMixin
from newsroom.revisions import RevisionAdminMixin
from organizations.admin_merge import MergeAdminMixin
from organizations.countries import country_name
from organizations.forms import EventForm, OrganizationForm
from organizations.models import (
    Affiliation,
    Event,
    EventAlias,
    EventOrganizer,
    EventParticipant,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)
from organizations.variants import PersonVariantForm


class CountryFilter(admin.SimpleListFilter):
    """Filter by country, listed by name: the countries the records in the list have."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = model_admin.model.objects.exclude(country="").order_by().values_list("country", flat=True)
        return sorted(((code, country_name(code)) for code in set(codes)), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


class ReviewAdminMixin:
    """Records created from names read in stories are marked for review until an editor checks them."""

    actions = ["merge_selected", "mark_reviewed"]

    @admin.action(description=_("Mark as reviewed (checked by an editor)"))
    def mark_reviewed(self, request, queryset):
        done = queryset.filter(needs_review=True).update(needs_review=False)
        self.message_user(request, _("%(n)d marked as reviewed.") % {"n": done})


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    fields = ["name", "kind", "language"]
    verbose_name = "other name"
    verbose_name_plural = "Other names (spelling variants, native script, former names)"


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 1
    fields = ["name", "kind", "language"]
    verbose_name = "other name"
    verbose_name_plural = "Other names (translations, former names)"


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 1
    autocomplete_fields = ["organization"]
    fields = ["organization", "title", "start_date", "end_date"]
    verbose_name_plural = "Titles at organizations (affiliations)"


class OrganizationPeopleInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "title", "start_date", "end_date"]
    verbose_name_plural = "People with titles here"


@admin.register(Person)
class PersonAdmin(ReviewAdminMixin, MergeAdminMixin, VersionConflictAdminMixin, RevisionAdminMixin):
    form = PersonVariantForm
    merge_kind = "person"
    list_display = ["name", "other_names", "current_titles", "needs_review", "wikidata_id", "updated_at"]
    search_fields = ["name", "slug", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline, AffiliationInline]
    fields = [
        "name",
        "confirm_new_person",
        "slug",
        "sort_name",
        "bio",
        "photo",
        "wikidata_id",
        "needs_review",
    ]
    list_filter = ["needs_review", "affiliations__organization__kind"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases", "affiliations__organization")

    @admin.display(description=_("Other names"))
    def other_names(self, person):
        return ", ".join(alias.name for alias in person.aliases.all())

    @admin.display(description=_("Titles"))
    def current_titles(self, person):
        return "; ".join(
            f"{a.title}, {a.organization.acronym or a.organization.name}" for a in person.affiliations.all()
        )


@admin.register(Organization)
class OrganizationAdmin(ReviewAdminMixin, MergeAdminMixin, VersionConflictAdminMixin, RevisionAdminMixin):
    form = OrganizationForm
    merge_kind = "organization"
    list_display = ["name", "acronym", "kind", "country_column", "parent", "article_count", "needs_review"]
    ordering = ["name"]
    list_filter = ["needs_review", "kind", CountryFilter]
    list_select_related = ["parent"]
    search_fields = ["name", "acronym", "slug", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [OrganizationAliasInline, OrganizationPeopleInline]
    fields = [
        "name",
        "acronym",
        "slug",
        "kind",
        "country",
        "parent",
        "website",
        "logo",
        "description",
        "wikidata_id",
        "needs_review",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(article_total=Count("article_links__article", distinct=True))
        )

    @admin.display(description=_("Articles"), ordering="article_total")
    def article_count(self, organization):
        return organization.article_total

    @admin.display(description=_("Country"), ordering="country")
    def country_column(self, organization):
        return organization.country_name or "—"


class EventOrganizerInline(admin.TabularInline):
    model = EventOrganizer
    extra = 1
    autocomplete_fields = ["organization"]
    verbose_name_plural = "Organizers"


class EventParticipantInline(admin.TabularInline):
    model = EventParticipant
    extra = 1
    autocomplete_fields = ["person"]
    verbose_name_plural = "Participants"


@admin.register(Event)
class EventAdmin(VersionConflictAdminMixin, RevisionAdminMixin):
    form = EventForm
    list_display = ["name", "kind", "local_start", "city", "country_column", "parent"]
    list_filter = ["kind", CountryFilter, "all_day"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "city", "venue"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    date_hierarchy = "starts_at"
    inlines = [EventOrganizerInline, EventParticipantInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "parent", "description"]}),
        ("When", {"fields": ["timezone", "starts_at", "ends_at", "all_day"]}),
        ("Where", {"fields": ["venue", "city", "country"]}),
    ]

    @admin.display(description=_("Starts (local time)"), ordering="starts_at")
    def local_start(self, event):
        # In the event's own zone, as the change form shows it: "13 Mar 2026, 09:30 Istanbul time".
        start = event.local_start
        if event.all_day:
            return date_format(start, "j M Y")
        return f"{date_format(start, 'j M Y, H:i')} {event.zone_label}"

    @admin.display(description=_("Country"), ordering="country")
    def country_column(self, event):
        return event.country_name or "—"


@admin.register(EventAlias)
class EventAliasAdmin(admin.ModelAdmin):
    """Other names stories give an event ("World Red Crescent Day"): found in the text like its name."""

    list_display = ["name", "event"]
    list_select_related = ["event"]
    search_fields = ["name", "event__name"]
    autocomplete_fields = ["event"]


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "organization", "start_date", "end_date"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "organization__name", "organization__acronym", "title"]
    autocomplete_fields = ["person", "organization"]
    list_filter = ["organization__kind"]
