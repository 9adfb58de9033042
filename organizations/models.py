"""People, organizations and events: the entities articles are about, and their names."""

from datetime import date

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.picture_cleaning import clean_new_picture
from newsroom.slug_urls import slug_url
from newsroom.slugs import OldSlug, SlugHistoryMixin
from newsroom.versioning import VersionedModel
from organizations.countries import country_name, validate_country
from organizations.names import name_key, normalize_name
from organizations.sort_names import person_sort_name
from organizations.zones import newsroom_time_zone, zone_label, zone_or_utc


def validate_timezone(value: str) -> None:
    from zoneinfo import available_timezones

    from django.core.exceptions import ValidationError

    if value not in available_timezones():
        raise ValidationError(
            f"“{value}” is not a timezone name; use one like Asia/Tehran or Europe/Istanbul."
        )


wikidata_validator = RegexValidator(r"^Q[1-9]\d*$", "A Wikidata id looks like Q71960.")


class AliasKind(models.TextChoices):
    SPELLING = "spelling", _("Spelling variant")
    NATIVE = "native", _("Native script")
    FORMER = "former", _("Former name")
    TRANSLATION = "translation", _("Translation")
    OTHER = "other", _("Other name")


class Entity(SlugHistoryMixin, VersionedModel):
    """Fields every person and organization shares."""

    name = models.CharField(max_length=200, help_text=_("The name readers know, as the newsroom spells it."))
    slug = models.SlugField(
        max_length=200, unique=True, help_text=_("The last part of the page's web address; change with care.")
    )
    wikidata_id = models.CharField(
        _("Wikidata id"),
        max_length=20,
        blank=True,
        validators=[wikidata_validator],
        help_text=_("Optional: the Wikidata item, such as Q71960, so machines know exactly who this is."),
    )
    name_key = models.CharField(
        max_length=200,
        editable=False,
        db_index=True,
        default="",
        help_text=_("The name's comparison key (organizations.names.name_key), set on save."),
    )
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        db_default=False,
        help_text=_("Created from a name read in a story; untick once an editor has checked it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    #: People's names drop honorifics and ranks; organizations keep them ("General Assembly").
    names_drop_honorifics = True

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    #: The picture readers get of this entity (a person's photo, an organization's logo).
    picture_field: str = ""

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name, honorifics=self.names_drop_honorifics)
        if self.picture_field:
            # Stored re-encoded, whatever path brought it: no GPS, comments or data behind the picture.
            setattr(self, self.picture_field, clean_new_picture(getattr(self, self.picture_field)))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    #: Unique constraints that :meth:`clean` checks with a message naming the record that has the
    #: name or acronym; Django's own constraint check would only say "already exists".
    identity_constraints: frozenset[str] = frozenset()

    def clean(self):
        """One normalized name per entity of a kind (and one acronym per organization)."""
        from django.core.exceptions import ValidationError

        from organizations.identity import identity_clashes

        super().clean()
        clashes = identity_clashes(self)
        if clashes:
            raise ValidationError(
                {field: ValidationError(c.message, code=c.code) for field, c in clashes.items()}
            )

    def get_constraints(self):
        return [
            (model, [c for c in constraints if c.name not in self.identity_constraints])
            for model, constraints in super().get_constraints()
        ]


class Organization(Entity):
    class Kind(models.TextChoices):
        NGO = "ngo", _("Non-governmental organization")
        GOVERNMENT = "government", _("Government body")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization")
        MEDIA = "media", _("News outlet")
        ACADEMIC = "academic", _("University or research institute")
        COMPANY = "company", _("Company")
        CULTURAL = "cultural", _("Museum or cultural institution")
        HEALTH = "health", _("Hospital or health service")
        OTHER = "other", _("Other")

    acronym = models.CharField(
        max_length=30, blank=True, help_text=_("Short form readers know, such as ICRC.")
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[validate_country],
        help_text=_("The country of its seat, chosen by name (stored as its code, IR for Iran)."),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_(
            "The organization this one belongs to, such as a national society for a provincial branch."
        ),
    )
    website = models.URLField(blank=True)
    logo = models.ImageField(upload_to="logos/", blank=True)
    picture_field = "logo"
    description = models.TextField(blank=True, help_text=_("One or two sentences shown on its page."))

    old_slug_model_name = "OrganizationSlug"
    names_drop_honorifics = False

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"], condition=~Q(wikidata_id=""), name="organization_unique_wikidata_id"
            ),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="organization_not_own_parent"),
            models.UniqueConstraint(
                fields=["name_key"],
                condition=~Q(name_key=""),
                name="organization_unique_name_key",
                violation_error_message=_("Another organization already has this name."),
            ),
            models.UniqueConstraint(
                Upper("acronym"),
                condition=~Q(acronym=""),
                name="organization_unique_acronym",
                violation_error_message=_("Another organization already has this acronym."),
            ),
        ]
        indexes = [models.Index(Lower("name"), name="organization_name_lower")]

    identity_constraints = frozenset({"organization_unique_name_key", "organization_unique_acronym"})

    def get_absolute_url(self) -> str:
        return slug_url("organizations:organization_detail", self.slug)

    @property
    def display_name(self) -> str:
        """ "International Committee of the Red Cross (ICRC)"."""
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def country_name(self) -> str:
        """The country as readers know it: "Iran" for IR."""
        return country_name(self.country)


