"""Articles and everything hanging off them: sections, bylines, entity links, quotes, stored
related posts and the editors' pins and excludes. Pictures live in ``articles.images.models``."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func, Q, TextField, Value
from django.db.models.functions import Concat, Left
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from articles.html import clean_body, validate_body_keeps_text
from articles.images.models import Image, ImageRendition, ImageTag, TaggedImage  # noqa: F401 (models of this app)
from articles.text import stub_reason, summarize
from newsroom.slug_urls import slug_url
from newsroom.slugs import OldSlug, SlugHistoryMixin
from newsroom.versioning import VersionedModel
from organizations.models import Event, Organization, Person


class Section(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, help_text=_("One sentence shown on the section page."))
    position = models.PositiveSmallIntegerField(default=0, help_text=_("Order in the site's navigation."))

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("articles:section_detail", self.slug)


def published_condition(prefix: str = "") -> Q:
    """The one visibility rule for every public surface, as a condition on articles reached
    through ``prefix`` ("article__" from a quote): a join instead of ``IN (published())``."""
    now = timezone.now()
    return (Q(**{f"{prefix}unpublish_at__isnull": True}) | Q(**{f"{prefix}unpublish_at__gt": now})) & Q(
        **{
            f"{prefix}status": Article.Status.PUBLISHED,
            f"{prefix}published_at__lte": now,
            f"{prefix}is_stub": False,
        }
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles a reader may see now: the one visibility rule for every public surface."""
        return self.filter(published_condition())

    def tagged(self, tag=None):
        """Articles that carry ``tag`` (any tag when None), as an ``IN`` over the tag's items.

        django-taggit's join casts the article id to the item's integer column, which keeps
        PostgreSQL off both tables' indexes (a listing of a busy tag compared every pair); the
        ``IN`` lets it probe the (tag, content type, object) index from each newest article.
        """
        # The content type by id (Django caches it per process): a join to it blinds the estimate.
        items = TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(Article))
        if tag is not None:
            items = items.filter(tag=tag)
        return self.filter(pk__in=items.values("object_id"))

    def coverage_of(self, entity):
        """Articles linked to a person, organization or event in any role (a person's bylines too).

        A UNION of article ids, so each link table is read through its own index.
        """
        from articles.links import link_kind_for

        link = link_kind_for(entity)
        ids = link.link_model.objects.filter(**{link.field: entity}).values("article_id")
        if isinstance(entity, Person):
            ids = ids.union(Byline.objects.filter(person=entity).values("article_id"))
        return self.filter(pk__in=ids)


#: How much of the body search snippets are taken from: ts_headline's cost grows with the text.
SNIPPET_SOURCE_CHARS = 3000


def _snippet_source():
    """The standfirst and the start of the body as plain text (tags removed), in SQL."""
    return Func(
        Concat("dek", Value(" "), Left("body", SNIPPET_SOURCE_CHARS), output_field=TextField()),
        Value(r"<[^>]*>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


class Article(SlugHistoryMixin, VersionedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    headline = models.CharField(max_length=250)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text=_("The article's web address. Old addresses keep working after a change."),
    )
    dek = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the headline. Required before publishing."),
    )
    dek_is_derived = models.BooleanField(
        _("standfirst derived from the lead"),
        default=False,
        db_default=False,  # bulk loaders that COPY rows without the column get False too
        editable=False,
        help_text=_(
            "Set when an importer made the standfirst from the story's first sentence; "
            "cleared as soon as an editor changes the standfirst."
        ),
    )
    body = models.TextField(blank=True, help_text=_("The story. Cleaned of unsafe HTML on save."))
    summary = models.TextField(
        blank=True, help_text=_("For listings and feeds. Leave empty to use the start of the body.")
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles", null=True, blank=True
    )
    tags = TaggableManager(blank=True, help_text=_("Topics, separated by commas."))
    lead_image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="lead_of"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(
        _("publish time"), null=True, blank=True, help_text=_("When the article goes (or went) public.")
    )
    unpublish_at = models.DateTimeField(
        _("expiry time"), null=True, blank=True, help_text=_("Optional: when the article stops being public.")
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    source_organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="credited_articles",
        verbose_name=_("source credit"),
        help_text=_("The outlet this story draws on: shown as “as reported by IRNA”."),
    )
    source_url = models.URLField(
        _("source URL"), blank=True, max_length=500, help_text=_("The original story, if online.")
    )
    canonical_url = models.URLField(
        _("canonical URL"),
        blank=True,
        max_length=500,
        help_text=_("Only when the story's original home is elsewhere."),
    )
    language = models.CharField(max_length=10, default="en", help_text=_("Language code, such as en or fa."))
    noindex = models.BooleanField(default=False, help_text=_("Ask search engines not to index this article."))
    is_stub = models.BooleanField(
        default=False,
        editable=False,
        help_text=_("Set automatically when the text is a placeholder or too thin; a stub is never public."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_created",
        editable=False,
    )
    search_vector = SearchVectorField(null=True, editable=False)
    #: What a search result's snippet is cut from, kept by PostgreSQL beside every change of the
    #: text: the page highlights 20 of them without reading the bodies or removing their tags.
    snippet_source = models.GeneratedField(
        expression=_snippet_source(), output_field=models.TextField(), db_persist=True
    )

    objects = ArticleQuerySet.as_manager()

    old_slug_model_name = "ArticleSlug"

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
            models.Index(fields=["section", "-published_at"], name="article_section_published"),
            # The editors' article list: newest first across every status, one index walk.
            models.Index(fields=["-published_at", "-id"], name="article_admin_newest"),
            GinIndex(fields=["search_vector"], name="article_search_vector"),
            # Section listings page by (published_at, id) cursor: the public rows in that order, with
            # the expiry to check, so an old ?page=N bookmark finds its place by an index-only walk.
            models.Index(
                fields=["section", "-published_at", "-id"],
                include=["unpublish_at"],
                condition=Q(status="published", is_stub=False),
                name="article_section_public",
            ),
            # The sitemaps' latest change: a walk from the newest edit that stops at the first public row.
            models.Index(fields=["-updated_at"], name="article_updated"),
            # The page cache asks for the next expiry on every miss.
            models.Index(
                fields=["unpublish_at"], name="article_expiry", condition=Q(unpublish_at__isnull=False)
            ),
            # Entity pages count a person's coverage by month over tens of thousands of ids: the
            # visibility columns beside the id let that read this small index, not the table.
            models.Index(
                fields=["id"],
                include=["published_at", "status", "is_stub", "unpublish_at"],
                name="article_visibility",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("A published article needs a publish time."),
            ),
            models.CheckConstraint(
                condition=~Q(status="scheduled") | Q(published_at__isnull=False),
                name="article_scheduled_has_time",
                violation_error_message=_("A scheduled article needs a publish time."),
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(unpublish_at__gt=F("published_at")),
                name="article_expires_after_publish",
                violation_error_message=_("The expiry time must be after the publish time."),
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return slug_url("articles:article_detail", self.slug)

    def clean(self):
        super().clean()
        # Every path that validates (the admin, imports) refuses a body cleaning would cut short.
        try:
            validate_body_keeps_text(self.body)
        except ValidationError as error:
            raise ValidationError({"body": error.messages}) from error

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_dek = instance.__dict__.get("dek")
        return instance

    def save(self, *args, **kwargs):
        # A derived standfirst the editor rewrote is the editor's own: the flag goes.
        loaded_dek = getattr(self, "_loaded_dek", None)
        if self.dek_is_derived and loaded_dek is not None and self.dek != loaded_dek:
            self.dek_is_derived = False
        self._loaded_dek = self.dek
        self.body = clean_body(self.body)
        self.is_stub = stub_reason(self.body) is not None
        if self.status == self.Status.PUBLISHED and self.published_at:
            self.first_published_at = self.first_published_at or self.published_at
            self.last_published_at = self.published_at
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "body",
                "is_stub",
                "dek_is_derived",
                "first_published_at",
                "last_published_at",
            }
        super().save(*args, **kwargs)

    @property
    def display_summary(self) -> str:
        return self.summary or summarize(self.body)

    @property
    def was_updated(self) -> bool:
        """True when the story changed noticeably after it went out (more than a minute later)."""
        return bool(self.published_at and (self.updated_at - self.published_at).total_seconds() > 60)


class ArticleSlug(OldSlug):
    owner = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")


class PersonAccount(models.Model):
    """The admin account of a person who writes: an Author sees the stories that carry their byline."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="account")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="byline_person"
    )

    class Meta:
        verbose_name = "writer's account"
        verbose_name_plural = "writers' accounts"

    def __str__(self) -> str:
        return f"{self.person} ({self.user})"


class Byline(models.Model):
    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        PHOTOGRAPHER = "photographer", _("Photographer")
        TRANSLATOR = "translator", _("Translator")
        CONTRIBUTOR = "contributor", _("Contributor")
        EDITOR = "editor", _("Editor")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="bylines")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUTHOR)
    position = models.PositiveSmallIntegerField(default=0, help_text=_("Order in the byline."))

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "person", "role"], name="byline_unique_person_role")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class LinkRole(models.TextChoices):
    ABOUT = "about", _("About")
    MENTIONS = "mentions", _("Mentions")
    QUOTED = "quoted", _("Quoted")


class EntityLink(models.Model):
    """The article is about, mentions, or quotes an entity."""

    role = models.CharField(
        max_length=10,
        choices=LinkRole.choices,
        default=LinkRole.ABOUT,
        help_text=_("About: the story is about it. Mentions: named in passing."),
    )

    class Meta:
        abstract = True


class ArticlePerson(EntityLink):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="article_links")

    class Meta:
        verbose_name = "person in this article"
        verbose_name_plural = "people in this article"
        constraints = [
            models.UniqueConstraint(fields=["article", "person", "role"], name="article_person_unique_role"),
        ]
        indexes = [
            models.Index(fields=["person", "article"], name="article_person_by_person"),
            # Related-post scoring reads one entity's links and their role from the index alone.
            models.Index(fields=["person", "article"], include=["role"], name="related_person_article_role"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.role})"


class ArticleOrganization(EntityLink):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="organization_links")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="article_links")

    class Meta:
        verbose_name = "organization in this article"
        verbose_name_plural = "organizations in this article"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "organization", "role"], name="article_organization_unique_role"
            ),
            models.CheckConstraint(
                condition=Q(role__in=["about", "mentions"]),
                name="article_organization_role_valid",
                violation_error_message=_("An organization can be what the story is about, or be mentioned."),
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "article"], name="article_org_by_org"),
            models.Index(
                fields=["organization", "article"], include=["role"], name="related_org_article_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.role})"


class ArticleEvent(EntityLink):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_links")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="article_links")

    class Meta:
        verbose_name = "event in this article"
        verbose_name_plural = "events in this article"
        constraints = [
            models.UniqueConstraint(fields=["article", "event", "role"], name="article_event_unique_role"),
            models.CheckConstraint(
                condition=Q(role__in=["about", "mentions"]),
                name="article_event_role_valid",
                violation_error_message=_("An event can be what the story is about, or be mentioned."),
            ),
        ]
        indexes = [
            models.Index(fields=["event", "article"], name="article_event_by_event"),
            models.Index(fields=["event", "article"], include=["role"], name="related_event_article_role"),
        ]

    def __str__(self) -> str:
        return f"{self.event} ({self.role})"


class Quote(models.Model):
    text = models.TextField(help_text=_("The words as spoken, without quotation marks."))
    speaker = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="quotes")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="quotes"
    )
    context = models.CharField(
        max_length=300, blank=True, help_text=_('Where it was said: "at the Tehran meeting".')
    )
    said_on = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            # A person's page shows their latest quotes: read in this order, stopping at ten.
            models.Index(
                F("speaker"),
                F("said_on").desc(nulls_last=True),
                F("id").desc(),
                name="quote_latest_by_speaker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker}: {self.text[:60]}"


class RelatedArticle(models.Model):
    """A stored related post: computed off-request, read by pages with one indexed query."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_entries")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    shared = models.JSONField(
        _("what is shared"),
        default=list,
        help_text=_(
            "What the two stories share, by id: people, organizations, events and tags with their roles "
            "and weights, similar wording, the section, an editor's pin. Named when the page is read."
        ),
    )
    pinned = models.BooleanField(default=False)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_unique_pair"),
            models.CheckConstraint(condition=~Q(article=F("related")), name="related_not_self"),
        ]
        indexes = [models.Index(fields=["article", "rank"], name="related_by_article_rank")]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.related_id} ({self.score:.2f})"