class Person(Entity):
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "How the people index files this person, surname first: “Kolivand, Pirhossein” goes "
            "under K. Leave empty to have it made from the name; correct it when the surname is "
            "not the last word (“Hashemi Rafsanjani, Akbar”)."
        ),
    )
    bio = models.TextField(blank=True, help_text=_("A short biography shown on the person's page."))
    photo = models.ImageField(upload_to="people/", blank=True)
    picture_field = "photo"

    old_slug_model_name = "PersonSlug"

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        # Merging rewrites the archive's links; Editors have it (setup_roles), Authors do not.
        permissions = [("merge_entities", "Can merge duplicate people and organizations")]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"], condition=~Q(wikidata_id=""), name="person_unique_wikidata_id"
            ),
            models.UniqueConstraint(
                fields=["name_key"],
                condition=~Q(name_key=""),
                name="person_unique_name_key",
                violation_error_message=_("Another person already has this name."),
            ),
        ]
        indexes = [
            models.Index(Lower("name"), name="person_name_lower"),
            # The people index: A–Z by sort name, a page at a time.
            models.Index(Upper("sort_name"), F("id"), name="person_sort_name"),
        ]

    identity_constraints = frozenset({"person_unique_name_key"})

    def get_absolute_url(self) -> str:
        return slug_url("organizations:person_detail", self.slug)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_name = instance.__dict__.get("name")
        return instance

    def save(self, *args, **kwargs):
        # Every path (admin, importers, merges, discovery) files the person the same way: an
        # empty sort name, or one that was only the rule's reading of the old name, follows the name.
        previous = getattr(self, "_loaded_name", None)
        automatic = not self.sort_name.strip() or (
            previous is not None and previous != self.name and self.sort_name == person_sort_name(previous)
        )
        if automatic:
            self.sort_name = person_sort_name(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)
        self._loaded_name = self.name


class Alias(models.Model):
    """Another name for an entity: a spelling variant, the name in native script, a former name."""

    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, editable=False, db_index=True)
    # One key, one entity of a kind: a database trigger refuses the same key on two entities'
    # aliases (the same entity may keep several spellings that share a key).
    name_key = models.CharField(max_length=200, editable=False, default="", db_index=True)
    kind = models.CharField(max_length=20, choices=AliasKind.choices, default=AliasKind.SPELLING)
    language = models.CharField(max_length=10, blank=True, help_text=_("Language code, such as fa or ar."))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    #: Set by each concrete model: the entity this is another name of.
    owner_field = ""
    names_drop_honorifics = True

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        self.name_key = name_key(self.name, honorifics=self.names_drop_honorifics)
        super().save(*args, **kwargs)

    @property
    def owner(self):
        return getattr(self, self.owner_field)

    def validate_unique(self, exclude=None):
        """Name the entity that already has this name, instead of a bare "already exists"."""
        from django.core.exceptions import ValidationError

        from organizations.identity import name_owner

        super().validate_unique(exclude=exclude)
        owner_id = getattr(self, f"{self.owner_field}_id", None)
        clash = name_owner(type(self).owner_model(), self.name, exclude_pk=owner_id)
        if clash is not None:
            raise ValidationError({"name": clash.message})


class PersonAlias(Alias):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")

    owner_field = "person"

    class Meta:
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="person_alias_unique"),
        ]

    @staticmethod
    def owner_model():
        return Person


class OrganizationAlias(Alias):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")

    owner_field = "organization"
    names_drop_honorifics = False

    class Meta:
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="organization_alias_unique"),
        ]

    @staticmethod
    def owner_model():
        return Organization


class AffiliationQuerySet(models.QuerySet):
    def current(self, on: date | None = None):
        on = on or date.today()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=on)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )


class Affiliation(models.Model):
    """A person holds a title at an organization, from a date to a date."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="affiliations")
    title = models.CharField(
        max_length=200, help_text=_('As a reader would see it: "head", "representative in Iran".')
    )
    start_date = models.DateField(null=True, blank=True, help_text=_("Leave empty when not known."))
    end_date = models.DateField(
        null=True, blank=True, help_text=_("Leave empty while the person holds the title.")
    )

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        ordering = [F("end_date").desc(nulls_first=True), F("start_date").desc(nulls_last=True)]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="affiliation_ends_after_start",
                violation_error_message=_("An affiliation cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["person", "organization", "title", "start_date"],
                name="affiliation_unique",
                nulls_distinct=False,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.title}, {self.organization}"

    @property
    def is_current(self) -> bool:
        today = date.today()
        return (self.start_date is None or self.start_date <= today) and (
            self.end_date is None or self.end_date >= today
        )


class EventQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Events not over yet (on now, or to come), soonest first."""
        now = now or timezone.now()
        return self.filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now)).order_by(
            "starts_at", "id"
        )

    def past(self, now=None):
        """Events that are over, the latest first."""
        now = now or timezone.now()
        return self.filter(Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now)).order_by(
            "-starts_at", "-id"
        )


class Event(SlugHistoryMixin, VersionedModel):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        CONFERENCE = "conference", _("Conference")
        SESSION = "session", _("Session")
        EXHIBITION = "exhibition", _("Exhibition")
        AGREEMENT = "agreement", _("Agreement or signing")
        OBSERVANCE = "observance", _("Observance")
        DISASTER = "disaster", _("Disaster")
        ELECTION = "election", _("Election")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    starts_at = models.DateTimeField(
        help_text=_("When it starts, as a clock where it takes place shows it (the event's timezone).")
    )
    ends_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When it ends, in the event's timezone too; empty for a single moment."),
    )
    all_day = models.BooleanField(
        default=False, help_text=_("Tick when only the dates matter (an exhibition, an observance).")
    )
    timezone = models.CharField(
        max_length=64,
        default=newsroom_time_zone,
        validators=[validate_timezone],
        help_text=_(
            "The timezone of the place it happens, such as Europe/Istanbul for Istanbul or Ankara. "
            "The times above are read in this zone, and readers see them in it."
        ),
    )
    venue = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[validate_country],
        help_text=_("The country it takes place in, chosen by name (stored as its code, TR for Türkiye)."),
    )
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        help_text=_("The larger event this one is part of, such as the conference a session belongs to."),
    )
    organizers = models.ManyToManyField(
        Organization, through="EventOrganizer", related_name="organized_events", blank=True
    )
    participants = models.ManyToManyField(
        Person, through="EventParticipant", related_name="events", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    old_slug_model_name = "EventSlug"

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="event_not_own_parent"),
        ]
        indexes = [models.Index(fields=["starts_at"], name="event_starts_at")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("organizations:event_detail", self.slug)

    @property
    def country_name(self) -> str:
        """The country as readers know it: "Türkiye" for TR."""
        return country_name(self.country)

    @property
    def zone(self):
        return zone_or_utc(self.timezone)

    @property
    def zone_label(self) -> str:
        """The event's zone as readers say it: "Istanbul time"."""
        return zone_label(self.timezone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone) if self.ends_at else None


class EventAlias(models.Model):
    """Another name an event goes by ("World Red Crescent Day" for the 8 May observance)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=250)

    class Meta:
        verbose_name = _("event alias")
        verbose_name_plural = _("event aliases")
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="event_alias_unique")]

    def __str__(self) -> str:
        return self.name


class EventOrganizer(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organizer_links")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="organizer_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "organization"], name="event_organizer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organization} organizes {self.event}"


class EventParticipant(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participant_links")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participant_links")
    role = models.CharField(
        max_length=100, blank=True, help_text=_('Optional: "speaker", "delegation head".')
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="event_participant_unique")]

    def __str__(self) -> str:
        return f"{self.person} at {self.event}"


class PersonSlug(OldSlug):
    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="old_slugs")


class OrganizationSlug(OldSlug):
    owner = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="old_slugs")


class EventSlug(OldSlug):
    owner = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="old_slugs")


class EntityMerge(models.Model):
    """The history of a merge: which record was folded into which, by whom, and what moved."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANIZATION = "organization", _("Organization")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    keep_id = models.PositiveIntegerField(help_text=_("The record that remains."))
    keep_name = models.CharField(max_length=200)
    drop_id = models.PositiveIntegerField(help_text=_("The record folded into it, now deleted."))
    drop_name = models.CharField(max_length=200)
    drop_slug = models.CharField(max_length=200, help_text=_("Its old address, now redirecting."))
    moved = models.JSONField(default=dict, help_text=_("How many links, quotes, bylines... moved."))
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entity_merges",
    )
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-merged_at", "-id"]
        verbose_name = "entity merge"

    def __str__(self) -> str:
        return f"{self.drop_name} merged into {self.keep_name}"