class ArticleTerm(models.Model):
    """One of an article's most telling words (a stemmed lexeme) and its TF-IDF weight.

    Related stories find text neighbours through these postings (indexed by term) instead of
    comparing whole texts; the weights are L2-normalized over the article's full vector, so the
    sum over shared terms approximates the cosine. Written by ``articles.related.terms`` only.
    """

    pk = models.CompositePrimaryKey("article", "term")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", db_index=False)
    term = models.CharField(max_length=100)
    weight = models.FloatField()

    class Meta:
        verbose_name = _("article term")
        indexes = [
            # The postings of one term, strongest first, read from the index alone.
            models.Index(fields=["term", "-weight"], include=["article"], name="article_term_postings"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.term} ({self.weight:.3f})"


class TermFrequency(models.Model):
    """In how many indexed articles a term occurs: the document frequency behind the TF-IDF weights.

    Counted exactly by ``rebuild_related``; between rebuilds every newly indexed article adds one
    to each of its terms.
    """

    term = models.CharField(max_length=100, primary_key=True)
    articles = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("term frequency")
        verbose_name_plural = _("term frequencies")

    def __str__(self) -> str:
        return f"{self.term}: {self.articles}"


class SearchWord(models.Model):
    """A word of the published archive and in how many stories it occurs: the vocabulary search
    corrects a misspelled query against (``rebuild_search_words``).

    ``deletions`` holds the word and each spelling of it with one letter left out: two words one
    typo apart share one of them, so the GIN index finds the near spellings of a query's word in
    one lookup (the embedded PostgreSQL has no pg_trgm).
    """

    word = models.CharField(max_length=40, primary_key=True)
    documents = models.PositiveIntegerField()
    deletions = ArrayField(models.CharField(max_length=40))

    class Meta:
        verbose_name = _("search word")
        indexes = [
            GinIndex(fields=["deletions"], name="search_word_deletions"),
            # Search reads the most common word's count (a stand-in for the archive's size) per query.
            models.Index(fields=["-documents"], name="search_word_documents"),
        ]

    def __str__(self) -> str:
        return f"{self.word}: {self.documents}"


class RelatedOverride(models.Model):
    """An editor's decision: always show (pin) or never show (exclude) an article as related."""

    class Kind(models.TextChoices):
        PIN = "pin", _("Pin (always show, first)")
        EXCLUDE = "exclude", _("Exclude (never show)")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_overrides")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PIN)
    position = models.PositiveSmallIntegerField(default=0, help_text=_("Order among the pinned articles."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "related-post pin or exclusion"
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_override_unique_pair"),
            models.CheckConstraint(
                condition=~Q(article=F("related")),
                name="related_override_not_self",
                violation_error_message=_("An article cannot be related to itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.related}"


from articles.linking.models import EntityProposal  # noqa: E402, F401 (a model of this app)
from articles.workflow.models import AutosaveDraft  # noqa: E402, F401 (a model of this app)
